/**
 * Runs one job to its end with its registered handler: the pg-boss worker and the CLI (which
 * cannot hand work to a server on the same PGlite data dir) both call `runJob`. Every state change
 * is a conditional update on the row's status, so a cancelled job is never marked succeeded and a
 * stale second run of the same job changes nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { JobCancelledError, type JobRun, jobHandlerFor } from "./registry.ts";
import { activeJobStatuses, type Job, toJob } from "./service.ts";
import { jobs } from "./tables.ts";

export type RunJobOptions = {
  /** Called after each recorded progress step (the CLI draws its progress bar from it). */
  onProgress?: (job: Job) => void;
  /**
   * True when the process is shutting down: the handler stops at its next progress report and the
   * row stays `running` with its progress, to be resumed by the next runtime start.
   */
  interrupted?: () => boolean;
};

class JobInterruptedError extends Error {}

const isRunning = (id: string) => and(eq(jobs.id, id), eq(jobs.status, "running"));

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2000) || "The job failed without a message.";
}

/** Runs the job if it is queued or was left running; returns its final state (or undefined if unknown). */
export async function runJob(db: Db, jobId: string, options: RunJobOptions = {}): Promise<Job | undefined> {
  const [before] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  const [claimed] = await db
    .update(jobs)
    .set({
      status: "running",
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      error: null,
    })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, [...activeJobStatuses])))
    .returning();
  if (!claimed) return currentJob(db, jobId);

  const handler = jobHandlerFor(claimed.kind);
  if (!handler) {
    await finish(db, jobId, { status: "failed", error: `No handler for jobs of kind '${claimed.kind}'.` });
    return currentJob(db, jobId);
  }

  const ctx: WorkspaceContext = {
    workspaceId: claimed.workspaceId,
    role: "admin",
    actor: claimed.createdBy ? { kind: "user", userId: claimed.createdBy } : { kind: "cli" },
  };
  const run: JobRun = {
    id: claimed.id,
    kind: claimed.kind,
    input: claimed.input,
    resumeFrom: { done: claimed.progressDone, total: claimed.progressTotal },
    startedAt: claimed.startedAt ?? new Date(),
    resumed: before?.status === "running",
    db,
    ctx,
    async reportProgress(done, total, message) {
      if (options.interrupted?.()) throw new JobInterruptedError();
      const [row] = await db
        .update(jobs)
        .set({
          progressDone: done,
          ...(total === undefined ? {} : { progressTotal: total }),
          ...(message === undefined ? {} : { message }),
        })
        .where(isRunning(jobId))
        .returning();
      if (!row) throw new JobCancelledError(jobId);
      options.onProgress?.(toJob(row));
    },
  };

  try {
    const result = await handler(run);
    await finish(db, jobId, { status: "succeeded", result });
  } catch (error) {
    if (error instanceof JobInterruptedError) return currentJob(db, jobId);
    if (!(error instanceof JobCancelledError))
      await finish(db, jobId, { status: "failed", error: errorText(error) });
  }
  const final = await currentJob(db, jobId);
  if (final) options.onProgress?.(final);
  return final;
}

async function finish(
  db: Db,
  jobId: string,
  end: { status: "succeeded"; result: Record<string, unknown> } | { status: "failed"; error: string },
) {
  await db
    .update(jobs)
    .set(
      end.status === "succeeded"
        ? {
            status: "succeeded",
            result: end.result,
            progressDone: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})`,
            finishedAt: new Date(),
          }
        : { status: "failed", error: end.error, finishedAt: new Date() },
    )
    .where(isRunning(jobId));
}

async function currentJob(db: Db, jobId: string): Promise<Job | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return row ? toJob(row) : undefined;
}
