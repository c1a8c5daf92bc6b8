/**
 * Real CRM exports through importFile (preview and commit jobs, in process): the Salesforce Data
 * Loader account export (Windows-1252) with its accents intact, its opportunities linked by
 * ACCOUNTID, the report export with ragged rows, contacts, partners and a partner's account list,
 * and re-imports that change nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestDatabase } from "../../test/db.ts";
import { makeWorkspace } from "../../test/factories.ts";
import { accounts, contacts, opportunities } from "../accounts/tables.ts";
import { auditEvents } from "../audit/tables.ts";
import { createPartner } from "../partners/service.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { importFile } from "./import-file.ts";
import { importRowErrors } from "./tables.ts";

const fixtures = path.join(import.meta.dirname, "reader", "fixtures");
const SF_ACCOUNTS = path.join(fixtures, "salesforce_dataloader_sample_accounts_cp1252.csv");
const SF_OPPORTUNITIES = path.join(fixtures, "salesforce_dataloader_sample_opportunities.csv");
const SF_REPORT = path.join(fixtures, "salesforce_report_export_style_accounts_contacts_lwc_recipes.csv");

let database: Database;
let ctx: WorkspaceContext;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { workspace, owner } = await makeWorkspace(database.db);
  ctx = { workspaceId: workspace.id, role: "owner", actor: { kind: "user", userId: owner.id } };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-imports-"));
});

afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeCsv(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const accountNamed = async (name: string) =>
  (
    await database.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.workspaceId, ctx.workspaceId), eq(accounts.name, name)))
  )[0];

describe("the Salesforce Data Loader exports", () => {
  it("previews the account export without writing a live row", async () => {
    const result = await importFile(database, ctx, {
      entity: "accounts",
      filePath: SF_ACCOUNTS,
      dryRun: true,
    });
    expect(result).toMatchObject({
      status: "previewed",
      rows: 423,
      created: 423,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accounts);
    expect(count?.n).toBe(0);
  });

  it("imports the Windows-1252 account export with º and é intact", async () => {
    const result = await importFile(database, ctx, {
      entity: "accounts",
      filePath: SF_ACCOUNTS,
      batchSize: 100,
    });
    expect(result).toMatchObject({
      status: "committed",
      rows: 423,
      created: 423,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(result.phasesMs.write).toBeGreaterThan(0);
    const credito = await accountNamed("Crédito Inmobiliario Terras");
    expect(credito).toMatchObject({
      externalSource: "salesforce",
      externalId: "001x0000002xLDgAAM",
      country: "MX",
    });
    const recall = await accountNamed("Recall Information Management, S. A.");
    expect(recall?.attributes.billingstreet).toBe("00045844 c/ San Romualdo, 26 5º");
    expect(recall?.attributes.billingcity).toBe("MADRID");
    expect(await accountNamed("Pébéo of America")).toBeDefined();
    // The export spells the United States "US", "USA" and "United States": all stored as US.
    const byCountry = await database.db
      .select({ country: accounts.country, n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(eq(accounts.workspaceId, ctx.workspaceId))
      .groupBy(accounts.country);
    const countOf = (country: string) => byCountry.find((c) => c.country === country)?.n ?? 0;
    expect(countOf("US")).toBe(365);
    expect(countOf("CA")).toBe(20);
    expect(countOf("United States") + countOf("USA") + countOf("Canada")).toBe(0);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, result.importId));
    expect(audit.map((a) => a.action).sort()).toEqual(["import.committed", "import.uploaded"]);
  });

  it("re-imports the same file: 0 created, every row unchanged, nothing rewritten", async () => {
    const before = await database.db
      .select({ sum: sql<string>`md5(string_agg(t::text, ',' order by id))` })
      .from(sql`accounts t`);
    const result = await importFile(database, ctx, { entity: "account", filePath: SF_ACCOUNTS });
    expect(result).toMatchObject({
      status: "committed",
      created: 0,
      updated: 0,
      unchanged: 423,
      rejected: 0,
    });
    const after = await database.db
      .select({ sum: sql<string>`md5(string_agg(t::text, ',' order by id))` })
      .from(sql`accounts t`);
    expect(after).toEqual(before);
  });

  it("links the opportunity export to those accounts by ACCOUNTID", async () => {
    const result = await importFile(database, ctx, { entity: "opportunities", filePath: SF_OPPORTUNITIES });
    expect(result).toMatchObject({ status: "committed", rows: 38, created: 38, rejected: 0 });
    const [won] = await database.db
      .select({
        account: accounts.externalId,
        amount: opportunities.amount,
        status: opportunities.status,
        closeDate: opportunities.closeDate,
      })
      .from(opportunities)
      .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
      .where(eq(opportunities.externalId, "006x0000001YtCrAAK"));
    expect(won).toEqual({
      account: "001x0000002xLD0AAM",
      amount: 500000,
      status: "won",
      closeDate: "2005-11-09",
    });
    const again = await importFile(database, ctx, { entity: "opportunity", filePath: SF_OPPORTUNITIES });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 38 });
  });

  it("rejects an opportunity whose account is unknown, naming the column", async () => {
    const file = writeCsv(
      "orphan.csv",
      '"ID","ACCOUNTID","NAME","AMOUNT","STAGENAME","CLOSEDATE"\n"006A","001x0000002xLD0AAM","Known","10","Prospecting","2026-01-31"\n"006B","001NOPE","Orphan","12","Prospecting","2026-02-01"\n',
    );
    const result = await importFile(database, ctx, { entity: "opportunities", filePath: file });
    expect(result).toMatchObject({ status: "committed", created: 1, rejected: 1 });
    const errors = await database.db
      .select()
      .from(importRowErrors)
      .where(eq(importRowErrors.importId, result.importId));
    expect(errors).toMatchObject([{ phase: "commit", line: 3, column: "ACCOUNTID", value: "001NOPE" }]);
    expect(errors[0]?.reason).toContain("no account with external id");
  });
});

describe("the Salesforce report export with ragged rows", () => {
  it("imports the valid accounts and reports the ragged rows per line", async () => {
    const result = await importFile(database, ctx, {
      entity: "accounts",
      filePath: SF_REPORT,
      source: "report",
    });
    // 14 data rows: 6 full rows (3 + 3 contacts of two accounts), 8 ragged rows with 3 of 9 fields.
    // Rows without an id are keyed by name: the two accounts' repeated rows are one account each.
    expect(result).toMatchObject({ status: "committed", rows: 14, created: 2, unchanged: 4, rejected: 8 });
    const errors = await database.db
      .select({ line: importRowErrors.line, reason: importRowErrors.reason })
      .from(importRowErrors)
      .where(eq(importRowErrors.importId, result.importId));
    const ragged = errors.filter((e) => e.reason.startsWith("ragged row"));
    expect(ragged.map((e) => e.line)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(ragged[0]?.reason).toBe("ragged row: expected 9 fields, found 3");
    expect((await accountNamed("Alpha Dynamics"))?.externalId).toBe("name:alpha dynamics");
  });

  it("imports its contacts (Contact: columns) as contacts", async () => {
    const result = await importFile(database, ctx, {
      entity: "contacts",
      filePath: SF_REPORT,
      source: "report",
    });
    expect(result).toMatchObject({ status: "committed", created: 6, rejected: 8 });
    const [amy] = await database.db.select().from(contacts).where(eq(contacts.email, "amy@demo.net"));
    expect(amy).toMatchObject({
      firstName: "Amy",
      lastName: "Taylor",
      title: "VP of Engineering",
      externalId: "email:amy@demo.net",
    });
  });
});

describe("partners and a partner's account list", () => {
  it("imports a partners file with only Name, Website, Type", async () => {
    const file = writeCsv(
      "partners.csv",
      "Name,Website,Type\nNordic Cloud Partners,https://www.nordiccloud.example/about,MSP\nBad Type Ltd,badtype.example,Wizard\nFjord Integrators,fjord-si.example,System Integrator\n",
    );
    const result = await importFile(database, ctx, { entity: "partners", filePath: file });
    expect(result).toMatchObject({ status: "committed", created: 2, rejected: 1 });
    const [nordic] = await database.db
      .select()
      .from(partners)
      .where(eq(partners.name, "Nordic Cloud Partners"));
    expect(nordic).toMatchObject({ domain: "nordiccloud.example", types: ["msp"], externalSource: "csv" });
    const again = await importFile(database, ctx, { entity: "partner", filePath: file });
    expect(again).toMatchObject({ created: 0, unchanged: 2, rejected: 1 });
  });

  it("updates partners added by hand instead of duplicating them, when one row names exactly one", async () => {
    const { workspace, owner } = await makeWorkspace(database.db);
    const own: WorkspaceContext = {
      workspaceId: workspace.id,
      role: "owner",
      actor: { kind: "user", userId: owner.id },
    };
    const aurora = await createPartner(database.db, own, {
      name: "Aurora Cloud Services",
      website: "https://www.aurora.example",
      tier: "Gold",
    });
    const nordlys = await createPartner(database.db, own, { name: "  Nordlys CONSULTING " });
    await createPartner(database.db, own, { name: "Twin A", website: "twin.example" });
    await createPartner(database.db, own, { name: "Twin B", website: "https://twin.example" });
    const file = writeCsv(
      "partners-again.csv",
      "Name,Website,Type\nAurora Cloud,aurora.example,MSP\nNordlys Consulting,,Consultancy\nTwin,twin.example,ISV\nBrand New,brandnew.example,VAR\n",
    );
    const stored = () =>
      database.db
        .select()
        .from(partners)
        .where(eq(partners.workspaceId, workspace.id))
        .orderBy(partners.name);

    const before = await stored();
    const preview = await importFile(database, own, { entity: "partner", filePath: file, dryRun: true });
    expect(preview).toMatchObject({ created: 2, updated: 2, unchanged: 0, rejected: 0 });
    expect(await stored()).toEqual(before);

    const result = await importFile(database, own, { entity: "partner", filePath: file });
    expect(result).toMatchObject({ status: "committed", created: 2, updated: 2, rejected: 0 });
    const after = await stored();
    expect(after.map((p) => p.name)).toEqual([
      "Aurora Cloud",
      "Brand New",
      "Nordlys Consulting",
      "Twin",
      "Twin A",
      "Twin B",
    ]);
    const claimed = after.find((p) => p.id === aurora.id);
    expect(claimed).toMatchObject({
      tier: "Gold",
      types: ["msp"],
      externalSource: "csv",
      externalId: "domain:aurora.example",
    });
    expect(after.find((p) => p.id === nordlys.id)).toMatchObject({
      types: ["consultancy"],
      externalSource: "csv",
    });
    // Two hand-made partners share twin.example: neither is claimed, the row becomes a new partner.
    expect(after.filter((p) => p.name.startsWith("Twin ")).map((p) => p.externalId)).toEqual([null, null]);

    const again = await importFile(database, own, { entity: "partner", filePath: file });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("imports a partner's own accounts with their status, default prospect", async () => {
    const partner = await createPartner(database.db, ctx, { name: `List Owner ${Date.now()}` });
    const file = writeCsv(
      "partner-accounts.csv",
      "Account ID,Account Name,Website,Status\nP-1,Acme Corp,acme.example,Customer\nP-2,Globex,globex.example,\nP-3,Initech,initech.example,Opportunity\n",
    );
    const result = await importFile(database, ctx, {
      entity: "partner_account",
      filePath: file,
      partnerId: partner.id,
    });
    expect(result).toMatchObject({ status: "committed", created: 3, rejected: 0 });
    const rows = await database.db
      .select({
        id: partnerAccounts.externalId,
        status: partnerAccounts.status,
        domain: partnerAccounts.domain,
      })
      .from(partnerAccounts)
      .where(eq(partnerAccounts.partnerId, partner.id))
      .orderBy(partnerAccounts.externalId);
    expect(rows).toEqual([
      { id: "P-1", status: "customer", domain: "acme.example" },
      { id: "P-2", status: "prospect", domain: "globex.example" },
      { id: "P-3", status: "opportunity", domain: "initech.example" },
    ]);
    await expect(importFile(database, ctx, { entity: "partner_account", filePath: file })).rejects.toThrow(
      "partnerId",
    );
  });
});
