import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { canEditAccounts } from "../../features/accounts/components/labels";
import {
  overlapExportHref,
  useIcpChoices,
  useMappingPartners,
  useOverlapMatrix,
} from "../../features/mapping/api/get-mapping";
import type { OverlapFilters, OverlapStatus } from "../../features/mapping/api/schemas";
import { IcpPicker } from "../../features/mapping/components/IcpPicker";
import { MatrixFilters } from "../../features/mapping/components/MatrixFilters";
import { cellCount, formatPipeline, possessive } from "../../features/mapping/components/mapping-format";
import { OverlapHeatMap } from "../../features/mapping/components/OverlapHeatMap";
import { OverlapList } from "../../features/mapping/components/OverlapList";
import { useMappingRun } from "../../features/mapping/components/use-mapping-run";
import { usePartner } from "../../features/partners/api/get-partner";
import { RecommendationsPanel } from "../../features/recommendations/components/RecommendationsPanel";
import { useCurrentRole } from "../../shared/auth/session";
import { formatDateTime } from "../../shared/format/date";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconInfoCircle } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";
import { AnchorLink } from "../../shared/ui/router-links";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const route = getRouteApi("/app/mapping/$partnerId");

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={22} fw={750} lh={1.3}>
        {value}
      </Text>
    </Stack>
  );
}

type CellKey = { vendorStatus: OverlapStatus; partnerStatus: OverlapStatus };

/** One partner's mapping: map now, the overlap matrix with drill-down, the CSV and the co-sell actions. */
export function PartnerMappingPage() {
  const { partnerId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const partner = usePartner(partnerId);
  const icps = useIcpChoices();
  const icpId = search.icp ?? null;
  const filters: OverlapFilters = { kind: search.kind ?? "same", icpId, band: search.band ?? null };
  const ranking = useMappingPartners(icpId);
  const matrix = useOverlapMatrix(partnerId, filters);
  const mapping = useMappingRun(partnerId);
  const canEdit = canEditAccounts(useCurrentRole());
  const [selected, setSelected] = useState<CellKey | null>(null);

  if (partner.isPending) return <PageLoader />;
  if (partner.isError)
    return (
      <>
        <PageHeader title="Partner mapping" />
        <ErrorAlert error={partner.error} onRetry={() => partner.refetch()} />
      </>
    );
  const name = partner.data.name;
  const stats = ranking.data?.items.find((row) => row.partner.id === partnerId);
  const hasList = stats ? stats.partnerAccounts > 0 : ranking.isSuccess ? false : null;
  const selectedCell =
    selected && matrix.data
      ? { ...selected, count: cellCount(matrix.data, selected.vendorStatus, selected.partnerStatus) }
      : null;

  const setSearch = (change: Partial<typeof search>) => {
    setSelected(null);
    navigate({ search: { ...search, ...change }, replace: true });
  };

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink
          to="/mapping"
          search={icpId ? { icp: icpId } : {}}
          size="sm"
          mb="xs"
          display="inline-block"
        >
          ← Mapping
        </AnchorLink>
        <PageHeader
          title={`Mapping: ${name}`}
          description={
            <>
              {partner.data.tier ? `${partner.data.tier} partner · ` : ""}
              {matrix.data?.lastMappedAt
                ? `Last mapped ${formatDateTime(matrix.data.lastMappedAt)}`
                : "Not mapped yet"}
              {" · "}
              <AnchorLink to="/partners/$partnerId" params={{ partnerId }} size="sm">
                Partner profile
              </AnchorLink>
            </>
          }
          actions={
            <Group gap="sm" align="flex-end">
              <IcpPicker
                icps={icps.data ?? []}
                value={icpId}
                onChange={(icp) => setSearch({ icp: icp ?? undefined, band: undefined })}
              />
              <Button component="a" variant="default" href={overlapExportHref(partnerId)} download>
                Export CSV
              </Button>
              {canEdit && (
                <Button onClick={mapping.run} loading={mapping.busy} disabled={hasList === false}>
                  Map now
                </Button>
              )}
            </Group>
          }
        />
      </div>
      {mapping.progress(`Mapping ${name}`)}
      {hasList === false && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="No account list yet">
          <Text size="sm">
            No account list for this partner yet — <AnchorLink to="/imports">import one</AnchorLink>, then map
            it here.
          </Text>
        </Alert>
      )}
      {stats && (
        <Paper withBorder radius="md" p="md" aria-label="Mapping figures">
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
            <Figure label="Partner accounts" value={stats.partnerAccounts.toLocaleString()} />
            <Figure label="Same company" value={stats.overlaps.same.toLocaleString()} />
            <Figure label="Related" value={stats.overlaps.related.toLocaleString()} />
            <Figure label="ICP-fit prospects" value={stats.icpFitProspects.toLocaleString()} />
            <Figure label="Open pipeline" value={formatPipeline(stats.openPipeline)} />
          </SimpleGrid>
        </Paper>
      )}
      {hasList !== false && (
        <Paper
          withBorder
          radius="md"
          p={{ base: "md", sm: "lg" }}
          component="section"
          aria-label="Overlap matrix"
        >
          <Group justify="space-between" align="flex-end" mb="md" gap="md">
            <Stack gap={2}>
              <Title order={2} fz="lg" fw={650}>
                Overlap matrix
              </Title>
              <Text size="sm" c="dimmed">
                Your status × {possessive(name)} status
                {matrix.data ? ` · ${matrix.data.total.toLocaleString()} overlaps` : ""}
              </Text>
            </Stack>
            <MatrixFilters
              filters={filters}
              onChange={(change) =>
                setSearch({
                  ...(change.kind ? { kind: change.kind } : {}),
                  ...("band" in change ? { band: change.band ?? undefined } : {}),
                })
              }
            />
          </Group>
          {matrix.isPending ? (
            <TableSkeleton rows={3} />
          ) : matrix.isError ? (
            <ErrorAlert error={matrix.error} onRetry={() => matrix.refetch()} />
          ) : (
            <Stack gap="lg">
              <OverlapHeatMap
                matrix={matrix.data}
                partnerName={name}
                selected={selected}
                onSelect={(cell) =>
                  setSelected({ vendorStatus: cell.vendorStatus, partnerStatus: cell.partnerStatus })
                }
              />
              {selectedCell && (
                <OverlapList partnerId={partnerId} partnerName={name} filters={filters} cell={selectedCell} />
              )}
            </Stack>
          )}
        </Paper>
      )}
      <RecommendationsPanel
        scope={{ partnerId }}
        emptyText={
          hasList === false
            ? "Recommendations appear once this partner's account list is imported and mapped."
            : "No co-sell actions yet: map this partner to find overlaps."
        }
      />
    </Stack>
  );
}
