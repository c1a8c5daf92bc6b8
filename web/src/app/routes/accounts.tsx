import { Button, Group, Paper, Select, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { type AccountFilters, useAccounts } from "../../features/accounts/api/get-accounts";
import { AccountFormModal } from "../../features/accounts/components/AccountFormModal";
import { AccountsTable } from "../../features/accounts/components/AccountsTable";
import {
  ACCOUNT_STATUS_LABELS,
  ACCOUNT_STATUSES,
  canEditAccounts,
} from "../../features/accounts/components/labels";
import { ExportCsvButton } from "../../features/exports/components/ExportCsvButton";
import { useCurrentRole } from "../../shared/auth/session";
import { EmptyState } from "../../shared/ui/EmptyState";
import { IconPlus } from "../../shared/ui/icons";
import { LoadMoreButton } from "../../shared/ui/LoadMoreButton";
import { PagedList } from "../../shared/ui/PagedList";
import { PageHeader } from "../../shared/ui/PageHeader";

/** Search waits for a pause in typing so that each keystroke does not fetch. */
const SEARCH_DELAY_MS = 250;

/** The vendor's own accounts: customers, open opportunities, prospects and churned ones. */
export function AccountsPage() {
  const [filters, setFilters] = useState<AccountFilters>({ q: "", status: null });
  const [search, setSearch] = useState("");
  const accounts = useAccounts(filters);
  const canEdit = canEditAccounts(useCurrentRole());
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.q === search ? f : { ...f, q: search })),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Your CRM accounts and their opportunities: the customers and prospects your partners can help you reach."
        actions={
          <Group gap="sm">
            <ExportCsvButton entity="accounts" />
            <ExportCsvButton entity="opportunities">Export opportunities</ExportCsvButton>
            {canEdit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add account
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
        <Group gap="sm" align="flex-end" mb="md">
          <TextInput
            label="Search"
            placeholder="Name or domain"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: "100%", sm: 260 }}
          />
          <Select
            label="Status"
            placeholder="All statuses"
            clearable
            data={ACCOUNT_STATUSES.map((value) => ({ value, label: ACCOUNT_STATUS_LABELS[value] }))}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            w={{ base: "100%", sm: 200 }}
          />
        </Group>
        <PagedList
          query={accounts}
          empty={
            <EmptyState title={filters.q || filters.status ? "No account matches" : "No accounts yet"}>
              {filters.q || filters.status
                ? "Clear the filter or search for another name."
                : "Add the accounts you sell to, or import them from your CRM."}
            </EmptyState>
          }
        >
          {(items) => (
            <>
              <AccountsTable accounts={items} />
              <LoadMoreButton query={accounts} />
            </>
          )}
        </PagedList>
      </Paper>
      {adding && <AccountFormModal opened onClose={() => setAdding(false)} />}
    </>
  );
}
