import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeWorkspace } from "../../test/factories.ts";
import { createJourneyStageRow } from "../partners/test-plays.ts";
import { listOpenPipeline } from "./opportunities.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Opp = Record<string, unknown> & { id: string; name: string };

async function world() {
  const { workspace } = await makeWorkspace(t.database.db);
  const auth: Auth = {
    kind: "apiKey",
    secret: await makeApiKey(t.database.db, workspace, "partner_manager"),
  };
  const post = async (path: string, body: Record<string, unknown>) => {
    const r = await call(t.app, auth, "POST", `/api/v1/${path}`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string; name: string }>();
  };
  const account = await post("accounts", { name: `Acct ${randomUUID().slice(0, 6)}` });
  const partner = await post("partners", { name: "Northwind SI", layers: ["alliance"] });
  const solution = await post("solutions", { name: "Plant Analytics" });
  const stageId = await createJourneyStageRow(t.database.db, workspace.id);
  const ctx: WorkspaceContext = { workspaceId: workspace.id, role: "owner", actor: { kind: "cli" } };
  return { workspace, auth, account, partner, solution, stageId, ctx, post };
}

const base = (accountId: string) => ({
  accountId,
  name: "Line 4 rollout",
  amount: 48000,
  currency: "EUR",
  sourceRoute: "direct",
});

