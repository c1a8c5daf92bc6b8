/**
 * Account mapping of one partner (`mapPartner`); the `mapping.run` job that maps one partner or
 * every partner with an account list is job.ts. A first run (or one after the engine settings changed)
 * matches both lists in full and replaces the partner's overlaps. Later runs are incremental:
 * only vendor and partner accounts changed since the last run's start are matched again against
 * the other side, their old overlaps deleted and the new ones inserted; every other overlap row
 * stays untouched (the engine's index API with full-list block counts makes those results equal
 * to a full run's). Deleted accounts take their overlaps with them (foreign-key cascade).
 * Idempotent: an interrupted run is simply run again (an interrupted full run starts over).
 *
 * A run leaves both sides' prepared records (and indexes) in this process's warm index
 * (warm-index.ts). The next incremental run, when the partner's stored state is still the one the
 * warm index reflects, reads only the changed records (and, when a side's count says some were
 * deleted, that side's ids), prepares only those and probes them against the warm sides; otherwise
 * (a restart, another process mapped the partner) it reads both lists in full, the cold way.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { partners } from "../partners/tables.ts";
import { createIndexFromPrepared, type MatchIndex, prepareAll } from "./engine/blocking.ts";
import {
  defaultSameThreshold,
  type Match,
  type MatchRecord,
  matchAgainstIndex,
  matchPreparedLists,
  type PreparedRecord,
  prepareRecord,
} from "./engine/match.ts";
import { type AccountSide, countSide, databaseNow, forEachPage, readSide, readSideIds } from "./sources.ts";
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
import { fitsWarmIndex, keepWarmIndex, takeWarmIndex, type WarmEntry } from "./warm-cache.ts";
import { matchChangedWarm, WarmSide } from "./warm-index.ts";

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
  /** An incremental run that used this process's warm index (read and prepared only the changes). */
  warmIndex: boolean;
  phasesMs: Record<string, number>;
};

/** The settings as the warm index records them. */
const settingsKey = JSON.stringify(mappingSettings);

const sameSettings = (stored: Record<string, unknown>) =>
  stored.engine === mappingSettings.engine && stored.sameThreshold === mappingSettings.sameThreshold;

/**
 * Collects matches found by probing either side, each pair once (a pair may be found from both
 * sides; the first finding is kept). Pairs found by probing partner records come as
 * (partner, vendor) and are turned around.
 */
function pairCollector() {
  const found = new Map<string, Match>();
  return {
    add(matches: Iterable<Match>, probedSide: AccountSide) {
      for (const match of matches) {
        const pair =
          probedSide === "vendor" ? match : { ...match, leftId: match.rightId, rightId: match.leftId };
        const key = `${pair.leftId}|${pair.rightId}`;
        if (!found.has(key)) found.set(key, pair);
      }
    },
    matches: () => [...found.values()],
  };
}

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
 * A full comparison of the two prepared lists: the steps of the engine's matchAccounts (which takes
 * raw records and would prepare both lists again; the run keeps the prepared ones for the warm
 * index). Keep in step with matchAccounts.
 */
function matchFull(vendor: readonly PreparedRecord[], partner: readonly PreparedRecord[]): Match[] {
  const result = matchPreparedLists(vendor, partner, { sameThreshold: mappingSettings.sameThreshold });
  return [...result.same, ...result.related];
}

/**
 * Matches of changed records on either side, each pair once, from indexes over both whole lists:
 * the other side's index is passed as the counterpart so that block caps see full-list counts, and
 * the result for a changed record equals what a full run finds.
 */
function matchChanged(
  vendorIndex: MatchIndex,
  partnerIndex: MatchIndex,
  probes: { vendor: readonly MatchRecord[]; partner: readonly MatchRecord[] },
): Match[] {
  const sameThreshold = mappingSettings.sameThreshold;
  const found = pairCollector();
  if (probes.vendor.length > 0) {
    const result = matchAgainstIndex(partnerIndex, probes.vendor, {
      sameThreshold,
      counterpart: vendorIndex,
    });
    found.add([...result.same, ...result.related], "vendor");
  }
  if (probes.partner.length > 0) {
    const result = matchAgainstIndex(vendorIndex, probes.partner, {
      sameThreshold,
      counterpart: partnerIndex,
    });
    found.add([...result.same, ...result.related], "partner");
  }
  return found.matches();
}

/**
 * The warm way of an incremental run: the changed records are applied to the cached sides (deleted
 * ones found by the side's count, then its ids) and probed against the other side's overlay.
 * Returns null, touching nothing, when the database holds a record the cache never saw and that is
 * not among the changed ones (it can only be a record changed after they were read): the caller
 * then goes the cold way.
 */
async function matchWarm(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  entry: WarmEntry,
  changed: Record<AccountSide, readonly MatchRecord[]>,
  totals: Record<AccountSide, number>,
): Promise<Match[] | null> {
  const plan = {} as Record<AccountSide, { present: readonly MatchRecord[]; removed: string[] }>;
  for (const side of ["vendor", "partner"] as const) {
    const cached = entry[side];
    const records = changed[side];
    let added = 0;
    for (const record of records) if (!cached.has(record.id)) added += 1;
    if (cached.size + added === totals[side]) {
      plan[side] = { present: records, removed: [] };
      continue;
    }
    // Fewer records than the cache and the changes account for: some were deleted.
    const ids = new Set(await readSideIds(db, ctx, side, partnerId));
    const changedIds = new Set(records.map((r) => r.id));
    for (const id of ids) if (!changedIds.has(id) && !cached.has(id)) return null;
    const removed: string[] = [];
    for (const id of cached.ids()) if (!ids.has(id)) removed.push(id);
    const present = records.filter((r) => ids.has(r.id));
    for (const record of records) if (!ids.has(record.id)) removed.push(record.id);
    plan[side] = { present, removed };
  }
  const probes = {
    vendor: prepareAll(plan.vendor.present),
    partner: prepareAll(plan.partner.present),
  };
  entry.vendor.apply(probes.vendor, plan.vendor.removed);
  entry.partner.apply(probes.partner, plan.partner.removed);
  const result = matchChangedWarm(
    entry.vendor,
    entry.partner,
    { left: probes.vendor, right: probes.partner },
    mappingSettings.sameThreshold,
  );
  const found = pairCollector();
  found.add(result.left, "vendor");
  found.add(result.right, "partner");
  return found.matches();
}

