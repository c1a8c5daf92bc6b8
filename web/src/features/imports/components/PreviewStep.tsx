import { Alert, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconInfoCircle } from "../../../shared/ui/icons";
import type { ImportField } from "../api/import-fields";
import { useCommitImport } from "../api/import-mutations";
import { cellText, type Import, type ImportPreview } from "../api/import-schema";
import { FileFacts } from "./FileFacts";
import { RejectedRows } from "./RejectedRows";
import { StatCards } from "./StatCards";

interface PreviewStepProps {
  imported: Import & { preview: ImportPreview };
  fields: ImportField[];
  onBack: () => void;
}

const ACTION_COLORS = { create: "green", update: "blue", unchanged: "gray" } as const;
/** Badges in narrow cells keep their whole word. */
const BADGE_STYLES = { root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } } as const;
const ACTION_LABELS = { create: "New", update: "Update", unchanged: "Unchanged" } as const;

/** Step 3: the dry run — what the commit would do, row by row, before anything is written. */
export function PreviewStep({ imported, fields, onBack }: PreviewStepProps) {
  const preview = imported.preview;
  const commit = useCommitImport(imported.id);
  const writable = preview.create + preview.update;
  const columns = sampleColumns(preview, fields);
  const labelOf = (key: string) => fields.find((f) => f.field === key)?.label ?? key;

  return (
    <Stack gap="md">
      <FileFacts imported={imported} />
      <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Nothing has been written yet">
        This is a dry run: your {imported.entity === "partner_account" ? "partner's accounts" : "records"}{" "}
        stay as they are until you commit. Rows are matched on their external id within the source “
        {imported.source}”, so importing the same file again creates nothing new.
      </Alert>
      <StatCards
        label="Preview counts"
        stats={[
          { label: "Rows", value: preview.rows },
          { label: "Create", value: preview.create, color: "green" },
          { label: "Update", value: preview.update, color: "blue" },
          { label: "Unchanged", value: preview.unchanged },
          { label: "Reject", value: preview.reject, color: preview.reject > 0 ? "red" : undefined },
        ]}
      />

      <Stack gap="xs">
        <Text fw={650}>
          First rows as they will be stored{" "}
          <Text span c="dimmed" size="sm">
            ({preview.sample.length} of {(preview.rows - preview.reject).toLocaleString()})
          </Text>
        </Text>
        {preview.sample.length === 0 ? (
          <Text size="sm" c="dimmed">
            No row of this file can be imported with this mapping.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720} maxHeight={360}>
            <Table verticalSpacing={4} fz="sm" aria-label="Rows as they will be stored" stickyHeader striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Line</Table.Th>
                  <Table.Th w={110}>Action</Table.Th>
                  {columns.map((key) => (
                    <Table.Th key={key}>{labelOf(key)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td ff="monospace">{row.line}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ACTION_COLORS[row.action]} styles={BADGE_STYLES}>
                        {ACTION_LABELS[row.action]}
                      </Badge>
                    </Table.Td>
                    {columns.map((key) => (
                      <Table.Td key={key}>
                        <SampleCell value={cellText(row.values[key])} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      {preview.errors.length > 0 && (
        <RejectedRows importId={imported.id} errors={preview.errors} total={preview.reject} />
      )}
      {commit.isError && <ErrorAlert error={commit.error} title="The import did not start" />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back to mapping
        </Button>
        <Button
          onClick={() => commit.mutate()}
          loading={commit.isPending}
          disabled={writable === 0 && preview.unchanged === 0}
        >
          {`Import ${(preview.rows - preview.reject).toLocaleString()} rows`}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The sample's columns in the order of the target fields, then anything else the server sent;
 * a column empty in every sample row is left out so the values that are there stay readable.
 */
function sampleColumns(preview: ImportPreview, fields: ImportField[]): string[] {
  const present = new Set(
    preview.sample.flatMap((row) =>
      Object.keys(row.values).filter((key) => cellText(row.values[key]) !== ""),
    ),
  );
  const ordered = fields.map((f) => f.field).filter((key) => present.has(key));
  return [...ordered, ...[...present].filter((key) => !ordered.includes(key))];
}

function SampleCell({ value }: { value: string }) {
  if (value === "")
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  return (
    <Text size="sm" truncate maw={260} title={value}>
      {value}
    </Text>
  );
}
