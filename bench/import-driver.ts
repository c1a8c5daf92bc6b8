/**
 * One import of the benchmark file through the product's `importFile`, in its own process so its
 * peak RSS is its own (started by bench/import.ts; not meant to be run by hand).
 *
 *   node --import tsx bench/import-driver.ts postgres URL FILE
 *   node --import tsx bench/import-driver.ts pglite DATA_DIR FILE
 *
 * Opens the (fresh) database, migrates it and makes a workspace outside the measurement, then
 * times `importFile` end to end and prints one JSON line: rows/s, CPU seconds, peak RSS (the
 * kernel's high-water mark, and the highest 50 ms sample), the job's phases and the row count
 * found in the accounts table afterwards.
 */
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { type Database, openEmbedded, openPostgres } from "../src/db/client.ts";
import "../src/jobs/handlers.ts";
import { accounts } from "../src/modules/accounts/tables.ts";
import { importFile } from "../src/modules/imports/import-file.ts";
import { makeWorkspace } from "../src/test/factories.ts";
import { ServerCpuMeter } from "./import-server-cpu.ts";

export interface DriverResult {
  driver: "postgres" | "pglite";
  status: string;
  error: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Accounts of the workspace counted in the table after the import. */
  accountsInTable: number;
  seconds: number;
  /** This process's CPU time during the import. */
  cpuSeconds: number;
  /** CPU time of the PostgreSQL backends during the import (null for PGlite: it is in-process). */
  serverCpuSeconds: number | null;
  rowsPerSecond: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
  phasesMs: { parse: number; validate: number; write: number };
}

const [driver, location, filePath] = process.argv.slice(2);
if ((driver !== "postgres" && driver !== "pglite") || !location || !filePath) {
  throw new Error("usage: import-driver.ts postgres|pglite URL|DATA_DIR FILE");
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
let sampledPeak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 50);

const database: Database = driver === "postgres" ? openPostgres(location) : await openEmbedded(location);
try {
  await database.migrate();
  const { workspace } = await makeWorkspace(database.db);
  const ctx = { workspaceId: workspace.id, role: "owner" as const, actor: { kind: "cli" as const } };
  const server = driver === "postgres" ? new ServerCpuMeter(new URL(location).pathname.slice(1)) : null;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const result = await importFile(database, ctx, { entity: "account", filePath });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const serverCpuSeconds = server?.stop() ?? null;
  clearInterval(sampler);
  const [counted] = await database.db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(accounts)
    .where(eq(accounts.workspaceId, workspace.id));
  const output: DriverResult = {
    driver,
    status: result.status,
    error: result.error,
    rows: result.rows,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    accountsInTable: counted?.n ?? 0,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    serverCpuSeconds,
    rowsPerSecond: Math.round(result.rows / seconds),
    // ru_maxrss is in kilobytes on Linux: the true peak, including what 50 ms sampling misses.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    sampledPeakRssMb: megabytes(sampledPeak),
    phasesMs: result.phasesMs,
  };
  console.log(JSON.stringify(output));
} finally {
  clearInterval(sampler);
  await database.close();
}
