import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { insertIcp, insertPartner, insertSolution } from "../vcoc/fixtures.ts";
import { listPlayStepsForStack } from "./stack.ts";
import { playStepPartners, playSteps, plays } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxPerIp: 10_000, maxPerAccount: 1_000, windowSeconds: 300 } });
});
afterAll(async () => t.close());

type Step = {
  id: string;
  stage: { id: string; key: string; name: string };
  position: number;
  description: string;
  lead: { kind: string; layer: string | null; partners: { id: string; name: string }[] };
  coMotion: string;
  motionFamily: string;
  assets: { title: string; url: string }[];
  kpis: { name: string; target: string }[];
};
type PlayDetail = {
  id: string;
  name: string;
  objective: string | null;
  status: string;
  solution: { id: string; name: string } | null;
  icp: { id: string; name: string } | null;
  stages: { id: string; key: string; name: string; steps: Step[] }[];
};

async function tenant() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const ctx: WorkspaceContext = { workspaceId: workspace.id, role: "owner", actor: { kind: "cli" } };
  const viewer = await makeMember(t.database.db, workspace, "viewer");
  const db = t.database.db;
  return {
    ctx,
    solution: await insertSolution(db, ctx, "Bluefjord Insights"),
    icp: await insertIcp(db, ctx, "Mid-market manufacturing"),
    auth: await signIn(t.app, owner.email),
    viewerAuth: await signIn(t.app, viewer.email),
  };
}

async function newPlay(auth: Auth, body: Record<string, unknown>) {
  const response = await call(t.app, auth, "POST", "/api/v1/plays", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PlayDetail>();
}

const stageId = (play: PlayDetail, key: string) => {
  const stage = play.stages.find((s) => s.key === key);
  if (!stage) throw new Error(`no stage ${key}`);
  return stage.id;
};

const step = (stage: string, overrides: Record<string, unknown> = {}) => ({
  stageId: stage,
  description: "Joint webinar with the SI",
  lead: { kind: "vendor" },
  coMotion: "co_market",
  motionFamily: "marketing",
  ...overrides,
});

describe("plays", () => {
  it("creates, lists with filters, reads, changes and deletes plays", async () => {
    const { auth, ctx, solution, icp } = await tenant();
    const otherIcp = await insertIcp(t.database.db, ctx, "Enterprise retail");
    const play = await newPlay(auth, {
      name: "Reach via SI intro",
      solutionId: solution.id,
      icpId: icp.id,
      objective: "Ten first meetings a quarter",
    });
    expect(play).toMatchObject({
      name: "Reach via SI intro",
      objective: "Ten first meetings a quarter",
      status: "draft",
      solution: { id: solution.id, name: "Bluefjord Insights" },
      icp: { id: icp.id, name: "Mid-market manufacturing" },
    });
    expect(play.stages.map((s) => [s.name, s.steps.length])).toEqual([
      ["Identify", 0],
      ["Reach", 0],
      ["Influence", 0],
      ["Develop", 0],
      ["Expand", 0],
    ]);
    await newPlay(auth, {
      name: "Retail expand",
      solutionId: solution.id,
      icpId: otherIcp.id,
      status: "active",
    });

    const all = await call(t.app, auth, "GET", "/api/v1/plays");
    expect(all.json().items.map((p: { name: string }) => p.name)).toEqual([
      "Reach via SI intro",
      "Retail expand",
    ]);
    const byIcp = await call(t.app, auth, "GET", `/api/v1/plays?icpId=${otherIcp.id}`);
    expect(byIcp.json().items.map((p: { name: string }) => p.name)).toEqual(["Retail expand"]);
    const byStatus = await call(t.app, auth, "GET", "/api/v1/plays?status=draft");
    expect(byStatus.json().items.map((p: { name: string }) => p.name)).toEqual(["Reach via SI intro"]);
    const paged = await call(t.app, auth, "GET", "/api/v1/plays?limit=1");
    expect(paged.json().items).toHaveLength(1);
    const next = await call(t.app, auth, "GET", `/api/v1/plays?limit=1&cursor=${paged.json().nextCursor}`);
    expect(next.json().items.map((p: { name: string }) => p.name)).toEqual(["Retail expand"]);

    const patched = await call(t.app, auth, "PATCH", `/api/v1/plays/${play.id}`, {
      status: "active",
      objective: null,
      name: "Reach via partner intro",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      status: "active",
      objective: null,
      name: "Reach via partner intro",
    });

    expect((await call(t.app, auth, "DELETE", `/api/v1/plays/${play.id}`)).statusCode).toBe(204);
    expect((await call(t.app, auth, "GET", `/api/v1/plays/${play.id}`)).statusCode).toBe(404);
  });

  it("rejects a play for another workspace's solution or ICP, and bad statuses", async () => {
    const { auth, solution, icp } = await tenant();
    const other = await tenant();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "P", solutionId: other.solution.id, icpId: icp.id }, "body.solutionId"],
      [{ name: "P", solutionId: solution.id, icpId: other.icp.id }, "body.icpId"],
      [{ name: "P", solutionId: solution.id, icpId: icp.id, status: "paused" }, "body.status"],
      [{ name: "", solutionId: solution.id, icpId: icp.id }, "body.name"],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, auth, "POST", "/api/v1/plays", body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await call(t.app, auth, "GET", "/api/v1/plays")).json().items).toEqual([]);
  });

  it("keeps tenants apart and lets viewers read only", async () => {
    const a = await tenant();
    const b = await tenant();
    const play = await newPlay(a.auth, { name: "A's play", solutionId: a.solution.id, icpId: a.icp.id });
    expect((await call(t.app, b.auth, "GET", `/api/v1/plays/${play.id}`)).statusCode).toBe(404);
    expect((await call(t.app, b.auth, "GET", "/api/v1/plays")).json().items).toEqual([]);
    expect((await call(t.app, b.auth, "PATCH", `/api/v1/plays/${play.id}`, { name: "x" })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, b.auth, "DELETE", `/api/v1/plays/${play.id}`)).statusCode).toBe(404);
    expect(
      (await call(t.app, b.auth, "POST", `/api/v1/plays/${play.id}/steps`, step(stageId(play, "reach"))))
        .statusCode,
    ).toBe(404);

    expect((await call(t.app, a.viewerAuth, "GET", `/api/v1/plays/${play.id}`)).statusCode).toBe(200);
    expect(
      (await call(t.app, a.viewerAuth, "PATCH", `/api/v1/plays/${play.id}`, { name: "x" })).statusCode,
    ).toBe(403);
    const [row] = await t.database.db.select().from(plays).where(eq(plays.id, play.id));
    expect(row?.name).toBe("A's play");
  });
});

