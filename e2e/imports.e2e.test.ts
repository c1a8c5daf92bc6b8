/**
 * The import wizard in the browser against the real server: a real Salesforce Data Loader export
 * saved in Windows-1252 goes through upload, column mapping, the dry-run preview and the commit
 * with its progress bar; the accounts arrive with their accents intact; importing the same file
 * again would change nothing; and files that are not CSV are refused with a clear reason.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createViaApi,
  openNavItem,
  type Person,
  pageHeading,
  sessionApi,
  signUpWithWorkspace,
} from "./flows.ts";
import { type AppInBrowser, artifactPath, openFreshApp } from "./harness.ts";

const owner: Person = {
  name: "Katherine Johnson",
  email: "katherine@orbitalcrm.example",
  password: "free-return-13",
};
const fixture = path.resolve(
  import.meta.dirname,
  "../src/modules/imports/reader/fixtures/salesforce_dataloader_sample_accounts_cp1252.csv",
);
/** Data rows of the fixture (424 lines, one header, no embedded newlines). */
const FIXTURE_ROWS = 423;
/** Jobs and list refetches: wait as long as for any element, polling briskly. */
const POLL = { timeout: 90_000, interval: 200 };
/** Tests that wait for a preview or commit job: pg-boss picks jobs up on a shared, busy machine. */
const JOB_TEST_TIMEOUT = 180_000;

