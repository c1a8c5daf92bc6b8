/**
 * The Value Chain of the Customer and sales plays in the browser: a link with no partner shows as
 * a gap; assigning an active partner closes it and coverage rises; a play gets an Influence step.
 * Partner, solution and ICP are made through the HTTP API with the signed-in session.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Person, pageHeading, signUpWithWorkspace } from "./flows.ts";
import { artifactPath, launchBrowser, newDesktopContext, type ServerHandle, startServer } from "./harness.ts";

const owner: Person = {
  name: "Mara Lindqvist",
  email: "mara@bluefjord.example",
  password: "value-chain-2026",
};
const idBody = z.object({ id: z.string() });

/** A write through the API as the signed-in user (session cookie + the CSRF cookie's token). */
async function apiPost(page: Page, context: BrowserContext, path: string, data: Record<string, unknown>) {
  const csrf = (await context.cookies()).find((c) => c.name === "ecostack_csrf")?.value ?? "";
  const response = await page.request.post(path, {
    data,
    headers: { "x-csrf-token": decodeURIComponent(csrf) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return idBody.parse(await response.json());
}

describe("value chain and plays", () => {
  let server: ServerHandle;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let icpId = "";
  let partnerName = "";
  let northwindId = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newDesktopContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    partnerName = "Northwind Integrators";
    northwindId = (
      await apiPost(page, context, "/api/v1/partners", {
        name: partnerName,
        layers: ["alliance"],
        types: ["si"],
        lifecycle: "active",
      })
    ).id;
    await apiPost(page, context, "/api/v1/partners", {
      name: "Fjordline Advisors",
      layers: ["referral_influencer"],
      lifecycle: "active",
    });
    await apiPost(page, context, "/api/v1/solutions", { name: "Bluefjord Insights" });
    icpId = (
      await apiPost(page, context, "/api/v1/icps", {
        name: "Mid-market manufacturing",
        criteria: [{ kind: "industry", values: ["Manufacturing"], weight: 3 }],
      })
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a link without a partner as a gap, and closes it when a partner is assigned", async () => {
    await page.goto(`/strategy/icps/${icpId}/value-chain`);
    await pageHeading(page, "Value chain: Mid-market manufacturing");
    const coverage = page.getByTestId("vcoc-coverage");
    await expect.poll(() => coverage.textContent()).toBe("0%");

    // A covered link first, so that adding the gap makes the coverage figure meaningful.
    await page.getByRole("button", { name: "Add link", exact: true }).click();
    const editor = page.getByRole("form", { name: "Link editor" });
    await editor.getByLabel("Name").fill("Industry analysts");
    await editor.getByLabel("Channel kind", { exact: true }).click();
    await page.getByRole("option", { name: "Influencer", exact: true }).click();
    await editor.getByRole("radiogroup", { name: "Identify weight" }).getByText("3", { exact: true }).click();
    await editor.getByLabel("Partners", { exact: true }).click();
    await page.getByRole("option", { name: /^Fjordline Advisors/ }).click();
    await editor.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.waitFor({ state: "detached" });
    await expect.poll(() => coverage.textContent()).toBe("100%");

    await page.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.getByLabel("Name").fill("Implementation SI");
    await editor.getByLabel("Channel kind", { exact: true }).click();
    await page.getByRole("option", { name: "Fulfilment", exact: true }).click();
    await editor.getByRole("radiogroup", { name: "Develop weight" }).getByText("5", { exact: true }).click();
    await editor.getByRole("radiogroup", { name: "Expand weight" }).getByText("2", { exact: true }).click();
    await editor.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.waitFor({ state: "detached" });

    // The gap: dashed node with "No partner", listed with its reason; coverage 3 of 10 points.
    const gapNode = page.getByLabel("Link Implementation SI (gap)");
    await gapNode.waitFor();
    expect(await gapNode.getByText("No partner").isVisible()).toBe(true);
    const gaps = page.getByTestId("vcoc-gap");
    await expect.poll(() => gaps.count()).toBe(1);
    expect(await gaps.first().textContent()).toContain("No active partner covers 'Implementation SI'");
    await expect.poll(() => coverage.textContent()).toBe("30%");

    // Assign the partner to the gap link.
    await gapNode.click();
    await editor.getByLabel("Partners", { exact: true }).click();
    await page.getByRole("option", { name: new RegExp(`^${partnerName}`) }).click();
    await editor.getByLabel("Name").click();
    await page.screenshot({ path: artifactPath("vcoc-editor"), fullPage: false });
    await editor.getByRole("button", { name: "Save link" }).click();
    await editor.waitFor({ state: "detached" });
    await page.getByLabel("Link Implementation SI", { exact: true }).waitFor();
    await expect.poll(() => gaps.count()).toBe(0);
    await expect.poll(() => coverage.textContent()).toBe("100%");
    expect(
      await page.getByLabel("Link Implementation SI", { exact: true }).getByText(partnerName).isVisible(),
    ).toBe(true);

    // One more gap for the picture: a link nobody covers yet.
    await page.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.getByLabel("Name").fill("Cloud provider");
    await editor.getByLabel("Channel kind", { exact: true }).click();
    await page.getByRole("option", { name: "Selling", exact: true }).click();
    await editor.getByRole("radiogroup", { name: "Reach weight" }).getByText("4", { exact: true }).click();
    await editor.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.waitFor({ state: "detached" });
    await page.getByLabel("Link Cloud provider (gap)").waitFor();
    await expect.poll(() => coverage.textContent()).toBe("71%");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: artifactPath("vcoc"), fullPage: false });
  });

  it("creates a play and a step for Influence", async () => {
    await page.goto("/strategy/plays");
    await pageHeading(page, "Sales plays");
    await page.getByRole("button", { name: "New play" }).click();
    const dialog = page.getByRole("dialog", { name: "New play" });
    await dialog.getByLabel("Name").fill("Influence through analysts");
    await dialog.getByRole("combobox", { name: "Solution" }).click();
    await page.getByRole("option", { name: "Bluefjord Insights" }).click();
    await dialog.getByRole("combobox", { name: "ICP" }).click();
    await page.getByRole("option", { name: "Mid-market manufacturing" }).click();
    await dialog.getByLabel("Objective").fill("Get on the shortlist of 20 manufacturers this quarter");
    await dialog.getByRole("button", { name: "Create play" }).click();
    await pageHeading(page, "Influence through analysts");

    // Steps at other stages through the API, so the board shows a play's shape.
    const playId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const stages = z
      .object({ stages: z.array(z.object({ id: z.string(), key: z.string() })) })
      .parse(await (await page.request.get(`/api/v1/plays/${playId}`)).json()).stages;
    const stageId = (key: string) => stages.find((s) => s.key === key)?.id ?? "";
    await apiPost(page, context, `/api/v1/plays/${playId}/steps`, {
      stageId: stageId("identify"),
      description: "Score accounts against the ICP and pick 50 targets",
      lead: { kind: "vendor" },
      coMotion: "co_market",
      motionFamily: "market_development",
      kpis: [{ name: "Target accounts", target: "50" }],
    });
    await apiPost(page, context, `/api/v1/plays/${playId}/steps`, {
      stageId: stageId("develop"),
      description: "Joint solution design workshop",
      lead: { kind: "partners", partnerIds: [northwindId] },
      coMotion: "co_deliver",
      motionFamily: "partner_selling",
      assets: [{ title: "Workshop kit", url: "https://example.com/workshop" }],
    });
    await page.reload();
    await page.getByLabel("Step: Joint solution design workshop").waitFor();

    await page.getByRole("button", { name: "Add step to Influence" }).click();
    const stepDialog = page.getByRole("dialog", { name: "Add step" });
    await stepDialog.getByLabel("What happens").fill("Analyst briefing on plant-floor analytics");
    await stepDialog.getByText("Named partners", { exact: true }).click();
    await stepDialog.getByLabel(/^Partners/).click();
    await page.getByRole("option", { name: "Fjordline Advisors" }).click();
    // Close the picker (it stays open for more picks) by focusing another field.
    await stepDialog.getByLabel("What happens").click();
    await stepDialog.getByLabel("Co-motion", { exact: true }).click();
    await page.getByRole("option", { name: "Co-market" }).click();
    await stepDialog.getByLabel("Motion family", { exact: true }).click();
    await page.getByRole("option", { name: "Marketing", exact: true }).click();
    await stepDialog.getByRole("button", { name: "Add asset" }).click();
    await stepDialog.getByLabel("Enablement assets 1 Title").fill("Briefing deck");
    await stepDialog.getByLabel("Enablement assets 1 https://…").fill("https://example.com/briefing.pdf");
    await stepDialog.getByRole("button", { name: "Add KPI" }).click();
    await stepDialog.getByLabel("KPIs 1 KPI").fill("Analyst mentions");
    await stepDialog.getByLabel("KPIs 1 Target").fill("4 per quarter");
    await stepDialog.getByRole("button", { name: "Add step" }).click();
    await stepDialog.waitFor({ state: "detached" });

    const influence = page.getByRole("region", { name: "Stage Influence" });
    const card = influence.getByLabel("Step: Analyst briefing on plant-floor analytics");
    await card.waitFor();
    expect(await card.textContent()).toContain("Fjordline Advisors");
    expect(await card.textContent()).toContain("Co-market");
    expect(await card.getByRole("link", { name: /Briefing deck/ }).getAttribute("href")).toBe(
      "https://example.com/briefing.pdf",
    );
    expect(await card.textContent()).toContain("4 per quarter");

    const status = page.getByRole("radiogroup", { name: "Play status" });
    await status.getByText("Active", { exact: true }).click();
    await expect.poll(() => status.getByRole("radio", { name: "Active" }).isChecked()).toBe(true);
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
    expect(pageErrors).toEqual([]);
  });
});
