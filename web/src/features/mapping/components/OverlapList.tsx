import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { allItems } from "../../../shared/api/pagination";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { AnchorLink } from "../../../shared/ui/router-links";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { useOverlaps } from "../api/get-mapping";
import type { Overlap, OverlapCell, OverlapFilters } from "../api/schemas";
import {
  BAND_COLORS,
  describeCell,
  formatMatchScore,
  possessive,
  STATUS_COLORS,
  statusLabel,
} from "./mapping-format";

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge
      size="sm"
      variant="light"
      color={STATUS_COLORS[status] ?? "gray"}
      styles={{ root: { flexShrink: 0, maxWidth: "none" }, label: { overflow: "visible" } }}
    >
      {statusLabel(status)}
    </Badge>
  );
}

function FitBadge({ fit }: { fit: Overlap["account"]["fit"] }) {
  if (!fit) return null;
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="filled"
      color={BAND_COLORS[fit.band]}
      c={fit.band === "C" ? "dark" : "white"}
      title={`ICP fit ${fit.score}, band ${fit.band}`}
      styles={{ root: { flexShrink: 0, maxWidth: "none" }, label: { overflow: "visible" } }}
    >
      {fit.band} · {fit.score}
    </Badge>
  );
}

interface OverlapListProps {
  partnerId: string;
  partnerName: string;
  filters: OverlapFilters;
  cell: OverlapCell;
}

/** The overlaps of one matrix cell: your account ↔ the partner's, both statuses, score and why. */
export function OverlapList({ partnerId, partnerName, filters, cell }: OverlapListProps) {
  const overlaps = useOverlaps(partnerId, filters, cell);
  const items = allItems(overlaps.data?.pages);
  const heading = describeCell(partnerName, cell);
  return (
    <Stack gap="sm" component="section" aria-label="Overlaps in the selected cell">
      <Title order={3} fz="md" fw={650}>
        {heading}
      </Title>
      {overlaps.isPending ? (
        <TableSkeleton rows={4} />
      ) : overlaps.isError ? (
        <ErrorAlert error={overlaps.error} onRetry={() => overlaps.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No overlaps in this cell.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" aria-label={`Overlaps: ${heading}`} data-testid="overlap-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Your account</Table.Th>
                <Table.Th>{possessive(partnerName)} account</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th w="32%">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((overlap) => (
                <Table.Tr key={overlap.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <AnchorLink
                        to="/accounts/$accountId"
                        params={{ accountId: overlap.account.id }}
                        size="sm"
                        fw={600}
                      >
                        {overlap.account.name}
                      </AnchorLink>
                      <Group gap={6} wrap="nowrap">
                        <StatusBadge status={overlap.account.status} />
                        <FitBadge fit={overlap.account.fit} />
                        {overlap.account.domain && (
                          <Text size="xs" c="dimmed" truncate>
                            {overlap.account.domain}
                          </Text>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {overlap.partnerAccount.name}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        <StatusBadge status={overlap.partnerAccount.status} />
                        {overlap.partnerAccount.domain && (
                          <Text size="xs" c="dimmed" truncate>
                            {overlap.partnerAccount.domain}
                          </Text>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700}>
                      {formatMatchScore(overlap.score)}
                    </Text>
                    {overlap.kind === "related" && (
                      <Badge size="xs" variant="outline" color="grape">
                        related
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {overlap.explanation}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {overlaps.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => overlaps.fetchNextPage()}
            loading={overlaps.isFetchingNextPage}
          >
            Load more
          </Button>
          <Text size="xs" c="dimmed">
            Showing {items.length} of {cell.count}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
