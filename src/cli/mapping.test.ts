/**
 * `ecostack map …` as real child processes on a fresh embedded data dir (or a throwaway database
 * on TEST_DATABASE_URL), on the demo workspace, whose partners' account lists are mapped at seed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSafeCell } from "../modules/exports/csv.ts";
import { type CliTarget, createCliTarget, parseJson } from "../test/cli.ts";
import { PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

type MatrixJson = {
  partner: { id: string; name: string };
  cells: { vendorStatus: string; partnerStatus: string; count: number }[];
  total: number;
  lastMappedAt: string | null;
};

describe("ecostack map", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget("cli-mapping");
    // A fresh data dir is created and migrated before the seed: the slowest command of the file.
    const seeded = await runCli(["demo"], { ...target.env, ECOSTACK_DEMO: "1" }, PROCESS_TEST_TIMEOUT);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 2 * PROCESS_TEST_TIMEOUT);
  afterAll(async () => target?.dispose());

  it("shows the matrix of a demo partner, mapped at seed time", async () => {
    const matrix = parseJson<MatrixJson>(
      await cli("map", "show", "--partner", "fjordline systems", "--json"),
    );
    expect(matrix.partner.name).toBe("Fjordline Systems");
    expect(matrix.cells).toHaveLength(9);
    expect(matrix.total).toBeGreaterThanOrEqual(60);
    expect(matrix.lastMappedAt).not.toBeNull();
    const human = await cli("map", "show", "--partner", "Fjordline Systems");
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Fjordline Systems: ${matrix.total} overlaps`);
    expect(human.stdout).toMatch(/customer\s+\d+\s+\d+\s+\d+/);
  });

  it("re-maps one partner and all partners, incrementally, with the job as JSON", async () => {
    const one = parseJson<{
      kind: string;
      status: string;
      result: { partners: { full: boolean; changedPartner: number }[] };
    }>(await cli("map", "run", "--partner", "Fjordline Systems", "--json"));
    expect(one).toMatchObject({ kind: "mapping.run", status: "succeeded" });
    expect(one.result.partners).toEqual([expect.objectContaining({ full: false, changedPartner: 0 })]);
    const all = await cli("map", "run", "--all");
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/Kestrel Managed Services: \d+ same, \d+ related of 140 partner accounts/);
    expect(all.stdout.split("\n").filter((l) => / same, /.test(l))).toHaveLength(5);
  });

  it("exports a partner's overlaps as CSV", async () => {
    const file = path.join(target.dir, "fjordline.csv");
    const result = parseJson<{ rows: number; file: string }>(
      await cli(
        "map",
        "export",
        "--partner",
        "Fjordline Systems",
        "--format",
        "csv",
        "--out",
        file,
        "--json",
      ),
    );
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "vendor_external_id,partner_external_id,vendor_account,partner_account,vendor_status,partner_status,score,kind,explanation",
    );
    expect(lines).toHaveLength(result.rows + 1);
    expect(lines.slice(1).every((l) => /^ACC-\d{4},FS-\d{4},/.test(readSafeCell(l)))).toBe(true);
  });

  it("refuses bad usage with one line and exit 1", async () => {
    const neither = await cli("map", "run");
    expect(neither.code).toBe(1);
    expect(neither.stderr).toBe("ecostack: Pass either --partner NAME or --all.\n");
    const unknown = await cli("map", "show", "--partner", "Nobody Inc");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('ecostack: --partner: no partner named or with id "Nobody Inc".\n');
    const format = await cli(
      "map",
      "export",
      "--partner",
      "Fjordline Systems",
      "--format",
      "xlsx",
      "--out",
      "x",
    );
    expect(format.code).toBe(1);
    expect(format.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
