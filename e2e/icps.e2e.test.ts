/**
 * ICPs and the journey arc in the browser against the real server: build an ICP with two criteria
 * in the editor, watch the rescore job's progress bar finish, read the score distribution chart and
 * the top-fit accounts with their reasons, see an account's fit on its page, and edit the journey
 * arc (rename, reorder, add, and a delete refused while a play uses the stage).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createIcp,
  createViaApi,
  finishedRescore,
  manufacturingIcp,
  type Person,
  pageHeading,
  sampleAccounts,
  sampleAccountsTopFit,
  sessionApi,
  signUpWithWorkspace,
  topFitRows,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, openFreshApp } from "./harness.ts";

const owner: Person = {
  name: "Katherine Johnson",
  email: "katherine@bluefjord.example",
  password: "free-return-1969",
};

describe("ICPs and the journey arc in the browser", () => {
  let app: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    for (const account of sampleAccounts) await createViaApi(page, "/accounts", account);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("builds an ICP with two criteria and watches the rescore finish", async () => {
    await page.goto("/strategy/icps");
    await pageHeading(page, "Ideal Customer Profiles");
    await page.getByText("No ICPs yet").waitFor();
    await createIcp(page, manufacturingIcp);
    expect(await finishedRescore(page)).toContain("6 / 6");
    await page.getByLabel("Accounts per band").getByText("A · 2").waitFor();
  });

  it("shows the score distribution chart and the top-fit accounts with their reasons", async () => {
    const chart = page.getByRole("img", { name: "Score distribution of 6 accounts" });
    // Bars are drawn in their band's colour: green for A, amber for B.
    await chart.locator('path[fill="#1f9d6c"]:visible').first().waitFor();
    await chart.locator('path[fill="#f0b44c"]:visible').first().waitFor();
    expect(await topFitRows(page)).toEqual(sampleAccountsTopFit);
    await page.getByRole("button", { name: "Why Borealis Parts scores 60" }).click();
    await page.getByText("60 employees, below the minimum of 200").waitFor();
    await page.screenshot({ path: artifactPath("icp"), fullPage: true });
  });

  it("lists the ICP with its band counts", async () => {
    await page.goto("/strategy/icps");
    const row = page.getByRole("table", { name: "ICPs" }).locator("tbody tr").first();
    await row.getByText("Mid-market manufacturing").waitFor();
    expect(await row.getByLabel("A 2, B 3, C 1").count()).toBe(1);
  });

  it("shows an account's fit per ICP with band and reasons on the account page", async () => {
    const list = await sessionApi<{ items: { id: string; name: string }[] }>(
      page,
      "GET",
      "/accounts?limit=50",
    );
    const borealis = list.json.items.find((a) => a.name === "Borealis Parts");
    await page.goto(`/accounts/${borealis?.id}`);
    const fit = page.getByRole("region", { name: "ICP fit" });
    await fit.getByText("Mid-market manufacturing").waitFor();
    await fit.getByText("B · 60").waitFor();
    expect(await fit.getByText("60 employees, below the minimum of 200").count()).toBe(1);
  });

  it("edits the journey arc: rename, reorder, add, and a delete refused while a play uses the stage", async () => {
    await page.goto("/strategy/journey");
    await pageHeading(page, "Buyer's journey");
    const first = page.locator("[aria-label='Stage 1: Identify']");
    await first.getByLabel("Name").fill("Discover");
    await first.getByRole("button", { name: "Save" }).click();
    await page.locator("[aria-label='Stage 1: Discover']").waitFor();

    await page.getByRole("button", { name: "Move Reach up" }).click();
    await page.locator("[aria-label='Stage 1: Reach']").waitFor();
    await page.getByLabel("New stage").fill("Renew");
    await page.getByRole("button", { name: "Add stage" }).click();
    await page.locator("[aria-label='Stage 6: Renew']").waitFor();

    type Stages = { items: { id: string; key: string; name: string }[] };
    const stages = (await sessionApi<Stages>(page, "GET", "/journey-stages")).json.items;
    expect(stages.map((s) => s.name)).toEqual([
      "Reach",
      "Discover",
      "Influence",
      "Develop",
      "Expand",
      "Renew",
    ]);
    expect(stages.map((s) => s.key)).toEqual([
      "reach",
      "identify",
      "influence",
      "develop",
      "expand",
      "renew",
    ]);

    // A play with a step in Reach: that stage cannot go, and the page says which play holds it.
    const icps = await sessionApi<{ items: { id: string }[] }>(page, "GET", "/icps");
    const solutionId = await createViaApi(page, "/solutions", { name: "Plant Analytics" });
    const playId = await createViaApi(page, "/plays", {
      name: "Reach via SI introductions",
      solutionId,
      icpId: icps.json.items[0]?.id,
    });
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stages[0]?.id,
      description: "SI introduces us to the plant manager",
      lead: { kind: "vendor" },
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    });
    await page.getByRole("button", { name: "Delete Reach" }).click();
    await page
      .getByText(
        "Stage 'Reach' is used by the steps of play 'Reach via SI introductions'; move or delete those steps first.",
      )
      .waitFor();
    await page.getByRole("button", { name: "Delete Renew" }).click();
    await page.locator("[aria-label='Stage 6: Renew']").waitFor({ state: "detached" });
    await page.screenshot({ path: artifactPath("journey"), fullPage: true });
  });

  it("has no uncaught errors in the page", () => {
    expect(app.pageErrors).toEqual([]);
  });
});
