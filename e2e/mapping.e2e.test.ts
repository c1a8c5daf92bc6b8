/**
 * Account mapping end to end on the demo workspace: a partner's account list comes in through the
 * import API, "Map all partners" runs with a progress bar, the ecosystem view ranks partners like
 * the API, the partner's heat map draws the API's matrix counts, a cell drills down to its
 * overlaps, co-sell recommendations show their reasons (also on the account page), and "Map now"
 * runs to the end.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logInAs, pageHeading, sessionApi } from "./flows.ts";
import { artifactPath, type DemoAppInBrowser, openDemoApp } from "./harness.ts";

const PARTNER_NAME = "Harbour Lights Alliance";
const LIST_SIZE = 60;
const STATUSES = ["customer", "opportunity", "prospect"] as const;
type Status = (typeof STATUSES)[number];

type Matrix = { cells: { vendorStatus: Status; partnerStatus: Status; count: number }[]; total: number };
type Ranked = {
  items: { partner: { id: string; name: string }; partnerAccounts: number; overlaps: { same: number } }[];
};
type Recommendations = {
  items: { title: string; action: string; reasons: string[]; account: { id: string } }[];
};

describe("account mapping", () => {
  let app: DemoAppInBrowser;
  let page: Page;
  let partnerId = "";

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await sessionApi(page, method, path, body);
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.json)}`);
    return response.json as T;
  }

  async function waitForImport(importId: string, status: string): Promise<{ counts: { created: number } }> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const current = await api<{ status: string; error: string | null; counts: { created: number } }>(
        "GET",
        `/imports/${importId}`,
      );
      if (current.status === status) return current;
      if (current.status === "failed" || Date.now() > deadline)
        throw new Error(`import ${importId} is ${current.status}: ${current.error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    // A first start of the embedded database is slow on a busy shared machine.
    app = await openDemoApp("mapping-e2e", 360_000);
    page = app.page;
    await logInAs(page, app.demoLogin);
  }, 420_000);

  afterAll(async () => {
    await app?.close();
  });

  it("imports a partner's account list drawn from the demo accounts", async () => {
    const partner = await api<{ id: string }>("POST", "/partners", {
      name: PARTNER_NAME,
      tier: "Gold",
      layers: ["alliance"],
    });
    partnerId = partner.id;
    const accounts = await api<{ items: { name: string; website: string | null; country: string | null }[] }>(
      "GET",
      "/accounts?limit=200",
    );
    // Every third demo account, as the partner's CRM would spell it: no website on half the rows.
    const rows = accounts.items
      .filter((_, index) => index % 3 === 0)
      .slice(0, LIST_SIZE)
      .map((account, index) =>
        [
          `HL-${index}`,
          account.name,
          index % 2 === 0 ? (account.website ?? "") : "",
          account.country ?? "",
          STATUSES[index % 3],
        ].join(","),
      );
    expect(rows).toHaveLength(LIST_SIZE);
    const csv = ["Id,Name,Website,Country,Status", ...rows].join("\n");
    const csrf = (await app.context.cookies()).find((c) => c.name === "ecostack_csrf")?.value ?? "";
    const upload = await page.request.post("/api/v1/imports", {
      headers: { "x-csrf-token": decodeURIComponent(csrf) },
      multipart: {
        entity: "partner_account",
        partnerId,
        file: { name: "harbour-lights.csv", mimeType: "text/csv", buffer: Buffer.from(csv) },
      },
    });
    expect(upload.status()).toBe(202);
    const { id: importId } = (await upload.json()) as { id: string };
    await waitForImport(importId, "previewed");
    await api("POST", `/imports/${importId}/commit`);
    const committed = await waitForImport(importId, "committed");
    expect(committed.counts.created).toBe(LIST_SIZE);
  });

  it("maps all partners with a progress bar and ranks them like the API", async () => {
    await page.goto("/mapping");
    await pageHeading(page, "Mapping");
    await page.getByRole("button", { name: "Map all partners" }).click();
    const progress = page.getByRole("status", { name: "Mapping all partners" });
    await progress.waitFor();
    await page
      .locator('[aria-label="Mapping all partners"][data-job-status="succeeded"]')
      .waitFor({ timeout: 60_000 });
    expect(await progress.textContent()).toContain("Done");

    const ranked = await api<Ranked>("GET", "/mapping/partners");
    const ours = ranked.items.find((row) => row.partner.id === partnerId);
    expect(ours?.partnerAccounts).toBe(LIST_SIZE);
    expect(ours?.overlaps.same).toBeGreaterThan(LIST_SIZE / 2);

    const table = page.getByRole("table", { name: "Partners ranked by overlap" });
    await table.getByRole("link", { name: PARTNER_NAME }).waitFor();
    const names = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(names).toEqual(ranked.items.map((row) => row.partner.name));
    expect(await page.getByRole("img", { name: /^Partners ranked by overlap: 1\. / }).count()).toBe(1);
    await page.screenshot({ path: artifactPath("mapping-ecosystem"), fullPage: true });
  });

  it("draws the partner's overlap matrix with the API's counts", async () => {
    await page
      .getByRole("table", { name: "Partners ranked by overlap" })
      .getByRole("link", { name: PARTNER_NAME })
      .click();
    await page.waitForURL((url) => url.pathname === `/mapping/${partnerId}`);
    await pageHeading(page, `Mapping: ${PARTNER_NAME}`);
    const matrix = await api<Matrix>("GET", `/partners/${partnerId}/overlaps/matrix?kind=same`);
    expect(matrix.total).toBeGreaterThan(0);

    expect(await drawnCounts(page)).toEqual(
      STATUSES.map((vendor) => STATUSES.map((partner) => countOf(matrix, vendor, partner))),
    );
    // The same cells are buttons for keyboards and screen readers.
    const cellButtons = page.getByRole("list", { name: "Overlap matrix cells" }).getByRole("button");
    expect(await cellButtons.count()).toBe(9);
    expect(
      await page.getByText(`${matrix.total} overlaps`, { exact: false }).first().textContent(),
    ).toContain(String(matrix.total));
  });

  it("lists a cell's overlaps when the cell is clicked", async () => {
    const matrix = await api<Matrix>("GET", `/partners/${partnerId}/overlaps/matrix?kind=same`);
    const biggest = [...matrix.cells].sort((a, b) => b.count - a.count)[0];
    if (!biggest) throw new Error("the matrix has no cells");
    await clickDrawnCell(page, biggest.vendorStatus, biggest.partnerStatus);
    const list = page.getByRole("table", { name: /^Overlaps: Your / });
    await list.waitFor();
    const rows = list.locator("tbody tr");
    const loadMore = page.getByRole("button", { name: "Load more" });
    expect(await rows.count()).toBe(Math.min(biggest.count, 25));
    while (await loadMore.isVisible()) {
      const before = await rows.count();
      await loadMore.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(biggest.count);
    const firstRow = await rows.first().textContent();
    expect(firstRow).toMatch(/\d\.\d\d/);
    expect(firstRow).toMatch(/name \d\.\d\d/);
    await page.screenshot({ path: artifactPath("mapping-matrix"), fullPage: true });
  });

  it("shows ranked co-sell recommendations with their reasons, also on the account page", async () => {
    const recommendations = await api<Recommendations>(
      "GET",
      `/recommendations?partnerId=${partnerId}&limit=50`,
    );
    const top = recommendations.items[0];
    if (!top) throw new Error("no recommendations for the mapped partner");
    const list = page.getByRole("list", { name: "Co-sell recommendations" });
    await list.waitFor();
    const first = list.getByRole("listitem").first();
    expect(await first.getAttribute("aria-label")).toBe(`1. ${top.title}`);
    expect(await first.getAttribute("data-action")).toBe(top.action);
    const reasons = await first
      .getByRole("list", { name: `Why: ${top.title}` })
      .getByRole("listitem")
      .allTextContents();
    expect(reasons).toEqual(top.reasons.slice(0, 3));
    expect(await list.locator("[data-action]").count()).toBe(Math.min(5, recommendations.items.length));

    await first.getByRole("link").first().click();
    await page.waitForURL((url) => url.pathname === `/accounts/${top.account.id}`);
    const panel = page.getByRole("region", { name: "Co-sell recommendations" });
    const onAccount = panel.getByRole("listitem").filter({ hasText: top.title });
    await onAccount.first().waitFor();
    expect(await onAccount.first().textContent()).toContain(PARTNER_NAME);
  });

  it("maps one partner with Map now and the progress bar runs to the end", async () => {
    await page.goto(`/mapping/${partnerId}`);
    await pageHeading(page, `Mapping: ${PARTNER_NAME}`);
    await page.getByRole("button", { name: "Map now" }).click();
    await page.getByRole("status", { name: `Mapping ${PARTNER_NAME}` }).waitFor();
    await page
      .locator(`[aria-label="Mapping ${PARTNER_NAME}"][data-job-status="succeeded"]`)
      .waitFor({ timeout: 60_000 });
    expect(
      await page
        .getByRole("progressbar", { name: `Mapping ${PARTNER_NAME} progress` })
        .getAttribute("aria-valuenow"),
    ).toBe("100");
    expect(app.pageErrors).toEqual([]);
  });

  it("tells a partner without an account list to import one", async () => {
    const bare = await api<{ id: string }>("POST", "/partners", { name: "Quiet Harbour Advisors" });
    await page.goto(`/mapping/${bare.id}`);
    await pageHeading(page, "Mapping: Quiet Harbour Advisors");
    const hint = page.getByText("No account list for this partner yet");
    await hint.waitFor();
    expect(await page.getByRole("link", { name: "import one" }).getAttribute("href")).toBe("/imports");
    expect(await page.getByRole("button", { name: "Map now" }).isDisabled()).toBe(true);
  });
});

function countOf(matrix: Matrix, vendorStatus: Status, partnerStatus: Status): number {
  return (
    matrix.cells.find((c) => c.vendorStatus === vendorStatus && c.partnerStatus === partnerStatus)?.count ?? 0
  );
}

type DrawnLabel = { text: string; x: number; y: number };
/** What the test reads of an SVG text node in the page (the node tsconfig has no DOM types). */
type SvgTextNode = {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
};

