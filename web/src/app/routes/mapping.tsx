import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { canEditAccounts } from "../../features/accounts/components/labels";
import { useIcpChoices, useMappingPartners } from "../../features/mapping/api/get-mapping";
import { EcosystemChart } from "../../features/mapping/components/EcosystemChart";
import { EcosystemTable } from "../../features/mapping/components/EcosystemTable";
import { IcpPicker } from "../../features/mapping/components/IcpPicker";
import { useMappingRun } from "../../features/mapping/components/use-mapping-run";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const route = getRouteApi("/app/mapping");

/** The ecosystem view: every partner ranked by overlap with your ICP-fit prospects and open pipeline. */
export function MappingPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const icps = useIcpChoices();
  const icpId = search.icp ?? null;
  const partners = useMappingPartners(icpId);
  const canEdit = canEditAccounts(useCurrentRole());
  const mapping = useMappingRun();
  const items = partners.data?.items ?? [];
  const withLists = items.filter((p) => p.partnerAccounts > 0);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Mapping"
        description="Your accounts matched with each partner's account list: which of your prospects are their customers, where you both have open deals, and what to do about it."
        actions={
          <Group gap="sm" align="flex-end">
            <IcpPicker
              icps={icps.data ?? []}
              value={icpId}
              onChange={(icp) => navigate({ search: icp ? { icp } : {}, replace: true })}
            />
            {canEdit && (
              <Button onClick={mapping.run} loading={mapping.busy} disabled={withLists.length === 0}>
                Map all partners
              </Button>
            )}
          </Group>
        }
      />
      {mapping.progress("Mapping all partners")}
      {icps.isError && <ErrorAlert error={icps.error} onRetry={() => icps.refetch()} />}
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-label="Ecosystem">
        <Stack gap={2} mb="md">
          <Title order={2} fz="lg" fw={650}>
            Partners ranked by overlap
          </Title>
          <Text size="sm" c="dimmed">
            Ranked by your band-A prospects for the chosen ICP that are on the partner's list, and by the open
            pipeline on overlapping accounts.
          </Text>
        </Stack>
        {partners.isPending ? (
          <TableSkeleton rows={5} />
        ) : partners.isError ? (
          <ErrorAlert error={partners.error} onRetry={() => partners.refetch()} />
        ) : withLists.length === 0 ? (
          <Stack gap="xs" py="md" align="flex-start">
            <Text fw={600}>No partner account lists yet</Text>
            <Text size="sm" c="dimmed">
              Mapping needs a partner's account list. <AnchorLink to="/imports">Import one</AnchorLink> (a CSV
              export of their CRM), then map it here.
            </Text>
          </Stack>
        ) : (
          <Stack gap="lg">
            <EcosystemChart partners={withLists} />
            <EcosystemTable partners={items} icpId={icpId} />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
