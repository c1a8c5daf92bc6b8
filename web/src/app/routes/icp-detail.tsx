import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { type IcpDetail, icpsQueryKey, useIcp, useIcpDistribution } from "../../features/icps/api/get-icps";
import { useDeleteIcp, useRescoreIcp, useUpdateIcp } from "../../features/icps/api/icp-mutations";
import type { Criterion } from "../../features/icps/api/schemas";
import { BandBadge } from "../../features/icps/components/BandBadge";
import { CriteriaEditor } from "../../features/icps/components/CriteriaEditor";
import { criteriaErrors } from "../../features/icps/components/criteria-errors";
import { ScoreDistributionChart } from "../../features/icps/components/ScoreDistributionChart";
import { TopAccountsTable } from "../../features/icps/components/TopAccountsTable";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconTrash } from "../../shared/ui/icons";
import { isJobFinished, JobProgress } from "../../shared/ui/JobProgress";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";
import { AnchorLink } from "../../shared/ui/router-links";

const route = getRouteApi("/app/strategy/icps/$icpId");
const EDITORS = new Set(["owner", "admin", "partner_manager"]);

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" fw={650}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** One ICP: its criteria (editable), the live rescore, the score distribution and the top-fit accounts. */
export function IcpDetailPage() {
  const { icpId } = route.useParams();
  const icp = useIcp(icpId);
  if (icp.isPending) return <PageLoader />;
  if (icp.isError)
    return (
      <>
        <PageHeader title="ICP" />
        <ErrorAlert error={icp.error} onRetry={() => icp.refetch()} />
      </>
    );
  return <IcpDetailView icp={icp.data} />;
}

function IcpDetailView({ icp }: { icp: IcpDetail }) {
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);
  const [criteria, setCriteria] = useState<Criterion[]>(icp.criteria);
  // The latest rescore is always shown: running, or how the last one ended.
  const [jobId, setJobId] = useState<string | null>(icp.rescoreJob?.id ?? null);
  const update = useUpdateIcp(icp.id);
  const rescore = useRescoreIcp(icp.id);
  const remove = useDeleteIcp(icp.id);
  const distribution = useIcpDistribution(icp.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const dirty = JSON.stringify(criteria) !== JSON.stringify(icp.criteria);

  useEffect(() => setCriteria(icp.criteria), [icp.criteria]);

  const onScored = useCallback(
    () => queryClient.invalidateQueries({ queryKey: [...icpsQueryKey, icp.id] }),
    [queryClient, icp.id],
  );

  function save() {
    update.mutate(
      { criteria },
      {
        onSuccess: (saved) =>
          saved.rescoreJob && !isJobFinished(saved.rescoreJob) && setJobId(saved.rescoreJob.id),
      },
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={icp.name}
        description={
          icp.description ?? "An Ideal Customer Profile: weighted criteria that score every account."
        }
        actions={
          <Group gap="xs">
            <AnchorLink to="/strategy/icps/$icpId/value-chain" params={{ icpId: icp.id }} size="sm">
              Value chain →
            </AnchorLink>
            {canEdit && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the ICP '${icp.name}' and its scores?`))
                    remove.mutate(undefined, { onSuccess: () => navigate({ to: "/strategy/icps" }) });
                }}
              >
                Delete
              </Button>
            )}
          </Group>
        }
      />
      {remove.error && <ErrorAlert error={remove.error} />}
      <Group gap="sm" aria-label="Accounts per band">
        <BandBadge band="A" score={icp.bands.A} />
        <BandBadge band="B" score={icp.bands.B} />
        <BandBadge band="C" score={icp.bands.C} />
        <Text size="sm" c="dimmed">
          {icp.scoredAccounts} accounts scored
        </Text>
      </Group>
      {jobId && <JobProgress key={jobId} jobId={jobId} label="Rescoring accounts" onFinished={onScored} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section
          title="Criteria"
          actions={
            canEdit && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  loading={rescore.isPending}
                  onClick={() => rescore.mutate(undefined, { onSuccess: ({ job }) => setJobId(job.id) })}
                >
                  Rescore
                </Button>
                <Button size="xs" disabled={!dirty} loading={update.isPending} onClick={save}>
                  Save criteria
                </Button>
              </Group>
            )
          }
        >
          <CriteriaEditor
            criteria={criteria}
            onChange={setCriteria}
            readOnly={!canEdit}
            errors={criteriaErrors(update.error)}
          />
          {update.error && Object.keys(criteriaErrors(update.error)).length === 0 && (
            <ErrorAlert error={update.error} />
          )}
        </Section>
        <Section title="Score distribution">
          {distribution.isPending ? (
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          ) : distribution.isError ? (
            <ErrorAlert error={distribution.error} onRetry={() => distribution.refetch()} />
          ) : (
            <ScoreDistributionChart distribution={distribution.data} />
          )}
        </Section>
      </SimpleGrid>
      <Section title="Top-fit accounts">
        <TopAccountsTable icpId={icp.id} />
      </Section>
    </Stack>
  );
}
