/**
 * `ecostack icp …`: list ICPs with their fit bands and rescore them. A rescore runs in this
 * process with a progress bar (the CLI is not the server; on the embedded database it could not
 * hand the work to one), through the same job handler the server's runtime uses.
 */
import type { Command } from "commander";
import "../jobs/handlers.ts";
import { enqueueIcpRescore } from "../modules/icps/rescore.ts";
import { describeCriterion } from "../modules/icps/scoring.ts";
import { findIcpByRef, getIcpWithBands, listIcps } from "../modules/icps/service.ts";
import { presentJob } from "../modules/jobs/presenters.ts";
import { runJob } from "../modules/jobs/run.ts";
import { getJob } from "../modules/jobs/service.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";
import { createProgressPrinter, requireSucceeded } from "./jobs.ts";

export function registerIcpCommands(program: Command) {
  const icp = program.command("icp").description("Ideal Customer Profiles");

  icp
    .command("list")
    .description("List ICPs with their accounts per fit band (A ≥ 70, B ≥ 40, C below)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
        const all = await Promise.all(
          (await listIcps(database.db, ctx)).map((i) => getIcpWithBands(database.db, ctx, i.id)),
        );
        const rows = all.map((i) => ({
          id: i.id,
          name: i.name,
          criteria: i.criteria.map(describeCriterion),
          bands: i.bands,
          scoredAccounts: i.scoredAccounts,
        }));
        const human =
          rows
            .map(
              (r) =>
                `${r.id}  ${r.name}  A ${r.bands.A} · B ${r.bands.B} · C ${r.bands.C}  (${r.criteria.length} criteria)`,
            )
            .join("\n") || "No ICPs.";
        print(!!opts.json, rows, human);
      });
    });

  icp
    .command("rescore")
    .description("Score every account against every ICP (or the one named), here, with progress")
    .option("--icp <ref>", "ICP name or id (default: all ICPs)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { icp?: string; workspace?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
        const targets = opts.icp
          ? await findIcpByRef(database.db, ctx, opts.icp)
          : await listIcps(database.db, ctx);
        if (opts.icp && targets.length === 0)
          throw new CliError(`--icp: no ICP named or with id "${opts.icp}".`);
        if (opts.icp && targets.length > 1)
          throw new CliError(`--icp: several ICPs are named "${opts.icp}"; pass its id instead.`);
        if (targets.length === 0) throw new CliError("There are no ICPs to rescore.");
        const finished = [];
        for (const target of targets) {
          const job = await enqueueIcpRescore(database.db, ctx, target.id);
          const printer = opts.json ? undefined : createProgressPrinter(`Rescoring '${target.name}'`);
          await runJob(database.db, job.id, { onProgress: (j) => printer?.update(j) });
          const final = await getJob(database.db, ctx, job.id);
          printer?.end(final);
          finished.push(final);
        }
        if (opts.json) print(true, finished.map(presentJob), "");
        for (const job of finished) requireSucceeded(job, `Rescore job ${job.id}`);
      });
    });
}
