/**
 * The job handler registry: each module that runs long work registers a handler for its job kind
 * (`icp.rescore` now; imports and account mapping later). The runtime and the CLI look handlers
 * up here, so both run exactly the same code for a kind.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";

export type JobResult = Record<string, unknown>;

/** What a handler sees of the job it runs. */
export type JobRun = {
  id: string;
  kind: string;
  input: Record<string, unknown>;
  /** Progress recorded before this run started: a resumed job continues from here. */
  resumeFrom: { done: number; total: number | null };
  /** True when the job was left running by a stopped process and runs again. */
  resumed: boolean;
  /** When the job first started (kept across restarts): work stamped later was done by this job. */
  startedAt: Date;
  db: Db;
  /** The job's workspace, acting as whoever enqueued the job. */
  ctx: WorkspaceContext;
  /**
   * Records progress and is the cancellation check between batches: throws JobCancelledError when
   * the job was cancelled (or ended elsewhere) so the handler stops before the next batch.
   */
  reportProgress(done: number, total?: number | null, message?: string | null): Promise<void>;
};

/** Must be idempotent: a job interrupted by a restart runs again, from `resumeFrom`. */
export type JobHandler = (run: JobRun) => Promise<JobResult>;

/** Thrown by reportProgress when the job is no longer running; the runner swallows it. */
export class JobCancelledError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was cancelled.`);
  }
}

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandlerFor(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}