/**
 * The cell labels the heat map drew (the 22px texts of its SVG) as a grid: rows top to bottom
 * (your customer, opportunity, prospect) × columns left to right (the partner's).
 */
async function drawnGrid(page: Page): Promise<{ xs: number[]; ys: number[]; labels: DrawnLabel[] }> {
  const chart = page.getByTestId("overlap-heat-map");
  await chart.locator("svg").waitFor();
  // Positions are read in the viewport, where the mouse clicks: bring the whole chart into it.
  await chart.scrollIntoViewIfNeeded();
  const labels = await chart.locator("svg text").evaluateAll((nodes) =>
    (nodes as unknown as SvgTextNode[])
      .filter((node) => (node.getAttribute("style") ?? "").includes("font-size: 22px"))
      .map((node) => {
        const box = node.getBoundingClientRect();
        return {
          text: node.textContent ?? "",
          x: Math.round(box.x + box.width / 2),
          y: Math.round(box.y + box.height / 2),
        };
      }),
  );
  const xs = [...new Set(labels.map((l) => l.x))].sort((a, b) => a - b);
  const ys = [...new Set(labels.map((l) => l.y))].sort((a, b) => a - b);
  return { xs, ys, labels };
}

async function drawnCounts(page: Page): Promise<number[][]> {
  const { xs, ys, labels } = await drawnGrid(page);
  return ys.map((y) => xs.map((x) => Number(labels.find((l) => l.y === y && l.x === x)?.text)));
}

/** Clicks the drawn cell of a vendor status (row) × partner status (column). */
async function clickDrawnCell(page: Page, vendorStatus: Status, partnerStatus: Status): Promise<void> {
  const { xs, ys } = await drawnGrid(page);
  const x = xs[STATUSES.indexOf(partnerStatus)];
  const y = ys[STATUSES.indexOf(vendorStatus)];
  if (x === undefined || y === undefined) throw new Error("the heat map has no such cell");
  // Off the label, on the cell's fill: the cell itself must answer the click.
  await page.mouse.click(x + 40, y + 20);
}
