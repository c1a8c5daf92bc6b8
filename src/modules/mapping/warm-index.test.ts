/**
 * The warm index: its overlay (tombstones + delta) probes exactly like an index over the current
 * lists, and an incremental re-map through it stores what the cold re-map stores and what a full
 * comparison of the current lists finds for the changed records, over rounds of random inserts,
 * updates and deletes on both sides.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { makeWorkspace } from "../../test/factories.ts";
import { accounts } from "../accounts/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { prepareAll } from "./engine/blocking.ts";
import {
  createMatchIndex,
  type Match,
  type MatchRecord,
  matchAccounts,
  matchAgainstIndex,
} from "./engine/match.ts";
import { mapPartner, mappingSettings } from "./run.ts";
import { readSide } from "./sources.ts";
import { accountMatches, partnerMappingState } from "./tables.ts";
import {
  clearWarmIndexes,
  keepWarmIndex,
  takeWarmIndex,
  type WarmEntry,
  warmIndexLimit,
  warmIndexRecords,
} from "./warm-cache.ts";
import { matchChangedWarm, WarmSide } from "./warm-index.ts";

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)] as T;
  return { next, int, pick };
}

type Random = ReturnType<typeof random>;

// A few words shared by many names (their blocks sit around the caps), more shared by a handful,
// and legal forms, domains and countries drawn from small sets so exact keys collide too.
const common = ["global", "nordic", "data", "systems", "cloud"];
const rare = [
  "acme",
  "borealis",
  "cobalt",
  "delta",
  "evergreen",
  "fjord",
  "granite",
  "harbor",
  "iris",
  "juniper",
  "kestrel",
  "lumen",
  "meridian",
  "nimbus",
  "orion",
  "pioneer",
  "quartz",
  "riverside",
  "summit",
  "tundra",
  "umbra",
  "vertex",
  "willow",
  "zenith",
];
const forms = ["", " Inc", " GmbH", " AB", " Ltd", " Holdings"];
const countries = [null, "US", "DE", "SE", "GB"];

function randomAccount(rng: Random): Omit<MatchRecord, "id"> {
  const words = [rng.pick(rare)];
  if (rng.next() < 0.8) words.push(rng.pick(common));
  if (rng.next() < 0.3) words.push(rng.pick(rare));
  if (rng.next() < 0.15) words[0] = `${words[0]}${rng.pick(["s", "x", ""])}`;
  const name = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(" ") + rng.pick(forms);
  const website = rng.next() < 0.4 ? `https://www.${words.join("-")}.example` : null;
  return { name, website, country: rng.pick(countries) };
}

const pairKey = (m: { leftId: string; rightId: string }) => `${m.leftId}|${m.rightId}`;
const sorted = (matches: readonly Match[]) =>
  [...matches].sort((a, b) => (pairKey(a) < pairKey(b) ? -1 : pairKey(a) > pairKey(b) ? 1 : 0));

describe("WarmSide overlay", () => {
  // Small caps so that a handful of changes moves blocks across them.
  const caps = { maxBlockPairs: 12, maxTypoBlockPairs: 6, maxExactBlockPairs: 30 };
  const threshold = mappingSettings.sameThreshold;

  it("probes like a fresh index over the current lists, through random changes and rebuilds", () => {
    const rng = random(7);
    let serial = 0;
    const fresh = (prefix: string): MatchRecord => ({
      id: `${prefix}${String(serial++).padStart(5, "0")}`,
      ...randomAccount(rng),
    });
    const lists = {
      left: new Map<string, MatchRecord>(),
      right: new Map<string, MatchRecord>(),
    };
    for (let i = 0; i < 80; i += 1) {
      const l = fresh("l");
      lists.left.set(l.id, l);
      const r = fresh("r");
      lists.right.set(r.id, r);
    }
    let sides = {
      // One side scanned until indexed (as a full run leaves the vendor side), one indexed.
      left: WarmSide.deferred(prepareAll([...lists.left.values()])),
      right: WarmSide.of(prepareAll([...lists.right.values()])),
    };
    let rebuilds = 0;
    const modes = new Set<string>();
    for (let round = 0; round < 25; round += 1) {
      const changed = { left: [] as MatchRecord[], right: [] as MatchRecord[] };
      const removed = { left: [] as string[], right: [] as string[] };
      for (const side of ["left", "right"] as const) {
        const list = lists[side];
        const ops = 1 + rng.int(6);
        for (let op = 0; op < ops; op += 1) {
          const ids = [...list.keys()];
          const kind = rng.int(3);
          if (kind === 0 || ids.length < 10) {
            const record = fresh(side[0] as string);
            list.set(record.id, record);
            changed[side].push(record);
          } else if (kind === 1) {
            const id = rng.pick(ids);
            // Sometimes a copy of another record's name: more exact keys in common.
            const from = rng.next() < 0.3 ? (list.get(rng.pick(ids)) as MatchRecord) : randomAccount(rng);
            const record: MatchRecord = { ...from, id };
            list.set(id, record);
            changed[side] = changed[side].filter((r) => r.id !== id);
            changed[side].push(record);
          } else {
            const id = rng.pick(ids);
            list.delete(id);
            changed[side] = changed[side].filter((r) => r.id !== id);
            removed[side].push(id);
          }
        }
        sides[side].apply(prepareAll(changed[side]), removed[side]);
        expect(sides[side].size).toBe(list.size);
        expect([...sides[side].ids()].sort()).toEqual([...list.keys()].sort());
      }
      const leftIndex = createMatchIndex([...lists.left.values()]);
      const rightIndex = createMatchIndex([...lists.right.values()]);
      const expectedLeft = matchAgainstIndex(rightIndex, changed.left, {
        ...caps,
        sameThreshold: threshold,
        counterpart: leftIndex,
      });
      const expectedRight = matchAgainstIndex(leftIndex, changed.right, {
        ...caps,
        sameThreshold: threshold,
        counterpart: rightIndex,
      });
      const warm = matchChangedWarm(
        sides.left,
        sides.right,
        { left: prepareAll(changed.left), right: prepareAll(changed.right) },
        threshold,
        caps,
      );
      modes.add(`left ${sides.left.indexed ? "indexed" : "scanned"}`);
      modes.add(`right ${sides.right.indexed ? "indexed" : "scanned"}`);
      const warmLeft = warm.left;
      const warmRight = warm.right;
      expect(sorted(warmLeft)).toEqual(sorted([...expectedLeft.same, ...expectedLeft.related]));
      expect(sorted(warmRight)).toEqual(sorted([...expectedRight.same, ...expectedRight.related]));
      // Every third round: probe every current record, which crosses every cap that exists.
      if (round % 3 === 2) {
        const all = [...lists.left.values()];
        const expectedAll = matchAgainstIndex(rightIndex, all, {
          ...caps,
          sameThreshold: threshold,
          counterpart: leftIndex,
        });
        const probed = matchChangedWarm(
          sides.left,
          sides.right,
          { left: prepareAll(all), right: [] },
          threshold,
          caps,
        );
        expect(sorted(probed.left)).toEqual(sorted([...expectedAll.same, ...expectedAll.related]));
      }
      const next = { left: sides.left.compacted(), right: sides.right.compacted() };
      if (next.left !== sides.left || next.right !== sides.right) rebuilds += 1;
      sides = next;
    }
    expect(rebuilds).toBeGreaterThan(0);
    expect([...modes].sort()).toEqual(["left indexed", "left scanned", "right indexed", "right scanned"]);
  });

  it("counts blocks of the current records: base minus tombstones plus delta", () => {
    const a = { id: "a", name: "Nordic Data AB" };
    const b = { id: "b", name: "Nordic Cloud AB" };
    const c = { id: "c", name: "Nordic Energy AB" };
    // Not in id order: positions come from a map instead of a binary search.
    const side = WarmSide.of(prepareAll([b, a]));
    const index = createMatchIndex([a, b, c]);
    const nordic = index.keyHashes.find((h) => side.count(h) === 2 && index.keys.get(h) >= 0);
    expect(nordic).toBeDefined();
    side.apply(prepareAll([c]), ["a"]);
    expect(side.count(nordic as number)).toBe(2);
    side.apply([], ["b", "c"]);
    expect(side.count(nordic as number)).toBe(0);
    expect(side.size).toBe(0);
    expect([...side.ids()]).toEqual([]);
    expect(side.has("a")).toBe(false);
  });
});

describe("the cache", () => {
  afterEach(() => {
    delete process.env.ECOSTACK_MAPPING_CACHE_RECORDS;
    clearWarmIndexes();
  });

  const entryOf = (partnerId: string, records: number): WarmEntry => ({
    workspaceId: "w",
    partnerId,
    mappedAt: "t",
    settings: "s",
    vendor: WarmSide.of(
      prepareAll(Array.from({ length: records }, (_, i) => ({ id: `${partnerId}${i}`, name: `Acme ${i}` }))),
    ),
    partner: WarmSide.of([]),
  });

  it("drops the least recently used partner over the record limit", () => {
    process.env.ECOSTACK_MAPPING_CACHE_RECORDS = "10";
    keepWarmIndex(entryOf("p1", 4));
    keepWarmIndex(entryOf("p2", 4));
    // p1 used again: p2 is now the least recently used.
    const p1 = takeWarmIndex("w", "p1");
    expect(p1).toBeDefined();
    keepWarmIndex(p1 as WarmEntry);
    keepWarmIndex(entryOf("p3", 4));
    expect(takeWarmIndex("w", "p2")).toBeUndefined();
    expect(takeWarmIndex("w", "p1")).toBeDefined();
    expect(takeWarmIndex("w", "p3")).toBeDefined();
    // An entry larger than the whole limit is not kept at all.
    keepWarmIndex(entryOf("p4", 11));
    expect(warmIndexRecords()).toBe(0);
  });

  it("counts current records against the limit: a partner that fits still fits after a change", () => {
    process.env.ECOSTACK_MAPPING_CACHE_RECORDS = "8";
    const entry = entryOf("p1", 8);
    keepWarmIndex(entry);
    const taken = takeWarmIndex("w", "p1");
    expect(taken).toBe(entry);
    // One record changed (its base version tombstoned, the new one in the delta): still 8 records.
    entry.vendor.apply(prepareAll([{ id: "p10", name: "Acme Renamed" }]), []);
    keepWarmIndex(entry);
    expect(warmIndexRecords()).toBe(8);
    expect(takeWarmIndex("w", "p1")).toBe(entry);
  });

  it("reads its limit from ECOSTACK_MAPPING_CACHE_RECORDS and refuses a mistyped one", () => {
    expect(warmIndexLimit({})).toBe(2_000_000);
    expect(warmIndexLimit({ ECOSTACK_MAPPING_CACHE_RECORDS: "0" })).toBe(0);
    expect(() => warmIndexLimit({ ECOSTACK_MAPPING_CACHE_RECORDS: "lots" })).toThrow(
      /ECOSTACK_MAPPING_CACHE_RECORDS/,
    );
  });
});

describe("mapPartner with the warm index", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    clearWarmIndexes();
    await t.close();
  });
  const db = () => t.database.db;

  async function makeWorld(rng: Random, size: number) {
    const { workspace, owner } = await makeWorkspace(db());
    const ctx: WorkspaceContext = {
      workspaceId: workspace.id,
      role: "owner",
      actor: { kind: "user", userId: owner.id },
    };
    const [partner] = await db()
      .insert(partners)
      .values({ workspaceId: workspace.id, name: "Random partner" })
      .returning({ id: partners.id });
    if (!partner) throw new Error("no partner");
    await db()
      .insert(accounts)
      .values(
        Array.from({ length: size }, () => ({
          workspaceId: workspace.id,
          status: "prospect",
          ...randomAccount(rng),
        })),
      );
    await db()
      .insert(partnerAccounts)
      .values(
        Array.from({ length: size }, () => ({
          workspaceId: workspace.id,
          partnerId: partner.id,
          status: "prospect",
          ...randomAccount(rng),
        })),
      );
    return { ctx, partnerId: partner.id };
  }

  /** Random inserts, updates and deletes on both sides; returns the ids changed (not deleted). */
  async function change(rng: Random, ctx: WorkspaceContext, partnerId: string) {
    const changed = { vendor: new Set<string>(), partner: new Set<string>() };
    for (const side of ["vendor", "partner"] as const) {
      const table = side === "vendor" ? accounts : partnerAccounts;
      const ops = 4 + rng.int(10);
      for (let op = 0; op < ops; op += 1) {
        const ids = (await readSide(db(), ctx, side, partnerId)).map((r) => r.id);
        const kind = rng.int(4);
        if (kind === 0) {
          const values = { workspaceId: ctx.workspaceId, status: "prospect", ...randomAccount(rng) };
          const [row] =
            side === "vendor"
              ? await db().insert(accounts).values(values).returning({ id: accounts.id })
              : await db()
                  .insert(partnerAccounts)
                  .values({ ...values, partnerId })
                  .returning({ id: partnerAccounts.id });
          changed[side].add(row?.id ?? "");
        } else if (kind === 3) {
          const id = rng.pick(ids);
          await db().delete(table).where(eq(table.id, id));
          changed[side].delete(id);
        } else {
          const id = rng.pick(ids);
          // Often the name of a record on the other side: changed records then match each other.
          const other = side === "vendor" ? "partner" : "vendor";
          const mirror = rng.next() < 0.5 ? rng.pick(await readSide(db(), ctx, other, partnerId)) : null;
          await db()
            .update(table)
            .set({ ...randomAccount(rng), ...(mirror ? { name: mirror.name } : {}), updatedAt: sql`now()` })
            .where(eq(table.id, id));
          changed[side].add(id);
        }
      }
    }
    return changed;
  }

  async function stored(d: Db, partnerId: string) {
    const rows = await d
      .select()
      .from(accountMatches)
      .where(eq(accountMatches.partnerId, partnerId))
      .orderBy(asc(accountMatches.accountId), asc(accountMatches.partnerAccountId));
    return rows.map((r) => ({
      leftId: r.accountId,
      rightId: r.partnerAccountId,
      kind: r.kind,
      score: r.score,
      evidence: r.evidence,
    }));
  }

  class Rollback extends Error {}

  /** A cold re-map of the same changes, rolled back; the warm entry is set aside meanwhile. */
  async function coldRemap(ctx: WorkspaceContext, partnerId: string) {
    const entry = takeWarmIndex(ctx.workspaceId, partnerId);
    let result: {
      run: Awaited<ReturnType<typeof mapPartner>>;
      rows: Awaited<ReturnType<typeof stored>>;
    } | null = null;
    await db()
      .transaction(async (tx) => {
        const run = await mapPartner(tx, ctx, partnerId);
        result = { run, rows: await stored(tx, partnerId) };
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    clearWarmIndexes();
    if (entry) keepWarmIndex(entry);
    if (!result) throw new Error("the cold re-map did not run");
    return result as {
      run: Awaited<ReturnType<typeof mapPartner>>;
      rows: Awaited<ReturnType<typeof stored>>;
    };
  }

  it("stores what the cold re-map stores and what a full comparison finds for changed records", async () => {
    const rng = random(20260);
    const { ctx, partnerId } = await makeWorld(rng, 120);
    const first = await mapPartner(db(), ctx, partnerId);
    expect(first).toMatchObject({ full: true, warmIndex: false });
    let warmRuns = 0;
    for (let round = 0; round < 8; round += 1) {
      const changed = await change(rng, ctx, partnerId);
      const cold = await coldRemap(ctx, partnerId);
      expect(cold.run).toMatchObject({ full: false, warmIndex: false });
      const warm = await mapPartner(db(), ctx, partnerId);
      expect(warm).toMatchObject({ full: false, warmIndex: true });
      warmRuns += 1;
      const { phasesMs: _w, warmIndex: _ww, ...warmCounts } = warm;
      const { phasesMs: _c, warmIndex: _cw, ...coldCounts } = cold.run;
      expect(warmCounts).toEqual(coldCounts);
      const rows = await stored(db(), partnerId);
      expect(rows).toEqual(cold.rows);
      // A full comparison of the current lists, restricted to pairs of changed records.
      const vendor = await readSide(db(), ctx, "vendor", partnerId);
      const theirs = await readSide(db(), ctx, "partner", partnerId);
      const full = matchAccounts(vendor, theirs, { sameThreshold: mappingSettings.sameThreshold });
      const touches = (m: { leftId: string; rightId: string }) =>
        changed.vendor.has(m.leftId) || changed.partner.has(m.rightId);
      const expected = sorted([...full.same, ...full.related].filter(touches)).map((m) => ({
        leftId: m.leftId,
        rightId: m.rightId,
        kind: m.kind,
        score: m.score,
        evidence: m.evidence,
      }));
      expect(sorted(rows.filter(touches) as Match[])).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
    expect(warmRuns).toBe(8);
  });

  it("goes the cold way after another process mapped the partner, and when the lists do not fit", async () => {
    const rng = random(99);
    const { ctx, partnerId } = await makeWorld(rng, 40);
    await mapPartner(db(), ctx, partnerId);
    await change(rng, ctx, partnerId);
    expect((await mapPartner(db(), ctx, partnerId)).warmIndex).toBe(true);
    // Another process maps the partner: the stored state moves on without this cache.
    await change(rng, ctx, partnerId);
    await db()
      .update(partnerMappingState)
      .set({ mappedAt: sql`now()` })
      .where(and(eq(partnerMappingState.partnerId, partnerId)));
    await change(rng, ctx, partnerId);
    expect((await mapPartner(db(), ctx, partnerId)).warmIndex).toBe(false);
    await change(rng, ctx, partnerId);
    expect((await mapPartner(db(), ctx, partnerId)).warmIndex).toBe(true);
    // Too many records for the limit: nothing is kept, and the next re-map is cold.
    process.env.ECOSTACK_MAPPING_CACHE_RECORDS = "50";
    try {
      await mapPartner(db(), ctx, partnerId, { full: true });
      expect(takeWarmIndex(ctx.workspaceId, partnerId)).toBeUndefined();
      await change(rng, ctx, partnerId);
      expect((await mapPartner(db(), ctx, partnerId)).warmIndex).toBe(false);
    } finally {
      delete process.env.ECOSTACK_MAPPING_CACHE_RECORDS;
    }
    // A deletion alone (no changed record) still reaches the cache.
    await change(rng, ctx, partnerId);
    await mapPartner(db(), ctx, partnerId);
    const [victim] = await db()
      .select({ id: partnerAccounts.id })
      .from(partnerAccounts)
      .where(eq(partnerAccounts.partnerId, partnerId))
      .limit(1);
    await db()
      .delete(partnerAccounts)
      .where(inArray(partnerAccounts.id, [victim?.id ?? ""]));
    const after = await mapPartner(db(), ctx, partnerId);
    expect(after).toMatchObject({ warmIndex: true, changedPartner: 0, changedVendor: 0 });
    const entry = takeWarmIndex(ctx.workspaceId, partnerId);
    expect(entry?.partner.has(victim?.id ?? "")).toBe(false);
    expect(entry?.partner.size).toBe(after.partnerAccounts);
  });
});
