/**
 * Account-mapping benchmark (`npm run bench:mapping -- --size 10k|100k|1m [--json] [--seed N]
 * [--no-baseline] [--no-job]`).
 *
 * 1. Generates (once, cached under $BENCH_DIR or /tmp/ecostack-bench, in a child process) a vendor and
 *    a partner list of the given size with ground truth (bench/mapping-generator.ts).
 * 2. Engine: CSV → overlap list in process, timed per phase (parse, normalise, block, score, store),
 *    peak RSS, candidate pairs, blocking recall, precision / recall / F1 for same and related.
 * 3. Baseline in the same run: PostgreSQL exact domain join + pg_trgm name similarity within country
 *    (bench/mapping-baseline.ts) over the same files, in a fresh database.
 * 4. Job: the product's mapPartner from stored accounts to stored overlaps, and an incremental re-map
 *    after 1% of the records changed (bench/mapping-job.ts), in another fresh database.
 * PostgreSQL: TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/test (databases are created and dropped).
 * Prints a table, PASS/FAIL per target, and with --json the last line is one JSON object.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { openPostgres } from "../src/db/client.ts";
import { randomToken } from "../src/modules/identity/secrets.ts";
import { type BaselineRun, runBaseline } from "./mapping-baseline.ts";
import { runEngine } from "./mapping-engine.ts";
import { blockingRecall, evaluatePairs, overlapMatrix, readTruth } from "./mapping-evaluate.ts";
import type { GeneratedFiles } from "./mapping-generator.ts";
import { type JobRun, runJob } from "./mapping-job.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const sizeLabel = option("size", "10k").toLowerCase();
const size =
  Number.parseFloat(sizeLabel) * (sizeLabel.endsWith("m") ? 1_000_000 : sizeLabel.endsWith("k") ? 1_000 : 1);
if (!Number.isFinite(size) || size < 1) {
  console.error(`ecostack: --size must look like 10k, 100k or 1m (got ${sizeLabel})`);
  process.exit(1);
}
const seed = Number(option("seed", "42"));
const asJson = flag("json");
const benchDir = process.env.BENCH_DIR ?? "/tmp/ecostack-bench";
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";
const log = (line: string) => process.stderr.write(`${line}\n`);

function generate(): GeneratedFiles {
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("./mapping-generator.ts", import.meta.url).pathname,
      String(size),
      String(seed),
      benchDir,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`generator failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as GeneratedFiles;
}

async function withDatabase<T>(work: (client: pg.Client, url: string) => Promise<T>): Promise<T> {
  const name = `ecostack_mapbench_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, url.toString());
  } finally {
    await client.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

log(`bench:mapping size ${size} × ${size}, seed ${seed}`);
const files = generate();
const engine = runEngine(files.vendorPath, files.partnerPath, join(files.dir, "engine-overlaps.csv"));
const truth = readTruth(files.truthPath);
const vendorIndex = new Map(engine.vendor.map((row, i) => [row.id, i]));
const partnerIndex = new Map(engine.partner.map((row, i) => [row.id, i]));
const engineSame = evaluatePairs(truth, engine.result.same, "same");
const engineRelated = evaluatePairs(truth, engine.result.related, "related");
const recallOfBlocking = blockingRecall(truth, vendorIndex, partnerIndex, engine.candidates);
const statusOf = new Map<string, string>();
for (const row of [...engine.vendor, ...engine.partner]) statusOf.set(row.id, row.status);
const matrix = overlapMatrix(truth, statusOf, engine.result.same);
log(`engine: ${engine.totalMs} ms ${JSON.stringify(engine.phasesMs)}, peak RSS ${engine.peakRssMb} MB`);
log(
  `engine CPU per phase (ms, steadier than wall time on a shared machine): ${JSON.stringify(engine.phasesCpuMs)}`,
);

let baseline: BaselineRun | null = null;
if (!flag("no-baseline")) {
  log("baseline: PostgreSQL domain join + pg_trgm within country …");
  baseline = await withDatabase((client) => runBaseline(client, files.vendorPath, files.partnerPath));
  log(`baseline: ${baseline.totalMs === null ? baseline.error : `${baseline.totalMs} ms`}`);
}
const baselineSame =
  baseline && baseline.totalMs !== null ? evaluatePairs(truth, baseline.pairs, "same") : null;

let job: JobRun | null = null;
if (!flag("no-job")) {
  log("job: mapPartner from stored accounts to stored overlaps …");
  job = await withDatabase(async (client, url) => {
    const database = openPostgres(url);
    try {
      await database.migrate();
      return await runJob(database, client, files.vendorPath, files.partnerPath);
    } catch (error) {
      return {
        totalMs: null,
        remapMs: null,
        changedRecords: 0,
        same: null,
        related: null,
        error: String((error as Error).message ?? error).slice(0, 300),
      };
    } finally {
      await database.close();
    }
  });
  log(
    `job: ${job.totalMs ?? "failed"} ms, re-map ${job.remapMs ?? "-"} ms (cold ${job.remapColdMs ?? "-"} ms)${job.error ? ` (${job.error})` : ""}`,
  );
}

const summary = {
  size: sizeLabel,
  engine: {
    totalMs: engine.totalMs,
    phasesMs: engine.phasesMs,
    peakRssMb: engine.peakRssMb,
    candidatePairs: engine.candidates.length,
    blockingRecall: recallOfBlocking,
    same: { precision: engineSame.precision, recall: engineSame.recall, f1: engineSame.f1 },
    related: { precision: engineRelated.precision, recall: engineRelated.recall, f1: engineRelated.f1 },
  },
  job: {
    totalMs: job?.totalMs ?? null,
    remapMs: job?.remapMs ?? null,
    remapColdMs: job?.remapColdMs ?? null,
  },
  baseline: {
    totalMs: baseline?.totalMs ?? null,
    same: baselineSame
      ? { precision: baselineSame.precision, recall: baselineSame.recall, f1: baselineSame.f1 }
      : null,
  },
};

// Keep the last result per size so the scaling slope can be computed across runs.
const resultsPath = join(benchDir, "mapping-results.json");
const results: Record<string, { pairs: number; totalMs: number }> = existsSync(resultsPath)
  ? JSON.parse(readFileSync(resultsPath, "utf8"))
  : {};
results[String(size)] = { pairs: size * size, totalMs: engine.totalMs };
writeFileSync(resultsPath, JSON.stringify(results, null, 2));
const measuredSizes = Object.keys(results)
  .map(Number)
  .sort((a, b) => a - b);
const smallest = measuredSizes[0];
const largest = measuredSizes.at(-1);
/** log-log slope of time against records per side (1 = linear in the list sizes). */
const slope =
  smallest !== undefined && largest !== undefined && largest > smallest
    ? Math.log((results[String(largest)]?.totalMs ?? 1) / (results[String(smallest)]?.totalMs ?? 1)) /
      Math.log(largest / smallest)
    : null;

