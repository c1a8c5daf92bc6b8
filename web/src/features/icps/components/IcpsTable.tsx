import { Group, Table, Text } from "@mantine/core";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { Icp } from "../api/schemas";
import { BandBadge } from "./BandBadge";

/** ICPs with how many accounts fall in each fit band. */
export function IcpsTable({ icps }: { icps: Icp[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="ICPs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ICP</Table.Th>
            <Table.Th>Criteria</Table.Th>
            <Table.Th>Accounts per band</Table.Th>
            <Table.Th>Scored</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {icps.map((icp) => (
            <Table.Tr key={icp.id}>
              <Table.Td>
                <AnchorLink to="/strategy/icps/$icpId" params={{ icpId: icp.id }} fw={600}>
                  {icp.name}
                </AnchorLink>
                {icp.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {icp.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} title={icp.criteriaText.join("\n")}>
                  {icp.criteriaText.length === 0 ? "None yet" : icp.criteriaText.join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group
                  gap={6}
                  wrap="nowrap"
                  aria-label={`A ${icp.bands.A}, B ${icp.bands.B}, C ${icp.bands.C}`}
                >
                  <BandBadge band="A" score={icp.bands.A} />
                  <BandBadge band="B" score={icp.bands.B} />
                  <BandBadge band="C" score={icp.bands.C} />
                </Group>
              </Table.Td>
              <Table.Td>{icp.scoredAccounts}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
