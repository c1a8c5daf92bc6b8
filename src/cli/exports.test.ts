/**
 * `ecostack export <entity>` and `ecostack audit list` as real child processes on the demo
 * workspace: a fresh data dir, or a throwaway database when TEST_DATABASE_URL is set.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliTarget, createCliTarget, succeeded } from "../test/cli.ts";
import { type CliResult, PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

function failedWith(result: CliResult, message: string) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(/^ecostack: /);
  expect(result.stderr).toContain(message);
}

describe("ecostack export <entity> and audit list", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget("cli-exports", { dataSubdir: true });
    succeeded(await cli("demo", "--json"));
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await target?.dispose();
  }, PROCESS_TEST_TIMEOUT);

  it("export accounts --format csv prints every account as CSV on stdout", async () => {
    const listed: { id: string; name: string }[] = JSON.parse(
      succeeded(await cli("account", "list", "--json")),
    );
    const csv = succeeded(await cli("export", "accounts", "--format", "csv"));
    const [header, ...rows]: string[][] = parse(csv, { bom: true });
    expect(header?.slice(0, 3)).toEqual(["externalId", "name", "website"]);
    const idColumn = header?.indexOf("ecostackId") ?? -1;
    expect(rows.map((row) => row[idColumn]).sort()).toEqual(listed.map((a) => a.id).sort());
    expect(rows.map((row) => row[1]).sort()).toEqual(listed.map((a) => a.name).sort());
  });

  it("export opportunities --out FILE --json writes the file and reports rows and bytes", async () => {
    const file = path.join(target.dir, "opportunities.csv");
    const summary = JSON.parse(succeeded(await cli("export", "opportunities", "--out", file, "--json")));
    const rows: string[][] = parse(fs.readFileSync(file, "utf8"), { bom: true });
    expect(summary).toMatchObject({
      entity: "opportunities",
      format: "csv",
      file,
      bytes: fs.statSync(file).size,
    });
    expect(summary.rows).toBe(rows.length - 1);
    expect(summary.rows).toBeGreaterThan(0);
    expect(rows[0]?.slice(0, 4)).toEqual(["externalId", "accountExternalId", "accountName", "name"]);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it("export stack still writes its Markdown document beside the entity exports", async () => {
    const file = path.join(target.dir, "stack.md");
    succeeded(await cli("export", "stack", "--format", "md", "--out", file));
    expect(fs.readFileSync(file, "utf8")).toContain("Bluefjord Cloud Analytics");
  });

  it("audit list --json shows the exports, newest first, by the command line", async () => {
    const events = JSON.parse(
      succeeded(await cli("audit", "list", "--json", "--action", "export.downloaded")),
    );
    expect(events.map((e: { subjectType: string }) => e.subjectType)).toEqual(["opportunities", "accounts"]);
    expect(events[1]).toMatchObject({
      action: "export.downloaded",
      actor: { kind: "cli", userId: null, email: null },
      details: { entity: "accounts", format: "csv", rows: expect.any(Number) },
    });
    const text = succeeded(await cli("audit", "list", "--limit", "1"));
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(text).toMatch(/export\.downloaded {2}opportunities {2}by the command line {2}\d+ rows/);
  });

  it("refuses an unknown format, --json without --out and a bad --limit with one line", async () => {
    failedWith(await cli("export", "accounts", "--format", "xlsx"), "Allowed choices are csv");
    failedWith(await cli("export", "partners", "--json"), "--json: needs --out FILE");
    failedWith(await cli("audit", "list", "--limit", "0"), "--limit:");
  });
});
