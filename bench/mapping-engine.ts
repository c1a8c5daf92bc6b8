/**
 * The engine side of the mapping benchmark: CSV → records → prepared records → blocks and candidate
 * pairs → scored overlaps → overlap list on disk, each phase timed.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { type CandidatePairs, prepareAll } from "../src/modules/mapping/engine/blocking.ts";
import { candidatesOfLists } from "../src/modules/mapping/engine/list-join.ts";
import { type MatchResult, scoreCandidates } from "../src/modules/mapping/engine/match.ts";
import { type AccountRow, readAccounts } from "./mapping-csv.ts";

export interface EngineRun {
  phasesMs: { parse: number; normalise: number; block: number; score: number; store: number };
  /** CPU time per phase (user + system, all threads): steadier than wall time on a shared machine. */
  phasesCpuMs: Record<string, number>;
  totalMs: number;
  peakRssMb: number;
  vendor: AccountRow[];
  partner: AccountRow[];
  candidates: CandidatePairs;
  result: MatchResult;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function runEngine(vendorPath: string, partnerPath: string, overlapsPath: string): EngineRun {
  const started = performance.now();
  let mark = started;
  let cpuMark = process.cpuUsage();
  const phasesCpuMs: Record<string, number> = {};
  const lap = (phase: string) => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    const cpu = process.cpuUsage(cpuMark);
    phasesCpuMs[phase] = Math.round((cpu.user + cpu.system) / 1000);
    cpuMark = process.cpuUsage();
    return ms;
  };
  const vendor = readAccounts(vendorPath);
  const partner = readAccounts(partnerPath);
  const parse = lap("parse");
  const preparedVendor = prepareAll(vendor);
  const preparedPartner = prepareAll(partner);
  const normalise = lap("normalise");
  const { candidates, fingerprints } = candidatesOfLists(preparedVendor, preparedPartner);
  const block = lap("block");
  const result = scoreCandidates(
    preparedVendor,
    { records: preparedPartner },
    candidates,
    undefined,
    fingerprints,
  );
  const score = lap("score");
  const fd = openSync(overlapsPath, "w");
  writeSync(fd, "vendor_id,partner_id,kind,score,explanation\n");
  const all = [...result.same, ...result.related];
  for (let at = 0; at < all.length; at += 20_000) {
    let chunk = "";
    for (const m of all.slice(at, at + 20_000))
      chunk += `${m.leftId},${m.rightId},${m.kind},${m.score},${csvCell(m.evidence.join("; "))}\n`;
    writeSync(fd, chunk);
  }
  closeSync(fd);
  const store = lap("store");
  return {
    phasesMs: { parse, normalise, block, score, store },
    phasesCpuMs,
    totalMs: Math.round(performance.now() - started),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    vendor,
    partner,
    candidates,
    result,
  };
}
