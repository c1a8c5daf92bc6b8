/**
 * `ecostack import …` as real child processes on a fresh embedded data dir (or a throwaway
 * database on TEST_DATABASE_URL): the Salesforce exports, re-import, a partner's account list,
 * a dry run, and one readable line with exit 1 on bad input.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportTarget, type ImportTarget } from "../modules/imports/test-target.ts";
import { linesOf, PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

const fixtures = path.join(import.meta.dirname, "..", "modules", "imports", "reader", "fixtures");
const SF_ACCOUNTS = path.join(fixtures, "salesforce_dataloader_sample_accounts_cp1252.csv");
const SF_OPPORTUNITIES = path.join(fixtures, "salesforce_dataloader_sample_opportunities.csv");

type ResultJson = {
  importId: string;
  jobId: string;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: number;
};

describe("ecostack import", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: ImportTarget;
  const cli = (...args: string[]) => runCli(args, target.env);
  const json = async (...args: string[]) => {
    const result = await cli(...args, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as ResultJson;
  };
  const write = (name: string, text: string) => {
    const file = path.join(target.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    target = await createImportTarget("cli-imports");
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await target?.dispose();
  });

  it("imports the Salesforce accounts, then their opportunities, and a re-import changes nothing", async () => {
    const accounts = await json("import", "accounts", SF_ACCOUNTS);
    expect(accounts).toMatchObject({
      status: "committed",
      rows: 423,
      created: 423,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(accounts.jobId).toMatch(/^[0-9a-f-]{36}$/);
    const opportunities = await json("import", "opportunity", SF_OPPORTUNITIES, "--preset", "salesforce");
    expect(opportunities).toMatchObject({ status: "committed", created: 38, rejected: 0 });
    const again = await json("import", "account", SF_ACCOUNTS);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 423, rejected: 0 });
  });

  it("prints a summary with the rejected lines, and imports a partner's account list with --partner", async () => {
    const partners = write(
      "partners.csv",
      "Name,Website,Type\nNordic Cloud,nordic.example,MSP\nOdd One,odd.example,Wizard\n",
    );
    const result = await cli("import", "partners", partners);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = linesOf(result.stdout);
    expect(lines).toContain("2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected");
    expect(lines).toContain(
      "  line 3 (Type): Partner type: unknown partner type (one of: var, distributor, msp, si, consultancy, isv, hyperscaler_marketplace, community_platform, agency, advisor_analyst, association)",
    );
    expect(lines[lines.length - 1]).toMatch(/^import [0-9a-f-]{36} · job [0-9a-f-]{36}$/);

    const list = write(
      "nordic-accounts.csv",
      "Id,Account Name,Website,Status\nN1,Acme,acme.example,Customer\nN2,Beta,beta.example,\n",
    );
    const imported = await json("import", "accounts", list, "--partner", "nordic cloud");
    expect(imported).toMatchObject({ status: "committed", created: 2, rejected: 0 });
  });

  it("previews with --dry-run without writing", async () => {
    const file = write("new-accounts.csv", "Name,Website\nGamma,gamma.example\nDelta,delta.example\n");
    const preview = await json("import", "accounts", file, "--dry-run");
    expect(preview).toMatchObject({ status: "previewed", rows: 2, created: 2, rejected: 0 });
    const again = await json("import", "accounts", file, "--dry-run");
    expect(again).toMatchObject({ created: 2 });
  });

  it("refuses bad input with one readable line and exit 1", async () => {
    const empty = write("empty.csv", "");
    const cases: [string[], RegExp][] = [
      [["import", "planets", empty], /^ecostack: Unknown entity "planets"/],
      [["import", "accounts", path.join(target.dir, "missing.csv")], /^ecostack: .*no file at /],
      [["import", "accounts", empty], /^ecostack: .*The file is empty/],
      [
        ["import", "opportunities", empty, "--partner", "Nordic Cloud"],
        /^ecostack: --partner: only an account list/,
      ],
      [["import", "accounts", SF_ACCOUNTS, "--partner", "Nobody"], /^ecostack: --partner: no partner named/],
      [["import", "accounts", SF_ACCOUNTS, "--preset", "excel"], /^ecostack: --preset: one of auto/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(linesOf(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
