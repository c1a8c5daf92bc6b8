/**
 * Entity CSV exports over HTTP: exact values and quoting, formula protection, streaming across
 * keyset pages, workspace isolation, the 400 for an unknown format, and the audit entry.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, authHeaders, call, makeApiKey, makeWorkspace } from "../../test/factories.ts";
import { createOpportunity } from "../accounts/opportunities.ts";
import { createAccount } from "../accounts/service.ts";
import { accounts, contacts } from "../accounts/tables.ts";
import { listAuditEvents } from "../audit/events.ts";
import { listJourneyStages } from "../journey/service.ts";
import { createPartner } from "../partners/service.ts";
import { createSolution } from "../solutions/service.ts";
import type { Workspace } from "../workspaces/service.ts";
import { readSafeCell } from "./csv.ts";
import { streamEntityCsv } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Tenant = { workspace: Workspace; ctx: WorkspaceContext; viewer: Auth };

async function tenant(): Promise<Tenant> {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const ctx: WorkspaceContext = {
    workspaceId: workspace.id,
    role: "owner",
    actor: { kind: "user", userId: owner.id },
  };
  return {
    workspace,
    ctx,
    viewer: { kind: "apiKey", secret: await makeApiKey(t.database.db, workspace, "viewer") },
  };
}

/** The raw cells (prefix kept) of a CSV body, header first. */
function rawRows(body: string): string[][] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  return parse(body, { bom: true });
}

/** Rows as objects keyed by header, cells read back with readSafeCell. */
function records(body: string): Record<string, string>[] {
  const [header = [], ...rows] = rawRows(body);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, readSafeCell(row[i] ?? "")])));
}

