/**
 * The stack page end to end on the demo workspace (seeded by `serve` on a new data dir): the heat
 * map has a cell per layer × stage, gaps are listed with recommendations, a cell opens its play
 * steps and partners, and the PDF export downloads a PDF.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logInAs, pageHeading } from "./flows.ts";
import { artifactPath, type DemoAppInBrowser, openDemoApp } from "./harness.ts";

describe("the stack page", () => {
  let app: DemoAppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await openDemoApp("stack-e2e");
    page = app.page;
    await logInAs(page, app.demoLogin);
  });

  afterAll(async () => {
    await app?.close();
  });

  const heatMap = () => page.getByRole("table", { name: "Stack heat map: layers by journey stages" });

  it("shows the heat map of five layers × five stages for the first solution and ICP", async () => {
    await page.goto("/strategy");
    await pageHeading(page, "Strategy");
    await heatMap().waitFor();
    const cells = heatMap().getByRole("button");
    expect(await cells.count()).toBe(25);
    const headers = await heatMap().getByRole("columnheader").allTextContents();
    expect(headers.slice(1)).toEqual(["Identify", "Reach", "Influence", "Develop", "Expand"]);
    expect(await page.getByLabel("Solution").inputValue()).not.toBe("");
    const develop = heatMap().getByRole("button", { name: /^Alliance × Develop: covered, score 70/ });
    expect(await develop.getAttribute("data-level")).toBe("covered");
    const empty = heatMap().getByRole("button", { name: /^Ecosystem platform × Identify: gap, score 0/ });
    expect(await empty.getAttribute("data-level")).toBe("empty");
    await page.screenshot({ path: artifactPath("stack"), fullPage: true });
  });

  it("lists the gaps with reasons and recommended partners", async () => {
    const gaps = page.getByRole("list", { name: "Gaps" });
    await gaps.waitFor();
    const text = (await gaps.textContent()) ?? "";
    expect(text).toContain(
      "No ecosystem platform partner covers Identify for ICP 'Mid-market manufacturing'",
    );
    expect(text).toMatch(/Recommended:\s*Plantworks App Exchange/);
    expect(text).not.toContain("Value chain: Industry association");
    await page.getByRole("button", { name: /^Show all \d+ gaps$/ }).click();
    expect(await gaps.textContent()).toContain("Value chain: Industry association");
  });

  it("opens a cell's play steps and partners in a drawer", async () => {
    await heatMap()
      .getByRole("button", { name: /^Alliance × Develop/ })
      .click();
    const drawer = page.getByRole("dialog", { name: "Alliance × Develop" });
    await drawer.waitFor();
    const play = drawer.getByRole("link", { name: "Factory floor to dashboard with SIs" });
    expect(await play.getAttribute("href")).toMatch(/^\/strategy\/plays\/[0-9a-f-]{36}$/);
    const partner = drawer.getByRole("link", { name: "Fjordline Systems" });
    expect(await partner.getAttribute("href")).toMatch(/^\/partners\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: artifactPath("stack-cell-drawer") });
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
  });

  it("downloads the one-page PDF", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF one-pager" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("stack-bluefjord-cloud-analytics-mid-market-manufacturing.pdf");
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
