/**
 * ICPs and the journey arc in the browser against the real server: build an ICP with two criteria
 * in the editor, watch the rescore job's progress bar finish, read the score distribution chart and
 * the top-fit accounts with their reasons, see an account's fit on its page, and edit the journey
 * arc (rename, reorder, add, and a delete refused while a play uses the stage).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Person, pageHeading, signUpWithWorkspace } from "./flows.ts";
import { artifactPath, launchBrowser, newDesktopContext, type ServerHandle, startServer } from "./harness.ts";

const owner: Person = {
  name: "Katherine Johnson",
  email: "katherine@bluefjord.example",
  password: "free-return-1969",
};

/** A JSON call with the page's session cookie and CSRF token, as the app makes it. */
async function api<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "ecostack_csrf")?.value;
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {},
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  return { status: response.status(), json: (text ? JSON.parse(text) : null) as T };
}

const accounts = [
  { name: "Acme Steel", industry: "Manufacturing", employees: 900 },
  { name: "Borealis Parts", industry: "Manufacturing", employees: 60 },
  { name: "Cobalt Retail", industry: "Retail", employees: 450 },
  { name: "Delta Foods", industry: "Food", employees: 30 },
  { name: "Evergreen Tools", industry: "Manufacturing", employees: 2400 },
  { name: "Fjord Logistics", industry: "Logistics", employees: 1200 },
];

describe("ICPs and the journey arc in the browser", () => {
  let server: ServerHandle;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newDesktopContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    for (const account of accounts) {
      const created = await api(page, "POST", "/accounts", account);
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("builds an ICP with two criteria and watches the rescore finish", async () => {
    await page.goto("/strategy/icps");
    await pageHeading(page, "Ideal Customer Profiles");
    await page.getByText("No ICPs yet").waitFor();
    await page.getByRole("button", { name: "New ICP" }).click();
    const dialog = page.getByRole("dialog", { name: "New ICP" });
    await dialog.getByLabel("Name").fill("Mid-market manufacturing");

    await dialog.getByRole("button", { name: "Add criterion" }).click();
    await page.getByRole("menuitem", { name: "Industry" }).click();
    const industries = dialog.getByRole("combobox", { name: "Industries" });
    await industries.fill("Manufacturing");
    await industries.press("Enter");
    await dialog.getByLabel("Weight value of criterion 1").fill("60");

    await dialog.getByRole("button", { name: "Add criterion" }).click();
    await page.getByRole("menuitem", { name: "Employees" }).click();
    await dialog.getByRole("textbox", { name: "At least" }).fill("200");
    await dialog.getByLabel("Weight value of criterion 2").fill("40");
    await dialog.getByRole("button", { name: "Create and score accounts" }).click();

    await pageHeading(page, "Mid-market manufacturing");
    const progress = page.getByRole("status", { name: "Rescoring accounts" });
    await progress.and(page.locator('[data-job-status="succeeded"]')).waitFor();
    expect(await progress.textContent()).toContain("6 / 6");
    await page.getByLabel("Accounts per band").getByText("A · 2").waitFor();
  });

  it("shows the score distribution chart and the top-fit accounts with their reasons", async () => {
    const chart = page.getByRole("img", { name: "Score distribution of 6 accounts" });
    // Bars are drawn in their band's colour: green for A, amber for B.
    await chart.locator('path[fill="#1f9d6c"]:visible').first().waitFor();
    await chart.locator('path[fill="#f0b44c"]:visible').first().waitFor();
    const rows = page.getByRole("table", { name: "Top-fit accounts" }).locator("tbody tr");
    await rows.first().waitFor();
    const table = await rows.allInnerTexts();
    expect(table.map((row) => row.replace(/\s+/g, " ").trim())).toEqual([
      "Acme Steel Manufacturing 100 A",
      "Evergreen Tools Manufacturing 100 A",
      "Borealis Parts Manufacturing 60 B",
      "Cobalt Retail Retail 40 B",
      "Fjord Logistics Logistics 40 B",
      "Delta Foods Food 0 C",
    ]);
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
    const list = await api<{ items: { id: string; name: string }[] }>(page, "GET", "/accounts?limit=50");
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
    const stages = (await api<Stages>(page, "GET", "/journey-stages")).json.items;
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
    const icps = await api<{ items: { id: string }[] }>(page, "GET", "/icps");
    const solution = await api<{ id: string }>(page, "POST", "/solutions", { name: "Plant Analytics" });
    const play = await api<{ id: string }>(page, "POST", "/plays", {
      name: "Reach via SI introductions",
      solutionId: solution.json.id,
      icpId: icps.json.items[0]?.id,
    });
    const step = await api(page, "POST", `/plays/${play.json.id}/steps`, {
      stageId: stages[0]?.id,
      description: "SI introduces us to the plant manager",
      lead: { kind: "vendor" },
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    });
    expect(step.status).toBe(201);
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
    expect(pageErrors).toEqual([]);
  });
});
