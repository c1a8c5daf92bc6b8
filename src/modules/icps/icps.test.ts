import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { accounts } from "../accounts/tables.ts";
import type { JobView } from "../jobs/presenters.ts";
import { runJob } from "../jobs/run.ts";
import { enqueueJob, getJob } from "../jobs/service.ts";
import { jobs } from "../jobs/tables.ts";
import { plays } from "../plays/tables.ts";
import { ICP_RESCORE, upsertScores } from "./rescore.ts";
import { type IcpCriterion, scoreAccountFit } from "./scoring.ts";
import { accountIcpScores } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
});
afterAll(async () => t.close());

type IcpDetail = {
  id: string;
  name: string;
  criteria: IcpCriterion[];
  criteriaText: string[];
  bands: { A: number; B: number; C: number };
  scoredAccounts: number;
  rescoreJob: JobView | null;
};

const criteria: IcpCriterion[] = [
  { kind: "industry", weight: 60, values: ["Manufacturing"] },
  { kind: "employees", weight: 40, min: 200, max: 5000 },
];

type AccountSeed = { name: string; industry?: string; employees?: number };
/** Scores under `criteria`: both → 100 (A), industry only → 60 (B), employees only → 40 (B), none → 0 (C). */
const seeds: AccountSeed[] = [
  { name: "Acme Steel", industry: "Manufacturing", employees: 900 },
  { name: "Borealis Parts", industry: "manufacturing", employees: 12 },
  { name: "Cobalt Retail", industry: "Retail", employees: 300 },
  { name: "Delta Foods", industry: "Food" },
  { name: "Evergreen Tools", industry: "Manufacturing", employees: 4000 },
];

async function world() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const pm = await makeMember(t.database.db, workspace, "partner_manager");
  const viewer = await makeMember(t.database.db, workspace, "viewer");
  const rows = await t.database.db
    .insert(accounts)
    .values(seeds.map((s) => ({ workspaceId: workspace.id, ...s })))
    .returning();
  const ctx: WorkspaceContext = {
    workspaceId: workspace.id,
    role: "owner",
    actor: { kind: "user", userId: owner.id },
  };
  return {
    workspace,
    ctx,
    accountIds: new Map(rows.map((r) => [r.name, r.id])),
    editor: await signIn(t.app, pm.email),
    viewer: await signIn(t.app, viewer.email),
  };
}

