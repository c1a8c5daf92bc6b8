/** The mapping API over HTTP: matrix, overlap list, export, ecosystem view, recommendations, runs. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey } from "../../test/factories.ts";
import { auditEvents } from "../audit/tables.ts";
import { readSafeCell } from "../exports/csv.ts";
import { journeyStages } from "../journey/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import { vcocLinkPartners, vcocLinks } from "../vcoc/tables.ts";
import type { EcosystemPartnerView, MatrixView, OverlapView, RecommendationView } from "./presenters.ts";
import { mapPartner } from "./run.ts";
import { type MappingWorld, makeMappingWorld } from "./test-world.ts";

let t: TestApp;
let w: MappingWorld;
let other: MappingWorld;
let viewer: Auth;
let editor: Auth;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeMappingWorld(db());
  other = await makeMappingWorld(db());
  viewer = { kind: "apiKey", secret: await makeApiKey(db(), w.workspace, "viewer") };
  editor = { kind: "apiKey", secret: await makeApiKey(db(), w.workspace, "partner_manager") };
  // A play step at Reach with the partner, and a value-chain link weighing 4 at Reach.
  const [reach] = await db()
    .insert(journeyStages)
    .values([
      { workspaceId: w.workspace.id, key: "reach", name: "Reach", position: 1 },
      { workspaceId: w.workspace.id, key: "develop", name: "Develop", position: 3 },
      { workspaceId: w.workspace.id, key: "expand", name: "Expand", position: 4 },
    ])
    .returning();
  const [play] = await db()
    .insert(plays)
    .values({ workspaceId: w.workspace.id, name: "Plant analytics", icpId: w.icpId, status: "active" })
    .returning();
  const [step] = await db()
    .insert(playSteps)
    .values({
      workspaceId: w.workspace.id,
      playId: play?.id ?? "",
      stageId: reach?.id ?? "",
      description: "Partner introduces the plant manager. Then a joint workshop.",
      leadKind: "partners",
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    })
    .returning();
  await db()
    .insert(playStepPartners)
    .values({ workspaceId: w.workspace.id, stepId: step?.id ?? "", partnerId: w.partner.id });
  const [link] = await db()
    .insert(vcocLinks)
    .values({
      workspaceId: w.workspace.id,
      icpId: w.icpId,
      name: "Managed service provider",
      channelKind: "fulfilment",
      stageWeights: { reach: 4, expand: 5 },
    })
    .returning();
  await db()
    .insert(vcocLinkPartners)
    .values({ workspaceId: w.workspace.id, linkId: link?.id ?? "", partnerId: w.partner.id });
  await mapPartner(db(), w.ctx, w.partner.id);
  await mapPartner(db(), other.ctx, other.partner.id);
});
afterAll(async () => t.close());

const base = () => `/api/v1/partners/${w.partner.id}/overlaps`;

async function allOverlapPages(query: string): Promise<OverlapView[]> {
  const out: OverlapView[] = [];
  let cursor: string | null = null;
  do {
    const url = `${base()}?limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const response = await call(t.app, viewer, "GET", url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: OverlapView[]; nextCursor: string | null }>();
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe("overlap matrix and list", () => {
  it("counts each vendor × partner status cell, equal to a recount of the list", async () => {
    const response = await call(t.app, viewer, "GET", `${base()}/matrix`);
    expect(response.statusCode, response.body).toBe(200);
    const matrix = response.json<MatrixView>();
    expect(matrix.cells).toHaveLength(9);
    expect(matrix.total).toBe(5);
    expect(matrix.lastMappedAt).not.toBeNull();
    const count = (v: string, p: string) =>
      matrix.cells.find((c) => c.vendorStatus === v && c.partnerStatus === p)?.count;
    expect(count("prospect", "customer")).toBe(2);
    expect(count("customer", "prospect")).toBe(1);
    expect(count("opportunity", "opportunity")).toBe(1);
    expect(count("customer", "customer")).toBe(1);
    const listed = await allOverlapPages("");
    expect(listed).toHaveLength(5);
    for (const cell of matrix.cells)
      expect(cell.count).toBe(
        listed.filter(
          (o) => o.account.status === cell.vendorStatus && o.partnerAccount.status === cell.partnerStatus,
        ).length,
      );
  });

  it("filters by kind and ICP fit band", async () => {
    const same = (await call(t.app, viewer, "GET", `${base()}/matrix?kind=same`)).json<MatrixView>();
    expect(same.total).toBe(4);
    const bandA = (
      await call(t.app, viewer, "GET", `${base()}/matrix?icpId=${w.icpId}&band=A`)
    ).json<MatrixView>();
    expect(bandA.total).toBe(4);
    const listed = await allOverlapPages(`&icpId=${w.icpId}&band=B`);
    expect(listed.map((o) => [o.account.name, o.account.fit])).toEqual([
      ["Borealis Bank AB", { score: 55, band: "B" }],
    ]);
  });

  it("drills into a cell with evidence and explanation", async () => {
    const listed = await allOverlapPages("&vendorStatus=prospect&partnerStatus=customer");
    const acme = listed.find((o) => o.account.name === "Acme Robotics GmbH");
    expect(listed).toHaveLength(2);
    expect(acme).toMatchObject({
      kind: "same",
      score: 1,
      explanation: "same domain acme-robotics.de; name 1.00; country DE",
      account: { status: "prospect", fit: { score: 85, band: "A" }, domain: null },
      partnerAccount: { name: "ACME ROBOTICS", status: "customer", externalId: "P-1" },
    });
  });

  it("answers 404 for another workspace's partner or ICP, and 400 for a bad filter", async () => {
    expect(
      (await call(t.app, viewer, "GET", `/api/v1/partners/${other.partner.id}/overlaps`)).statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, viewer, "GET", `/api/v1/partners/${other.partner.id}/overlaps/matrix`)).statusCode,
    ).toBe(404);
    expect((await call(t.app, viewer, "GET", `${base()}/matrix?icpId=${other.icpId}`)).statusCode).toBe(404);
    const bad = await call(t.app, viewer, "GET", `${base()}?vendorStatus=churned`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("querystring.vendorStatus");
  });

  it("exports every overlap as safe CSV and records the export", async () => {
    const response = await call(t.app, viewer, "GET", `${base()}/export?format=csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="overlaps-nordic-cloud-partners.csv"',
    );
    const lines = response.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "vendor_external_id,partner_external_id,vendor_account,partner_account,vendor_status,partner_status,score,kind,explanation",
    );
    expect(lines).toHaveLength(6);
    expect(lines).toContain(
      "V-1,P-1,Acme Robotics GmbH,ACME ROBOTICS,prospect,customer,1,same,same domain acme-robotics.de; name 1.00; country DE",
    );
    expect(readSafeCell("'=x")).toBe("=x");
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.workspaceId, w.workspace.id));
    expect(audits.map((a) => [a.action, a.subjectType, a.subjectId])).toContainEqual([
      "export.downloaded",
      "partner_overlaps",
      w.partner.id,
    ]);
  });
});

describe("ecosystem view and recommendations", () => {
  it("ranks partners with an account list by ICP-fit prospects and pipeline", async () => {
    const response = await call(t.app, viewer, "GET", `/api/v1/mapping/partners?icpId=${w.icpId}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: EcosystemPartnerView[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      partner: { name: "Nordic Cloud Partners", tier: "Gold", layers: ["reseller_msp"] },
      partnerAccounts: 7,
      overlaps: { same: 4, related: 1 },
      // Acme (same) and Fjordline (related) are band-A prospects; Cobalt's deal is the open pipeline.
      icpFitProspects: 2,
      openPipeline: 120_000,
      rankScore: 97.5,
    });
  });

  it("turns each overlap into the action its status pair calls for, with a play step and reasons", async () => {
    const response = await call(t.app, viewer, "GET", `/api/v1/recommendations?partnerId=${w.partner.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: RecommendationView[] }>().items;
    const byAccount = new Map(items.map((r) => [r.account.name, r]));
    expect([...byAccount.keys()].sort()).toEqual([
      "Acme Robotics GmbH",
      "Borealis Bank AB",
      "Cobalt Freight Inc.",
      "Evergreen Tools Ltd",
      "Fjordline Energy AS",
    ]);
    expect(byAccount.get("Acme Robotics GmbH")).toMatchObject({
      action: "warm_intro",
      stage: { name: "Reach" },
      play: { name: "Plant analytics", stepTitle: "Partner introduces the plant manager." },
      partner: { name: "Nordic Cloud Partners", tier: "Gold" },
    });
    expect(byAccount.get("Acme Robotics GmbH")?.reasons).toEqual(
      expect.arrayContaining([
        "ICP fit A (85) for Mid-market",
        "Value-chain link 'Managed service provider' weighs 4/5 at Reach",
      ]),
    );
    expect(byAccount.get("Cobalt Freight Inc.")).toMatchObject({
      action: "co_sell",
      stage: { name: "Develop" },
    });
    expect(byAccount.get("Borealis Bank AB")).toMatchObject({ action: "referral" });
    expect(byAccount.get("Evergreen Tools Ltd")).toMatchObject({
      action: "co_retain",
      stage: { name: "Expand" },
    });
    expect(items.map((r) => r.score)).toEqual([...items.map((r) => r.score)].sort((a, b) => b - a));
    const one = await call(
      t.app,
      viewer,
      "GET",
      `/api/v1/recommendations?accountId=${w.vendor.get("cobalt")}&limit=5`,
    );
    expect(one.json<{ items: RecommendationView[] }>().items.map((r) => r.action)).toEqual(["co_sell"]);
    const foreign = await call(t.app, viewer, "GET", `/api/v1/recommendations?partnerId=${other.partner.id}`);
    expect(foreign.statusCode).toBe(404);
  });

  it("starts a mapping run for editors only, and 404s another workspace's partner", async () => {
    const started = await call(t.app, editor, "POST", "/api/v1/mapping/runs", { partnerId: w.partner.id });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ kind: "mapping.run", status: "queued" });
    const denied = await call(t.app, viewer, "POST", "/api/v1/mapping/runs", {});
    expect(denied.statusCode).toBe(403);
    const foreign = await call(t.app, editor, "POST", "/api/v1/mapping/runs", {
      partnerId: other.partner.id,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
