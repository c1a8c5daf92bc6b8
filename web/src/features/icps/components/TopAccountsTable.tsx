import { ActionIcon, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { allItems } from "../../../shared/api/pagination";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconChevronDown } from "../../../shared/ui/icons";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { useAccountFit } from "../api/get-account-fit";
import { useIcpTopAccounts } from "../api/get-icps";
import type { Band } from "../api/schemas";
import { BandBadge } from "./BandBadge";
import { FitReasons } from "./FitReasons";

function Reasons({ accountId, icpId }: { accountId: string; icpId: string }) {
  const fit = useAccountFit(accountId);
  if (fit.isPending)
    return (
      <Text size="sm" c="dimmed">
        Loading reasons…
      </Text>
    );
  if (fit.isError) return <ErrorAlert error={fit.error} />;
  const item = fit.data.items.find((i) => i.icpId === icpId);
  return item ? <FitReasons reasons={item.reasons} /> : null;
}

/** The ICP's best-fitting accounts by stored score, with the reasons on expand. */
export function TopAccountsTable({ icpId }: { icpId: string }) {
  const [band, setBand] = useState<Band | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const accounts = useIcpTopAccounts(icpId, band);
  const items = allItems(accounts.data?.pages);

  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        size="xs"
        value={band ?? "all"}
        onChange={(value) => setBand(value === "A" || value === "B" || value === "C" ? value : null)}
        data={[
          { value: "all", label: "All" },
          { value: "A", label: "Band A" },
          { value: "B", label: "Band B" },
          { value: "C", label: "Band C" },
        ]}
        aria-label="Filter by band"
      />
      {accounts.isPending ? (
        <TableSkeleton />
      ) : accounts.isError ? (
        <ErrorAlert error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          No scored accounts{band ? ` in band ${band}` : ""} yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Top-fit accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>Account</Table.Th>
                <Table.Th>Industry</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Band</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((account) => {
                const expanded = open === account.accountId;
                return (
                  <Fragment key={account.accountId}>
                    <Table.Tr>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-expanded={expanded}
                          aria-label={`Why ${account.name} scores ${account.score}`}
                          onClick={() => setOpen(expanded ? null : account.accountId)}
                        >
                          <IconChevronDown
                            size={16}
                            style={{
                              transform: expanded ? "rotate(180deg)" : undefined,
                              transition: "transform 120ms",
                            }}
                          />
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td fw={600}>
                        {account.name}
                        {account.domain && (
                          <Text span size="xs" c="dimmed" ml={6}>
                            {account.domain}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{account.industry ?? "—"}</Table.Td>
                      <Table.Td fw={700}>{account.score}</Table.Td>
                      <Table.Td>
                        <BandBadge band={account.band} />
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td />
                        <Table.Td colSpan={4}>
                          <Reasons accountId={account.accountId} icpId={icpId} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {accounts.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => accounts.fetchNextPage()}
            loading={accounts.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
