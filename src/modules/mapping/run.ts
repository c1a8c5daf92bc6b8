/**
 * Account mapping of one partner (`mapPartner`) and the `mapping.run` job that maps one partner
 * or every partner with an account list. A first run (or one after the engine settings changed)
 * matches both lists in full and replaces the partner's overlaps. Later runs are incremental:
 * only vendor and partner accounts changed since the last run's start are matched again against
 * the other side, their old overlaps deleted and the new ones inserted; every other overlap row
 * stays untouched (the engine's index API with full-list block counts makes those results equal
 * to a full run's). Deleted accounts take their overlaps with them (foreign-key cascade).
 * Idempotent: an interrupted run is simply run again (an interrupted full run starts over).
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { registerJobHandler } from "../jobs/registry.ts";
import { enqueueJob, type Job, toJob } from "../jobs/service.ts";
import { jobs } from "../jobs/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import {
  createMatchIndex,
  defaultSameThreshold,
  type Match,
  type MatchRecord,
  matchAccounts,
  matchAgainstIndex,
} from "./engine/match.ts";
import { countSide, databaseNow, readSide } from "./sources.ts";
import {
  deleteAllMatches,
  deleteMatchesOf,
  finishRun,
  insertMatches,
  type MappingSettings,
  markFullRunStarted,
  readMappingState,
} from "./store.ts";
import { accountMatches } from "./tables.ts";

export const MAPPING_RUN = "mapping.run";

/**
 * The engine settings a run used. Bump `engine` when the matching rules change: a partner mapped
 * with other settings is re-mapped in full, since its stored overlaps may no longer be what the
 * engine finds.
 */
export const mappingSettings: MappingSettings = { engine: "match-1", sameThreshold: defaultSameThreshold };

/** Progress of one partner's run, in per mille, with the phase it is in. */
export const PROGRESS_SCALE = 1000;

export type MapPartnerOptions = {
  /** Match both lists in full even when an incremental re-map would do. */
  full?: boolean;
  /** Called after each page read and batch written (done of total per mille); awaited, may throw to stop. */
  onProgress?: (done: number, total: number, phase: string) => void | Promise<void>;
};

export type MapPartnerResult = {
  /** Accounts on each side now. */
  vendorAccounts: number;
  partnerAccounts: number;
  /** Accounts matched again in this run (everything in a full run). */
  changedVendor: number;
  changedPartner: number;
  /** The partner's overlaps stored after the run. */
  same: number;
  related: number;
  full: boolean;
  phasesMs: Record<string, number>;
};

const sameSettings = (stored: Record<string, unknown>) =>
  stored.engine === mappingSettings.engine && stored.sameThreshold === mappingSettings.sameThreshold;

const pairKey = (m: Match) => `${m.leftId}|${m.rightId}`;

/** Pair order without building keys: a million matches sort in well under a second. */
const byPair = (a: Match, b: Match) =>
  a.leftId < b.leftId
    ? -1
    : a.leftId > b.leftId
      ? 1
      : a.rightId < b.rightId
        ? -1
        : a.rightId > b.rightId
          ? 1
          : 0;

/**
 * Matches of changed records on either side, each pair once (a pair may be found from both sides).
 * Each side is indexed once; the other side's index is passed as the counterpart so that block
 * caps see full-list counts, and the result for a changed record equals what a full run finds.
 */
function matchChanged(
  allVendor: readonly MatchRecord[],
  allPartner: readonly MatchRecord[],
  changed: { vendor: ReadonlySet<string>; partner: ReadonlySet<string> },
): Match[] {
  const sameThreshold = mappingSettings.sameThreshold;
  const vendorIndex = createMatchIndex(allVendor);
  const partnerIndex = createMatchIndex(allPartner);
  const found = new Map<string, Match>();
  const keep = (match: Match) => {
    if (!found.has(pairKey(match))) found.set(pairKey(match), match);
  };
  const vendorProbes = allVendor.filter((r) => changed.vendor.has(r.id));
  if (vendorProbes.length > 0) {
    const result = matchAgainstIndex(partnerIndex, vendorProbes, { sameThreshold, counterpart: vendorIndex });
    for (const match of [...result.same, ...result.related]) keep(match);
  }
  const partnerProbes = allPartner.filter((r) => changed.partner.has(r.id));
  if (partnerProbes.length > 0) {
    // Probing with partner records: leftId is the partner account, so turn each pair around.
    const result = matchAgainstIndex(vendorIndex, partnerProbes, {
      sameThreshold,
      counterpart: partnerIndex,
    });
    for (const match of [...result.same, ...result.related])
      keep({ ...match, leftId: match.rightId, rightId: match.leftId });
  }
  return [...found.values()];
}

