/**
 * The `icp.rescore` job: scores every account of the workspace against one ICP with the fast
 * scorer and upserts `account_icp_scores` in batches (one multi-row INSERT … ON CONFLICT each),
 * recording progress per batch. Reads carry only the columns the ICP's criteria look at, and the
 * next read and two writes overlap (see the loop); `npm run bench:icp` measures it at 1M accounts.
 * Resumable: accounts already scored since the job first started are skipped, so a job
 * interrupted by a restart continues where it stopped.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { registerJobHandler } from "../jobs/registry.ts";
import { cancelJobsFor, enqueueJob, type Job } from "../jobs/service.ts";
import {
  countWorkspaceAccounts,
  factColumnsFor,
  readScoringBatch,
  type ScoringBatch,
} from "./account-facts.ts";
import { createIcpScorer, type FitBand, type IcpCriterion } from "./scoring.ts";
import { accountIcpScores, icps } from "./tables.ts";

export const ICP_RESCORE = "icp.rescore";
/**
 * Accounts per read and per upsert: large enough that round trips and commits do not dominate,
 * small enough that cancelling or resuming loses little work (bench/icp.ts: 1M accounts).
 */
export const RESCORE_BATCH = 20_000;

/** Batches written at once (each in its own transaction and, on PostgreSQL, connection). */
export const RESCORE_WRITERS = 2;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
/** A promise that never rejects, so work left in flight cannot become an unhandled rejection. */
const settle = <T>(work: Promise<T>): Promise<Outcome<T>> =>
  work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

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
  await upsertScoreArrays(
    db,
    ctx,
    icpId,
    scores.map((s) => s.accountId),
    scores,
  );
}

/** `upsertScores` with the account ids beside their scores (`scores[i]` is `accountIds[i]`'s). */
async function upsertScoreArrays(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
  accountIds: readonly string[],
  scores: readonly { score: number; band: FitBand }[],
): Promise<void> {
  if (accountIds.length === 0) return;
  const ids = `{${accountIds.join(",")}}`;
  const values = `{${scores.map((s) => s.score).join(",")}}`;
  const bands = `{${scores.map((s) => s.band).join(",")}}`;
  await db.execute(sql`
    insert into ${accountIcpScores} (workspace_id, icp_id, account_id, score, band, computed_at)
    select ${ctx.workspaceId}::uuid, ${icpId}::uuid, s.account_id, s.score, s.band, now()
    from unnest(${ids}::uuid[], ${values}::int[], ${bands}::text[]) as s(account_id, score, band)
    on conflict (icp_id, account_id) do update
      set score = excluded.score, band = excluded.band, computed_at = excluded.computed_at`);
}

/**
 * Writes one batch of scores in its own transaction that does not wait for the WAL flush at
 * commit (`synchronous_commit = off`, this transaction only). A crash can lose the last batches
 * written, never half of one; a resumed job finds those accounts without a fresh stamp and scores
 * them again. (A batch whose progress was recorded is durable: that commit flushes the WAL.)
 */
async function writeScores(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
  accountIds: readonly string[],
  scores: readonly { score: number; band: FitBand }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await upsertScoreArrays(tx, ctx, icpId, accountIds, scores);
  });
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
  const criteria = icp.criteria as IcpCriterion[];
  const score = createIcpScorer({ criteria });
  const columns = factColumnsFor(criteria);

  // Tests pass a small batch size to exercise several batches; the default suits both drivers.
  const batchSize =
    typeof run.input.batchSize === "number" && run.input.batchSize >= 1 ? run.input.batchSize : RESCORE_BATCH;
  const total = await countWorkspaceAccounts(run.db, run.ctx);
  let done = Math.min(run.resumeFrom.done, total);
  await run.reportProgress(done, total, `Scoring ${total} accounts against '${icp.name}'`);
  const readAfter = (afterId: string | undefined) =>
    readScoringBatch(run.db, run.ctx, {
      afterId,
      limit: batchSize,
      icpId,
      columns,
      // Only a resumed run skips work stamped since it started: in a fresh run such rows could
      // come from a superseded rescore finishing its last batch with the old criteria.
      since: run.resumed ? run.startedAt : undefined,
    });
  const writeBatch = async (batch: ScoringBatch) => {
    await writeScores(run.db, run.ctx, icpId, batch.ids, batch.facts.map(score));
    done = Math.min(total, done + batch.ids.length);
    await run.reportProgress(done, Math.max(total, done));
  };
  // The next read only depends on the last id, so it runs while earlier batches are scored and
  // written, and up to RESCORE_WRITERS batches are written at once: on PostgreSQL each on its own
  // pool connection (the inserts are CPU-bound on the server), PGlite simply queues them. Batches
  // may finish out of order: progress is a count, and resuming checks each account's stamp.
  const pending: Promise<Outcome<void>>[] = [];
  let failed: Outcome<unknown> | undefined;
  let batch = await readAfter(undefined);
  while (batch.ids.length > 0) {
    const next = settle(readAfter(batch.ids[batch.ids.length - 1]));
    pending.push(settle(writeBatch(batch)));
    if (pending.length >= RESCORE_WRITERS) {
      const written = await pending.shift();
      if (written && !written.ok) failed = written;
    }
    const read = await next;
    if (failed) break;
    if (!read.ok) {
      failed = read;
      break;
    }
    batch = read.value;
  }
  // Nothing is left running when the job stops, also when it was cancelled or failed.
  for (const written of await Promise.all(pending)) if (!written.ok) failed ??= written;
  if (failed && !failed.ok) throw failed.error;
  const bands = await bandTotals(run.db, run.ctx, icpId);
  return { icpId, icpName: icp.name, scoredAccounts: bands.A + bands.B + bands.C, bands };
});