async function download(auth: Auth, entity: string, query = "?format=csv") {
  const r = await call(t.app, auth, "GET", `/api/v1/exports/${entity}${query}`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
  return r;
}

describe("GET /api/v1/exports/accounts", () => {
  it("writes every column of every account, quoted per RFC 4180, with formulas defused", async () => {
    const a = await tenant();
    const evil = '=HYPERLINK("http://evil.example","Click me")';
    const plain = await createAccount(t.database.db, a.ctx, {
      name: "Hallstatt Werke, GmbH",
      website: "https://www.hallstatt-werke.at",
      industry: "Manufacturing",
      employees: 1400,
      annualRevenue: 320000000.5,
      country: "AT",
      region: "EMEA",
      technologies: ["SAP", "Azure"],
      status: "customer",
      owner: 'Ana "the closer" Ruiz',
      attributes: { plants: 4, note: "line one\nline two" },
      externalSource: "salesforce",
      externalId: "001ABC",
    });
    const formula = await createAccount(t.database.db, a.ctx, {
      name: evil,
      owner: "@admin",
      region: "-EMEA",
    });

    const r = await download(a.viewer, "accounts");
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="accounts-${a.workspace.slug}-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    const [header, ...raw] = rawRows(r.body);
    expect(header).toEqual([
      "externalId",
      "name",
      "website",
      "domain",
      "industry",
      "employees",
      "annualRevenue",
      "country",
      "region",
      "status",
      "owner",
      "technologies",
      "attributes",
      "externalSource",
      "ecostackId",
      "createdAt",
      "updatedAt",
    ]);
    expect(raw).toHaveLength(2);
    // The formula cells as a spreadsheet would receive them: text, never a formula.
    const formulaRow = raw.find((row) => row[14] === formula.id);
    expect(formulaRow?.[1]).toBe(`'${evil}`);
    expect(formulaRow?.[10]).toBe("'@admin");
    expect(formulaRow?.[8]).toBe("'-EMEA");
    // Quoting on the wire: the comma, the doubled quotes, the line break inside the JSON.
    expect(r.body).toContain('"Hallstatt Werke, GmbH"');
    expect(r.body).toContain('"Ana ""the closer"" Ruiz"');

    const byId = new Map(records(r.body).map((row) => [row.ecostackId, row]));
    // jsonb keeps its own key order: compare the attributes as data.
    expect(JSON.parse(byId.get(plain.id)?.attributes ?? "")).toEqual({
      plants: 4,
      note: "line one\nline two",
    });
    expect({ ...byId.get(plain.id), attributes: undefined }).toEqual({
      externalId: "001ABC",
      name: "Hallstatt Werke, GmbH",
      website: "https://www.hallstatt-werke.at",
      domain: "hallstatt-werke.at",
      industry: "Manufacturing",
      employees: "1400",
      annualRevenue: "320000000.5",
      country: "AT",
      region: "EMEA",
      status: "customer",
      owner: 'Ana "the closer" Ruiz',
      technologies: "SAP;Azure",
      attributes: undefined,
      externalSource: "salesforce",
      ecostackId: plain.id,
      createdAt: plain.createdAt.toISOString(),
      updatedAt: plain.updatedAt.toISOString(),
    });
    expect(byId.get(formula.id)).toMatchObject({
      name: evil,
      owner: "@admin",
      region: "-EMEA",
      attributes: "",
    });
  });

  it("never shows another workspace's rows, whoever asks", async () => {
    const a = await tenant();
    const b = await tenant();
    await createAccount(t.database.db, a.ctx, { name: "Only In A" });
    await createAccount(t.database.db, b.ctx, { name: "Only In B" });
    const aNames = records((await download(a.viewer, "accounts")).body).map((row) => row.name);
    const bNames = records((await download(b.viewer, "accounts")).body).map((row) => row.name);
    expect(aNames).toEqual(["Only In A"]);
    expect(bNames).toEqual(["Only In B"]);
  });

  it("streams a table larger than one page: every row once, in creation order", async () => {
    const a = await tenant();
    // Exactly two pages: the last query finds nothing after a full page.
    const total = 10_000;
    const values = Array.from({ length: total }, (_, i) => ({
      workspaceId: a.workspace.id,
      name: `Bulk ${String(i).padStart(5, "0")}`,
      externalSource: "bulk",
      externalId: `B${i}`,
    }));
    for (let i = 0; i < total; i += 2000)
      await t.database.db.insert(accounts).values(values.slice(i, i + 2000));
    const rows = records((await download(a.viewer, "accounts", "")).body);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.ecostackId)).size).toBe(total);
    expect(rows.map((row) => row.externalId)).toEqual(values.map((v) => v.externalId));
  });

  it("reads page by page with the page size asked for (keyset, no row twice or missed)", async () => {
    const a = await tenant();
    for (const name of ["One", "Two", "Three", "Four", "Five"])
      await createAccount(t.database.db, a.ctx, { name });
    const chunks: string[] = [];
    let completed: number | undefined;
    for await (const chunk of streamEntityCsv(t.database.db, a.ctx, "accounts", {
      pageSize: 2,
      onComplete: (rows) => {
        completed = rows;
      },
    }))
      chunks.push(chunk);
    // Header, then pages of 2, 2 and 1 rows.
    expect(chunks).toHaveLength(4);
    expect(records(chunks.join("")).map((row) => row.name)).toEqual(["One", "Two", "Three", "Four", "Five"]);
    expect(completed).toBe(5);
  });

  it("refuses a format other than csv, naming querystring.format", async () => {
    const a = await tenant();
    const r = await call(t.app, a.viewer, "GET", "/api/v1/exports/accounts?format=xlsx");
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(r.json().code).toBe("validation_failed");
    expect(r.json().errors[0].path).toBe("querystring.format");
    const unknown = await call(t.app, a.viewer, "GET", "/api/v1/exports/invoices?format=csv");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe("params.entity");
  });

  it("records export.downloaded with the entity and the row count, by the API key that asked", async () => {
    const a = await tenant();
    await createAccount(t.database.db, a.ctx, { name: "Audited One" });
    await createAccount(t.database.db, a.ctx, { name: "Audited Two" });
    await download(a.viewer, "accounts");
    const head = await t.app.inject({
      method: "HEAD",
      url: "/api/v1/exports/contacts?format=csv",
      headers: authHeaders(a.viewer),
    });
    expect(head.statusCode).toBe(200);
    await download(a.viewer, "partners");
    const page = await listAuditEvents(t.database.db, a.ctx, { limit: 10, action: "export.downloaded" });
    expect(page.items.map((e) => [e.subjectType, e.details.rows, e.actorKind])).toEqual([
      ["partners", 0, "api_key"],
      ["accounts", 2, "api_key"],
    ]);
    expect(page.items[1]?.details).toMatchObject({
      entity: "accounts",
      format: "csv",
      apiKeyId: expect.any(String),
    });
  });
});

