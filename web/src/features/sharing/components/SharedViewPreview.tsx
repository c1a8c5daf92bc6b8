import { Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  type SharedCounts,
  type SharedSection,
  useSharedView,
} from "../api/sharing";
import { fieldLabel, LEVEL_COLORS, STATUS_LABELS } from "./sharing-labels";

const ROW_PREVIEW = 25;

function displayValue(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (field === "status" && value in STATUS_LABELS) return STATUS_LABELS[value as AccountStatus];
  return value;
}

/** "What this partner sees": the server's shared view, rendered as the partner would get it. */
export function SharedViewPreview({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const view = useSharedView(partnerId);
  if (view.isPending) return <TableSkeleton rows={4} />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => view.refetch()} />;
  const ours = view.data.populations.filter((s) => s.side === "vendor");
  const visible = ours.filter((s) => s.level !== "hidden");
  const hidden = ours.filter((s) => s.level === "hidden");
  const theirs = view.data.populations.filter((s) => s.side === "partner");
  return (
    <Stack gap="md" aria-label={`What ${partnerName} sees`}>
      {visible.length === 0 && (
        <Text size="sm" c="dimmed">
          {partnerName} sees nothing of your accounts yet.
        </Text>
      )}
      {visible.map((section) => (
        <SectionPreview key={section.population} section={section} />
      ))}
      {hidden.length > 0 && (
        <Text size="sm" c="dimmed">
          Hidden from {partnerName}: {hidden.map((s) => s.label).join(", ")}.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {partnerName} shares back:{" "}
        {theirs.map((s) => `${s.label.replace("Partner's ", "")} — ${s.level}`).join("; ")}. Rows and counts
        appear only as far as they share their side.
      </Text>
    </Stack>
  );
}

function SectionPreview({ section }: { section: SharedSection }) {
  const rows = section.overlaps ?? [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.account)))];
  const countedOnly = section.level !== "counts";
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{section.label}</Text>
        <Badge color={LEVEL_COLORS[section.level]} variant="light">
          {section.level}
        </Badge>
      </Group>
      {section.overlaps && (
        <Stack gap={4} mb="sm">
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No overlap rows are shared in this population.
            </Text>
          ) : (
            <Table striped withTableBorder fz="sm" aria-label={`Overlaps: ${section.label}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Their account</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c}>Your {fieldLabel(c).toLowerCase()}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, ROW_PREVIEW).map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      {row.partnerAccount.name}{" "}
                      <Text span size="xs" c="dimmed">
                        ({STATUS_LABELS[row.partnerAccount.status]})
                      </Text>
                    </Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c}>{displayValue(c, row.account[c])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {(section.overlapCount ?? 0) > Math.min(rows.length, ROW_PREVIEW) && (
            <Text size="xs" c="dimmed">
              Showing {Math.min(rows.length, ROW_PREVIEW)} of {section.overlapCount} rows.
            </Text>
          )}
        </Stack>
      )}
      {section.counts && (
        <>
          {countedOnly && (
            <Text size="xs" c="dimmed" mb={4}>
              Counted only (the partner shares these as counts):
            </Text>
          )}
          <CountsMatrix counts={section.counts} label={section.label} />
        </>
      )}
    </Paper>
  );
}

function CountsMatrix({ counts, label }: { counts: SharedCounts; label: string }) {
  const cell = (vendor: string, partner: string) => {
    const found = counts.cells.find((c) => c.vendorStatus === vendor && c.partnerStatus === partner);
    return found?.count ?? null;
  };
  return (
    <Table withTableBorder withColumnBorders fz="sm" w="auto" aria-label={`Counts: ${label}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Yours \ theirs</Table.Th>
          {ACCOUNT_STATUSES.map((s) => (
            <Table.Th key={s} ta="right">
              {STATUS_LABELS[s]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ACCOUNT_STATUSES.map((vendor) => (
          <Table.Tr key={vendor}>
            <Table.Th>{STATUS_LABELS[vendor]}</Table.Th>
            {ACCOUNT_STATUSES.map((partner) => {
              const count = cell(vendor, partner);
              return (
                <Table.Td key={partner} ta="right" c={count === null ? "dimmed" : undefined}>
                  {count === null ? `< ${counts.minCount}` : count}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th>Total</Table.Th>
          <Table.Td colSpan={3} ta="right" c={counts.total === null ? "dimmed" : undefined}>
            {counts.total === null ? "withheld (it would reveal a small cell)" : counts.total}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
