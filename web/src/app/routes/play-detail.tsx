import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { usePlay } from "../../features/plays/api/get-play";
import { useDeletePlay, useUpdatePlay } from "../../features/plays/api/play-mutations";
import {
  options,
  PLAY_STATUS_COLORS,
  PLAY_STATUS_LABELS,
  PLAY_STATUSES,
  type PlayStatus,
} from "../../features/plays/components/labels";
import { PlayBoard } from "../../features/plays/components/PlayBoard";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";

const route = getRouteApi("/app/strategy/plays/$playId");
const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** One play as a board of journey stages with its steps. */
export function PlayDetailPage() {
  const { playId } = route.useParams();
  const play = usePlay(playId);
  const update = useUpdatePlay(playId);
  const remove = useDeletePlay();
  const navigate = useNavigate();
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <AnchorLink to="/strategy">Strategy</AnchorLink>
        <AnchorLink to="/strategy/plays">Plays</AnchorLink>
      </Breadcrumbs>
      {play.isPending ? (
        <Stack aria-busy="true" aria-label="Loading play">
          <Skeleton h={60} radius="md" />
          <Skeleton h={420} radius="md" />
        </Stack>
      ) : play.isError ? (
        <ErrorAlert error={play.error} onRetry={() => play.refetch()} />
      ) : (
        <>
          <PageHeader
            title={play.data.name}
            description={play.data.objective ?? undefined}
            actions={
              <Group gap="sm">
                {canEdit ? (
                  <SegmentedControl
                    aria-label="Play status"
                    data={options(PLAY_STATUSES, PLAY_STATUS_LABELS)}
                    value={play.data.status}
                    onChange={(value) => update.mutate({ status: value as PlayStatus })}
                    color={PLAY_STATUS_COLORS[play.data.status]}
                  />
                ) : (
                  <Badge variant="light" color={PLAY_STATUS_COLORS[play.data.status]}>
                    {PLAY_STATUS_LABELS[play.data.status]}
                  </Badge>
                )}
                {canEdit && (
                  <Button
                    variant="subtle"
                    color="red"
                    loading={remove.isPending}
                    onClick={() => {
                      if (!window.confirm(`Delete the play "${play.data.name}" and all its steps?`)) return;
                      remove.mutate(playId, { onSuccess: () => navigate({ to: "/strategy/plays" }) });
                    }}
                  >
                    Delete play
                  </Button>
                )}
              </Group>
            }
          />
          <Paper withBorder radius="md" p="sm" mb="md">
            <Group gap="xl">
              <Text size="sm">
                <Text span c="dimmed">
                  Solution:{" "}
                </Text>
                <Text span fw={600}>
                  {play.data.solution?.name ?? "—"}
                </Text>
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  ICP:{" "}
                </Text>
                {play.data.icp ? (
                  <>
                    <AnchorLink
                      to="/strategy/icps/$icpId"
                      params={{ icpId: play.data.icp.id }}
                      fw={600}
                      size="sm"
                    >
                      {play.data.icp.name}
                    </AnchorLink>
                    {" · "}
                    <AnchorLink
                      to="/strategy/icps/$icpId/value-chain"
                      params={{ icpId: play.data.icp.id }}
                      size="sm"
                    >
                      value chain
                    </AnchorLink>
                  </>
                ) : (
                  "—"
                )}
              </Text>
            </Group>
          </Paper>
          {(update.error || remove.error) && <ErrorAlert error={update.error ?? remove.error} />}
          <PlayBoard play={play.data} canEdit={canEdit} />
        </>
      )}
    </>
  );
}
