/**
 * The Sharing panel on the partner page against the real server: set a level for a population,
 * save, and see "What this partner sees" follow on the next request (a counts matrix whose small
 * cells read "< N").
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createViaApi, type Person, sessionApi, signUpWithWorkspace } from "./flows.ts";
import { type AppInBrowser, artifactPath, openFreshApp } from "./harness.ts";

const owner: Person = { name: "Sally Ride", email: "sally@bluefjord.example", password: "challenger-sts-7" };

describe("sharing with a partner in the browser", () => {
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

  it("saves a level and shows what the partner sees", async () => {
    const partnerId = await createViaApi(page, "/partners", {
      name: "Nordic Cloud Partners",
      layers: ["reseller_msp"],
      lifecycle: "active",
    });

    await page.goto(`/partners/${partnerId}`);
    const panel = page.getByRole("region", { name: "Sharing" });
    await panel.getByText("What Nordic Cloud Partners sees").waitFor();
    await panel.getByText("Nordic Cloud Partners sees nothing of your accounts yet.").waitFor();

    await panel.getByRole("combobox", { name: "Level: Our customers", exact: true }).click();
    await page.getByRole("option", { name: "Counts", exact: true }).click();
    await panel.getByRole("button", { name: "Save sharing" }).click();

    const matrix = panel.getByRole("table", { name: "Counts: Our customers" });
    await matrix.waitFor();
    expect(await matrix.getByText("< 5").count()).toBe(9);
    await page.screenshot({ path: artifactPath("sharing-panel"), fullPage: true });

    const settings = (await sessionApi(page, "GET", `/partners/${partnerId}/sharing`)).json as {
      rules: { population: string; side: string; level: string; set: boolean }[];
    };
    expect(settings.rules.filter((r) => r.set)).toEqual([
      expect.objectContaining({ side: "vendor", population: "customers", level: "counts" }),
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
