/**
 * Crash test: `ecostack import accounts big.csv` (a million rows) in a child process is killed
 * with SIGKILL at several points, early, midway and late, after some batches were recorded. After each kill the stored accounts are
 * exactly the applied batches (no partial batch, no duplicate); running the same command again
 * resumes the import and the last run finishes with the exact row count.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROCESS_TEST_TIMEOUT } from "../../test/processes.ts";
import { accounts } from "../accounts/tables.ts";
import { jobs } from "../jobs/tables.ts";
import { imports } from "./tables.ts";
import { createImportTarget, type ImportTarget, spawnEcostack } from "./test-target.ts";

const ROWS = 1_000_000;
const BATCH = 20_000;
/** Kill once the child has reported at least this many rows (a batch may commit after the report). */
const KILL_AFTER = [2 * BATCH, 21 * BATCH, 40 * BATCH];

let target: ImportTarget;
let file: string;

function writeAccounts(to: string, rows: number) {
  const fd = fs.openSync(to, "w");
  fs.writeSync(fd, "Id,Name,Website,Employees,Country\n");
  const chunk: string[] = [];
  for (let i = 1; i <= rows; i++) {
    chunk.push(`ACC-${i},"Company ${i}, Inc.",company${i}.example,${i % 5000},${i % 2 ? "FR" : "DE"}\n`);
    if (chunk.length === 10_000) {
      fs.writeSync(fd, chunk.join(""));
      chunk.length = 0;
    }
  }
  fs.writeSync(fd, chunk.join(""));
  fs.closeSync(fd);
}

const reportedRows = (stdout: string) => {
  const matches = [...stdout.matchAll(/ running (?:\d+% )?(\d+)/g)];
  return Number(matches[matches.length - 1]?.[1] ?? 0);
};

async function storedFacts() {
  const database = await target.open();
  try {
    const [stored] = await database.db
      .select({
        rows: sql<number>`count(*)::int`,
        keys: sql<number>`count(distinct ${accounts.externalId})::int`,
      })
      .from(accounts);
    const [record] = await database.db.select().from(imports);
    const jobRows = await database.db
      .select({ status: jobs.status })
      .from(jobs)
      .where(eq(jobs.kind, "import.commit"));
    return { stored, record, jobStatuses: jobRows.map((j) => j.status) };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  target = await createImportTarget("import-crash");
  file = path.join(target.dir, "big.csv");
  writeAccounts(file, ROWS);
}, PROCESS_TEST_TIMEOUT);

afterAll(async () => {
  await target?.dispose();
});

describe("kill -9 during an import", () => {
  it(
    "never leaves a partial batch or a duplicate, and the rerun resumes to the exact count",
    async () => {
      const args = ["import", "accounts", file, "--batch-size", String(BATCH)];
      let previousApplied = 0;
      for (const threshold of KILL_AFTER) {
        const run = spawnEcostack(args, target.env);
        await new Promise<void>((resolve, reject) => {
          const timer = setInterval(() => {
            if (reportedRows(run.stdout()) >= threshold) {
              clearInterval(timer);
              run.child.kill("SIGKILL");
              resolve();
            }
          }, 20);
          run.exited.then(() => {
            clearInterval(timer);
            reject(new Error(`the import ended before ${threshold} rows:\n${run.stdout()}\n${run.stderr()}`));
          });
        });
        expect(await run.exited).toEqual({ code: null, signal: "SIGKILL" });
        const { stored, record, jobStatuses } = await storedFacts();
        // Exactly the applied batches are stored: whole batches, each row once.
        expect(record?.status).toBe("committing");
        expect(record?.rowsApplied).toBeGreaterThanOrEqual(threshold);
        expect(record?.rowsApplied).toBeGreaterThan(previousApplied);
        expect((record?.rowsApplied ?? 0) % BATCH).toBe(0);
        expect(stored).toEqual({ rows: record?.rowsApplied, keys: record?.rowsApplied });
        expect(record?.counts).toMatchObject({ created: record?.rowsApplied, rejected: 0 });
        expect(jobStatuses).toEqual(["running"]);
        previousApplied = record?.rowsApplied ?? 0;
      }

      const last = spawnEcostack([...args, "--json"], target.env);
      const exit = await last.exited;
      expect(exit, last.stderr()).toEqual({ code: 0, signal: null });
      const result = JSON.parse(last.stdout());
      expect(result).toMatchObject({
        status: "committed",
        resumed: true,
        rows: ROWS,
        created: ROWS,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      });
      const { stored, record, jobStatuses } = await storedFacts();
      expect(stored).toEqual({ rows: ROWS, keys: ROWS });
      expect(record).toMatchObject({ status: "committed", rowsApplied: ROWS, rowsTotal: ROWS });
      expect(jobStatuses).toEqual(["succeeded"]);
    },
    PROCESS_TEST_TIMEOUT * 5,
  );
});
