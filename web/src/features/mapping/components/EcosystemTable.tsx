import { Badge, Table, Text } from "@mantine/core";
import { formatDateTime } from "../../../shared/format/date";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { MappingPartner } from "../api/schemas";
import { formatMappedAt, formatPipeline } from "./mapping-format";

/** Every partner in rank order with its account list size, overlaps, ICP-fit prospects and pipeline. */
export function EcosystemTable({ partners, icpId }: { partners: MappingPartner[]; icpId: string | null }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Partners ranked by overlap">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th ta="right">Their accounts</Table.Th>
            <Table.Th ta="right">Same / related</Table.Th>
            <Table.Th ta="right">ICP-fit prospects</Table.Th>
            <Table.Th ta="right">Open pipeline</Table.Th>
            <Table.Th>Last mapped</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((row, index) => (
            <Table.Tr key={row.partner.id}>
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <AnchorLink
                  to="/mapping/$partnerId"
                  params={{ partnerId: row.partner.id }}
                  search={icpId ? { icp: icpId } : {}}
                  fw={600}
                  size="sm"
                >
                  {row.partner.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {row.partner.tier ? (
                  <Badge
                    variant="light"
                    color="gray"
                    radius="sm"
                    tt="none"
                    styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
                  >
                    {row.partner.tier}
                  </Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td ta="right">
                {row.partnerAccounts > 0 ? (
                  row.partnerAccounts.toLocaleString()
                ) : (
                  <AnchorLink to="/imports" size="xs">
                    Import a list
                  </AnchorLink>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text span fw={600} size="sm">
                  {row.overlaps.same.toLocaleString()}
                </Text>
                <Text span c="dimmed" size="sm">
                  {" / "}
                  {row.overlaps.related.toLocaleString()}
                </Text>
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {row.icpFitProspects.toLocaleString()}
              </Table.Td>
              <Table.Td ta="right">{formatPipeline(row.openPipeline)}</Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c={row.lastMappedAt ? undefined : "dimmed"}
                  title={row.lastMappedAt ? formatDateTime(row.lastMappedAt) : undefined}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {formatMappedAt(row.lastMappedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
