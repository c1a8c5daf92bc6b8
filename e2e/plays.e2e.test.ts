/**
 * The Value Chain of the Customer and sales plays in the browser: a link with no partner shows as
 * a gap; assigning an active partner closes it and coverage rises; a play gets an Influence step.
 * Partner, solution and ICP are made through the HTTP API with the signed-in session.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPlayStep,
  addValueChainLink,
  createPlay,
  createViaApi,
  type Person,
  pageHeading,
  pickLinkPartner,
  playStageIds,
  saveLink,
  setPlayStatus,
  signUpWithWorkspace,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, openFreshApp } from "./harness.ts";

const owner: Person = {
  name: "Mara Lindqvist",
  email: "mara@bluefjord.example",
  password: "value-chain-2026",
};

describe("value chain and plays", () => {
  let app: AppInBrowser;
  let page: Page;
  let icpId = "";
  let partnerName = "";
  let northwindId = "";

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    partnerName = "Northwind Integrators";
    northwindId = await createViaApi(page, "/partners", {
      name: partnerName,
      layers: ["alliance"],
      types: ["si"],
      lifecycle: "active",
    });
    await createViaApi(page, "/partners", {
      name: "Fjordline Advisors",
      layers: ["referral_influencer"],
      lifecycle: "active",
    });
    await createViaApi(page, "/solutions", { name: "Bluefjord Insights" });
    icpId = await createViaApi(page, "/icps", {
      name: "Mid-market manufacturing",
      criteria: [{ kind: "industry", values: ["Manufacturing"], weight: 3 }],
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("shows a link without a partner as a gap, and closes it when a partner is assigned", async () => {
    await page.goto(`/strategy/icps/${icpId}/value-chain`);
    await pageHeading(page, "Value chain: Mid-market manufacturing");
    const coverage = page.getByTestId("vcoc-coverage");
    await expect.poll(() => coverage.textContent()).toBe("0%");

    // A covered link first, so that adding the gap makes the coverage figure meaningful.
    await addValueChainLink(page, {
      name: "Industry analysts",
      kind: "Influencer",
      weights: { Identify: 3 },
      partners: ["Fjordline Advisors"],
    });
    await expect.poll(() => coverage.textContent()).toBe("100%");

    await addValueChainLink(page, {
      name: "Implementation SI",
      kind: "Fulfilment",
      weights: { Develop: 5, Expand: 2 },
    });

    // The gap: dashed node with "No partner", listed with its reason; coverage 3 of 10 points.
    const gapNode = page.getByLabel("Link Implementation SI (gap)");
    await gapNode.waitFor();
    expect(await gapNode.getByText("No partner").isVisible()).toBe(true);
    const gaps = page.getByTestId("vcoc-gap");
    await expect.poll(() => gaps.count()).toBe(1);
    expect(await gaps.first().textContent()).toContain("No active partner covers 'Implementation SI'");
    await expect.poll(() => coverage.textContent()).toBe("30%");

    // Assign the partner to the gap link.
    await pickLinkPartner(page, gapNode, partnerName);
    await page.screenshot({ path: artifactPath("vcoc-editor"), fullPage: false });
    await saveLink(page);
    await page.getByLabel("Link Implementation SI", { exact: true }).waitFor();
    await expect.poll(() => gaps.count()).toBe(0);
    await expect.poll(() => coverage.textContent()).toBe("100%");
    expect(
      await page.getByLabel("Link Implementation SI", { exact: true }).getByText(partnerName).isVisible(),
    ).toBe(true);

    // One more gap for the picture: a link nobody covers yet.
    await addValueChainLink(page, { name: "Cloud provider", kind: "Selling", weights: { Reach: 4 } });
    await page.getByLabel("Link Cloud provider (gap)").waitFor();
    await expect.poll(() => coverage.textContent()).toBe("71%");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: artifactPath("vcoc"), fullPage: false });
  });

  it("creates a play and a step for Influence", async () => {
    const playId = await createPlay(page, {
      name: "Influence through analysts",
      solution: "Bluefjord Insights",
      icp: "Mid-market manufacturing",
      objective: "Get on the shortlist of 20 manufacturers this quarter",
    });

    // Steps at other stages through the API, so the board shows a play's shape.
    const stageId = await playStageIds(page, playId);
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("identify"),
      description: "Score accounts against the ICP and pick 50 targets",
      lead: { kind: "vendor" },
      coMotion: "co_market",
      motionFamily: "market_development",
      kpis: [{ name: "Target accounts", target: "50" }],
    });
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("develop"),
      description: "Joint solution design workshop",
      lead: { kind: "partners", partnerIds: [northwindId] },
      coMotion: "co_deliver",
      motionFamily: "partner_selling",
      assets: [{ title: "Workshop kit", url: "https://example.com/workshop" }],
    });
    await page.reload();
    await page.getByLabel("Step: Joint solution design workshop").waitFor();

    await addPlayStep(page, "Influence", {
      description: "Analyst briefing on plant-floor analytics",
      lead: { kind: "partners", partners: ["Fjordline Advisors"] },
      coMotion: "Co-market",
      motionFamily: "Marketing",
      assets: [{ title: "Briefing deck", url: "https://example.com/briefing.pdf" }],
      kpis: [{ name: "Analyst mentions", target: "4 per quarter" }],
    });

    const influence = page.getByRole("region", { name: "Stage Influence" });
    const card = influence.getByLabel("Step: Analyst briefing on plant-floor analytics");
    await card.waitFor();
    expect(await card.textContent()).toContain("Fjordline Advisors");
    expect(await card.textContent()).toContain("Co-market");
    expect(await card.getByRole("link", { name: /Briefing deck/ }).getAttribute("href")).toBe(
      "https://example.com/briefing.pdf",
    );
    expect(await card.textContent()).toContain("4 per quarter");

    const active = await setPlayStatus(page, "Active");
    await expect.poll(() => active.isChecked()).toBe(true);
    await expect
      .poll(async () => (await page.request.get("/api/v1/plays?status=active")).json())
      .toMatchObject({
        items: [{ name: "Influence through analysts" }],
      });
    await page.screenshot({ path: artifactPath("play"), fullPage: false });

    await page.goto("/strategy/plays");
    await page.getByRole("link", { name: "Influence through analysts" }).waitFor();
    expect(await page.getByLabel("Influence: 1").count()).toBe(1);
    await page.screenshot({ path: artifactPath("plays"), fullPage: false });
    expect(app.pageErrors).toEqual([]);
  });
});
