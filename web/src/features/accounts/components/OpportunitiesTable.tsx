import { ActionIcon, Badge, Table, Text } from "@mantine/core";
import { IconTrash } from "../../../shared/ui/icons";
import type { Opportunity } from "../api/opportunities";
import {
  formatMoney,
  OPPORTUNITY_STATUS_COLORS,
  OPPORTUNITY_STATUS_LABELS,
  SOURCE_ROUTE_LABELS,
} from "./labels";

interface OpportunitiesTableProps {
  opportunities: Opportunity[];
  /** Shown to editors only. */
  onDelete?: (opportunity: Opportunity) => void;
}

export function OpportunitiesTable({ opportunities, onDelete }: OpportunitiesTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Opportunities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Opportunity</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Close date</Table.Th>
            {onDelete && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {opportunities.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td fw={600}>{o.name}</Table.Td>
              <Table.Td ta="right">{formatMoney(o.amount, o.currency)}</Table.Td>
              <Table.Td>{o.stage ?? "—"}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={OPPORTUNITY_STATUS_COLORS[o.status]}>
                  {OPPORTUNITY_STATUS_LABELS[o.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{SOURCE_ROUTE_LABELS[o.sourceRoute]}</Table.Td>
              <Table.Td>
                <Text size="sm" c={o.partnerName ? undefined : "dimmed"}>
                  {o.partnerName ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>{o.closeDate ?? "—"}</Table.Td>
              {onDelete && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${o.name}`}
                    onClick={() => onDelete(o)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
