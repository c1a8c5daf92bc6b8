import { Paper } from "@mantine/core";
import { useJourneyStages } from "../../features/journey/api/journey-stages";
import { JourneyStagesEditor } from "../../features/journey/components/JourneyStagesEditor";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { PageHeader } from "../../shared/ui/PageHeader";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** The Buyer's Journey Arc: the stages every play, value chain weight and stack column follows. */
export function JourneyPage() {
  const stages = useJourneyStages();
  const role = useCurrentRole();
  return (
    <>
      <PageHeader
        title="Buyer's journey"
        description="The stages your customers go through, in order. Plays, value chain weights and the stack's columns follow them. A stage a play uses cannot be deleted."
      />
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} maw={820}>
        {stages.isPending ? (
          <TableSkeleton />
        ) : stages.isError ? (
          <ErrorAlert error={stages.error} onRetry={() => stages.refetch()} />
        ) : (
          <JourneyStagesEditor stages={stages.data} canEdit={role !== null && EDITORS.has(role)} />
        )}
      </Paper>
    </>
  );
}
