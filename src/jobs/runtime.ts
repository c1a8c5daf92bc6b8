/**
 * The background job runtime: pg-boss (schema `pgboss`) on the same database as everything else —
 * over the one PGlite connection, or the PostgreSQL pool. pg-boss carries "run job X" messages;
 * the `jobs` row (src/modules/jobs) holds status and progress, and `runJob` runs the handler.
 *
 * Survives a restart: on start every `jobs` row left queued or running is dispatched again, and a
 * stop interrupts running handlers at their next progress report, leaving the row `running` with
 * its progress so the next start resumes it. Ecostack runs one server process per database, so
 * at start nothing else can be running those rows (on PGlite the data-dir lock guarantees it).
 */
import PgBoss from "pg-boss";
import type { Database } from "../db/client.ts";
import { attachJobDispatcher, detachJobDispatcher, type JobDispatcher } from "../modules/jobs/dispatch.ts";
import { runJob } from "../modules/jobs/run.ts";
import { unfinishedJobIds } from "../modules/jobs/service.ts";
import "./handlers.ts";

const QUEUE = "ecostack-jobs";
/** Handlers run concurrently up to this many per process (each is a sequential pg-boss worker). */
const WORKERS = 2;

export type JobRuntimeOptions = {
  /** How often idle workers look for work; new jobs wake them at once. Default 2 s (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

export type JobRuntime = {
  start(): Promise<void>;
  /** Stops taking work and interrupts running handlers between batches; they resume at the next start. */
  stop(): Promise<void>;
  /** Resolves when no handler of this runtime is running (tests and graceful shutdown). */
  idle(): Promise<void>;
};

type Message = { jobId: string };

export function createJobRuntime(database: Database, options: JobRuntimeOptions = {}): JobRuntime {
  const queueSql = database.jobQueueSql;
  if (!queueSql) throw new Error("This database offers no SQL access for the job queue.");
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => queueSql.executeSql(text, values) },
    schema: "pgboss",
    schedule: false,
    supervise: true,
  });
  boss.on("error", (error) => options.onError?.(error));

  const running = new Map<string, Promise<unknown>>();
  const workerIds: string[] = [];
  let stopping = false;
  let started = false;

  const runOnce = async (jobId: string) => {
    // Two messages for one job (a re-dispatch at start next to a pg-boss retry) run it once.
    if (running.has(jobId) || stopping) return;
    const run = runJob(database.db, jobId, { interrupted: () => stopping });
    running.set(jobId, run);
    try {
      await run;
    } finally {
      running.delete(jobId);
    }
  };

  const dispatch: JobDispatcher = async (jobId) => {
    await boss.send(QUEUE, { jobId } satisfies Message);
    for (const id of workerIds) boss.notifyWorker(id);
  };

  return {
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      await boss.start();
      await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 4 * 3600 });
      for (let i = 0; i < WORKERS; i += 1) {
        workerIds.push(
          await boss.work<Message>(
            QUEUE,
            { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
            async (messages) => {
              for (const message of messages) await runOnce(message.data.jobId);
            },
          ),
        );
      }
      attachJobDispatcher(database.db, dispatch);
      for (const jobId of await unfinishedJobIds(database.db)) await dispatch(jobId);
    },
    async stop() {
      if (!started) return;
      stopping = true;
      detachJobDispatcher(database.db, dispatch);
      await Promise.allSettled(running.values());
      await boss.stop({ graceful: true, wait: true, timeout: 5_000, close: false });
      workerIds.length = 0;
      started = false;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled(running.values());
    },
  };
}
