/**
 * An export imports back: the accounts CSV, fed to the importer with the same source, is detected
 * as an Ecostack export, maps every column by its header and changes nothing — values the
 * export guarded against formulas (a leading `'`) included.
 */
import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { makeWorkspace } from "../../test/factories.ts";
import { tempDir } from "../../test/processes.ts";
import { createAccount } from "../accounts/service.ts";
import { accounts } from "../accounts/tables.ts";
import { importFile } from "../imports/import-file.ts";
import { streamEntityCsv } from "./service.ts";

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = tempDir("reimport");
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("export → import", () => {
  it("re-importing an accounts export creates nothing and leaves every account unchanged", async () => {
    const { workspace, owner } = await makeWorkspace(t.database.db);
    const ctx: WorkspaceContext = {
      workspaceId: workspace.id,
      role: "owner",
      actor: { kind: "user", userId: owner.id },
    };
    const names = [
      "Hallstatt Werke, GmbH",
      'Ana "Quoted" Ltd',
      "Zürich Präzision AG",
      "Two\nLines Inc",
      '=HYPERLINK("x")',
      "'Quoted' Partners",
      "@Home Networks",
      "-minus Labs",
    ];
    for (const [i, name] of names.entries())
      await createAccount(t.database.db, ctx, {
        name,
        website: `https://www.company-${i}.example.com`,
        industry: "Manufacturing",
        employees: 100 + i,
        annualRevenue: 1000000.5 + i,
        country: "DE",
        region: "EMEA",
        status: i % 2 === 0 ? "customer" : "prospect",
        owner: i === 5 ? "+44 Sales" : "Jonas Berg",
        externalSource: "crm",
        externalId: `ACC-${i}`,
      });
    const file = path.join(dir, "accounts.csv");
    const chunks: string[] = [];
    for await (const chunk of streamEntityCsv(t.database.db, ctx, "accounts")) chunks.push(chunk);
    fs.writeFileSync(file, chunks.join(""));

    expect(fs.readFileSync(file, "utf8")).toContain("'=HYPERLINK");

    const result = await importFile(t.database, ctx, { entity: "accounts", filePath: file, source: "crm" });
    expect(result).toMatchObject({
      status: "committed",
      preset: "ecostack",
      rows: names.length,
      created: 0,
      updated: 0,
      unchanged: names.length,
      rejected: 0,
    });
    const stored = await t.database.db
      .select({ name: accounts.name, owner: accounts.owner })
      .from(accounts)
      .where(eq(accounts.workspaceId, workspace.id))
      .orderBy(asc(accounts.externalId));
    expect(stored.map((a) => a.name)).toEqual(names);
    expect(stored[5]?.owner).toBe("+44 Sales");
  });
});
