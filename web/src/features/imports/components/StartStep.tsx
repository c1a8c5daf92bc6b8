import { Alert, Button, Group, Progress, Radio, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import {
  IMPORT_ENTITIES,
  IMPORT_PRESETS,
  type Import,
  type ImportEntity,
  type ImportPreset,
} from "../api/import-schema";
import { useImportTemplates } from "../api/import-templates";
import { usePartnerChoices } from "../api/partner-choices";
import { type UploadProgress, useUploadImport } from "../api/upload-import";
import { FileDropZone } from "./FileDropZone";
import { ENTITY_LABELS, formatBytes, PRESET_LABELS } from "./labels";

const ENTITY_HINTS: Record<ImportEntity, string> = {
  account: "Your CRM accounts: customers, prospects, churned.",
  opportunity: "Deals, linked to accounts by their external id.",
  partner: "Resellers, alliances, platforms: Name, Website and Type are enough.",
  contact: "People at your accounts.",
  partner_account: "The accounts a partner shares with you, for account mapping.",
};

/** Step 1: what to import, from which file, read how — then upload it. */
export function StartStep({ onUploaded }: { onUploaded: (created: Import) => void }) {
  const [entity, setEntity] = useState<ImportEntity>("account");
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<ImportPreset>("auto");
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const upload = useUploadImport(setProgress);
  const partners = usePartnerChoices(entity === "partner_account");
  const templates = useImportTemplates(entity);

  const submit = () => {
    if (!file) return setMissing("Choose the CSV file to import.");
    if (entity === "partner_account" && !partnerId) return setMissing("Choose whose account list this is.");
    setMissing(null);
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { entity, file, preset, partnerId: entity === "partner_account" ? partnerId : null, templateId },
      { onSuccess: onUploaded },
    );
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <Stack
      gap="lg"
      component="form"
      aria-label="Start an import"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Radio.Group
        label="What to import"
        value={entity}
        onChange={(value) => {
          setEntity(value as ImportEntity);
          setTemplateId(null);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="sm">
          {IMPORT_ENTITIES.map((value) => (
            <Radio.Card key={value} value={value} radius="md" p="sm" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600} size="sm">
                    {ENTITY_LABELS[value]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {ENTITY_HINTS[value]}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>

      {entity === "partner_account" && (
        <Select
          label="Partner"
          description="Whose account list is this? The records belong to the partner, not to you."
          placeholder={partners.isPending ? "Loading partners…" : "Choose a partner"}
          searchable
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={partnerId}
          onChange={setPartnerId}
          error={partners.isError ? "Could not load the partners." : undefined}
          maw={420}
        />
      )}

      <FileDropZone file={file} onChange={setFile} disabled={upload.isPending} />

      <Group grow align="flex-start" wrap="wrap">
        <Select
          label="Format"
          description="Auto-detect recognises Salesforce and HubSpot exports from their headers."
          data={IMPORT_PRESETS.map((value) => ({ value, label: PRESET_LABELS[value] }))}
          value={preset}
          onChange={(value) => setPreset((value as ImportPreset | null) ?? "auto")}
          allowDeselect={false}
          miw={220}
        />
        <Select
          label="Saved mapping template"
          description="Optional: reuse a column mapping you saved before."
          placeholder={templates.data?.length ? "None" : "No templates saved yet"}
          clearable
          disabled={!templates.data?.length}
          data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={templateId}
          onChange={setTemplateId}
          miw={220}
        />
      </Group>

      {missing && (
        <Alert color="orange" variant="light">
          {missing}
        </Alert>
      )}
      {upload.isError && <ErrorAlert error={upload.error} title="The file was not accepted" />}
      {upload.isPending && progress && (
        <Stack gap={4}>
          <Text size="sm">
            Uploading {file?.name}: {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
          </Text>
          <Progress value={percent} aria-label="Upload progress" striped animated />
        </Stack>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={upload.isPending}>
          Upload and read the file
        </Button>
      </Group>
    </Stack>
  );
}