/**
 * Every record of one side, prepared page by page while the database reads the next page. Records
 * whose id is in `keep` are also collected, as read, into `kept`.
 */
async function readPrepared(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  onRead: (read: number) => Promise<void> | void,
  keep?: ReadonlySet<string>,
  kept?: MatchRecord[],
): Promise<PreparedRecord[]> {
  const prepared: PreparedRecord[] = [];
  await forEachPage(db, ctx, side, partnerId, {}, async (page, read) => {
    for (const record of page) {
      prepared.push(prepareRecord(record));
      if (keep?.has(record.id)) kept?.push(record);
    }
    await onRead(read);
  });
  return prepared;
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
  // The run owns the partner's warm index while it works; a full run or a stale one drops it.
  const cached = takeWarmIndex(ctx.workspaceId, partnerId);
  const warmEntry =
    !full && cached && cached.mappedAt === since && cached.settings === settingsKey ? cached : undefined;
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
  let warmIndex = false;
  /** Builds the warm index to keep after the run, when the lists fit the cache. */
  let fillCache: (() => Pick<WarmEntry, "vendor" | "partner">) | null = null;
  if (full) {
    await markFullRunStarted(db, ctx, partnerId);
    const vendor = await readPrepared(db, ctx, "vendor", partnerId, reading("reading vendor accounts"));
    const theirs = await readPrepared(db, ctx, "partner", partnerId, reading("reading partner accounts"));
    lap("read");
    await report(0.4, "matching");
    matches = matchFull(vendor, theirs);
    lap("match");
    // Neither side is indexed by a full run: the warm sides scan until indexing pays (warm-index.ts).
    if (fitsWarmIndex(vendor.length + theirs.length))
      fillCache = () => ({ vendor: WarmSide.deferred(vendor), partner: WarmSide.deferred(theirs) });
    await report(0.6, "replacing overlaps");
    await deleteAllMatches(db, ctx, partnerId);
    changedVendor = vendor.length;
    changedPartner = theirs.length;
  } else {
    const changedAfter = { changedAfter: since };
    const vendorChanged = await readSide(db, ctx, "vendor", partnerId, changedAfter);
    const partnerChanged = await readSide(db, ctx, "partner", partnerId, changedAfter);
    const anyChange = vendorChanged.length + partnerChanged.length > 0;
    lap("read");
    const warmMatches = warmEntry
      ? await matchWarm(
          db,
          ctx,
          partnerId,
          warmEntry,
          { vendor: vendorChanged, partner: partnerChanged },
          { vendor: vendorTotal, partner: partnerTotal },
        )
      : null;
    if (warmEntry && warmMatches) {
      warmIndex = true;
      matches = warmMatches;
      lap("match");
      fillCache = () => ({ vendor: warmEntry.vendor.compacted(), partner: warmEntry.partner.compacted() });
    } else if (anyChange) {
      // The cold way: both lists are read in full, since matching a changed record needs the
      // other side, and the block sizes of its own side (see matchChanged).
      const vendorProbes: MatchRecord[] = [];
      const partnerProbes: MatchRecord[] = [];
      const vendor = await readPrepared(
        db,
        ctx,
        "vendor",
        partnerId,
        reading("reading vendor accounts"),
        new Set(vendorChanged.map((r) => r.id)),
        vendorProbes,
      );
      const theirs = await readPrepared(
        db,
        ctx,
        "partner",
        partnerId,
        reading("reading partner accounts"),
        new Set(partnerChanged.map((r) => r.id)),
        partnerProbes,
      );
      lap("read");
      await report(0.4, "matching changed accounts");
      const vendorIndex = createIndexFromPrepared(vendor);
      const partnerIndex = createIndexFromPrepared(theirs);
      matches = matchChanged(vendorIndex, partnerIndex, { vendor: vendorProbes, partner: partnerProbes });
      lap("match");
      if (fitsWarmIndex(vendor.length + theirs.length))
        fillCache = () => ({
          vendor: WarmSide.fromIndex(vendorIndex),
          partner: WarmSide.fromIndex(partnerIndex),
        });
    } else {
      matches = [];
      lap("match");
    }
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
  if (fillCache) {
    // Kept only once the run is stored: an entry always reflects a completed run's mappedAt.
    keepWarmIndex({
      workspaceId: ctx.workspaceId,
      partnerId,
      mappedAt: startedAt,
      settings: settingsKey,
      ...fillCache(),
    });
    lap("cache");
  }
  await report(1, "done");
  return {
    vendorAccounts: vendorTotal,
    partnerAccounts: partnerTotal,
    changedVendor,
    changedPartner,
    ...stored,
    full,
    warmIndex,
    phasesMs,
  };
}