async function waitForJob(auth: Auth, id: string): Promise<JobView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = (await call(t.app, auth, "GET", `/api/v1/jobs/${id}`)).json<JobView>();
    if (job.status !== "queued" && job.status !== "running") return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not end: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function createIcp(auth: Auth, body: Record<string, unknown>) {
  const response = await call(t.app, auth, "POST", "/api/v1/icps", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<IcpDetail>();
}

describe("ICPs", () => {
  it("creates an ICP, rescores every account in a job, and shows bands, distribution and top accounts", async () => {
    const { editor, viewer, accountIds } = await world();
    const created = await createIcp(editor, { name: "Mid-market manufacturing", criteria });
    expect(created).toMatchObject({
      name: "Mid-market manufacturing",
      criteria,
      criteriaText: ["Industry is Manufacturing", "Employees between 200 and 5,000"],
      bands: { A: 0, B: 0, C: 0 },
      rescoreJob: { kind: ICP_RESCORE, status: "queued" },
    });
    const job = await waitForJob(viewer, created.rescoreJob?.id ?? "");
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { done: 5, total: 5, percent: 100 },
      result: { icpId: created.id, scoredAccounts: 5, bands: { A: 2, B: 2, C: 1 } },
    });

    const detail = (await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}`)).json<IcpDetail>();
    expect(detail).toMatchObject({
      bands: { A: 2, B: 2, C: 1 },
      scoredAccounts: 5,
      rescoreJob: { id: job.id },
    });
    const list = (await call(t.app, viewer, "GET", "/api/v1/icps")).json<{ items: IcpDetail[] }>();
    expect(list.items.map((i) => [i.name, i.bands])).toEqual([
      ["Mid-market manufacturing", { A: 2, B: 2, C: 1 }],
    ]);

    const distribution = (await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}/distribution`)).json<{
      total: number;
      buckets: { label: string; band: string; count: number }[];
    }>();
    expect(distribution.total).toBe(5);
    expect(distribution.buckets.filter((b) => b.count > 0)).toEqual([
      { from: 0, to: 9, label: "0–9", band: "C", count: 1 },
      { from: 40, to: 49, label: "40–49", band: "B", count: 1 },
      { from: 60, to: 69, label: "60–69", band: "B", count: 1 },
      { from: 90, to: 100, label: "90–100", band: "A", count: 2 },
    ]);

    type Top = { accountId: string; name: string; score: number; band: string };
    const top = (await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}/accounts?limit=3`)).json<{
      items: Top[];
      nextCursor: string;
    }>();
    const acmeFirst = [accountIds.get("Acme Steel"), accountIds.get("Evergreen Tools")].sort();
    expect(top.items.map((a) => [a.name, a.score, a.band])).toEqual([
      [acmeFirst[0] === accountIds.get("Acme Steel") ? "Acme Steel" : "Evergreen Tools", 100, "A"],
      [acmeFirst[0] === accountIds.get("Acme Steel") ? "Evergreen Tools" : "Acme Steel", 100, "A"],
      ["Borealis Parts", 60, "B"],
    ]);
    const rest = (
      await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}/accounts?limit=3&cursor=${top.nextCursor}`)
    ).json<{ items: Top[]; nextCursor: string | null }>();
    expect(rest.items.map((a) => [a.name, a.score])).toEqual([
      ["Cobalt Retail", 40],
      ["Delta Foods", 0],
    ]);
    expect(rest.nextCursor).toBeNull();
    const bandB = (await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}/accounts?band=B`)).json<{
      items: Top[];
    }>();
    expect(bandB.items.map((a) => a.name)).toEqual(["Borealis Parts", "Cobalt Retail"]);
    const badCursor = await call(t.app, viewer, "GET", `/api/v1/icps/${created.id}/accounts?cursor=nope`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe("querystring.cursor");
  });

  it("shows an account's live fit to every ICP with the reasons", async () => {
    const { editor, viewer, accountIds } = await world();
    const icp = await createIcp(editor, { name: "Manufacturing", criteria });
    await waitForJob(viewer, icp.rescoreJob?.id ?? "");
    const response = await call(
      t.app,
      viewer,
      "GET",
      `/api/v1/accounts/${accountIds.get("Borealis Parts")}/fit`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      accountId: accountIds.get("Borealis Parts"),
      items: [
        {
          icpId: icp.id,
          icpName: "Manufacturing",
          score: 60,
          band: "B",
          reasons: [
            {
              criterion: "Industry is Manufacturing",
              weight: 60,
              matched: true,
              detail: "Industry is manufacturing",
            },
            {
              criterion: "Employees between 200 and 5,000",
              weight: 40,
              matched: false,
              detail: "12 employees, below the minimum of 200",
            },
          ],
          stored: { score: 60, band: "B", computedAt: expect.any(String) },
        },
      ],
    });
    const other = await world();
    const foreign = await call(
      t.app,
      other.viewer,
      "GET",
      `/api/v1/accounts/${accountIds.get("Borealis Parts")}/fit`,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it("refuses bad criteria naming the field, and saves nothing", async () => {
    const { editor, viewer } = await world();
    const bad = await call(t.app, editor, "POST", "/api/v1/icps", {
      name: "Broken",
      criteria: [criteria[0], { kind: "employees", weight: 10, min: 500, max: 100 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: "body.criteria.1.min", message: "must not be greater than max" },
    ]);
    const weight = await call(t.app, editor, "POST", "/api/v1/icps", {
      name: "Broken",
      criteria: [{ kind: "industry", weight: 101, values: ["X"] }],
    });
    expect(weight.json().errors[0].path).toBe("body.criteria.0.weight");
    expect((await call(t.app, viewer, "GET", "/api/v1/icps")).json().items).toEqual([]);
    expect((await call(t.app, viewer, "POST", "/api/v1/icps", { name: "V", criteria })).statusCode).toBe(403);
  });

  it("rescores when criteria change (superseding a pending rescore), not on a rename", async () => {
    const { editor, viewer, ctx } = await world();
    const icp = await createIcp(editor, { name: "Industry only", criteria: [criteria[0]] });
    await waitForJob(viewer, icp.rescoreJob?.id ?? "");
    const renamed = (
      await call(t.app, editor, "PATCH", `/api/v1/icps/${icp.id}`, {
        name: "Renamed",
        criteria: [criteria[0]],
      })
    ).json<IcpDetail>();
    expect(renamed.rescoreJob?.id).toBe(icp.rescoreJob?.id);

    const changed = await call(t.app, editor, "PATCH", `/api/v1/icps/${icp.id}`, { criteria });
    expect(changed.statusCode).toBe(200);
    const changedJob = changed.json<IcpDetail>().rescoreJob;
    expect(changedJob?.id).not.toBe(icp.rescoreJob?.id);
    const manual = await call(t.app, editor, "POST", `/api/v1/icps/${icp.id}/rescore`);
    expect(manual.statusCode).toBe(202);
    const manualJob = manual.json<{ job: JobView }>().job;
    expect(await waitForJob(viewer, manualJob.id)).toMatchObject({ status: "succeeded" });
    // The earlier rescore was cancelled if it had not finished yet: never two for one ICP.
    const earlier = await getJob(t.database.db, ctx, changedJob?.id ?? "");
    expect(["succeeded", "cancelled"]).toContain(earlier.status);
    const detail = (await call(t.app, viewer, "GET", `/api/v1/icps/${icp.id}`)).json<IcpDetail>();
    expect(detail).toMatchObject({ name: "Renamed", bands: { A: 2, B: 2, C: 1 } });
  });

  it("persists exactly scoreAccountFit's score for every account, across several batches", async () => {
    const { workspace, ctx, editor } = await world();
    const many = Array.from({ length: 37 }, (_, i) => ({
      workspaceId: workspace.id,
      name: `Bulk ${i}`,
      industry: i % 3 === 0 ? "Manufacturing" : "Retail",
      employees: i * 100,
    }));
    await t.database.db.insert(accounts).values(many);
    const icp = await createIcp(editor, { name: "Bulk", criteria });
    await waitForJob(editor, icp.rescoreJob?.id ?? "");
    // Nine batches of five: every batch is upserted in one statement and recorded as progress.
    const job = await enqueueJob(t.database.db, ctx, ICP_RESCORE, { icpId: icp.id, batchSize: 5 });
    expect(await waitForJob(editor, job.id)).toMatchObject({
      status: "succeeded",
      progress: { done: 42, total: 42, percent: 100 },
      result: { scoredAccounts: 42 },
    });
    const rows = await t.database.db
      .select({ score: accountIcpScores.score, band: accountIcpScores.band, account: accounts })
      .from(accountIcpScores)
      .innerJoin(accounts, eq(accounts.id, accountIcpScores.accountId))
      .where(eq(accountIcpScores.icpId, icp.id));
    expect(rows.length).toBe(42);
    for (const row of rows) {
      const fit = scoreAccountFit({ criteria }, row.account);
      expect([row.account.name, row.score, row.band]).toEqual([row.account.name, fit.score, fit.band]);
    }
  });

  it("resumes an interrupted rescore: accounts scored since it started are not scored again", async () => {
    const { workspace, ctx, editor, accountIds } = await world();
    const icp = await createIcp(editor, { name: "Resume", criteria });
    await waitForJob(editor, icp.rescoreJob?.id ?? "");
    await t.jobs?.idle();
    // A job a stopped process left running, having already stored Acme's score (marked 1 here).
    const [left] = await t.database.db
      .insert(jobs)
      .values({
        workspaceId: workspace.id,
        kind: ICP_RESCORE,
        status: "running",
        input: { icpId: icp.id, batchSize: 2 },
        progressDone: 1,
        progressTotal: 5,
        startedAt: new Date(Date.now() - 60_000),
      })
      .returning();
    const acme = accountIds.get("Acme Steel") ?? "";
    await upsertScores(t.database.db, ctx, icp.id, [{ accountId: acme, score: 1, band: "C" }]);
    const done = await runJob(t.database.db, left?.id ?? "");
    expect(done).toMatchObject({ status: "succeeded", progress: { done: 5, total: 5 } });
    const [acmeScore] = await t.database.db
      .select()
      .from(accountIcpScores)
      .where(eq(accountIcpScores.accountId, acme));
    expect(acmeScore?.score).toBe(1);
    expect(done?.result).toMatchObject({ scoredAccounts: 5, bands: { A: 1, B: 2, C: 2 } });
  });

  it("refuses to delete an ICP a play targets; deletes it with its scores otherwise", async () => {
    const { workspace, editor, viewer } = await world();
    const icp = await createIcp(editor, { name: "Doomed", criteria });
    await waitForJob(viewer, icp.rescoreJob?.id ?? "");
    await t.database.db
      .insert(plays)
      .values({ workspaceId: workspace.id, name: "Win manufacturers", icpId: icp.id });
    const refused = await call(t.app, editor, "DELETE", `/api/v1/icps/${icp.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe("ICP 'Doomed' is the target of play 'Win manufacturers'.");
    await t.database.db.delete(plays).where(eq(plays.icpId, icp.id));
    expect((await call(t.app, editor, "DELETE", `/api/v1/icps/${icp.id}`)).statusCode).toBe(204);
    expect((await call(t.app, viewer, "GET", `/api/v1/icps/${icp.id}`)).statusCode).toBe(404);
    const left = await t.database.db
      .select()
      .from(accountIcpScores)
      .where(eq(accountIcpScores.icpId, icp.id));
    expect(left).toEqual([]);
  });
});
