/**
 * `ecostack icp …` and `ecostack jobs …` as real child processes on a fresh embedded data dir (or
 * a throwaway database on TEST_DATABASE_URL). Rescoring runs inside the CLI process with progress.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../modules/accounts/tables.ts";
import { createIcp } from "../modules/icps/service.ts";
import { enqueueJob } from "../modules/jobs/service.ts";
import {
  type CliTarget,
  cliOwnerContext,
  createCliTarget,
  createOwnedWorkspace,
  parseJson,
} from "../test/cli.ts";
import { linesOf, PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

const onServer = Boolean(process.env.TEST_DATABASE_URL);

type JobJson = {
  id: string;
  kind: string;
  status: string;
  progress: { done: number; total: number | null };
  result: unknown;
};

describe("ecostack icp and jobs commands", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  let workspaceId = "";
  let pendingJobId = "";
  let brokenJobId = "";
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget("cli-icps");
    workspaceId = await createOwnedWorkspace(cli, { email: "ops@icps.test", workspace: "ICP Co" });
    const database = await target.open();
    try {
      const ctx = cliOwnerContext(workspaceId);
      await database.db.insert(accounts).values([
        { workspaceId, name: "Acme Steel", industry: "Manufacturing", employees: 900 },
        { workspaceId, name: "Borealis Parts", industry: "Manufacturing", employees: 10 },
        { workspaceId, name: "Cobalt Retail", industry: "Retail", employees: 400 },
      ]);
      await createIcp(database.db, ctx, {
        name: "Manufacturing",
        criteria: [
          { kind: "industry", weight: 60, values: ["Manufacturing"] },
          { kind: "employees", weight: 40, min: 100 },
        ],
      });
      const retail = await createIcp(database.db, ctx, {
        name: "Retail",
        criteria: [{ kind: "industry", weight: 1, values: ["Retail"] }],
      });
      pendingJobId = retail.job.id;
      brokenJobId = (
        await enqueueJob(database.db, ctx, "icp.rescore", { icpId: "0190c6d2-0000-7000-8000-000000000000" })
      ).id;
    } finally {
      await database.close();
    }
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await target?.dispose();
  });

  it("rescores one ICP in process, printing progress lines and the outcome", async () => {
    const result = await cli("icp", "rescore", "--icp", "manufacturing");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(linesOf(result.stdout)).toEqual([
      "Rescoring 'Manufacturing' running 0% 0/3  Scoring 3 accounts against 'Manufacturing'",
      "Rescoring 'Manufacturing' running 100% 3/3  Scoring 3 accounts against 'Manufacturing'",
      "Rescoring 'Manufacturing' succeeded 100% 3/3  Scoring 3 accounts against 'Manufacturing'",
      "Rescoring 'Manufacturing' succeeded",
    ]);
    const icps = parseJson<{ name: string; bands: Record<string, number>; scoredAccounts: number }[]>(
      await cli("icp", "list", "--json"),
    );
    expect(icps.map((i) => [i.name, i.bands, i.scoredAccounts])).toEqual([
      ["Manufacturing", { A: 1, B: 2, C: 0 }, 3],
      ["Retail", { A: 0, B: 0, C: 0 }, 0],
    ]);
  });

  it("lists jobs newest first and shows one", async () => {
    const jobs = parseJson<JobJson[]>(await cli("jobs", "list", "--json"));
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      ["icp.rescore", "succeeded"],
      ["icp.rescore", "queued"],
      ["icp.rescore", "queued"],
      ["icp.rescore", "cancelled"],
    ]);
    const shown = parseJson<JobJson>(await cli("jobs", "show", jobs[0]?.id ?? "", "--json"));
    expect(shown).toMatchObject({ status: "succeeded", progress: { done: 3, total: 3 } });
    const watched = await cli("jobs", "show", jobs[0]?.id ?? "", "--watch");
    expect(watched.code).toBe(0);
    expect(linesOf(watched.stdout).at(-1)).toBe(`icp.rescore ${jobs[0]?.id} succeeded`);
    const unknown = await cli("jobs", "show", "nope");
    expect([unknown.code, unknown.stderr]).toEqual([1, 'ecostack: No job with id "nope".\n']);
  });

  it("on the embedded database, --watch runs a queued job to its end and fails with the reason", async () => {
    if (onServer) return; // On PostgreSQL the server runs jobs; --watch only follows them.
    const ran = await cli("jobs", "show", pendingJobId, "--watch", "--json");
    expect(parseJson<JobJson>(ran)).toMatchObject({ status: "succeeded", result: { scoredAccounts: 3 } });
    const failed = await cli("jobs", "show", brokenJobId, "--watch");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`ecostack: Job ${brokenJobId} failed: The ICP no longer exists.\n`);
  });

  it("refuses an unknown ICP with one line", async () => {
    const result = await cli("icp", "rescore", "--icp", "Nope");
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      "",
      'ecostack: --icp: no ICP named or with id "Nope".\n',
    ]);
  });
});
