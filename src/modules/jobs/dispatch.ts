/**
 * Where a freshly enqueued job goes. A running job runtime (src/jobs/runtime.ts) attaches itself
 * to its database; `enqueueJob` hands new jobs to it. Without a runtime (a CLI command, a test
 * without jobs) the row simply stays queued: the CLI runs it in process, and the next runtime
 * start picks up every queued row.
 */
import type { Db } from "../../db/client.ts";

export type JobDispatcher = (jobId: string) => Promise<void>;

const dispatchers = new WeakMap<Db, JobDispatcher>();

export function attachJobDispatcher(db: Db, dispatcher: JobDispatcher): void {
  dispatchers.set(db, dispatcher);
}

export function detachJobDispatcher(db: Db, dispatcher: JobDispatcher): void {
  if (dispatchers.get(db) === dispatcher) dispatchers.delete(db);
}

export function jobDispatcherFor(db: Db): JobDispatcher | undefined {
  return dispatchers.get(db);
}