console.table([
  {
    run: "engine (CSV → overlap list)",
    totalMs: engine.totalMs,
    ...engine.phasesMs,
    peakRssMb: engine.peakRssMb,
    candidates: engine.candidates.length,
    blockingRecall: recallOfBlocking,
    sameP: engineSame.precision,
    sameR: engineSame.recall,
    sameF1: engineSame.f1,
    relP: engineRelated.precision,
    relR: engineRelated.recall,
    relF1: engineRelated.f1,
  },
  {
    run: "baseline (PostgreSQL domain + pg_trgm)",
    totalMs: baseline?.totalMs ?? null,
    sameP: baselineSame?.precision ?? null,
    sameR: baselineSame?.recall ?? null,
    sameF1: baselineSame?.f1 ?? null,
  },
  { run: "job mapPartner (stored → stored)", totalMs: job?.totalMs ?? null },
  { run: "job re-map after 1% changed", totalMs: job?.remapMs ?? null },
  { run: "job re-map after 1% changed, cold", totalMs: job?.remapColdMs ?? null },
]);
console.table(matrix.map((cell) => ({ ...cell, missed: cell.expected - cell.found })));
log(
  `truth: ${truth.sameTotal} same pairs, ${truth.relatedTotal} related pairs; engine found ${engineSame.found} same (${engineSame.correct} right), ${engineRelated.found} related (${engineRelated.correct} right)`,
);

const verdict = (label: string, pass: boolean | null, detail: string) =>
  log(`${pass === null ? "n/a " : pass ? "PASS" : "FAIL"}: ${label} (${detail})`);
if (size === 1_000_000) {
  verdict("1M × 1M engine ≤ 30 s", engine.totalMs <= 30_000, `${engine.totalMs} ms`);
  verdict("peak RSS ≤ 4 GB", engine.peakRssMb <= 4096, `${engine.peakRssMb} MB`);
  verdict("job ≤ 90 s", job?.totalMs == null ? null : job.totalMs <= 90_000, `${job?.totalMs ?? "-"} ms`);
}
verdict(
  "same precision ≥ 0.995 and recall ≥ 0.97",
  engineSame.precision >= 0.995 && engineSame.recall >= 0.97,
  `P ${engineSame.precision} R ${engineSame.recall}`,
);
if (baseline) {
  const ratio = baseline.totalMs === null ? null : baseline.totalMs / engine.totalMs;
  verdict(
    "≥ 10× faster than the baseline with F1 at least as high",
    ratio === null ? engineSame.f1 >= 0 : ratio >= 10 && engineSame.f1 >= (baselineSame?.f1 ?? 0),
    `${ratio === null ? "baseline did not finish" : `${ratio.toFixed(1)}×`}, F1 ${engineSame.f1} vs ${baselineSame?.f1 ?? "-"}`,
  );
}
if (size === 100_000 && job)
  verdict(
    "re-map after 1% changed ≤ 2 s",
    job.remapMs == null ? null : job.remapMs <= 2_000,
    `${job.remapMs ?? "-"} ms`,
  );
verdict(
  "near-linear scaling: log-log slope ≤ 1.15",
  slope === null ? null : slope <= 1.15,
  slope === null
    ? "needs runs at two sizes"
    : `${slope.toFixed(3)} from ${smallest} to ${largest} records per side, last run of each (${resultsPath})`,
);
if (asJson) console.log(JSON.stringify(summary));
