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
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  addPlayStep,
  addValueChainLink,
  createIcp,
  createPlay,
  createViaApi,
  finishedRescore,
  manufacturingIcp,
  type Person,
  pageHeading,
  pickLinkPartner,
  playStageIds,
  sampleAccounts,
  sampleAccountsTopFit,
  saveLink,
  sessionApi,
  setPlayStatus,
  signUpWithWorkspace,
  topFitRows,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, openFreshApp } from "./harness.ts";

const owner: Person = {
  name: "Ines Carvalho",
  email: "ines@bluefjord.example",
  password: "strategy-stack-2026",
};
const stackGaps = z.object({ gaps: z.array(z.object({ reason: z.string() })) });

describe("the strategy journey: ICP → value chain gap → stack → play → PDF", () => {
  let app: AppInBrowser;
  let page: Page;
  let icpId = "";
  let northwindId = "";
  let harborId = "";
  let playId = "";

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
    await signUpWithWorkspace(page, owner, "Bluefjord Analytics");
    await createViaApi(page, "/solutions", { name: "Bluefjord Insights" });
    northwindId = await createViaApi(page, "/partners", {
      name: "Northwind Integrators",
      layers: ["alliance"],
      types: ["si"],
      lifecycle: "active",
    });
    harborId = await createViaApi(page, "/partners", {
      name: "Harbor Managed Services",
      layers: ["reseller_msp"],
      types: ["msp"],
      lifecycle: "prospect",
    });
    for (const account of sampleAccounts) await createViaApi(page, "/accounts", account);
  });

  afterAll(async () => {
    await app?.close();
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
    await createIcp(page, manufacturingIcp);
    icpId = new URL(page.url()).pathname.split("/").pop() ?? "";
    expect(icpId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await finishedRescore(page)).toContain("6 / 6");
    await page.getByLabel("Accounts per band").getByText("A · 2").waitFor();
    expect(await topFitRows(page)).toEqual(sampleAccountsTopFit);
    await page.getByRole("button", { name: "Why Borealis Parts scores 60" }).click();
    await page.getByText("60 employees, below the minimum of 200").waitFor();
    await page.screenshot({ path: artifactPath("strategy-journey-icp"), fullPage: true });
  });

  it("adds a value chain link with no partner: the gap shows there and on the stack", async () => {
    await page.goto(`/strategy/icps/${icpId}/value-chain`);
    await pageHeading(page, "Value chain: Mid-market manufacturing");
    // Weighted at Develop only, so the alliance partner it gets later touches Alliance × Develop,
    // never the Alliance × Influence cell the play step is measured on.
    await addValueChainLink(page, { name: "Implementation SI", kind: "Fulfilment", weights: { Develop: 5 } });

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
    await pickLinkPartner(page, page.getByLabel("Link Implementation SI (gap)"), "Northwind Integrators");
    await saveLink(page);
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

    playId = await createPlay(page, {
      name: "Plant-floor analytics with SIs",
      solution: "Bluefjord Insights",
      icp: "Mid-market manufacturing",
      objective: "Win 10 mid-market manufacturers with an SI in every deal",
    });

    await addPlayStep(page, "Influence", {
      description: "Northwind runs a plant-floor analytics workshop with the COO",
      lead: { kind: "layer", layer: "Alliance", partners: ["Northwind Integrators"] },
      coMotion: "Co-sell",
      motionFamily: "Partner selling",
    });
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
    const stageId = await playStageIds(page, playId);
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("identify"),
      description: "Score accounts against the ICP and pick 40 target plants",
      lead: { kind: "vendor" },
      coMotion: "co_market",
      motionFamily: "market_development",
      kpis: [{ name: "Target accounts", target: "40" }],
    });
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("reach"),
      description: "Co-hosted plant managers' breakfast in each region",
      lead: { kind: "partners", partnerIds: [harborId] },
      coMotion: "co_market",
      motionFamily: "marketing",
      assets: [{ title: "Event kit", url: "https://example.com/event-kit" }],
    });
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("develop"),
      description: "Joint solution design and pilot on one production line",
      lead: { kind: "partners", partnerIds: [northwindId] },
      coMotion: "co_deliver",
      motionFamily: "partner_selling",
      assets: [{ title: "Pilot playbook", url: "https://example.com/pilot" }],
      kpis: [{ name: "Pilots started", target: "6" }],
    });
    await createViaApi(page, `/plays/${playId}/steps`, {
      stageId: stageId("expand"),
      description: "Roll out to the remaining plants with a managed service",
      lead: { kind: "layer", layer: "reseller_msp" },
      coMotion: "co_retain",
      motionFamily: "partner_selling",
    });
    await page.goto(`/strategy/plays/${playId}`);
    await pageHeading(page, "Plant-floor analytics with SIs");
    const active = await setPlayStatus(page, "Active");
    await expect.poll(() => active.isChecked()).toBe(true);
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
    expect(app.pageErrors).toEqual([]);
  });
});
