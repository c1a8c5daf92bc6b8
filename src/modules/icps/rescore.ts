/**
 * The `icp.rescore` job: scores every account of the workspace against one ICP with the fast
 * scorer and upserts `account_icp_scores` in batches (one multi-row INSERT … ON CONFLICT each),
 * recording progress per batch. Resumable: accounts already scored since the job first started
 * are skipped, so a job interrupted by a restart continues where it stopped.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { registerJobHandler } from "../jobs/registry.ts";
import { cancelJobsFor, enqueueJob, type Job } from "../jobs/service.ts";
import { countWorkspaceAccounts, readAccountBatch } from "./account-facts.ts";
import { createIcpScorer, type FitBand, type IcpCriterion } from "./scoring.ts";
import { accountIcpScores, icps } from "./tables.ts";

export const ICP_RESCORE = "icp.rescore";
/** Accounts per read and per upsert: large enough that round trips do not dominate. */
export const RESCORE_BATCH = 5_000;

const target = (icpId: string) => ({ key: "icpId", value: icpId });

/** Starts a rescore of one ICP, cancelling any earlier one still queued or running (it is stale). */
export async function enqueueIcpRescore(db: Db, ctx: WorkspaceContext, icpId: string): Promise<Job> {
  await cancelJobsFor(db, ctx, ICP_RESCORE, target(icpId));
  return enqueueJob(db, ctx, ICP_RESCORE, { icpId });
}

export async function cancelIcpRescores(db: Db, ctx: WorkspaceContext, icpId: string): Promise<void> {
  await cancelJobsFor(db, ctx, ICP_RESCORE, target(icpId));
}

/**
 * Upserts one batch of scores in a single INSERT … ON CONFLICT. The rows travel as three arrays
 * (unnest) rather than six parameters a row: building and parsing 12,000 parameters per batch
 * cost more than the scoring itself (see bench/icp.ts).
 */
export async function upsertScores(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
  scores: readonly { accountId: string; score: number; band: FitBand }[],
): Promise<void> {
  if (scores.length === 0) return;
  const ids = `{${scores.map((s) => s.accountId).join(",")}}`;
  const values = `{${scores.map((s) => s.score).join(",")}}`;
  const bands = `{${scores.map((s) => s.band).join(",")}}`;
  await db.execute(sql`
    insert into ${accountIcpScores} (workspace_id, icp_id, account_id, score, band, computed_at)
    select ${ctx.workspaceId}::uuid, ${icpId}::uuid, s.account_id, s.score, s.band, now()
    from unnest(${ids}::uuid[], ${values}::int[], ${bands}::text[]) as s(account_id, score, band)
    on conflict (icp_id, account_id) do update
      set score = excluded.score, band = excluded.band, computed_at = excluded.computed_at`);
}

async function bandTotals(db: Db, ctx: WorkspaceContext, icpId: string): Promise<Record<FitBand, number>> {
  const rows = await db
    .select({ band: accountIcpScores.band, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(accountIcpScores)
    .where(inWorkspace(accountIcpScores, ctx, eq(accountIcpScores.icpId, icpId)))
    .groupBy(accountIcpScores.band);
  const totals: Record<FitBand, number> = { A: 0, B: 0, C: 0 };
  for (const row of rows)
    if (row.band === "A" || row.band === "B" || row.band === "C") totals[row.band] = row.n;
  return totals;
}

registerJobHandler(ICP_RESCORE, async (run) => {
  const icpId = typeof run.input.icpId === "string" ? run.input.icpId : undefined;
  if (!icpId) throw new Error("The job names no ICP (input.icpId).");
  const [icp] = await run.db
    .select({ name: icps.name, criteria: icps.criteria })
    .from(icps)
    .where(inWorkspace(icps, run.ctx, eq(icps.id, icpId)));
  if (!icp) throw new Error("The ICP no longer exists.");
  const score = createIcpScorer({ criteria: icp.criteria as IcpCriterion[] });

  // Tests pass a small batch size to exercise several batches; the default suits both drivers.
  const batchSize =
    typeof run.input.batchSize === "number" && run.input.batchSize >= 1 ? run.input.batchSize : RESCORE_BATCH;
  const total = await countWorkspaceAccounts(run.db, run.ctx);
  let done = Math.min(run.resumeFrom.done, total);
  await run.reportProgress(done, total, `Scoring ${total} accounts against '${icp.name}'`);
  const readAfter = (afterId: string | undefined) =>
    readAccountBatch(run.db, run.ctx, {
      afterId,
      limit: batchSize,
      icpId,
      // Only a resumed run skips work stamped since it started: in a fresh run such rows could
      // come from a superseded rescore finishing its last batch with the old criteria.
      since: run.resumed ? run.startedAt : undefined,
    });
  let batch = await readAfter(undefined);
  while (batch.length > 0) {
    await upsertScores(
      run.db,
      run.ctx,
      icpId,
      batch.map((account) => ({ accountId: account.id, ...score(account) })),
    );
    done = Math.min(total, done + batch.length);
    await run.reportProgress(done, Math.max(total, done));
    batch = await readAfter(batch[batch.length - 1]?.id);
  }
  const bands = await bandTotals(run.db, run.ctx, icpId);
  return { icpId, icpName: icp.name, scoredAccounts: bands.A + bands.B + bands.C, bands };
});
