/**
 * Exports end to end on the demo workspace: Export CSV on the Accounts page downloads the file
 * (header first, formula cells defused), and Settings → Audit log shows the download.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logInAs, openSettingsTab, pageHeading } from "./flows.ts";
import { type DemoAppInBrowser, openDemoApp } from "./harness.ts";

describe("CSV exports and the audit log", () => {
  let app: DemoAppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await openDemoApp("exports-e2e");
    page = app.page;
    await logInAs(page, app.demoLogin);
  });

  afterAll(async () => {
    await app?.close();
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
    expect(app.pageErrors).toEqual([]);
  });
});
