/**
 * The stack API on a small manufacturing ecosystem inserted straight into the tables: exact cells,
 * pipeline, gaps with reasons and recommendations, defaults and errors, and the three exports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import type { StackView } from "./presenters.ts";
import {
  insertDefaultStages,
  insertIcp,
  insertPartner,
  insertPlay,
  insertSolution,
  insertStackWorld,
} from "./test-data.ts";

let t: TestApp;
let viewer: Auth;
let world: Awaited<ReturnType<typeof insertStackWorld>>;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { workspace } = await makeWorkspace(db, { name: "Bluefjord Test" });
  workspaceId = workspace.id;
  world = await insertStackWorld(db, workspace.id);
  const member = await makeMember(db, workspace, "viewer");
  viewer = await signIn(t.app, member.email);
});

afterAll(async () => {
  await t?.close();
});

async function getStack(query = ""): Promise<StackView> {
  const response = await call(t.app, viewer, "GET", `/api/v1/stack${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<StackView>();
}

const cellOf = (stack: StackView, layer: string, stageKey: string) => {
  const cell = stack.cells.find((c) => c.layer === layer && c.stageKey === stageKey);
  if (!cell) throw new Error(`no cell ${layer} × ${stageKey}`);
  return cell;
};

describe("GET /api/v1/stack", () => {
  it("defaults to the first solution and ICP and returns one cell per layer × stage", async () => {
    const stack = await getStack();
    expect(stack.solution).toEqual({ id: world.solution.id, name: "Cloud Analytics" });
    expect(stack.icp).toEqual({ id: world.icp.id, name: "Mid-market manufacturing" });
    expect(stack.stages.map((s) => s.key)).toEqual(["identify", "reach", "influence", "develop", "expand"]);
    expect(stack.layers.map((l) => l.label)).toEqual([
      "Reseller / MSP",
      "Alliance",
      "Cloud market",
      "Ecosystem platform",
      "Referral / influencer",
    ]);
    expect(stack.cells).toHaveLength(25);
  });

  it("scores the cells from play steps and active partners, with the open pipeline of their partners", async () => {
    const stack = await getStack(`?solution=${world.solution.id}&icp=${world.icp.id}`);
    const develop = cellOf(stack, "alliance", "develop");
    expect(develop).toMatchObject({ coverageScore: 60, level: "covered", pipeline: 120_000 });
    expect(develop.playSteps).toEqual([
      {
        playId: world.play.id,
        playName: "Implementation co-sell",
        stepId: world.stepIds[0],
        coMotion: "co_deliver",
      },
    ]);
    expect(develop.partners).toEqual([
      {
        partnerId: world.si.id,
        name: "Fjord Systems Integration",
        lifecycle: "active",
        active: true,
        via: ["play_step", "vcoc_link"],
      },
    ]);
    expect(cellOf(stack, "alliance", "expand")).toMatchObject({
      coverageScore: 20,
      level: "weak",
      pipeline: 0,
    });
    expect(cellOf(stack, "cloud_market", "influence")).toMatchObject({ coverageScore: 20, level: "weak" });
    expect(cellOf(stack, "reseller_msp", "identify")).toMatchObject({
      coverageScore: 0,
      level: "empty",
      partners: [],
      playSteps: [],
    });
    // The won deal is not pipeline.
    expect(stack.totals).toEqual({ pipeline: 120_000, coveredCells: 1, emptyCells: 21 });
  });

  it("reports VCOC coverage overall and per stage", async () => {
    const stack = await getStack();
    expect(stack.vcoc.overall).toBeCloseTo(14 / 21, 5);
    expect(stack.vcoc.stages.map((s) => [s.stageKey, s.coverage])).toEqual([
      ["identify", 0],
      ["reach", 0],
      ["influence", 1],
      ["develop", 1],
      ["expand", 1],
    ]);
  });

  it("ranks gaps with plain-language reasons and recommends fitting partners with why", async () => {
    const stack = await getStack();
    const [first] = stack.gaps;
    expect(first).toMatchObject({ kind: "cell", layer: "reseller_msp", stageKey: "develop", level: "empty" });
    expect(first?.reason).toBe(
      "No reseller or MSP partner covers Develop for ICP 'Mid-market manufacturing'",
    );
    const link = stack.gaps.find((g) => g.kind === "vcoc_link");
    expect(link).toMatchObject({
      kind: "vcoc_link",
      linkId: world.gapLink.id,
      linkName: "Industry association",
      importance: 7,
      layers: ["ecosystem_platform", "referral_influencer"],
    });
    expect(link?.reason).toContain("No active partner covers 'Industry association' (referral)");
    expect(link?.recommendations[0]).toEqual({
      partnerId: world.association.id,
      name: "Industrial Makers Association",
      lifecycle: "prospect",
      score: 80,
      why: [
        "Referral / influencer layer",
        "Association, typical of Referral / influencer",
        "Serves Manufacturing",
        "Covers EMEA",
        "Prospect, needs recruiting",
      ],
    });
    // Every empty or weak cell is a gap; covered cells are not.
    const cellGaps = stack.gaps.filter((g) => g.kind === "cell");
    expect(cellGaps).toHaveLength(24);
    expect(
      cellGaps.some((g) => g.kind === "cell" && g.layer === "alliance" && g.stageKey === "develop"),
    ).toBe(false);
  });

  it("ignores retired plays and plays of another solution", async () => {
    const db = t.database.db;
    const other = await insertSolution(db, workspaceId, "Zeta Embedded BI");
    const identify = world.stageIds.identify ?? "";
    await insertPlay(db, workspaceId, {
      name: "Retired outreach",
      solutionId: world.solution.id,
      icpId: world.icp.id,
      status: "retired",
      steps: [{ stageId: identify, leadLayer: "reseller_msp" }],
    });
    await insertPlay(db, workspaceId, {
      name: "Other solution outreach",
      solutionId: other.id,
      icpId: world.icp.id,
      steps: [{ stageId: identify, leadLayer: "reseller_msp" }],
    });
    expect(cellOf(await getStack(), "reseller_msp", "identify").level).toBe("empty");
    const forOther = await getStack(`?solution=${other.id}&icp=${world.icp.id}`);
    expect(cellOf(forOther, "reseller_msp", "identify")).toMatchObject({ level: "weak", coverageScore: 20 });
    expect(forOther.plays.map((p) => p.name)).toEqual(["Other solution outreach"]);
  });

  it("uses the default arc when the workspace has no journey stages yet", async () => {
    const db = t.database.db;
    const { workspace, owner } = await makeWorkspace(db);
    await insertSolution(db, workspace.id, "Only solution");
    await insertIcp(db, workspace.id, { name: "Only ICP" });
    await insertPartner(db, workspace.id, { name: "Lonely partner", lifecycle: "active" });
    const auth = await signIn(t.app, owner.email);
    const response = await call(t.app, auth, "GET", "/api/v1/stack");
    expect(response.statusCode, response.body).toBe(200);
    const stack = response.json<StackView>();
    expect(stack.stages.map((s) => s.name)).toEqual(["Identify", "Reach", "Influence", "Develop", "Expand"]);
    expect(stack.cells.every((c) => c.level === "empty")).toBe(true);
    expect(stack.vcoc.overall).toBe(0);
    // Another workspace's partners, plays and pipeline are not in this stack.
    expect(response.body).not.toContain("Fjord Systems Integration");
    expect(stack.totals.pipeline).toBe(0);
  });

  it("answers 404 with what to create when there is no solution or no ICP", async () => {
    const db = t.database.db;
    const { workspace, owner } = await makeWorkspace(db);
    const auth = await signIn(t.app, owner.email);
    const noSolution = await call(t.app, auth, "GET", "/api/v1/stack");
    expect(noSolution.statusCode).toBe(404);
    expect(noSolution.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(noSolution.json().detail).toBe(
      "This workspace has no solution yet. Create a solution first (Strategy → Solutions, or POST /api/v1/solutions).",
    );
    await insertSolution(db, workspace.id, "A solution");
    const noIcp = await call(t.app, auth, "GET", "/api/v1/stack");
    expect(noIcp.statusCode).toBe(404);
    expect(noIcp.json().detail).toContain("no ICP yet");
    await insertDefaultStages(db, workspace.id);
    // Another workspace's ICP id is unknown here.
    const foreign = await call(t.app, auth, "GET", `/api/v1/stack?icp=${world.icp.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain("Mid-market manufacturing");
  });

  it("rejects a malformed id naming the field", async () => {
    const response = await call(t.app, viewer, "GET", "/api/v1/stack?solution=not-a-uuid");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe("querystring.solution");
  });
});

describe("GET /api/v1/stack/export", () => {
  it("downloads the Markdown document with the matrix, gaps and plays", async () => {
    const response = await call(t.app, viewer, "GET", "/api/v1/stack/export?format=md");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="stack-cloud-analytics-mid-market-manufacturing.md"',
    );
    const text = response.body;
    expect(text).toMatch(/^# Ecosystem Strategy Stack: Cloud Analytics × Mid-market manufacturing\n/);
    expect(text).toContain("| Layer | Identify | Reach | Influence | Develop | Expand |");
    expect(text).toContain("| **Alliance** | 🔴 gap | 🔴 gap | 🔴 gap | 🟢 60 · 1p · $120k | 🟠 20 · 1p |");
    expect(text).toContain("No reseller or MSP partner covers Develop for ICP 'Mid-market manufacturing'");
    expect(text).toContain("Recommend **Industrial Makers Association** (prospect, fit 80)");
    expect(text).toContain("### Implementation co-sell (active)");
    expect(text).toContain("- **Develop** · Co-deliver: Step 1");
  });

  it("downloads a one-page PDF", async () => {
    const response = await call(
      t.app,
      viewer,
      "GET",
      `/api/v1/stack/export?format=pdf&solution=${world.solution.id}&icp=${world.icp.id}`,
    );
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="stack-cloud-analytics-mid-market-manufacturing.pdf"',
    );
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(pdf.toString("latin1")).toContain("Cloud Analytics x Mid-market manufacturing");
  });

  it("rejects an unknown format naming the field", async () => {
    const response = await call(t.app, viewer, "GET", "/api/v1/stack/export?format=docx");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe("querystring.format");
  });
});

describe("GET /api/v1/icps/:icpId/value-chain.png", () => {
  it("draws the value chain as a 1200×860 PNG", async () => {
    const response = await call(t.app, viewer, "GET", `/api/v1/icps/${world.icp.id}/value-chain.png`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
    const png = response.rawPayload;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(860);
  });

  it("is 404 for an ICP of another workspace", async () => {
    const { owner } = await makeWorkspace(t.database.db);
    const auth = await signIn(t.app, owner.email);
    const response = await call(t.app, auth, "GET", `/api/v1/icps/${world.icp.id}/value-chain.png`);
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
