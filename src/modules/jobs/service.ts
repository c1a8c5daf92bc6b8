/**
 * Jobs as people watch them: one `jobs` row per piece of long work, with status and progress.
 * pg-boss (src/jobs/runtime.ts) only carries execution; these functions are what the API, the
 * CLI and the modules that start work call.
 */
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { conflict, notFound } from "../../http/problem.ts";
import { jobDispatcherFor } from "./dispatch.ts";
import { jobs } from "./tables.ts";

export const jobStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const activeJobStatuses: readonly JobStatus[] = ["queued", "running"];

export type Job = {
  id: string;
  workspaceId: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number | null; percent: number | null };
  message: string | null;
  error: string | null;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type JobRow = typeof jobs.$inferSelect;

function asStatus(value: string): JobStatus {
  const status = jobStatuses.find((s) => s === value);
  if (!status) throw new Error(`Unknown job status stored: ${value}`);
  return status;
}

function percentOf(row: JobRow): number | null {
  if (row.status === "succeeded") return 100;
  if (row.progressTotal === null) return null;
  if (row.progressTotal <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((100 * row.progressDone) / row.progressTotal)));
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    status: asStatus(row.status),
    progress: { done: row.progressDone, total: row.progressTotal, percent: percentOf(row) },
    message: row.message,
    error: row.error,
    input: row.input,
    result: row.result,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export const isFinished = (job: Job) => job.status !== "queued" && job.status !== "running";

/**
 * Records a queued job and hands it to the running job runtime, if any. Call it outside a
 * transaction: on PGlite the runtime shares the one connection and waits for the transaction.
 */
export async function enqueueJob(
  db: Db,
  ctx: WorkspaceContext,
  kind: string,
  input: Record<string, unknown>,
): Promise<Job> {
  const [row] = await db
    .insert(jobs)
    .values({
      workspaceId: ctx.workspaceId,
      kind,
      input,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await jobDispatcherFor(db)?.(row.id);
  return toJob(row);
}

export async function getJob(db: Db, ctx: WorkspaceContext, id: string): Promise<Job> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(inWorkspace(jobs, ctx, eq(jobs.id, id)));
  if (!row) throw notFound("Job");
  return toJob(row);
}

export type JobFilter = { kind?: string | undefined; status?: JobStatus | undefined };

/** Newest first (ids are time-ordered), so the cursor walks towards older jobs. */
export async function listJobs(
  db: Db,
  ctx: WorkspaceContext,
  page: PageQuery & JobFilter,
): Promise<Page<Job>> {
  const before = decodeCursor(page.cursor);
  const rows = await db
    .select()
    .from(jobs)
    .where(
      inWorkspace(
        jobs,
        ctx,
        before ? lt(jobs.id, before) : undefined,
        page.kind ? eq(jobs.kind, page.kind) : undefined,
        page.status ? eq(jobs.status, page.status) : undefined,
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => r.id, toJob);
}

/**
 * Cancels a queued or running job. A queued job never starts; a running handler notices at its
 * next progress report (between batches) and stops there.
 */
export async function cancelJob(db: Db, ctx: WorkspaceContext, id: string): Promise<Job> {
  const [row] = await db
    .update(jobs)
    .set({ status: "cancelled", finishedAt: new Date(), message: "Cancelled" })
    .where(inWorkspace(jobs, ctx, eq(jobs.id, id), inArray(jobs.status, [...activeJobStatuses])))
    .returning();
  if (row) return toJob(row);
  const current = await getJob(db, ctx, id);
  throw conflict(
    `The job has already ${current.status === "cancelled" ? "been cancelled" : current.status}.`,
  );
}

/** Jobs of a kind whose input names a target (e.g. the rescores of one ICP: `icpId`). */
const ofTarget = (kind: string, target: { key: string; value: string }) =>
  and(eq(jobs.kind, kind), sql`${jobs.input}->>${target.key} = ${target.value}`);

/** Cancels the queued or running jobs of a kind for one target (superseded work); returns how many. */
export async function cancelJobsFor(
  db: Db,
  ctx: WorkspaceContext,
  kind: string,
  target: { key: string; value: string },
): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: "cancelled", finishedAt: new Date(), message: "Superseded" })
    .where(inWorkspace(jobs, ctx, ofTarget(kind, target), inArray(jobs.status, [...activeJobStatuses])))
    .returning({ id: jobs.id });
  return rows.length;
}

/** The newest job of a kind for one target, if any (the ICP page shows its last rescore). */
export async function latestJobFor(
  db: Db,
  ctx: WorkspaceContext,
  kind: string,
  target: { key: string; value: string },
): Promise<Job | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(inWorkspace(jobs, ctx, ofTarget(kind, target)))
    .orderBy(desc(jobs.id))
    .limit(1);
  return row ? toJob(row) : undefined;
}

/** Every job left queued or running, across workspaces: the runtime re-dispatches them at start. */
export async function unfinishedJobIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    // Across workspaces on purpose: the runtime serves every tenant of the database.
    .where(inArray(jobs.status, [...activeJobStatuses]))
    .orderBy(jobs.id);
  return rows.map((r) => r.id);
}
