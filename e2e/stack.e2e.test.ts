/**
 * The stack page end to end on the demo workspace (seeded by `serve` on a new data dir): the heat
 * map has a cell per layer × stage, gaps are listed with recommendations, a cell opens its play
 * steps and partners, and the PDF export downloads a PDF.
 */
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LINE, RUNNING_LINE, type ServeHandle, startServe, tempDir } from "../src/test/processes.ts";
import { logIn, pageHeading } from "./flows.ts";
import { artifactPath, launchBrowser, newDesktopContext } from "./harness.ts";

describe("the stack page", () => {
  let server: ServeHandle;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = tempDir("stack-e2e");
    server = await startServe({ ECOSTACK_DATA_DIR: dataDir, ECOSTACK_LOG_LEVEL: "warn" });
    await server.waitForStdout(RUNNING_LINE);
    const [, email = "", password = ""] = await server.waitForStdout(DEMO_LINE);
    browser = await launchBrowser();
    context = await newDesktopContext(browser, `http://127.0.0.1:${server.port}`);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto("/login");
    await logIn(page, email, password);
    await page.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
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
    expect(pageErrors).toEqual([]);
  });
});