describe("opportunities", () => {
  it("creates one with every reference, reads, patches and deletes it", async () => {
    const w = await world();
    const created = await w.post("opportunities", {
      ...base(w.account.id),
      stage: "Proposal",
      status: "open",
      closeDate: "2027-03-31",
      sourceRoute: "partner_sourced",
      partnerId: w.partner.id,
      solutionId: w.solution.id,
      journeyStageId: w.stageId,
    });
    expect(created).toMatchObject({
      accountId: w.account.id,
      accountName: w.account.name,
      name: "Line 4 rollout",
      amount: 48000,
      currency: "EUR",
      stage: "Proposal",
      status: "open",
      closeDate: "2027-03-31",
      sourceRoute: "partner_sourced",
      partnerId: w.partner.id,
      partnerName: "Northwind SI",
      solutionId: w.solution.id,
      journeyStageId: w.stageId,
    });
    const patched = await call(t.app, w.auth, "PATCH", `/api/v1/opportunities/${created.id}`, {
      status: "won",
      amount: 51000.25,
    });
    expect(patched.json()).toMatchObject({ status: "won", amount: 51000.25, partnerName: "Northwind SI" });
    expect((await call(t.app, w.auth, "GET", `/api/v1/opportunities/${created.id}`)).json().amount).toBe(
      51000.25,
    );
    expect((await call(t.app, w.auth, "DELETE", `/api/v1/opportunities/${created.id}`)).statusCode).toBe(204);
    expect((await call(t.app, w.auth, "GET", `/api/v1/opportunities/${created.id}`)).statusCode).toBe(404);
  });

  it("partner-sourced and partner-influenced deals name a partner (400 on partnerId)", async () => {
    const w = await world();
    for (const sourceRoute of ["partner_sourced", "partner_influenced"]) {
      const r = await call(t.app, w.auth, "POST", "/api/v1/opportunities", {
        ...base(w.account.id),
        sourceRoute,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors[0].path).toBe("body.partnerId");
    }
    const direct = await w.post("opportunities", base(w.account.id));
    const r = await call(t.app, w.auth, "PATCH", `/api/v1/opportunities/${direct.id}`, {
      sourceRoute: "partner_influenced",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe("body.partnerId");
    const withPartner = await call(t.app, w.auth, "PATCH", `/api/v1/opportunities/${direct.id}`, {
      sourceRoute: "partner_influenced",
      partnerId: w.partner.id,
    });
    expect(withPartner.json()).toMatchObject({ sourceRoute: "partner_influenced", partnerId: w.partner.id });
  });

  it("refuses ids that are not this workspace's, naming the field, and saves nothing", async () => {
    const w = await world();
    const other = await world();
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: other.account.id }, "body.accountId"],
      [{ accountId: w.workspace.id }, "body.accountId"],
      [{ partnerId: other.partner.id }, "body.partnerId"],
      [{ solutionId: other.solution.id }, "body.solutionId"],
      [{ journeyStageId: other.stageId }, "body.journeyStageId"],
      [{ journeyStageId: randomUUID() }, "body.journeyStageId"],
    ];
    for (const [override, path] of cases) {
      const r = await call(t.app, w.auth, "POST", "/api/v1/opportunities", {
        ...base(w.account.id),
        ...override,
      });
      expect(r.statusCode, `${path}: ${r.body}`).toBe(400);
      expect(r.json().errors[0].path).toBe(path);
    }
    const list = await call(t.app, w.auth, "GET", "/api/v1/opportunities");
    expect(list.json().items).toEqual([]);
  });

  it.each([
    [{ amount: -1 }, "body.amount"],
    [{ amount: "12" }, "body.amount"],
    [{ currency: "euro" }, "body.currency"],
    [{ currency: "eur" }, "body.currency"],
    [{ closeDate: "31.03.2027" }, "body.closeDate"],
    [{ status: "pending" }, "body.status"],
    [{ sourceRoute: "cold_call" }, "body.sourceRoute"],
  ])("%j → 400 at %s", async (override, path) => {
    const w = await world();
    const r = await call(t.app, w.auth, "POST", "/api/v1/opportunities", {
      ...base(w.account.id),
      ...override,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("lists newest first, filtered by account, partner, status and source route, page by page", async () => {
    const w = await world();
    const second = await w.post("accounts", { name: "Second account" });
    const a1 = await w.post("opportunities", { ...base(w.account.id), name: "A1" });
    const a2 = await w.post("opportunities", {
      ...base(w.account.id),
      name: "A2",
      sourceRoute: "partner_influenced",
      partnerId: w.partner.id,
    });
    const b1 = await w.post("opportunities", {
      ...base(second.id),
      name: "B1",
      status: "lost",
      sourceRoute: "marketplace",
    });
    const names = async (query: string) =>
      (await call(t.app, w.auth, "GET", `/api/v1/opportunities?${query}`))
        .json<{ items: Opp[] }>()
        .items.map((o) => o.name);
    expect(await names("")).toEqual(["B1", "A2", "A1"]);
    expect(await names(`accountId=${w.account.id}`)).toEqual(["A2", "A1"]);
    expect(await names(`partnerId=${w.partner.id}`)).toEqual(["A2"]);
    expect(await names("status=lost")).toEqual(["B1"]);
    expect(await names("sourceRoute=direct,marketplace")).toEqual(["B1", "A1"]);
    const first = (await call(t.app, w.auth, "GET", "/api/v1/opportunities?limit=2")).json<{
      items: Opp[];
      nextCursor: string;
    }>();
    expect(first.items.map((o) => o.id)).toEqual([b1.id, a2.id]);
    const next = (
      await call(t.app, w.auth, "GET", `/api/v1/opportunities?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(next).toEqual({ items: [expect.objectContaining({ id: a1.id })], nextCursor: null });
  });

  it("another workspace's opportunity is 404 and unchanged; deleting an account removes its deals", async () => {
    const a = await world();
    const b = await world();
    const deal = await a.post("opportunities", base(a.account.id));
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const r = await call(
        t.app,
        b.auth,
        method,
        `/api/v1/opportunities/${deal.id}`,
        method === "PATCH" ? { amount: 1 } : undefined,
      );
      expect(r.statusCode).toBe(404);
    }
    expect((await call(t.app, a.auth, "GET", `/api/v1/opportunities/${deal.id}`)).json().amount).toBe(48000);
    expect((await call(t.app, a.auth, "DELETE", `/api/v1/accounts/${a.account.id}`)).statusCode).toBe(204);
    expect((await call(t.app, a.auth, "GET", `/api/v1/opportunities/${deal.id}`)).statusCode).toBe(404);
  });

  it("listOpenPipeline: open deals only, optionally of one solution", async () => {
    const w = await world();
    await w.post("opportunities", {
      ...base(w.account.id),
      amount: 1000,
      solutionId: w.solution.id,
      journeyStageId: w.stageId,
      sourceRoute: "partner_sourced",
      partnerId: w.partner.id,
    });
    await w.post("opportunities", { ...base(w.account.id), amount: 250.5 });
    await w.post("opportunities", {
      ...base(w.account.id),
      amount: 9999,
      status: "won",
      solutionId: w.solution.id,
    });
    const all = await listOpenPipeline(t.database.db, w.ctx);
    expect(all.map((p) => p.amount).sort((x, y) => x - y)).toEqual([250.5, 1000]);
    expect(await listOpenPipeline(t.database.db, w.ctx, { solutionId: w.solution.id })).toEqual([
      { amount: 1000, partnerId: w.partner.id, journeyStageId: w.stageId },
    ]);
    const other = await world();
    expect(await listOpenPipeline(t.database.db, other.ctx)).toEqual([]);
  });
});
