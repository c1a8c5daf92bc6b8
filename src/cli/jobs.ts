/**
 * `ecostack jobs …`: list background jobs and watch one. The CLI is its own process, not the
 * server: on the embedded database (PGlite) only one process may open the data dir, so while the
 * CLI holds it no server can be running jobs — `jobs show --watch` then runs an unfinished job to
 * completion in this process with the same handler the server uses. On PostgreSQL the server runs
 * jobs, and `--watch` follows the job's progress by polling its row.
 */
import type { Command } from "commander";
import type { Database } from "../db/client.ts";
import type { WorkspaceContext } from "../http/policy.ts";
import "../jobs/handlers.ts";
import { presentJob } from "../modules/jobs/presenters.ts";
import { runJob } from "../modules/jobs/run.ts";
import { getJob, isFinished, type Job, listJobs } from "../modules/jobs/service.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";

const BAR_WIDTH = 30;

function progressText(job: Job): string {
  const { done, total, percent } = job.progress;
  const count = total === null ? `${done}` : `${done}/${total}`;
  return `${percent === null ? "" : `${percent}% `}${count}${job.message ? `  ${job.message}` : ""}`;
}

/**
 * Draws a job's progress: a bar redrawn in place on a terminal, plain lines (one per percent
 * step) otherwise, so logs of a non-interactive run stay readable.
 */
export function createProgressPrinter(label: string, out: NodeJS.WriteStream = process.stdout) {
  let lastLine = "";
  const tty = out.isTTY === true;
  return {
    update(job: Job) {
      if (tty) {
        const ratio = (job.progress.percent ?? 0) / 100;
        const filled = Math.round(ratio * BAR_WIDTH);
        out.write(
          `\r${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${progressText(job)}\x1b[K`,
        );
        return;
      }
      const line = `${label} ${job.status} ${progressText(job)}`;
      if (line !== lastLine) out.write(`${line}\n`);
      lastLine = line;
    },
    end(job: Job) {
      if (tty) out.write("\n");
      const outcome =
        job.status === "succeeded"
          ? "succeeded"
          : job.status === "failed"
            ? `failed: ${job.error ?? "no reason given"}`
            : job.status;
      out.write(`${label} ${outcome}\n`);
    },
  };
}

/** Runs (PGlite) or follows (PostgreSQL) the job until it ends; returns its final state. */
export async function followJob(
  database: Database,
  ctx: WorkspaceContext,
  jobId: string,
  onProgress: (job: Job) => void,
): Promise<Job> {
  let job = await getJob(database.db, ctx, jobId);
  if (database.driver === "pglite" && !isFinished(job)) {
    await runJob(database.db, jobId, { onProgress });
    return getJob(database.db, ctx, jobId);
  }
  while (!isFinished(job)) {
    onProgress(job);
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await getJob(database.db, ctx, jobId);
  }
  return job;
}

/** A failed or cancelled job ends the command with a non-zero exit. */
export function requireSucceeded(job: Job, label: string) {
  if (job.status === "failed") throw new CliError(`${label} failed: ${job.error ?? "no reason given"}`);
  if (job.status === "cancelled") throw new CliError(`${label} was cancelled.`);
}

export function registerJobCommands(program: Command) {
  const jobs = program.command("jobs").description("Background jobs (rescoring, imports, mapping)");

  jobs
    .command("list")
    .description("List the workspace's jobs, newest first")
    .option("--limit <n>", "how many", "20")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { limit: string; workspace?: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new CliError("--limit: must be a whole number from 1 to 200");
      await withDatabase(async (database) => {
        const ws = await resolveWorkspace(database, opts.workspace);
        const page = await listJobs(database.db, cliContext(ws), { limit });
        const human =
          page.items
            .map((j) => `${j.id}  ${j.kind}  ${j.status}  ${progressText(j)}  ${j.createdAt.toISOString()}`)
            .join("\n") || "No jobs.";
        print(!!opts.json, page.items.map(presentJob), human);
      });
    });

  jobs
    .command("show")
    .description("Show a job; --watch follows it until it ends (on the embedded database it runs it here)")
    .argument("<id>", "job id")
    .option("--watch", "follow progress until the job ends; exits non-zero if it failed")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { watch?: boolean; workspace?: string; json?: boolean }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CliError(`No job with id "${id}".`);
      await withDatabase(async (database) => {
        const ws = await resolveWorkspace(database, opts.workspace);
        const ctx = cliContext(ws);
        let job = await getJob(database.db, ctx, id);
        if (opts.watch) {
          const printer = opts.json ? undefined : createProgressPrinter(`${job.kind} ${job.id}`);
          job = await followJob(database, ctx, id, (j) => printer?.update(j));
          printer?.end(job);
          if (opts.json) print(true, presentJob(job), "");
          requireSucceeded(job, `Job ${job.id}`);
          return;
        }
        const human = [
          `${job.id}  ${job.kind}`,
          `status:   ${job.status}`,
          `progress: ${progressText(job)}`,
          ...(job.error ? [`error:    ${job.error}`] : []),
          ...(job.result ? [`result:   ${JSON.stringify(job.result)}`] : []),
        ].join("\n");
        print(!!opts.json, presentJob(job), human);
      });
    });
}
