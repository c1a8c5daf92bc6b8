/**
 * Partners, solutions, accounts and opportunities in the browser against the real server: add a
 * partner, filter by layer, edit its relationship record, see a referenced partner refuse to be
 * deleted, manage solutions, add an account and an opportunity credited to a partner, and check
 * that a viewer gets no write buttons.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createViaApi,
  joinWithNewAccount,
  openNavItem,
  type Person,
  pageHeading,
  sessionApi,
  signUpWithWorkspace,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, newDesktopContext, openFreshApp } from "./harness.ts";

const owner: Person = { name: "Mae Jemison", email: "mae@bluefjord.example", password: "endeavour-sts-47" };

/** Opens a select (inside `scope`, the page by default) and picks an option from its dropdown. */
async function pickOption(page: Page, label: string, option: string, scope: Page | Locator = page) {
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Lists refetch after a filter changes: wait as long as for any element. */
const POLL = { timeout: 15_000, interval: 100 };

function partnerRows(page: Page) {
  return page.getByRole("table", { name: "Partners" }).locator("tbody tr");
}

describe("partners and accounts in the browser", () => {
  let app: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
  });

  afterAll(async () => {
    await app?.close();
  });

  it("adds a partner through the form and finds it by layer", async () => {
    // Other partners arrive through the API, as an import would bring them.
    for (const partner of [
      {
        name: "Cloudway Marketplace",
        website: "cloudway.example",
        layers: ["cloud_market"],
        types: ["hyperscaler_marketplace"],
        lifecycle: "active",
        tier: "Gold",
        regions: ["North America"],
      },
      {
        name: "Fjord Advisors",
        website: "fjord-advisors.example",
        layers: ["referral_influencer"],
        types: ["advisor_analyst"],
        lifecycle: "prospect",
        regions: ["Nordics"],
      },
      {
        name: "Harbor MSP",
        website: "harbormsp.example",
        layers: ["reseller_msp"],
        types: ["msp"],
        lifecycle: "onboarding",
        tier: "Silver",
        regions: ["EMEA"],
      },
    ]) {
      await createViaApi(page, "/partners", partner);
    }
    await openNavItem(page, "Partners");
    await pageHeading(page, "Partners");
    await partnerRows(page).first().waitFor();

    await page.getByRole("button", { name: "Add partner" }).click();
    const form = page.getByRole("form", { name: "Add partner" });
    await form.getByRole("textbox", { name: "Name" }).fill("Northwind Integrators");
    await form.getByRole("textbox", { name: "Website" }).fill("https://www.northwind-si.example/about");
    await form
      .getByRole("textbox", { name: "Description" })
      .fill("SAP and Azure integrator for mid-market plants");
    await pickOption(page, "Stack layers", "Alliance");
    await page.keyboard.press("Escape");
    await pickOption(page, "Partner types", "System integrator");
    await page.keyboard.press("Escape");
    await form.getByRole("combobox", { name: "Regions" }).fill("EMEA");
    await page.keyboard.press("Enter");
    await form.getByRole("textbox", { name: "Tier" }).fill("Gold");
    await pickOption(page, "Lifecycle stage", "Active");
    await form.getByRole("button", { name: "Add partner" }).click();
    await form.waitFor({ state: "detached" });

    const added = partnerRows(page).filter({ hasText: "Northwind Integrators" });
    await added.waitFor();
    expect(await added.textContent()).toContain("northwind-si.example");
    expect(await added.textContent()).toContain("Alliance");
    expect(await partnerRows(page).count()).toBe(4);

    await pickOption(page, "Layer", "Alliance");
    await expect.poll(() => partnerRows(page).count(), POLL).toBe(1);
    expect(await partnerRows(page).first().textContent()).toContain("Northwind Integrators");

    // Sorting by name toggles Z→A on the whole (unfiltered) list.
    await page.getByRole("combobox", { name: "Layer", exact: true }).click();
    await page.getByRole("option", { name: "Alliance", exact: true }).click(); // deselects
    await expect.poll(() => partnerRows(page).count(), POLL).toBe(4);
    await page.getByRole("button", { name: /^Sort by name/ }).click();
    await expect
      .poll(async () => (await partnerRows(page).first().textContent()) ?? "")
      .toMatch(/^Northwind/);
    await page.getByRole("button", { name: /^Sort by name/ }).click();
    await expect
      .poll(async () => (await partnerRows(page).first().textContent()) ?? "", POLL)
      .toMatch(/^Cloudway/);
    await page.mouse.move(1, 1);
    await page.screenshot({ path: artifactPath("partners"), fullPage: true });
  });

  it("opens the partner and edits the relationship record", async () => {
    await page.getByRole("link", { name: "Northwind Integrators" }).click();
    await pageHeading(page, "Northwind Integrators");
    await page.getByRole("button", { name: "Edit relationship" }).click();
    const form = page.getByRole("form", { name: "Edit relationship" });
    await pickOption(page, "Priority", "High");
    await form.getByRole("textbox", { name: "Relationship stage" }).fill("Building joint pipeline");
    await form
      .getByRole("textbox", { name: "Vision" })
      .fill("The default SAP partner for mid-market plants in EMEA");
    await form
      .getByRole("textbox", { name: "Goals" })
      .fill("10 co-sell deals a year\nTwo joint case studies");
    await form.getByRole("combobox", { name: "Our sponsors" }).fill("Ana Ruiz (CRO)");
    await page.keyboard.press("Enter");
    await form.getByRole("combobox", { name: "Partner's sponsors" }).fill("Tom Berg (CEO)");
    await page.keyboard.press("Enter");
    await form.getByLabel("Next review date").fill("2027-02-15");
    await form.getByRole("button", { name: "Save relationship" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByText("Building joint pipeline").waitFor();
    const body = (await page.locator("main").textContent()) ?? "";
    for (const text of ["High", "Two joint case studies", "Ana Ruiz (CRO)", "Tom Berg (CEO)", "Feb 15, 2027"])
      expect(body).toContain(text);
    const stored = await sessionApi<{ items: { relationship: Record<string, unknown> }[] }>(
      page,
      "GET",
      "/partners?q=northwind",
    );
    expect(stored.json.items[0]?.relationship).toMatchObject({
      priority: "high",
      goals: ["10 co-sell deals a year", "Two joint case studies"],
      vendorSponsors: ["Ana Ruiz (CRO)"],
      partnerSponsors: ["Tom Berg (CEO)"],
      nextReviewDate: "2027-02-15",
    });
    await page.mouse.move(1, 1);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: artifactPath("partner-detail"), fullPage: true });
  });

  it("manages solutions from the Partners page", async () => {
    await openNavItem(page, "Partners");
    await page.getByRole("link", { name: "Solutions" }).click();
    await pageHeading(page, "Solutions");
    const form = page.getByRole("form", { name: "Add solution" });
    await form.getByRole("textbox", { name: "Solution name" }).fill("Plant Analytics");
    await form
      .getByRole("textbox", { name: "Description" })
      .fill("OEE dashboards for discrete manufacturing");
    await form.getByRole("button", { name: "Add" }).click();
    await page.getByRole("table", { name: "Solutions" }).getByText("Plant Analytics").waitFor();
  });

  it("adds an account and a partner-sourced opportunity on it", async () => {
    for (const account of [
      {
        name: "Orbit Foods",
        website: "orbitfoods.example",
        industry: "Food",
        employees: 2300,
        country: "US",
        status: "customer",
      },
      {
        name: "Nordlicht Maschinenbau",
        website: "nordlicht.example",
        industry: "Manufacturing",
        employees: 640,
        country: "DE",
        status: "prospect",
      },
    ]) {
      await createViaApi(page, "/accounts", account);
    }
    await openNavItem(page, "Accounts");
    await pageHeading(page, "Accounts");
    await page.getByRole("button", { name: "Add account" }).click();
    const form = page.getByRole("form", { name: "Add account" });
    await form.getByRole("textbox", { name: "Name" }).fill("Hallstatt Werke");
    await form.getByRole("textbox", { name: "Website" }).fill("https://www.hallstatt-werke.example");
    await form.getByRole("textbox", { name: "Industry" }).fill("Manufacturing");
    await form.getByRole("textbox", { name: "Employees" }).fill("1400");
    await form.getByRole("textbox", { name: "Country" }).fill("AT");
    await pickOption(page, "Status", "Opportunity", form);
    await form.getByRole("button", { name: "Add account" }).click();
    await form.waitFor({ state: "detached" });
    const rows = page.getByRole("table", { name: "Accounts" }).locator("tbody tr");
    await rows.filter({ hasText: "Hallstatt Werke" }).waitFor();
    expect(await rows.filter({ hasText: "Hallstatt Werke" }).textContent()).toContain(
      "hallstatt-werke.example",
    );

    await page.getByRole("textbox", { name: "Search" }).fill("nordlicht");
    await expect.poll(() => rows.count(), POLL).toBe(1);
    await page.getByRole("textbox", { name: "Search" }).fill("");
    await expect.poll(() => rows.count(), POLL).toBe(3);
    await page.mouse.move(1, 1);
    await page.screenshot({ path: artifactPath("accounts"), fullPage: true });

    await page.getByRole("link", { name: "Hallstatt Werke" }).click();
    await pageHeading(page, "Hallstatt Werke");
    await page.getByRole("button", { name: "Add opportunity" }).click();
    const deal = page.getByRole("form", { name: "Add opportunity" });
    await deal.getByRole("textbox", { name: "Name" }).fill("Line 4 rollout");
    await deal.getByRole("textbox", { name: "Amount" }).fill("48000");
    await deal.getByRole("textbox", { name: "Currency" }).fill("EUR");
    await deal.getByRole("textbox", { name: "Stage" }).fill("Proposal");
    await pickOption(page, "Source route", "Partner-sourced");
    // A partner-sourced deal without its partner is refused before it is sent.
    await deal.getByRole("button", { name: "Add opportunity" }).click();
    await deal.getByText("Choose the partner for a partner-sourced deal").waitFor();
    await pickOption(page, "Partner", "Northwind Integrators");
    await deal.getByRole("button", { name: "Add opportunity" }).click();
    await deal.waitFor({ state: "detached" });
    const dealRow = page.getByRole("table", { name: "Opportunities" }).locator("tbody tr").first();
    await dealRow.waitFor();
    const text = (await dealRow.textContent()) ?? "";
    for (const part of [
      "Line 4 rollout",
      "€48,000",
      "Proposal",
      "Open",
      "Partner-sourced",
      "Northwind Integrators",
    ])
      expect(text).toContain(part);
    await page.mouse.move(1, 1);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: artifactPath("account-detail"), fullPage: true });
  });

  it("refuses to delete a partner a play names, with the play in the message", async () => {
    const partners = await sessionApi<{ items: { id: string }[] }>(page, "GET", "/partners?q=northwind");
    const partnerId = partners.json.items[0]?.id ?? "";
    const solutions = await sessionApi<{ items: { id: string }[] }>(page, "GET", "/solutions");
    const icpId = await createViaApi(page, "/icps", {
      name: "Mid-market manufacturing",
      criteria: [{ kind: "industry", weight: 100, values: ["Manufacturing"] }],
    });
    const playId = await createViaApi(page, "/plays", {
      name: "Reach via SI intro",
      solutionId: solutions.json.items[0]?.id,
      icpId,
    });
    const stages = await sessionApi<{ items: { id: string }[] }>(page, "GET", "/journey-stages");
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stages.json.items[0]?.id,
      description: "Northwind introduces us to its SAP customers",
      lead: { kind: "partners", partnerIds: [partnerId] },
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    });

    await page.goto(`/partners/${partnerId}`);
    await pageHeading(page, "Northwind Integrators");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Delete partner" }).click();
    await page.getByText('"Reach via SI intro"').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/partners/${partnerId}`);
    expect((await sessionApi(page, "GET", `/partners/${partnerId}`)).status).toBe(200);
    await page.screenshot({ path: artifactPath("partner-delete-conflict") });
    await page.getByRole("button", { name: "Cancel" }).click();
  });

  it("shows a viewer the data without any write button", async () => {
    const invite = await sessionApi<{ url: string }>(page, "POST", "/invitations", {
      email: "viewer@bluefjord.example",
      role: "viewer",
    });
    expect(invite.status).toBe(201);
    const link = invite.json.url;
    expect(link).toContain("/invite/");
    const viewerContext = await newDesktopContext(app.browser, app.baseUrl);
    const viewer = await viewerContext.newPage();
    await viewer.goto(new URL(link).pathname);
    await joinWithNewAccount(viewer, "Vic Viewer", "viewer-password-1");
    await viewer.goto("/partners");
    await partnerRows(viewer).first().waitFor();
    expect(await viewer.getByRole("button", { name: "Add partner" }).count()).toBe(0);
    await viewer.getByRole("link", { name: "Harbor MSP" }).click();
    await pageHeading(viewer, "Harbor MSP");
    expect(await viewer.getByRole("button", { name: "Edit relationship" }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: "Delete", exact: true }).count()).toBe(0);
    await viewer.goto("/accounts");
    await viewer.getByRole("table", { name: "Accounts" }).waitFor();
    expect(await viewer.getByRole("button", { name: "Add account" }).count()).toBe(0);
    await viewerContext.close();
  });

  it("pages through a long partner list with Load more", async () => {
    for (let n = 1; n <= 52; n++) {
      const name = `Platform ${String(n).padStart(2, "0")}`;
      await createViaApi(page, "/partners", { name, layers: ["ecosystem_platform"] });
    }
    await page.goto("/partners");
    await partnerRows(page).first().waitFor();
    await pickOption(page, "Layer", "Ecosystem platform");
    // The unfiltered first page also has 50 rows (and stays on screen while the filtered one
    // loads): the filter has applied once the last row is Platform 50.
    await expect
      .poll(async () => (await partnerRows(page).last().textContent()) ?? "", POLL)
      .toContain("Platform 50");
    expect(await partnerRows(page).count()).toBe(50);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => partnerRows(page).count(), POLL).toBe(52);
    expect(await partnerRows(page).last().textContent()).toContain("Platform 52");
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
  });

  it("edits an account's status from its page", async () => {
    await page.goto("/accounts");
    await page.getByRole("link", { name: "Orbit Foods" }).click();
    await pageHeading(page, "Orbit Foods");
    await page.getByRole("button", { name: "Edit account" }).click();
    const form = page.getByRole("form", { name: "Edit account" });
    expect(await form.getByRole("textbox", { name: "Employees" }).inputValue()).toBe("2300");
    await pickOption(page, "Status", "Churned", form);
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });
    await page.locator("main").getByText("Churned", { exact: true }).waitFor();
    const stored = await sessionApi<{ items: { status: string }[] }>(page, "GET", "/accounts?q=orbit");
    expect(stored.json.items.map((a) => a.status)).toEqual(["churned"]);
  });

  it("raised no uncaught errors in the page", () => {
    expect(app.pageErrors).toEqual([]);
  });
});