async function countStored(db: Db, ctx: WorkspaceContext, partnerId: string) {
  const rows = await db
    .select({ kind: accountMatches.kind, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(accountMatches)
    .where(inWorkspace(accountMatches, ctx, eq(accountMatches.partnerId, partnerId)))
    .groupBy(accountMatches.kind);
  return {
    same: rows.find((r) => r.kind === "same")?.n ?? 0,
    related: rows.find((r) => r.kind === "related")?.n ?? 0,
  };
}

/** Maps one partner's account list against the vendor's accounts (see the file comment). */
export async function mapPartner(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  options: MapPartnerOptions = {},
): Promise<MapPartnerResult> {
  const [partner] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(inWorkspace(partners, ctx, eq(partners.id, partnerId)));
  if (!partner) throw notFound("Partner");
  const phasesMs: Record<string, number> = {};
  let clock = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phasesMs[phase] = Math.round((phasesMs[phase] ?? 0) + now - clock);
    clock = now;
  };
  const report = (share: number, phase: string) =>
    options.onProgress?.(Math.round(Math.min(1, share) * PROGRESS_SCALE), PROGRESS_SCALE, phase);

  const state = await readMappingState(db, ctx, partnerId);
  const startedAt = await databaseNow(db);
  const since = state?.mappedAt ?? null;
  const full = options.full === true || since === null || !sameSettings(state?.settings ?? {});
  const vendorTotal = await countSide(db, ctx, "vendor", partnerId);
  const partnerTotal = await countSide(db, ctx, "partner", partnerId);
  const toRead = Math.max(1, vendorTotal + partnerTotal);
  let read = 0;
  const reading = (phase: string) => {
    const before = read;
    return (count: number) => {
      read = before + count;
      return report((0.4 * read) / toRead, phase);
    };
  };
  await report(0, full ? "reading accounts" : "reading changed accounts");

  let matches: Match[];
  let changedVendor: number;
  let changedPartner: number;
  if (full) {
    await markFullRunStarted(db, ctx, partnerId);
    const vendor = await readSide(db, ctx, "vendor", partnerId, {}, reading("reading vendor accounts"));
    const theirs = await readSide(db, ctx, "partner", partnerId, {}, reading("reading partner accounts"));
    lap("read");
    await report(0.4, "matching");
    const result = matchAccounts(vendor, theirs, { sameThreshold: mappingSettings.sameThreshold });
    matches = [...result.same, ...result.related];
    lap("match");
    await report(0.6, "replacing overlaps");
    await deleteAllMatches(db, ctx, partnerId);
    changedVendor = vendor.length;
    changedPartner = theirs.length;
  } else {
    const changed = { changedAfter: since };
    const vendorChanged = await readSide(db, ctx, "vendor", partnerId, changed);
    const partnerChanged = await readSide(db, ctx, "partner", partnerId, changed);
    const anyChange = vendorChanged.length + partnerChanged.length > 0;
    // Both lists are read in full only when something changed: matching a changed record needs
    // the other side, and the block sizes of its own side (see matchChanged).
    const vendor = anyChange
      ? await readSide(db, ctx, "vendor", partnerId, {}, reading("reading vendor accounts"))
      : [];
    const theirs = anyChange
      ? await readSide(db, ctx, "partner", partnerId, {}, reading("reading partner accounts"))
      : [];
    lap("read");
    await report(0.4, "matching changed accounts");
    matches = anyChange
      ? matchChanged(vendor, theirs, {
          vendor: new Set(vendorChanged.map((r) => r.id)),
          partner: new Set(partnerChanged.map((r) => r.id)),
        })
      : [];
    lap("match");
    await report(0.6, "replacing overlaps of changed accounts");
    await deleteMatchesOf(db, ctx, partnerId, {
      vendor: vendorChanged.map((r) => r.id),
      partner: partnerChanged.map((r) => r.id),
    });
    changedVendor = vendorChanged.length;
    changedPartner = partnerChanged.length;
  }
  lap("delete");
  // Stored in pair order, so a re-run writes the same rows in the same order.
  matches.sort(byPair);
  await insertMatches(db, ctx, partnerId, matches, (written) =>
    report(0.6 + (0.4 * written) / Math.max(1, matches.length), "writing overlaps"),
  );
  lap("write");
  const stored = await countStored(db, ctx, partnerId);
  await finishRun(db, ctx, partnerId, {
    mappedAt: startedAt,
    settings: mappingSettings,
    stats: { ...stored, vendorAccounts: vendorTotal, partnerAccounts: partnerTotal, full },
  });
  lap("finish");
  await report(1, "done");
  return {
    vendorAccounts: vendorTotal,
    partnerAccounts: partnerTotal,
    changedVendor,
    changedPartner,
    ...stored,
    full,
    phasesMs,
  };
}

/** The partners a "map all" run covers: those with an account list, by name. */
export async function partnersWithAccountLists(db: Db, ctx: WorkspaceContext) {
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(
      inWorkspace(
        partners,
        ctx,
        sql`exists (select 1 from ${partnerAccounts} pa where pa.partner_id = ${partners.id})`,
      ),
    )
    .orderBy(asc(partners.name), asc(partners.id));
}

export type MappingTarget = { partnerId: string } | { all: true };

/**
 * Starts a mapping job, or returns the one already queued or running for the same target: two
 * runs of one partner at once would only redo each other's work.
 */
export async function enqueueMapping(db: Db, ctx: WorkspaceContext, target: MappingTarget): Promise<Job> {
  const targetSql =
    "partnerId" in target
      ? sql`${jobs.input}->>'partnerId' = ${target.partnerId}`
      : sql`${jobs.input}->>'all' = 'true'`;
  const [active] = await db
    .select()
    .from(jobs)
    .where(
      inWorkspace(
        jobs,
        ctx,
        eq(jobs.kind, MAPPING_RUN),
        targetSql,
        inArray(jobs.status, ["queued", "running"]),
      ),
    )
    .limit(1);
  if (active) return toJob(active);
  return enqueueJob(
    db,
    ctx,
    MAPPING_RUN,
    "partnerId" in target ? { partnerId: target.partnerId } : { all: true },
  );
}

registerJobHandler(MAPPING_RUN, async (run) => {
  const partnerId = typeof run.input.partnerId === "string" ? run.input.partnerId : undefined;
  if (!partnerId && run.input.all !== true)
    throw new Error("The job names no partner (input.partnerId or all).");
  const targets = partnerId
    ? await run.db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(inWorkspace(partners, run.ctx, eq(partners.id, partnerId)))
    : await partnersWithAccountLists(run.db, run.ctx);
  if (partnerId && targets.length === 0) throw new Error("The partner no longer exists.");
  const total = Math.max(1, targets.length) * PROGRESS_SCALE;
  await run.reportProgress(0, total, `Mapping ${targets.length} partner${targets.length === 1 ? "" : "s"}`);
  const mapped: Record<string, unknown>[] = [];
  // Each partner's run is idempotent and incremental, so a resumed job simply goes through the
  // list again: partners finished before the restart have nothing left to do.
  for (const [index, target] of targets.entries()) {
    const result = await mapPartner(run.db, run.ctx, target.id, {
      onProgress: (done, _total, phase) =>
        run.reportProgress(index * PROGRESS_SCALE + done, total, `${target.name}: ${phase}`),
    });
    mapped.push({ partnerId: target.id, partnerName: target.name, ...result });
  }
  return { partners: mapped };
});
