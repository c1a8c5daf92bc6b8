/**
 * The `mapping.run` job: maps one partner, or every partner with an account list, one `mapPartner`
 * run (run.ts) after another, with progress per partner; and how routes and the CLI start it.
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { registerJobHandler } from "../jobs/registry.ts";
import { enqueueJob, type Job, toJob } from "../jobs/service.ts";
import { jobs } from "../jobs/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { mapPartner, PROGRESS_SCALE } from "./run.ts";

export const MAPPING_RUN = "mapping.run";

/** The partners a "map all" run covers: those with an account list, by name. */
export async function partnersWithAccountLists(db: Db, ctx: WorkspaceContext) {
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(
      inWorkspace(
        partners,
        ctx,
        sql`exists (select 1 from ${partnerAccounts} pa where pa.partner_id = ${partners.id})`,
      ),
    )
    .orderBy(asc(partners.name), asc(partners.id));
}

export type MappingTarget = { partnerId: string } | { all: true };

/**
 * Starts a mapping job, or returns the one already queued or running for the same target: two
 * runs of one partner at once would only redo each other's work.
 */
export async function enqueueMapping(db: Db, ctx: WorkspaceContext, target: MappingTarget): Promise<Job> {
  const targetSql =
    "partnerId" in target
      ? sql`${jobs.input}->>'partnerId' = ${target.partnerId}`
      : sql`${jobs.input}->>'all' = 'true'`;
  const [active] = await db
    .select()
    .from(jobs)
    .where(
      inWorkspace(
        jobs,
        ctx,
        eq(jobs.kind, MAPPING_RUN),
        targetSql,
        inArray(jobs.status, ["queued", "running"]),
      ),
    )
    .limit(1);
  if (active) return toJob(active);
  return enqueueJob(
    db,
    ctx,
    MAPPING_RUN,
    "partnerId" in target ? { partnerId: target.partnerId } : { all: true },
  );
}

registerJobHandler(MAPPING_RUN, async (run) => {
  const partnerId = typeof run.input.partnerId === "string" ? run.input.partnerId : undefined;
  if (!partnerId && run.input.all !== true)
    throw new Error("The job names no partner (input.partnerId or all).");
  const targets = partnerId
    ? await run.db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(inWorkspace(partners, run.ctx, eq(partners.id, partnerId)))
    : await partnersWithAccountLists(run.db, run.ctx);
  if (partnerId && targets.length === 0) throw new Error("The partner no longer exists.");
  const total = Math.max(1, targets.length) * PROGRESS_SCALE;
  await run.reportProgress(0, total, `Mapping ${targets.length} partner${targets.length === 1 ? "" : "s"}`);
  const mapped: Record<string, unknown>[] = [];
  // Each partner's run is idempotent and incremental, so a resumed job simply goes through the
  // list again: partners finished before the restart have nothing left to do.
  for (const [index, target] of targets.entries()) {
    const result = await mapPartner(run.db, run.ctx, target.id, {
      onProgress: (done, _total, phase) =>
        run.reportProgress(index * PROGRESS_SCALE + done, total, `${target.name}: ${phase}`),
    });
    mapped.push({ partnerId: target.id, partnerName: target.name, ...result });
  }
  return { partners: mapped };
});
