import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { formatDateTime } from "../../../shared/format/date";
import { LoadMoreButton } from "../../../shared/ui/LoadMoreButton";
import { PagedList } from "../../../shared/ui/PagedList";
import { useImports } from "../api/get-imports";
import type { Import } from "../api/import-schema";
import { ENTITY_LABELS, formatBytes, STATUS_COLORS, STATUS_LABELS } from "./labels";

/** Past and running imports, newest first; a row opens its import in the wizard. */
export function ImportsHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const imports = useImports();
  return (
    <PagedList
      query={imports}
      empty={
        <Stack align="center" gap={4} py="lg">
          <Text fw={700}>No imports yet</Text>
          <Text size="sm" c="dimmed" ta="center" maw={460}>
            Files you import appear here with their status and what they created, updated or rejected.
          </Text>
        </Stack>
      }
    >
      {(items) => (
        <>
          <ImportsTable items={items} onOpen={onOpen} />
          <LoadMoreButton query={imports} />
        </>
      )}
    </PagedList>
  );
}

function ImportsTable({ items, onOpen }: { items: Import[]; onOpen: (id: string) => void }) {
  // The contract's import resource may not name who started it; show the column only when it does.
  const showActor = items.some((item) => item.createdBy);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Import history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th miw={240}>Result</Table.Th>
            {showActor && <Table.Th>By</Table.Th>}
            <Table.Th miw={120}>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  onClick={() => onOpen(item.id)}
                  maw={300}
                  truncate
                  display="block"
                  title={item.fileName}
                  aria-label={`Open ${item.fileName}`}
                >
                  {item.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(item.fileBytes)}
                </Text>
              </Table.Td>
              <Table.Td>
                {ENTITY_LABELS[item.entity]}
                {item.partner && (
                  <Text size="xs" c="dimmed">
                    {item.partner.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={STATUS_COLORS[item.status]}
                  styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
                >
                  {STATUS_LABELS[item.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{resultSummary(item)}</Text>
              </Table.Td>
              {showActor && (
                <Table.Td>
                  <Text size="sm">{item.createdBy?.name ?? item.createdBy?.email ?? "—"}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{formatDateTime(item.committedAt ?? item.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function resultSummary(item: Import): string {
  const { counts, preview } = item;
  if (item.error !== null && item.status !== "committed" && item.status !== "committing") return item.error;
  if (item.status === "committed" || item.status === "committing" || item.rowsApplied > 0)
    return `${counts.created.toLocaleString()} created · ${counts.updated.toLocaleString()} updated · ${counts.unchanged.toLocaleString()} unchanged · ${counts.rejected.toLocaleString()} rejected`;
  if (preview)
    return `${preview.rows.toLocaleString()} rows: ${preview.create.toLocaleString()} new, ${preview.update.toLocaleString()} to update, ${preview.reject.toLocaleString()} rejected`;
  if (item.status === "failed") return "Failed";
  return "—";
}
