/** What the stack matrix needs from the plays: their live steps for one solution × ICP. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import type { PlayStepInput } from "../strategy/stack-matrix.ts";
import { loadSteps } from "./step-reads.ts";
import { plays } from "./tables.ts";

/** Steps of the solution × ICP's draft and active plays (retired plays no longer cover anything). */
export async function listPlayStepsForStack(
  db: Db,
  ctx: WorkspaceContext,
  filter: { solutionId: string; icpId: string },
): Promise<PlayStepInput[]> {
  const live = await db
    .select({ id: plays.id, name: plays.name })
    .from(plays)
    .where(
      inWorkspace(
        plays,
        ctx,
        and(
          eq(plays.solutionId, filter.solutionId),
          eq(plays.icpId, filter.icpId),
          inArray(plays.status, ["active", "draft"]),
        ),
      ),
    );
  const names = new Map(live.map((p) => [p.id, p.name]));
  const steps = await loadSteps(
    db,
    ctx,
    live.map((p) => p.id),
  );
  return steps.map((step) => ({
    playId: step.playId,
    playName: names.get(step.playId) ?? "",
    stepId: step.id,
    stageKey: step.stage.key,
    leadLayer: step.lead.layer,
    partnerIds: step.lead.partners.map((p) => p.id),
    coMotion: step.coMotion,
  }));
}
