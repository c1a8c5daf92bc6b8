/**
 * Reader-only throughput for the import benchmark: streams a CSV file through `readCsv`
 * (decode + delimiter detection + parse + line numbers) and counts the rows, nothing else.
 * Standalone: node --import tsx bench/import-reader.ts FILE.csv
 */
import { createReadStream, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { readCsv } from "../src/modules/imports/reader/read.ts";

export interface ReaderThroughput {
  rows: number;
  raggedRows: number;
  lastLine: number;
  seconds: number;
  /** CPU time of this process: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  mbPerSecond: number;
  mbPerCpuSecond: number;
  rowsPerSecond: number;
}

export async function measureReader(path: string): Promise<ReaderThroughput> {
  const bytes = statSync(path).size;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const reader = await readCsv(createReadStream(path, { highWaterMark: 1 << 20 }));
  let rows = 0;
  let raggedRows = 0;
  let lastLine = 0;
  for await (const row of reader.rows) {
    rows++;
    if ("error" in row) raggedRows++;
    lastLine = row.line;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    rows,
    raggedRows,
    lastLine,
    seconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(1)),
    mbPerCpuSecond: Number((bytes / 1e6 / cpuSeconds).toFixed(1)),
    rowsPerSecond: Math.round(rows / seconds),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error("usage: bench/import-reader.ts FILE.csv");
  console.log(JSON.stringify(await measureReader(path)));
}
