import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useDeleteAccount } from "../../features/accounts/api/account-mutations";
import { useAccount } from "../../features/accounts/api/get-accounts";
import { useAccountOpportunities, useDeleteOpportunity } from "../../features/accounts/api/opportunities";
import { AccountFormModal } from "../../features/accounts/components/AccountFormModal";
import { AccountStatusBadge } from "../../features/accounts/components/AccountsTable";
import { canEditAccounts, formatMoney } from "../../features/accounts/components/labels";
import { OpportunitiesTable } from "../../features/accounts/components/OpportunitiesTable";
import { OpportunityFormModal } from "../../features/accounts/components/OpportunityFormModal";
import { AccountFit } from "../../features/icps/components/AccountFit";
import { RecommendationsPanel } from "../../features/recommendations/components/RecommendationsPanel";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconPlus, IconTrash } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";
import { AnchorLink } from "../../shared/ui/router-links";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const route = getRouteApi("/app/accounts/$accountId");

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** One account: its firmographics and its opportunities, with the route each came through. */
export function AccountDetailPage() {
  const { accountId } = route.useParams();
  const account = useAccount(accountId);
  const opportunities = useAccountOpportunities(accountId);
  const deleteOpportunity = useDeleteOpportunity(accountId);
  const deleteAccount = useDeleteAccount();
  const navigate = useNavigate();
  const canEdit = canEditAccounts(useCurrentRole());
  const [editing, setEditing] = useState(false);
  const [addingDeal, setAddingDeal] = useState(false);

  if (account.isPending) return <PageLoader />;
  if (account.isError) return <ErrorAlert error={account.error} onRetry={() => account.refetch()} />;
  const a = account.data;
  const deals = opportunities.data?.items ?? [];
  const open = deals.filter((d) => d.status === "open");
  const currencies = new Set(open.map((d) => d.currency));
  const openTotal = open.reduce((sum, d) => sum + d.amount, 0);

  return (
    <>
      <AnchorLink to="/accounts" size="sm" mb="xs" display="inline-block">
        ← Accounts
      </AnchorLink>
      <PageHeader
        title={a.name}
        description={a.domain ?? undefined}
        actions={
          canEdit && (
            <Group gap="sm">
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit account
              </Button>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                loading={deleteAccount.isPending}
                onClick={() => {
                  if (window.confirm(`Delete ${a.name} and its opportunities?`))
                    deleteAccount.mutate(a.id, { onSuccess: () => navigate({ to: "/accounts" }) });
                }}
              >
                Delete
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="lg">
        {deleteAccount.error && (
          <ErrorAlert error={deleteAccount.error} title="The account was not deleted" />
        )}
        <Paper withBorder radius="md" p="lg">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Field label="Status">
              <AccountStatusBadge status={a.status} />
            </Field>
            <Field label="Industry">{a.industry ?? "—"}</Field>
            <Field label="Employees">{a.employees === null ? "—" : a.employees.toLocaleString()}</Field>
            <Field label="Annual revenue">
              {a.annualRevenue === null ? "—" : a.annualRevenue.toLocaleString()}
            </Field>
            <Field label="Country / region">{[a.country, a.region].filter(Boolean).join(" · ") || "—"}</Field>
            <Field label="Owner">{a.owner ?? "—"}</Field>
            <Field label="Technologies">{a.technologies.join(", ") || "—"}</Field>
            <Field label="CRM id">
              {a.externalId ? `${a.externalSource ?? "CRM"} ${a.externalId}` : "—"}
            </Field>
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Group justify="space-between" mb="md">
            <Stack gap={0}>
              <Title order={2} fz="lg">
                Opportunities
              </Title>
              {open.length > 0 && currencies.size === 1 && (
                <Text size="sm" c="dimmed">
                  Open pipeline {formatMoney(openTotal, [...currencies][0] ?? "USD")}
                </Text>
              )}
            </Stack>
            {canEdit && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAddingDeal(true)}>
                Add opportunity
              </Button>
            )}
          </Group>
          {deleteOpportunity.error && <ErrorAlert error={deleteOpportunity.error} />}
          {opportunities.isPending ? (
            <TableSkeleton rows={2} />
          ) : opportunities.isError ? (
            <ErrorAlert error={opportunities.error} onRetry={() => opportunities.refetch()} />
          ) : deals.length === 0 ? (
            <Text size="sm" c="dimmed">
              No opportunities on this account yet.
            </Text>
          ) : (
            <OpportunitiesTable
              opportunities={deals}
              onDelete={canEdit ? (o) => deleteOpportunity.mutate(o.id) : undefined}
            />
          )}
        </Paper>
        <AccountFit accountId={accountId} />
        <RecommendationsPanel
          scope={{ accountId }}
          emptyText="No co-sell actions for this account: it is not on any mapped partner's account list yet."
        />
      </Stack>
      {editing && <AccountFormModal opened account={a} onClose={() => setEditing(false)} />}
      {addingDeal && <OpportunityFormModal accountId={a.id} opened onClose={() => setAddingDeal(false)} />}
    </>
  );
}
