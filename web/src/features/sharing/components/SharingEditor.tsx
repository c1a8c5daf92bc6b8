import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import {
  type SharingLevel,
  type SharingRule,
  type SharingRuleInput,
  type SharingSettings,
  useSaveSharing,
} from "../api/sharing";
import { type DraftLevel, fieldLabel, LEVEL_HELP, LEVEL_OPTIONS } from "./sharing-labels";

type Draft = {
  side: SharingRule["side"];
  population: string;
  label: string;
  level: DraftLevel;
  fields: string[];
  minCount: number;
  filter: SharingRule["filter"];
};

const draftOf = (rule: SharingRule): Draft => ({
  side: rule.side,
  population: rule.population,
  label: rule.label,
  level: rule.set ? rule.level : "unset",
  fields: rule.fields,
  minCount: rule.minCount,
  filter: rule.filter,
});

function toInput(draft: Draft): SharingRuleInput | null {
  if (draft.level === "unset") return null;
  return {
    side: draft.side,
    population: draft.population,
    level: draft.level as SharingLevel,
    fields: draft.fields,
    minCount: draft.minCount,
    ...(draft.population === "icp_fit_prospects" ? { filter: draft.filter } : {}),
  };
}

interface SharingEditorProps {
  partnerId: string;
  partnerName: string;
  settings: SharingSettings;
  canEdit: boolean;
}

/** The level of every population of both sides, with fields and minimum counts; admins save. */
export function SharingEditor({ partnerId, partnerName, settings, canEdit }: SharingEditorProps) {
  const [drafts, setDrafts] = useState<Draft[]>(() => settings.rules.map(draftOf));
  const save = useSaveSharing(partnerId);
  const update = (index: number, change: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const dirty = JSON.stringify(drafts) !== JSON.stringify(settings.rules.map(draftOf));

  const side = (which: Draft["side"], title: string) => (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {title}
      </Title>
      <Table verticalSpacing="xs" layout="fixed">
        <Table.Tbody>
          {drafts.map((draft, index) =>
            draft.side !== which ? null : (
              <Table.Tr key={`${draft.side}/${draft.population}`}>
                <Table.Td w="34%" valign="top">
                  <Text size="sm" fw={500}>
                    {draft.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {LEVEL_HELP[draft.level]}
                  </Text>
                </Table.Td>
                <Table.Td w="22%" valign="top">
                  <Select
                    aria-label={`Level: ${draft.label}`}
                    data={LEVEL_OPTIONS}
                    value={draft.level}
                    allowDeselect={false}
                    disabled={!canEdit}
                    onChange={(value) => value && update(index, { level: value as DraftLevel })}
                  />
                </Table.Td>
                <Table.Td valign="top">
                  <RuleDetails
                    draft={draft}
                    fields={settings.fields}
                    canEdit={canEdit}
                    onChange={(c) => update(index, c)}
                  />
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );

  return (
    <Stack gap="md">
      {side("vendor", "What you share: your accounts")}
      {side("partner", `What ${partnerName} shares: their accounts`)}
      {save.isError && <ErrorAlert error={save.error} title="The sharing settings were not saved" />}
      {canEdit ? (
        <Group gap="sm">
          <Button
            onClick={() => save.mutate(drafts.map(toInput).filter((r): r is SharingRuleInput => r !== null))}
            loading={save.isPending}
            disabled={!dirty}
          >
            Save sharing
          </Button>
          {save.isSuccess && !dirty && (
            <Badge color="teal" variant="light">
              Saved: the shared view below is up to date
            </Badge>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Only owners and admins change sharing.
        </Text>
      )}
    </Stack>
  );
}

interface RuleDetailsProps {
  draft: Draft;
  fields: string[];
  canEdit: boolean;
  onChange: (change: Partial<Draft>) => void;
}

function RuleDetails({ draft, fields, canEdit, onChange }: RuleDetailsProps) {
  const showsCounts = draft.side === "vendor" && ["counts", "overlaps", "all"].includes(draft.level);
  return (
    <Stack gap={6}>
      {draft.level === "overlaps" && (
        <Checkbox.Group
          aria-label={`Fields: ${draft.label}`}
          value={draft.fields}
          onChange={(value) => onChange({ fields: value })}
        >
          <Group gap="xs">
            {fields.map((field) => (
              <Checkbox key={field} value={field} label={fieldLabel(field)} size="xs" disabled={!canEdit} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {showsCounts && (
        <NumberInput
          size="xs"
          w={150}
          label="Min. count per cell"
          min={1}
          max={10000}
          value={draft.minCount}
          disabled={!canEdit}
          onChange={(value) => typeof value === "number" && onChange({ minCount: value })}
        />
      )}
      {draft.population === "icp_fit_prospects" && draft.level !== "unset" && (
        <NumberInput
          size="xs"
          w={150}
          label="ICP fit at least"
          min={0}
          max={100}
          value={draft.filter.minScore ?? 70}
          disabled={!canEdit}
          onChange={(value) =>
            typeof value === "number" && onChange({ filter: { ...draft.filter, minScore: value } })
          }
        />
      )}
    </Stack>
  );
}
