import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import type { ImportField } from "../api/import-fields";
import { useUpdateImport } from "../api/import-mutations";
import { cellText, type Import, type MappingEntry, sampleValue } from "../api/import-schema";
import { FileFacts } from "./FileFacts";
import {
  CUSTOM_ATTRIBUTE,
  choiceOf,
  IGNORE,
  mappingProblems,
  sameMapping,
  withChoice,
} from "./mapping-draft";
import { SaveTemplateForm } from "./SaveTemplateForm";

interface MappingStepProps {
  imported: Import;
  fields: ImportField[];
  onContinue: () => void;
}

const SAMPLES_PER_COLUMN = 3;

/** Step 2: each file column → a target field, a custom attribute, or nothing. */
export function MappingStep({ imported, fields, onContinue }: MappingStepProps) {
  const [draft, setDraft] = useState<MappingEntry[]>(imported.mapping);
  const [baseline, setBaseline] = useState<MappingEntry[]>(imported.mapping);
  const update = useUpdateImport(imported.id);

  // A new answer from the server (preview rerun, another tab) replaces the draft unless it was edited.
  useEffect(() => {
    if (!sameMapping(imported.mapping, baseline)) {
      setBaseline(imported.mapping);
      setDraft((current) => (sameMapping(current, baseline) ? imported.mapping : current));
    }
  }, [imported.mapping, baseline]);

  const dirty = !sameMapping(draft, imported.mapping);
  const problems = mappingProblems(draft, fields);
  const previewing = imported.status === "previewing" || imported.status === "uploaded";
  const options = [
    {
      group: "Fields",
      items: fields.map((f) => ({ value: f.field, label: f.required ? `${f.label} *` : f.label })),
    },
    {
      group: "Other",
      items: [
        { value: CUSTOM_ATTRIBUTE, label: "Custom attribute" },
        { value: IGNORE, label: "Ignore this column" },
      ],
    },
  ];
  const setEntry = (index: number, next: MappingEntry) =>
    setDraft((current) => current.map((entry, i) => (i === index ? next : entry)));

  return (
    <Stack gap="md">
      <FileFacts imported={imported} />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" aria-label="Column mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File column</Table.Th>
              <Table.Th>Sample values</Table.Th>
              <Table.Th miw={240}>Goes to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((entry, index) => {
              const choice = choiceOf(entry);
              return (
                <Table.Tr key={entry.column}>
                  <Table.Td>
                    <Text fw={600} size="sm" ff="monospace">
                      {entry.header}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <SampleValues imported={imported} entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={`Target for ${entry.header}`}
                        data={options}
                        value={choice}
                        onChange={(value) => value && setEntry(index, withChoice(entry, value))}
                        allowDeselect={false}
                        searchable
                        size="xs"
                        w={200}
                      />
                      {choice === CUSTOM_ATTRIBUTE && (
                        <TextInput
                          aria-label={`Attribute key for ${entry.header}`}
                          value={entry.attribute ?? ""}
                          onChange={(e) => setEntry(index, { ...entry, attribute: e.currentTarget.value })}
                          size="xs"
                          w={160}
                        />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {problems.length > 0 && (
        <Alert color="orange" variant="light" title="Check the mapping">
          <Stack gap={2}>
            {problems.map((problem) => (
              <Text key={problem} size="sm">
                {problem}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {update.isError && <ErrorAlert error={update.error} title="The mapping was not applied" />}

      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SaveTemplateForm imported={imported} mapping={draft} />
        <Group gap="sm">
          {dirty && (
            <Button variant="default" onClick={() => setDraft(imported.mapping)} disabled={update.isPending}>
              Undo changes
            </Button>
          )}
          {dirty ? (
            <Button
              loading={update.isPending}
              disabled={problems.some((p) => p.includes("key"))}
              onClick={() => update.mutate({ mapping: draft })}
            >
              Apply mapping
            </Button>
          ) : (
            <Button
              onClick={onContinue}
              disabled={previewing || imported.preview === null}
              loading={previewing}
            >
              Continue to preview
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

/** The first values of a column, as the preview read them for its target. */
function SampleValues({ imported, entry }: { imported: Import; entry: MappingEntry }) {
  // The preview sample is keyed by target (field or attribute key), not by file column.
  const key = entry.field ?? entry.attribute;
  const values = key
    ? (imported.preview?.sample ?? [])
        .slice(0, SAMPLES_PER_COLUMN)
        .map((row) => cellText(sampleValue(row.values, key)))
        .filter((value) => value !== "")
    : [];
  if (values.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {entry.field ? "—" : entry.attribute !== null ? "Kept as a custom attribute" : "Not imported"}
      </Text>
    );
  return (
    <Text size="xs" lineClamp={2} title={values.join(" · ")}>
      {values.join(" · ")}
    </Text>
  );
}
