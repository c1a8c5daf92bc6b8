/**
 * The Strategy Stack journey of issue 3's "Done when", end to end as a user walks it on a fresh
 * workspace: build an ICP and see accounts scored with reasons; add a value chain link with no
 * partner and see the gap on the value chain and on the stack; assign an active alliance partner
 * and watch the gap leave the stack; add a play step at Influence led by the alliance layer and see
 * the Alliance × Influence cell change; export the one-page PDF, check it opens (pdftoppm renders
 * it) and lists the gaps. Catalog data (solution, partners, accounts) comes through the API.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Person, pageHeading, sessionApi, signUpWithWorkspace } from "./flows.ts";
import { artifactPath, launchBrowser, newDesktopContext, type ServerHandle, startServer } from "./harness.ts";

const owner: Person = {
  name: "Ines Carvalho",
  email: "ines@bluefjord.example",
  password: "strategy-stack-2026",
};
const idBody = z.object({ id: z.string() });
const stackGaps = z.object({ gaps: z.array(z.object({ reason: z.string() })) });

const accounts = [
  { name: "Acme Steel", industry: "Manufacturing", employees: 900 },
  { name: "Borealis Parts", industry: "Manufacturing", employees: 60 },
  { name: "Cobalt Retail", industry: "Retail", employees: 450 },
  { name: "Delta Foods", industry: "Food", employees: 30 },
  { name: "Evergreen Tools", industry: "Manufacturing", employees: 2400 },
  { name: "Fjord Logistics", industry: "Logistics", employees: 1200 },
];

async function create(page: Page, apiPath: string, body: Record<string, unknown>): Promise<string> {
  const response = await sessionApi(page, "POST", apiPath, body);
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return idBody.parse(response.json).id;
}

describe("the strategy journey: ICP → value chain gap → stack → play → PDF", () => {
  let server: ServerHandle;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let icpId = "";
  let northwindId = "";
  let harborId = "";
  let playId = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newDesktopContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    await create(page, "/solutions", { name: "Bluefjord Insights" });
    northwindId = await create(page, "/partners", {
      name: "Northwind Integrators",
      layers: ["alliance"],
      types: ["si"],
      lifecycle: "active",
    });
    harborId = await create(page, "/partners", {
      name: "Harbor Managed Services",
      layers: ["reseller_msp"],
      types: ["msp"],
      lifecycle: "prospect",
    });
    for (const account of accounts) await create(page, "/accounts", account);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heatMap = () => page.getByRole("table", { name: "Stack heat map: layers by journey stages" });
  const allianceInfluence = () => heatMap().getByRole("button", { name: /^Alliance × Influence:/ });
  const figure = (label: string) =>
    page.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]");
  const gapList = () => page.getByRole("list", { name: "Gaps" });

  /** Opens the stack of the only solution × ICP with every gap listed. */
  async function openStack(): Promise<void> {
    await page.goto("/strategy");
    await pageHeading(page, "Strategy");
    await heatMap().waitFor();
    await gapList().waitFor();
    const showAll = page.getByRole("button", { name: /^Show all \d+ gaps$/ });
    if ((await showAll.count()) > 0) await showAll.click();
    await expect
      .poll(async () => gapList().locator("li").count())
      .toBe(Number(await figure("Gaps").textContent()));
  }

  it("builds an ICP with two criteria and sees the accounts scored with bands and reasons", async () => {
    await page.goto("/strategy/icps");
    await pageHeading(page, "Ideal Customer Profiles");
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
    icpId = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(icpId).toMatch(/^[0-9a-f-]{36}$/);
    const progress = page.getByRole("status", { name: "Rescoring accounts" });
    await progress.and(page.locator('[data-job-status="succeeded"]')).waitFor();
    expect(await progress.textContent()).toContain("6 / 6");
    await page.getByLabel("Accounts per band").getByText("A · 2").waitFor();
    const rows = page.getByRole("table", { name: "Top-fit accounts" }).locator("tbody tr");
    await rows.first().waitFor();
    expect((await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, " ").trim())).toEqual([
      "Acme Steel Manufacturing 100 A",
      "Evergreen Tools Manufacturing 100 A",
      "Borealis Parts Manufacturing 60 B",
      "Cobalt Retail Retail 40 B",
      "Fjord Logistics Logistics 40 B",
      "Delta Foods Food 0 C",
    ]);
    await page.getByRole("button", { name: "Why Borealis Parts scores 60" }).click();
    await page.getByText("60 employees, below the minimum of 200").waitFor();
    await page.screenshot({ path: artifactPath("strategy-journey-icp"), fullPage: true });
  });

  it("adds a value chain link with no partner: the gap shows there and on the stack", async () => {
    await page.goto(`/strategy/icps/${icpId}/value-chain`);
    await pageHeading(page, "Value chain: Mid-market manufacturing");
    await page.getByRole("button", { name: "Add link", exact: true }).click();
    const editor = page.getByRole("form", { name: "Link editor" });
    await editor.getByLabel("Name").fill("Implementation SI");
    await editor.getByLabel("Channel kind", { exact: true }).click();
    await page.getByRole("option", { name: "Fulfilment", exact: true }).click();
    // Weighted at Develop only, so the alliance partner it gets later touches Alliance × Develop,
    // never the Alliance × Influence cell the play step is measured on.
    await editor.getByRole("radiogroup", { name: "Develop weight" }).getByText("5", { exact: true }).click();
    await editor.getByRole("button", { name: "Add link", exact: true }).click();
    await editor.waitFor({ state: "detached" });

    const gapNode = page.getByLabel("Link Implementation SI (gap)");
    await gapNode.waitFor();
    expect(await gapNode.getByText("No partner").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("vcoc-coverage").textContent()).toBe("0%");
    await page.screenshot({ path: artifactPath("strategy-journey-vcoc-gap") });

    await openStack();
    expect(await figure("VCOC coverage").textContent()).toBe("0%");
    const linkGap = gapList().locator("li").filter({ hasText: "Value chain: Implementation SI" });
    expect(await linkGap.count()).toBe(1);
    const linkGapText = (await linkGap.textContent()) ?? "";
    expect(linkGapText).toContain(
      "No active partner covers 'Implementation SI' (fulfilment); it matters most at Develop for ICP 'Mid-market manufacturing'.",
    );
    // The gap's best recommendation is the active alliance SI already in the workspace.
    expect(linkGapText).toMatch(/Recommended:\s*Northwind Integrators\s*fit \d+/);
    await page.screenshot({ path: artifactPath("strategy-journey-stack-gap"), fullPage: true });
  });

  it("assigns the active alliance partner: the link's gap leaves the stack and coverage rises", async () => {
    await page.goto(`/strategy/icps/${icpId}/value-chain`);
    await page.getByLabel("Link Implementation SI (gap)").click();
    const editor = page.getByRole("form", { name: "Link editor" });
    await editor.getByLabel("Partners", { exact: true }).click();
    await page.getByRole("option", { name: /^Northwind Integrators/ }).click();
    await editor.getByLabel("Name").click();
    await editor.getByRole("button", { name: "Save link" }).click();
    await editor.waitFor({ state: "detached" });
    const covered = page.getByLabel("Link Implementation SI", { exact: true });
    await covered.waitFor();
    expect(await covered.getByText("Northwind Integrators").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("vcoc-coverage").textContent()).toBe("100%");

    await openStack();
    expect(await figure("VCOC coverage").textContent()).toBe("100%");
    expect(await gapList().getByText("Value chain: Implementation SI").count()).toBe(0);
    expect(await gapList().getByText("No active partner covers 'Implementation SI'").count()).toBe(0);
    // The partner now stands in Alliance × Develop through the link (partner only: weak, 20).
    const develop = heatMap().getByRole("button", { name: /^Alliance × Develop:/ });
    expect(await develop.getAttribute("aria-label")).toMatch(
      /^Alliance × Develop: weak, score 20, 1 active partner,/,
    );
  });

  it("creates a play with an Influence step led by the alliance layer: Alliance × Influence changes", async () => {
    expect(await allianceInfluence().getAttribute("data-level")).toBe("empty");
    expect(await allianceInfluence().getAttribute("aria-label")).toMatch(
      /^Alliance × Influence: gap, score 0, 0 active partners, 0 play steps,/,
    );
    const influenceGap = "No alliance partner covers Influence for ICP 'Mid-market manufacturing'.";
    expect(await gapList().getByText(influenceGap, { exact: true }).count()).toBe(1);

    await page.goto("/strategy/plays");
    await pageHeading(page, "Sales plays");
    await page.getByRole("button", { name: "New play" }).click();
    const dialog = page.getByRole("dialog", { name: "New play" });
    await dialog.getByLabel("Name").fill("Plant-floor analytics with SIs");
    await dialog.getByRole("combobox", { name: "Solution" }).click();
    await page.getByRole("option", { name: "Bluefjord Insights" }).click();
    await dialog.getByRole("combobox", { name: "ICP" }).click();
    await page.getByRole("option", { name: "Mid-market manufacturing" }).click();
    await dialog.getByLabel("Objective").fill("Win 10 mid-market manufacturers with an SI in every deal");
    await dialog.getByRole("button", { name: "Create play" }).click();
    await pageHeading(page, "Plant-floor analytics with SIs");
    playId = new URL(page.url()).pathname.split("/").pop() ?? "";

    await page.getByRole("button", { name: "Add step to Influence" }).click();
    const step = page.getByRole("dialog", { name: "Add step" });
    await step
      .getByLabel("What happens")
      .fill("Northwind runs a plant-floor analytics workshop with the COO");
    await step.getByText("Stack layer", { exact: true }).click();
    await step.getByRole("combobox", { name: "Stack layer" }).click();
    await page.getByRole("option", { name: "Alliance", exact: true }).click();
    await step.getByLabel(/^Participating partners/).click();
    await page.getByRole("option", { name: "Northwind Integrators" }).click();
    await step.getByLabel("What happens").click();
    await step.getByLabel("Co-motion", { exact: true }).click();
    await page.getByRole("option", { name: "Co-sell" }).click();
    await step.getByLabel("Motion family", { exact: true }).click();
    await page.getByRole("option", { name: "Partner selling", exact: true }).click();
    await step.getByRole("button", { name: "Add step" }).click();
    await step.waitFor({ state: "detached" });
    const card = page
      .getByRole("region", { name: "Stage Influence" })
      .getByLabel("Step: Northwind runs a plant-floor analytics workshop with the COO");
    await card.waitFor();
    expect(await card.textContent()).toContain("Northwind Integrators");

    await openStack();
    // One step and one active partner in the cell: 20 + 20 + 20 for having both = 60, covered.
    expect(await allianceInfluence().getAttribute("data-level")).toBe("covered");
    expect(await allianceInfluence().getAttribute("aria-label")).toMatch(
      /^Alliance × Influence: covered, score 60, 1 active partner, 1 play step,/,
    );
    expect(await allianceInfluence().textContent()).toContain("60");
    expect(await gapList().getByText(influenceGap, { exact: true }).count()).toBe(0);
    await page.screenshot({ path: artifactPath("strategy-journey-stack"), fullPage: true });
  });

  it("exports the one-page PDF from the page: it opens, renders and lists the gaps", async () => {
    const shownGaps = Number(await figure("Gaps").textContent());
    expect(shownGaps).toBeGreaterThan(0);
    const titles = await gapList()
      .locator("li")
      .evaluateAll((items) => items.map((item) => item.querySelector("p")?.textContent ?? ""));
    expect(titles).toHaveLength(shownGaps);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF one-pager" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("stack-bluefjord-insights-mid-market-manufacturing.pdf");
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);

    // Poppler ships pdftoppm and pdftotext together. Without it (never installed from a test), the
    // header and single page above are what can be checked of the PDF itself; the Markdown export
    // below still proves the gaps go into the exported document.
    if (fs.existsSync("/usr/bin/pdftoppm")) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strategy-journey-pdf-"));
      const pdfFile = path.join(dir, "stack.pdf");
      fs.writeFileSync(pdfFile, pdf);
      execFileSync("/usr/bin/pdftoppm", [
        "-png",
        "-r",
        "50",
        "-f",
        "1",
        "-l",
        "1",
        pdfFile,
        path.join(dir, "page"),
      ]);
      const png = fs.readdirSync(dir).find((name) => name.endsWith(".png")) ?? "";
      const pngBytes = fs.readFileSync(path.join(dir, png));
      expect(pngBytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      // An A4 landscape page at 50 dpi is 585 × 413 pixels; a blank one compresses to a few hundred bytes.
      expect(pngBytes.readUInt32BE(16)).toBe(585);
      expect(pngBytes.length).toBeGreaterThan(10_000);
      fs.copyFileSync(path.join(dir, png), artifactPath("strategy-journey-pdf-page1"));
      // The PDF's own text: the gap count and the top gaps by title, in page order.
      const text = execFileSync("/usr/bin/pdftotext", [pdfFile, "-"]).toString("utf8").replace(/\s+/g, " ");
      expect(text).toContain(`Top gaps (${shownGaps})`);
      for (const title of titles.slice(0, 3)) expect(text).toContain(title);
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Every gap reason on the page is in the Markdown export of the same stack.
    const markdown = await (await page.request.get("/api/v1/stack/export?format=md")).text();
    const reasons = stackGaps.parse((await sessionApi(page, "GET", "/stack")).json).gaps.map((g) => g.reason);
    expect(reasons).toHaveLength(shownGaps);
    for (const reason of reasons) {
      expect(await gapList().getByText(`${reason}.`, { exact: true }).count()).toBe(1);
      expect(markdown).toContain(reason);
    }
  });

  it("shows the play across stages for the README screenshot", async () => {
    const stages = z
      .object({ stages: z.array(z.object({ id: z.string(), key: z.string() })) })
      .parse((await sessionApi(page, "GET", `/plays/${playId}`)).json).stages;
    const stageId = (key: string) => stages.find((s) => s.key === key)?.id ?? "";
    await create(page, `/plays/${playId}/steps`, {
      stageId: stageId("identify"),
      description: "Score accounts against the ICP and pick 40 target plants",
      lead: { kind: "vendor" },
      coMotion: "co_market",
      motionFamily: "market_development",
      kpis: [{ name: "Target accounts", target: "40" }],
    });
    await create(page, `/plays/${playId}/steps`, {
      stageId: stageId("reach"),
      description: "Co-hosted plant managers' breakfast in each region",
      lead: { kind: "partners", partnerIds: [harborId] },
      coMotion: "co_market",
      motionFamily: "marketing",
      assets: [{ title: "Event kit", url: "https://example.com/event-kit" }],
    });
    await create(page, `/plays/${playId}/steps`, {
      stageId: stageId("develop"),
      description: "Joint solution design and pilot on one production line",
      lead: { kind: "partners", partnerIds: [northwindId] },
      coMotion: "co_deliver",
      motionFamily: "partner_selling",
      assets: [{ title: "Pilot playbook", url: "https://example.com/pilot" }],
      kpis: [{ name: "Pilots started", target: "6" }],
    });
    await create(page, `/plays/${playId}/steps`, {
      stageId: stageId("expand"),
      description: "Roll out to the remaining plants with a managed service",
      lead: { kind: "layer", layer: "reseller_msp" },
      coMotion: "co_retain",
      motionFamily: "partner_selling",
    });
    await page.goto(`/strategy/plays/${playId}`);
    await pageHeading(page, "Plant-floor analytics with SIs");
    const status = page.getByRole("radiogroup", { name: "Play status" });
    await status.getByText("Active", { exact: true }).click();
    await expect.poll(() => status.getByRole("radio", { name: "Active" }).isChecked()).toBe(true);
    for (const stage of ["Identify", "Reach", "Influence", "Develop", "Expand"]) {
      expect(
        await page
          .getByRole("region", { name: `Stage ${stage}` })
          .getByLabel(/^Step: /)
          .count(),
      ).toBe(1);
    }
    const shot = artifactPath("strategy-journey-play");
    // docs/play.png (README) is a committed copy of this screenshot; tests never write into the tree.
    await page.screenshot({ path: shot, fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});