describe("play steps", () => {
  it("adds steps per stage, in order, with leads, assets and KPIs; the stack sees live plays only", async () => {
    const { auth, ctx, solution, icp } = await tenant();
    const si = await insertPartner(t.database.db, ctx, { name: "Northwind SI", layers: ["alliance"] });
    const msp = await insertPartner(t.database.db, ctx, { name: "Contoso MSP", layers: ["reseller_msp"] });
    const play = await newPlay(auth, { name: "Influence", solutionId: solution.id, icpId: icp.id });
    const influence = stageId(play, "influence");

    const first = await call(
      t.app,
      auth,
      "POST",
      `/api/v1/plays/${play.id}/steps`,
      step(influence, {
        description: "Co-host a plant-floor analytics workshop",
        lead: { kind: "partners", partnerIds: [si.id, msp.id, si.id] },
        coMotion: "co_sell",
        motionFamily: "partner_selling",
        assets: [{ title: "Workshop deck", url: "https://example.com/deck.pdf" }],
        kpis: [{ name: "Workshops held", target: "6 per quarter" }],
      }),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Step>()).toMatchObject({
      stage: { key: "influence", name: "Influence" },
      position: 0,
      description: "Co-host a plant-floor analytics workshop",
      lead: {
        kind: "partners",
        layer: null,
        partners: [
          { id: msp.id, name: "Contoso MSP" },
          { id: si.id, name: "Northwind SI" },
        ],
      },
      coMotion: "co_sell",
      motionFamily: "partner_selling",
      assets: [{ title: "Workshop deck", url: "https://example.com/deck.pdf" }],
      kpis: [{ name: "Workshops held", target: "6 per quarter" }],
    });
    const layerLed = await call(
      t.app,
      auth,
      "POST",
      `/api/v1/plays/${play.id}/steps`,
      step(influence, {
        description: "Analyst briefing",
        lead: { kind: "layer", layer: "referral_influencer" },
      }),
    );
    expect(layerLed.json<Step>()).toMatchObject({
      position: 1,
      lead: { kind: "layer", layer: "referral_influencer" },
    });
    // Inserted at the top of the column: the others move down.
    const top = await call(
      t.app,
      auth,
      "POST",
      `/api/v1/plays/${play.id}/steps`,
      step(influence, { description: "Pick target accounts", position: 0 }),
    );
    expect(top.statusCode, top.body).toBe(201);
    await call(t.app, auth, "POST", `/api/v1/plays/${play.id}/steps`, step(stageId(play, "identify")));

    const detail = (await call(t.app, auth, "GET", `/api/v1/plays/${play.id}`)).json<PlayDetail>();
    expect(detail.stages.map((s) => [s.key, s.steps.map((x) => x.description)])).toEqual([
      ["identify", ["Joint webinar with the SI"]],
      ["reach", []],
      ["influence", ["Pick target accounts", "Co-host a plant-floor analytics workshop", "Analyst briefing"]],
      ["develop", []],
      ["expand", []],
    ]);
    const list = (await call(t.app, auth, "GET", "/api/v1/plays")).json();
    expect(list.items[0].stepCounts.map((c: { count: number }) => c.count)).toEqual([1, 0, 3, 0, 0]);

    const forStack = await listPlayStepsForStack(t.database.db, ctx, {
      solutionId: solution.id,
      icpId: icp.id,
    });
    expect(forStack).toHaveLength(4);
    expect(forStack.find((s) => s.stageKey === "influence" && s.partnerIds.length > 0)).toMatchObject({
      playId: play.id,
      playName: "Influence",
      leadLayer: null,
      coMotion: "co_sell",
    });
    expect(forStack.find((s) => s.leadLayer === "referral_influencer")?.stageKey).toBe("influence");
    await call(t.app, auth, "PATCH", `/api/v1/plays/${play.id}`, { status: "retired" });
    expect(
      await listPlayStepsForStack(t.database.db, ctx, { solutionId: solution.id, icpId: icp.id }),
    ).toEqual([]);
  });

  it("edits and deletes steps; a new lead replaces the named partners", async () => {
    const { auth, ctx, solution, icp } = await tenant();
    const si = await insertPartner(t.database.db, ctx, { name: "Northwind SI" });
    const play = await newPlay(auth, { name: "P", solutionId: solution.id, icpId: icp.id });
    const created = (
      await call(
        t.app,
        auth,
        "POST",
        `/api/v1/plays/${play.id}/steps`,
        step(stageId(play, "reach"), { lead: { kind: "partners", partnerIds: [si.id] } }),
      )
    ).json<Step>();

    const patched = await call(t.app, auth, "PATCH", `/api/v1/play-steps/${created.id}`, {
      stageId: stageId(play, "develop"),
      lead: { kind: "layer", layer: "alliance" },
      kpis: [{ name: "Pilots", target: "3" }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Step>()).toMatchObject({
      stage: { key: "develop" },
      lead: { kind: "layer", layer: "alliance", partners: [] },
      kpis: [{ name: "Pilots", target: "3" }],
      description: "Joint webinar with the SI",
    });
    expect((await call(t.app, auth, "DELETE", `/api/v1/play-steps/${created.id}`)).statusCode).toBe(204);
    expect((await call(t.app, auth, "DELETE", `/api/v1/play-steps/${created.id}`)).statusCode).toBe(404);
    expect(
      await t.database.db.select().from(playStepPartners).where(eq(playStepPartners.stepId, created.id)),
    ).toEqual([]);
  });

  it("refuses bad steps with the field's path and stores nothing", async () => {
    const { auth, ctx, solution, icp } = await tenant();
    const other = await tenant();
    const good = await insertPartner(t.database.db, ctx);
    const foreign = await insertPartner(t.database.db, other.ctx);
    const play = await newPlay(auth, { name: "P", solutionId: solution.id, icpId: icp.id });
    const foreignPlay = await newPlay(other.auth, {
      name: "Q",
      solutionId: other.solution.id,
      icpId: other.icp.id,
    });
    const reach = stageId(play, "reach");

    const cases: [Record<string, unknown>, string][] = [
      [step(stageId(foreignPlay, "reach")), "body.stageId"],
      [step(reach, { lead: { kind: "layer" } }), "body.lead.layer"],
      [step(reach, { lead: { kind: "vendor", layer: "alliance" } }), "body.lead.layer"],
      [step(reach, { lead: { kind: "partners", partnerIds: [] } }), "body.lead.partnerIds"],
      [
        step(reach, { lead: { kind: "partners", partnerIds: [good.id, foreign.id] } }),
        "body.lead.partnerIds.1",
      ],
      [step(reach, { assets: [{ title: "Deck", url: "javascript:alert(1)" }] }), "body.assets.0.url"],
      [step(reach, { assets: [{ title: "Deck", url: "ftp://example.com/x" }] }), "body.assets.0.url"],
      [step(reach, { kpis: [{ name: "", target: "3" }] }), "body.kpis.0.name"],
      [step(reach, { coMotion: "co_party" }), "body.coMotion"],
      [step(reach, { motionFamily: "selling" }), "body.motionFamily"],
      [step(reach, { description: "" }), "body.description"],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, auth, "POST", `/api/v1/plays/${play.id}/steps`, body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await t.database.db.select().from(playSteps).where(eq(playSteps.playId, play.id))).toEqual([]);

    // A failed edit leaves the step and its partners as they were.
    const created = (
      await call(
        t.app,
        auth,
        "POST",
        `/api/v1/plays/${play.id}/steps`,
        step(reach, { lead: { kind: "partners", partnerIds: [good.id] } }),
      )
    ).json<Step>();
    const bad = await call(t.app, auth, "PATCH", `/api/v1/play-steps/${created.id}`, {
      description: "Changed",
      lead: { kind: "partners", partnerIds: [foreign.id] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("body.lead.partnerIds.0");
    const after = (await call(t.app, auth, "GET", `/api/v1/plays/${play.id}`)).json<PlayDetail>();
    const stored = after.stages.find((s) => s.key === "reach")?.steps[0];
    expect(stored).toMatchObject({
      description: "Joint webinar with the SI",
      lead: { partners: [{ id: good.id }] },
    });
  });
});