describe("GET /api/v1/exports/{opportunities,partners,contacts}", () => {
  it("opportunities carry their account's external id and name, partner, solution and stage", async () => {
    const a = await tenant();
    const account = await createAccount(t.database.db, a.ctx, { name: "Nordvik AS", externalId: "ACC-1" });
    const partner = await createPartner(t.database.db, a.ctx, { name: "Fjord Integrators" });
    const solution = await createSolution(t.database.db, a.ctx, { name: "Cloud Analytics" });
    const [stage] = await listJourneyStages(t.database.db, a.ctx);
    const opportunity = await createOpportunity(t.database.db, a.ctx, {
      accountId: account.id,
      name: "+ Expansion 2027",
      amount: 125000.25,
      currency: "EUR",
      stage: "Negotiation",
      closeDate: "2027-03-31",
      sourceRoute: "partner_sourced",
      partnerId: partner.id,
      solutionId: solution.id,
      journeyStageId: stage?.id ?? null,
      externalSource: "salesforce",
      externalId: "006XYZ",
    });
    const r = await download(a.viewer, "opportunities");
    expect(rawRows(r.body)[1]?.[3]).toBe("'+ Expansion 2027");
    expect(records(r.body)).toEqual([
      {
        externalId: "006XYZ",
        accountExternalId: "ACC-1",
        accountName: "Nordvik AS",
        name: "+ Expansion 2027",
        amount: "125000.25",
        currency: "EUR",
        stage: "Negotiation",
        status: "open",
        closeDate: "2027-03-31",
        sourceRoute: "partner_sourced",
        partner: "Fjord Integrators",
        solution: "Cloud Analytics",
        journeyStage: stage?.key ?? "",
        externalSource: "salesforce",
        ecostackId: opportunity.id,
        accountEcostackId: account.id,
        createdAt: opportunity.createdAt.toISOString(),
        updatedAt: opportunity.updatedAt.toISOString(),
      },
    ]);
  });

  it("partners list their types, layers and profile", async () => {
    const a = await tenant();
    const partner = await createPartner(t.database.db, a.ctx, {
      name: "Nordic Cloud Partners",
      website: "https://nordiccloud.example.com",
      layers: ["reseller_msp", "alliance"],
      types: ["msp", "reseller"],
      regions: ["Nordics"],
      tier: "Gold",
      lifecycle: "active",
      description: "-- managed services",
    });
    const [row] = records((await download(a.viewer, "partners")).body);
    expect(row).toMatchObject({
      externalId: "",
      name: "Nordic Cloud Partners",
      domain: "example.com",
      type: "msp",
      types: "msp;reseller",
      layers: "reseller_msp;alliance",
      regions: "Nordics",
      tier: "Gold",
      lifecycle: "active",
      description: "-- managed services",
      ecostackId: partner.id,
    });
  });

  it("contacts carry their account's external id, and an unknown account stays empty", async () => {
    const a = await tenant();
    const b = await tenant();
    const account = await createAccount(t.database.db, a.ctx, { name: "Aurora Oy", externalId: "ACC-9" });
    await t.database.db.insert(contacts).values([
      {
        workspaceId: a.workspace.id,
        accountId: account.id,
        firstName: "Élodie",
        lastName: "Durand",
        email: "elodie@aurora.example",
        phone: "+358 40 123",
        attributes: { linkedin: "elodie" },
        externalId: "C-1",
      },
      { workspaceId: a.workspace.id, firstName: "No", lastName: "Account", externalId: "C-2" },
      { workspaceId: b.workspace.id, firstName: "Other", lastName: "Tenant", externalId: "C-3" },
    ]);
    const rows = records((await download(a.viewer, "contacts")).body);
    expect(
      rows.map((row) => [row.externalId, row.firstName, row.phone, row.accountExternalId, row.accountName]),
    ).toEqual([
      ["C-1", "Élodie", "+358 40 123", "ACC-9", "Aurora Oy"],
      ["C-2", "No", "", "", ""],
    ]);
    expect(rows[0]?.attributes).toBe('{"linkedin":"elodie"}');
  });
});
