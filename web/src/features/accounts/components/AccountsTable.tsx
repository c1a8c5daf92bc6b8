import { Badge, Table, Text } from "@mantine/core";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { Account } from "../api/get-accounts";
import { ACCOUNT_STATUS_COLORS, ACCOUNT_STATUS_LABELS } from "./labels";

export function AccountStatusBadge({ status }: { status: Account["status"] }) {
  return (
    <Badge
      variant="light"
      color={ACCOUNT_STATUS_COLORS[status]}
      styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      {ACCOUNT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function AccountsTable({ accounts }: { accounts: Account[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Domain</Table.Th>
            <Table.Th>Industry</Table.Th>
            <Table.Th ta="right">Employees</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th miw={140}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>
                <AnchorLink to="/accounts/$accountId" params={{ accountId: account.id }} fw={600}>
                  {account.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={account.domain ? undefined : "dimmed"}>
                  {account.domain ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>{account.industry ?? "—"}</Table.Td>
              <Table.Td ta="right">
                {account.employees === null ? "—" : account.employees.toLocaleString()}
              </Table.Td>
              <Table.Td>{account.country ?? "—"}</Table.Td>
              <Table.Td>
                <AccountStatusBadge status={account.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
