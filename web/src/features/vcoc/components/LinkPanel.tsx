import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useDeleteLink } from "../api/delete-link";
import { usePartnerOptions } from "../api/get-partner-options";
import type { ValueChain, ValueChainLink } from "../api/get-value-chain";
import { linkInputSchema, useSaveLink } from "../api/save-link";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind, lifecycleLabel } from "./labels";

interface LinkPanelProps {
  chain: ValueChain;
  /** The link being edited, or null to add one. */
  link: ValueChainLink | null;
  canEdit: boolean;
  onClose: () => void;
}

const WEIGHTS = ["0", "1", "2", "3", "4", "5"];
const FIELDS = ["name", "description", "channelKind", "partnerIds"] as const;

/** Side panel to add or edit a link: name, channel kind, weight per stage and its partners. */
export function LinkPanel({ chain, link, canEdit, onClose }: LinkPanelProps) {
  const [name, setName] = useState(link?.name ?? "");
  const [description, setDescription] = useState(link?.description ?? "");
  const [channelKind, setChannelKind] = useState<ChannelKind>(link?.channelKind ?? "influencer");
  const [weights, setWeights] = useState<Record<string, number>>(() =>
    Object.fromEntries(chain.stages.map((s) => [s.key, link?.stageWeights[s.key] ?? 0])),
  );
  const [partnerIds, setPartnerIds] = useState<string[]>(link?.partners.map((p) => p.id) ?? []);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const partners = usePartnerOptions();
  const save = useSaveLink(chain.icp.id);
  const remove = useDeleteLink(chain.icp.id);
  const { fieldErrors, showAlert } = splitErrors(save.error, FIELDS);

  // Assigned partners stay visible even when the options list has not loaded them.
  const options = [
    ...(partners.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.name} · ${lifecycleLabel(p.lifecycle)}`,
    })),
    ...(link?.partners ?? [])
      .filter((p) => !(partners.data ?? []).some((o) => o.id === p.id))
      .map((p) => ({ value: p.id, label: p.name })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(linkInputSchema, {
      name,
      description: description.trim() === "" ? null : description,
      channelKind,
      stageWeights: Object.fromEntries(Object.entries(weights).filter(([, w]) => w > 0)),
      partnerIds,
    });
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    save.mutate(link ? { ...checked.data, id: link.id } : checked.data, { onSuccess: onClose });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-label="Link editor">
      <Stack gap="sm">
        <Title order={2} fz="lg" fw={700}>
          {link ? "Edit link" : "Add a link"}
        </Title>
        <TextInput
          label="Name"
          placeholder="e.g. Implementation SI"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={localErrors.name ?? fieldErrors.name}
          disabled={!canEdit}
          required
        />
        <Textarea
          label="Description"
          placeholder="Why the customer listens to them"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
          disabled={!canEdit}
        />
        <Select
          label="Channel kind"
          data={CHANNEL_KINDS.map((kind) => ({ value: kind, label: CHANNEL_KIND_LABELS[kind] }))}
          value={channelKind}
          onChange={(value) => value && setChannelKind(value as ChannelKind)}
          allowDeselect={false}
          disabled={!canEdit}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Importance per journey stage (0–5)
          </Text>
          {chain.stages.map((stage) => (
            <Group key={stage.key} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" fw={600} w={70} truncate>
                {stage.name}
              </Text>
              <SegmentedControl
                size="xs"
                data={WEIGHTS}
                value={String(weights[stage.key] ?? 0)}
                onChange={(value) => setWeights((current) => ({ ...current, [stage.key]: Number(value) }))}
                aria-label={`${stage.name} weight`}
                disabled={!canEdit}
              />
            </Group>
          ))}
        </Stack>
        <MultiSelect
          label="Partners"
          placeholder={partnerIds.length ? undefined : "Search partners"}
          data={options}
          value={partnerIds}
          onChange={setPartnerIds}
          searchable
          clearable
          nothingFoundMessage={partners.isPending ? "Loading partners…" : "No partner matches"}
          error={fieldErrors.partnerIds}
          disabled={!canEdit}
          comboboxProps={{ withinPortal: true }}
        />
        {showAlert && save.error && <ErrorAlert error={save.error} />}
        {remove.error && <ErrorAlert error={remove.error} />}
        <Group justify="space-between" mt="xs">
          {link && canEdit ? (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(link.id, { onSuccess: onClose })}
            >
              Delete link
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {canEdit ? "Cancel" : "Close"}
            </Button>
            {canEdit && (
              <Button type="submit" loading={save.isPending}>
                {link ? "Save link" : "Add link"}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
