/**
 * Exports end to end on the demo workspace: Export CSV on the Accounts page downloads the file
 * (header first, formula cells defused), and Settings → Audit log shows the download.
 */
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LINE, RUNNING_LINE, type ServeHandle, startServe, tempDir } from "../src/test/processes.ts";
import { logIn, openSettingsTab, pageHeading } from "./flows.ts";
import { launchBrowser, newDesktopContext } from "./harness.ts";

describe("CSV exports and the audit log", () => {
  let server: ServeHandle;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = tempDir("exports-e2e");
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

  it("Export CSV on the Accounts page downloads every account, header first", async () => {
    await page.goto("/accounts");
    await pageHeading(page, "Accounts");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^accounts-bluefjord-analytics-\d{4}-\d\d-\d\d\.csv$/);
    const text = fs.readFileSync(await download.path(), "utf8");
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "externalId,name,website,domain,industry,employees,annualRevenue,country,region,status,owner,technologies,attributes,externalSource,ecostackId,createdAt,updatedAt",
    );
    expect(lines.filter((line) => line !== "").length).toBeGreaterThan(100);
    expect(lines.some((line) => /(^|,)[=+@]/.test(line))).toBe(false);
  });

  it("Settings → Audit log lists the download with its row count", async () => {
    await page.goto("/settings/workspace");
    await openSettingsTab(page, "Audit log", "/settings/audit");
    const table = page.getByRole("table", { name: "Audit log" });
    await table.waitFor();
    const row = table.getByRole("row").filter({ hasText: "export.downloaded" }).first();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(1, 4)).toEqual(["export.downloaded", "accounts", "demo@ecostack.local"]);
    expect(cells[4]).toMatch(/rows: [1-9]\d*/);
    expect(cells[4]).toContain("entity: accounts");
    expect(pageErrors).toEqual([]);
  });
});
