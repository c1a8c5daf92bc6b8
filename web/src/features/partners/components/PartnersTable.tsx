import { Table, Text, UnstyledButton } from "@mantine/core";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { Partner, PartnerSort } from "../api/get-partners";
import { partnerTypeLabel } from "./labels";
import { LayerBadges, LifecycleBadge } from "./PartnerBadges";

interface PartnersTableProps {
  partners: Partner[];
  sort: PartnerSort;
  onSortChange: (sort: PartnerSort) => void;
}

export function PartnersTable({ partners, sort, onSortChange }: PartnersTableProps) {
  const byName = sort === "name" || sort === "-name";
  const arrow = sort === "name" ? " ↑" : sort === "-name" ? " ↓" : "";
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Partners">
        <Table.Thead>
          <Table.Tr>
            <Table.Th aria-sort={sort === "name" ? "ascending" : sort === "-name" ? "descending" : "none"}>
              <UnstyledButton
                fw={700}
                fz="sm"
                onClick={() => onSortChange(sort === "name" ? "-name" : "name")}
                aria-label={`Sort by name${byName ? (sort === "name" ? ", currently A to Z" : ", currently Z to A") : ""}`}
              >
                Name{arrow}
              </UnstyledButton>
            </Table.Th>
            <Table.Th miw={200}>Layers</Table.Th>
            <Table.Th>Types</Table.Th>
            <Table.Th miw={140}>Lifecycle</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Regions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td>
                <AnchorLink to="/partners/$partnerId" params={{ partnerId: partner.id }} fw={600}>
                  {partner.name}
                </AnchorLink>
                {partner.domain && (
                  <Text size="xs" c="dimmed">
                    {partner.domain}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <LayerBadges layers={partner.layers} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{partner.types.map(partnerTypeLabel).join(", ") || "—"}</Text>
              </Table.Td>
              <Table.Td>
                <LifecycleBadge lifecycle={partner.lifecycle} />
              </Table.Td>
              <Table.Td>{partner.tier ?? "—"}</Table.Td>
              <Table.Td>
                <Text size="sm">{partner.regions.join(", ") || "—"}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
