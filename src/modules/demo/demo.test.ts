/**
 * The demo workspace tells the stack's story: two solutions and ICPs, ~40 partners over all five
 * layers, a few hundred scored accounts with pipeline, plays — and visible gaps. Seeding is fast
 * and deterministic.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { call, signIn } from "../../test/factories.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores } from "../icps/tables.ts";
import { partners } from "../partners/tables.ts";
import type { StackView } from "../stack/presenters.ts";
import { stackLayers } from "../strategy/vocabulary.ts";
import { generateDemoAccounts } from "./accounts.ts";
import { DEMO_EMAIL, type DemoLogin, seedDemo } from "./seed.ts";
import { DEMO_ACCOUNT_COUNT } from "./seed-strategy.ts";

let t: TestApp;
let login: DemoLogin;

beforeAll(async () => {
  t = await createTestApp();
  login = await seedDemo(t.database.db, "demo password 123");
});

afterAll(async () => {
  await t?.close();
});

describe("demo seed", () => {
  it("returns the demo login", () => {
    expect(login).toMatchObject({ email: DEMO_EMAIL, workspace: { name: "Bluefjord Analytics" } });
  });

  it("seeds ~40 partners over all five layers, with prospects and inactive ones", async () => {
    const rows = await t.database.db
      .select({ layers: partners.layers, lifecycle: partners.lifecycle })
      .from(partners)
      .where(eq(partners.workspaceId, login.workspace.id));
    expect(rows.length).toBe(40);
    for (const layer of stackLayers)
      expect(
        rows.some((r) => r.layers.includes(layer)),
        layer,
      ).toBe(true);
    expect(rows.filter((r) => r.lifecycle === "inactive").length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.lifecycle === "prospect").length).toBeGreaterThanOrEqual(5);
  });

  it("seeds deterministic accounts, partner pipeline and a fit score per account and ICP", async () => {
    const db = t.database.db;
    const accountRows = await db
      .select({ name: accounts.name })
      .from(accounts)
      .where(eq(accounts.workspaceId, login.workspace.id));
    expect(accountRows).toHaveLength(DEMO_ACCOUNT_COUNT);
    expect(accountRows.map((r) => r.name).sort()).toEqual(
      generateDemoAccounts(DEMO_ACCOUNT_COUNT)
        .map((a) => a.name)
        .sort(),
    );
    const deals = await db
      .select({ route: opportunities.sourceRoute, status: opportunities.status })
      .from(opportunities)
      .where(eq(opportunities.workspaceId, login.workspace.id));
    expect(deals.length).toBeGreaterThan(80);
    for (const route of ["direct", "partner_sourced", "partner_influenced", "marketplace"])
      expect(
        deals.some((d) => d.route === route),
        route,
      ).toBe(true);
    const scores = await db
      .select({ band: accountIcpScores.band })
      .from(accountIcpScores)
      .where(eq(accountIcpScores.workspaceId, login.workspace.id));
    expect(scores).toHaveLength(DEMO_ACCOUNT_COUNT * 2);
    expect(new Set(scores.map((s) => s.band))).toEqual(new Set(["A", "B", "C"]));
  });

  it("makes a stack with covered cells, real gaps and pipeline", async () => {
    const auth = await signIn(t.app, DEMO_EMAIL, "demo password 123");
    const response = await call(t.app, auth, "GET", "/api/v1/stack");
    expect(response.statusCode, response.body).toBe(200);
    const stack = response.json<StackView>();
    expect(stack.solution?.name).toBe("Bluefjord Cloud Analytics");
    expect(stack.icp?.name).toBe("Mid-market manufacturing");
    const levels = new Set(stack.cells.map((c) => c.level));
    expect(levels).toEqual(new Set(["empty", "weak", "covered", "strong"]));
    expect(stack.totals.pipeline).toBeGreaterThan(0);
    const linkGaps = stack.gaps
      .filter((g) => g.kind === "vcoc_link")
      .map((g) => g.kind === "vcoc_link" && g.linkName);
    expect(linkGaps).toEqual(["Industry association", "Software-selection consultants"]);
    const association = stack.gaps.find(
      (g) => g.kind === "vcoc_link" && g.linkName === "Industry association",
    );
    // The active strategy advisor already works this ICP: the quickest way to close the gap.
    expect(association?.recommendations.map((r) => [r.name, r.score])).toEqual([
      ["Northwind Advisory", 95],
      ["Copperleaf Referral Network", 90],
      ["Greenfield Analysts", 85],
    ]);
    expect(stack.vcoc.overall).toBeGreaterThan(0.5);
    expect(stack.vcoc.overall).toBeLessThan(0.9);
  });
});