/** The number shown on a stat card (cards are list items named by their label). */
async function stat(page: Page, group: string, label: string): Promise<number> {
  const card = page.getByRole("list", { name: group }).getByRole("listitem", { name: label, exact: true });
  const text = (await card.locator("[data-stat]").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

async function uploadFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and read the file" }).click();
}

describe("CSV import wizard in the browser", () => {
  let app: AppInBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await openFreshApp();
    page = app.page;
    await signUpWithWorkspace(page, owner, "Orbital CRM");
  });

  afterAll(async () => {
    await app?.close();
  });

  it(
    "uploads a Windows-1252 Salesforce export and maps its columns",
    async () => {
      await openNavItem(page, "Imports");
      await pageHeading(page, "Imports");
      await page.getByText("No imports yet").waitFor();
      expect(await page.getByRole("radio", { name: /^Accounts/ }).isChecked()).toBe(true);
      expect(await page.getByRole("combobox", { name: "Format" }).inputValue()).toBe("Auto-detect");

      await uploadFile(page, fixture);
      await page.getByRole("alert").filter({ hasText: "Windows-1252 detected" }).waitFor({ timeout: 30_000 });
      await page.getByText("Format: Salesforce Data Loader").waitFor();
      expect(new URL(page.url()).searchParams.get("import")).toMatch(/^[0-9a-f-]{36}$/);

      const mapping = page.getByRole("table", { name: "Column mapping" });
      await mapping.waitFor();
      expect(await mapping.locator("tbody tr").count()).toBe(38);
      expect(await page.getByRole("combobox", { name: "Target for NAME" }).inputValue()).toMatch(
        /^Account name/,
      );
      expect(await page.getByRole("combobox", { name: "Target for WEBSITE" }).inputValue()).toBe("Website");

      // The mapping is kept as a template for the next export of this kind.
      const saveTemplate = page.getByRole("form", { name: "Save mapping as template" });
      await saveTemplate
        .getByRole("textbox", { name: "Template name" })
        .fill("Salesforce accounts (Data Loader)");
      await saveTemplate.getByRole("button", { name: "Save as template" }).click();
      await saveTemplate.getByText("Saved as “Salesforce accounts (Data Loader)”").waitFor();
      const templates = (await sessionApi(page, "GET", "/import-templates?entity=account")).json as {
        items: { name: string; mapping: { header: string; field: string | null }[] }[];
      };
      expect(templates.items.map((t) => t.name)).toEqual(["Salesforce accounts (Data Loader)"]);
      expect(templates.items[0]?.mapping.find((m) => m.header === "NAME")?.field).toBe("name");
    },
    JOB_TEST_TIMEOUT,
  );

  it(
    "previews the file as a dry run, writing nothing",
    async () => {
      const next = page.getByRole("button", { name: "Continue to preview" });
      await expect.poll(() => next.isEnabled(), POLL).toBe(true);
      await next.click();
      await page.getByText("Nothing has been written yet").waitFor();

      expect(await stat(page, "Preview counts", "Rows")).toBe(FIXTURE_ROWS);
      const [create, update, unchanged, reject] = [
        await stat(page, "Preview counts", "Create"),
        await stat(page, "Preview counts", "Update"),
        await stat(page, "Preview counts", "Unchanged"),
        await stat(page, "Preview counts", "Reject"),
      ];
      expect(create + update + unchanged + reject).toBe(FIXTURE_ROWS);
      expect(update + unchanged).toBe(0);
      expect(create).toBeGreaterThan(400);

      const sample = page.getByRole("table", { name: "Rows as they will be stored" });
      expect(await sample.locator("tbody tr").count()).toBe(20);
      expect(await sample.locator("tbody tr").first().textContent()).toContain("Gravity Investments");
      // The dry run stored nothing.
      const accounts = (await sessionApi(page, "GET", "/accounts?limit=5")).json as { items: unknown[] };
      expect(accounts.items).toEqual([]);

      await page.mouse.move(1, 1);
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: artifactPath("import-preview"), fullPage: true });
    },
    JOB_TEST_TIMEOUT,
  );

  it(
    "commits with a progress bar that reaches done, and the accents survive",
    async () => {
      const expected = await stat(page, "Preview counts", "Create");
      await page.getByRole("button", { name: /^Import [\d,]+ rows$/ }).click();
      const bar = page.getByRole("progressbar", { name: "Import progress" });
      await bar.waitFor();
      await expect.poll(() => bar.getAttribute("aria-valuenow"), POLL).toBe("100");
      await page.getByText("Import done").waitFor();
      expect(
        await page.getByRole("status", { name: "Import status" }).getAttribute("data-import-status"),
      ).toBe("committed");
      expect(await stat(page, "Import results", "Created")).toBe(expected);
      expect(await stat(page, "Import results", "Updated")).toBe(0);
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: artifactPath("import-committed"), fullPage: true });

      const history = page.getByRole("table", { name: "Import history" });
      await history.getByText("Imported", { exact: true }).waitFor();
      expect(await history.locator("tbody tr").first().textContent()).toContain(
        "salesforce_dataloader_sample_accounts_cp1252.csv",
      );

      await page.getByRole("link", { name: "View the imported accounts" }).click();
      await pageHeading(page, "Accounts");
      const rows = page.getByRole("table", { name: "Accounts" }).locator("tbody tr");
      await page.getByRole("textbox", { name: "Search" }).fill("Crédito");
      await expect
        .poll(() => rows.allTextContents(), POLL)
        .toEqual([expect.stringContaining("Crédito Inmobiliario Terras")]);
      await page.getByRole("textbox", { name: "Search" }).fill("Pébéo");
      await expect
        .poll(() => rows.allTextContents(), POLL)
        .toEqual([expect.stringContaining("Pébéo of America")]);
      // Nothing mangled anywhere: no replacement characters or UTF-8-read-as-Latin-1 pairs stored.
      const stored = (await sessionApi(page, "GET", "/accounts?limit=200&q=S.%20A.")).json as {
        items: { name: string }[];
      };
      expect(stored.items.map((a) => a.name)).toContain("Recall Information Management, S. A.");
      const all = (await sessionApi(page, "GET", "/accounts?limit=200")).json as {
        items: { name: string }[];
      };
      for (const { name } of all.items) expect(name).not.toMatch(/\uFFFD|Ã©|Âº/);
    },
    JOB_TEST_TIMEOUT,
  );

  it(
    "previews the same file again as all unchanged",
    async () => {
      await openNavItem(page, "Imports");
      await pageHeading(page, "Imports");
      await uploadFile(page, fixture);
      const next = page.getByRole("button", { name: "Continue to preview" });
      await expect.poll(() => next.isEnabled(), POLL).toBe(true);
      await next.click();
      await page.getByText("Nothing has been written yet").waitFor();
      expect(await stat(page, "Preview counts", "Create")).toBe(0);
      const reject = await stat(page, "Preview counts", "Reject");
      expect(await stat(page, "Preview counts", "Unchanged")).toBe(FIXTURE_ROWS - reject);
    },
    JOB_TEST_TIMEOUT,
  );

  it(
    "remaps a column and the preview runs again",
    async () => {
      const next = page.getByRole("button", { name: "Continue to preview" });
      const reject = await stat(page, "Preview counts", "Reject");
      // RATING (filled on 3 rows) becomes a custom attribute: the server re-runs the preview.
      await page.getByRole("button", { name: "Back to mapping" }).click();
      await page.getByRole("combobox", { name: "Target for RATING" }).click();
      await page.getByRole("option", { name: "Custom attribute", exact: true }).click();
      expect(await page.getByRole("textbox", { name: "Attribute key for RATING" }).inputValue()).toBe(
        "rating",
      );
      await page.getByRole("button", { name: "Apply mapping" }).click();
      await expect.poll(() => next.isEnabled(), POLL).toBe(true);
      await next.click();
      await page.getByText("Nothing has been written yet").waitFor();
      expect(await stat(page, "Preview counts", "Create")).toBe(0);
      expect(await stat(page, "Preview counts", "Update")).toBe(3);
      expect(await stat(page, "Preview counts", "Unchanged")).toBe(FIXTURE_ROWS - reject - 3);
    },
    JOB_TEST_TIMEOUT,
  );

  it(
    "a partner list updates the partner added by hand instead of adding it twice",
    async () => {
      const nordlysId = await createViaApi(page, "/partners", {
        name: "Nordlys Consulting",
        website: "https://www.nordlys.example",
        tier: "Gold",
      });
      await page.getByRole("button", { name: "New import" }).click();
      await page.getByRole("radio", { name: /^Partners/ }).check();
      const csv =
        "Name,Website,Type\nNordlys Consulting,nordlys.example,Consultancy\nFjordline Systems,fjordline.example,ISV\n";
      await uploadFile(page, { name: "partners.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      const next = page.getByRole("button", { name: "Continue to preview" });
      await expect.poll(() => next.isEnabled(), POLL).toBe(true);
      await next.click();
      await page.getByText("Nothing has been written yet").waitFor();
      expect(await stat(page, "Preview counts", "Create")).toBe(1);
      expect(await stat(page, "Preview counts", "Update")).toBe(1);
      await page.getByRole("button", { name: /^Import [\d,]+ rows$/ }).click();
      await page.getByText("Import done").waitFor({ timeout: 90_000 });
      expect(await stat(page, "Import results", "Created")).toBe(1);
      expect(await stat(page, "Import results", "Updated")).toBe(1);
      const partners = (await sessionApi(page, "GET", "/partners?q=Nordlys")).json as {
        items: { id: string; tier: string | null; types: string[] }[];
      };
      expect(partners.items).toEqual([
        expect.objectContaining({
          id: nordlysId,
          tier: "Gold",
          types: ["consultancy"],
        }),
      ]);
    },
    JOB_TEST_TIMEOUT,
  );

  it("refuses an empty file and a binary file with a clear reason", async () => {
    await page.getByRole("button", { name: "New import" }).click();
    await uploadFile(page, { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    const refusal = page.getByRole("alert").filter({ hasText: "The file was not accepted" });
    await refusal.waitFor();
    expect((await refusal.textContent())?.toLowerCase()).toContain("empty");

    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b20000000049454e44ae426082",
      "hex",
    );
    await uploadFile(page, { name: "logo.csv", mimeType: "text/csv", buffer: png });
    await expect
      .poll(async () => ((await refusal.textContent()) ?? "").toLowerCase(), POLL)
      .toMatch(/binary|not a (csv|text)/);
    await page.screenshot({ path: artifactPath("import-refused") });
    // Neither refusal left an import behind.
    const history = (await sessionApi(page, "GET", "/imports")).json as { items: { fileName: string }[] };
    expect(history.items.map((i) => i.fileName)).not.toContain("empty.csv");
    expect(history.items.map((i) => i.fileName)).not.toContain("logo.csv");
  });

  it("raised no uncaught errors in the page", () => {
    expect(app.pageErrors).toEqual([]);
  });
});
