/**
 * The warm index of account mapping: per process, the prepared records of both sides of a
 * partner's last run and their engine indexes, so that an incremental re-map reads, prepares and
 * probes only the records changed since, instead of reading and indexing both whole lists again.
 *
 * Each side is a base of prepared records with an overlay: base records deleted or changed since
 * are tombstoned, and the current versions of changed or new records sit in a small delta index.
 * A key's block size on a side is base − tombstoned + delta, so block caps treat a probe exactly as
 * a full run over the current lists would, and probing the base (tombstoned targets dropped) plus
 * the delta finds the same candidates as an index over the current list. The base is indexed when
 * the run that filled the cache built that index anyway (a cold re-map indexes both lists; a full
 * run joins the two lists without indexing either in full); otherwise its first re-maps scan the
 * prepared records for the keys of that run's probes only, and it is indexed once those scans have
 * cost about as much (rent or buy).
 * When the overlay grows past a share of the side, the current records become a new base (no
 * re-reading, no re-normalising).
 * The per-process store of these sides, one entry per partner, is warm-cache.ts.
 */
import {
  type BlockingOptions,
  type CandidatePairs,
  createIndexFromPrepared,
  findCandidates,
  type MatchIndex,
  probeKeyIds,
} from "./engine/blocking.ts";
import { type Match, type PreparedRecord, scoreCandidates } from "./engine/match.ts";

/** A side is rebuilt once its tombstones plus delta records pass this share of its records. */
export const rebuildShare = 0.1;

/** Scans a side without an index may take before it is indexed (a scan costs about a quarter of an index). */
export const scansBeforeIndexing = 3;

/** Records whose keys a scan computes at a time. */
const scanChunk = 50_000;

/**
 * The alive base records' holders of the keys `universe` knows, as an index over those keys only:
 * for probes whose keys are all in `universe` it answers like an index over every key of `records`.
 */
function scanFor(universe: MatchIndex, records: readonly PreparedRecord[]): MatchIndex {
  const keyCount = universe.keyHashes.length;
  const keyCounts = new Int32Array(keyCount);
  // (record, key) hits, found a chunk at a time: a million records' keys are never all held at once.
  let hitRecord = new Int32Array(1024);
  let hitKey = new Int32Array(1024);
  let hits = 0;
  for (let from = 0; from < records.length; from += scanChunk) {
    const keys = probeKeyIds(universe, records.slice(from, from + scanChunk));
    for (let p = 0; p + 1 < keys.start.length; p += 1)
      for (let at = keys.start[p] ?? 0; at < (keys.start[p + 1] ?? 0); at += 1) {
        const id = keys.ids[at] ?? 0;
        keyCounts[id] = (keyCounts[id] ?? 0) + 1;
        if (hits === hitRecord.length) {
          const grownRecord = new Int32Array(hits * 2);
          grownRecord.set(hitRecord);
          hitRecord = grownRecord;
          const grownKey = new Int32Array(hits * 2);
          grownKey.set(hitKey);
          hitKey = grownKey;
        }
        hitRecord[hits] = from + p;
        hitKey[hits] = id;
        hits += 1;
      }
  }
  const postingStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k += 1) postingStart[k + 1] = (postingStart[k] ?? 0) + (keyCounts[k] ?? 0);
  const fill = postingStart.slice(0, keyCount);
  const postings = new Int32Array(hits);
  for (let h = 0; h < hits; h += 1) {
    const id = hitKey[h] ?? 0;
    postings[fill[id] ?? 0] = hitRecord[h] ?? 0;
    fill[id] = (fill[id] ?? 0) + 1;
  }
  return {
    records,
    keys: universe.keys,
    keyHashes: universe.keyHashes,
    keyClass: universe.keyClass,
    keyCounts,
    postingStart,
    postings,
  };
}

/**
 * One side's current records: base records minus tombstones plus a delta index. The base is either
 * indexed (every key) or, until it is worth it, scanned for the keys of each run's probes.
 */
export class WarmSide {
  private readonly records: readonly PreparedRecord[];
  /** The index over every base record (tombstoned ones included), or null while the side is scanned. */
  private baseIndex: MatchIndex | null;
  private scans = 0;
  /** While scanned: the alive base records holding the focused keys (see focus). */
  private focused: MatchIndex | null = null;
  /** Whether the base records are in id order (checked at the first look-up). */
  private sortedById: boolean | null = null;
  /** Base position by id when they are not, built at the first look-up. */
  private positions: Map<string, number> | null = null;
  private readonly dead: Uint8Array;
  private deadCount = 0;
  /** Per base key id: how many tombstoned base records hold it (indexed sides, from the first tombstone). */
  private readonly deadKeyCounts = new Map<number, number>();
  private readonly delta = new Map<string, PreparedRecord>();
  private deltaIndex: MatchIndex | null = null;

  private constructor(records: readonly PreparedRecord[], index: MatchIndex | null) {
    this.records = records;
    this.baseIndex = index;
    this.dead = new Uint8Array(records.length);
  }

  /** A side over an index built anyway (by the run that fills the cache). */
  static fromIndex(index: MatchIndex): WarmSide {
    return new WarmSide(index.records, index);
  }

  /** A side indexed now. */
  static of(records: readonly PreparedRecord[]): WarmSide {
    return WarmSide.fromIndex(createIndexFromPrepared(records));
  }

  /**
   * A side not indexed yet (a full run indexes neither list in full, and indexing them for the
   * cache would lengthen every full run). Its first re-maps scan the prepared records for the
   * probes' keys (hashing, no table of every key); once those scans have cost about what an index
   * costs, it is indexed.
   */
  static deferred(records: readonly PreparedRecord[]): WarmSide {
    return new WarmSide(records, null);
  }

  get indexed(): boolean {
    return this.baseIndex !== null;
  }

  /**
   * Readies the side for looking up the keys `universe` knows, which must hold every key of the
   * run's probes (both sides'): nothing to do for an indexed side; a scanned one scans, or is
   * indexed now when it has been scanned `scansBeforeIndexing` times.
   */
  focus(universe: MatchIndex): void {
    if (this.baseIndex) return;
    if (this.scans >= scansBeforeIndexing) {
      this.buildIndex();
      return;
    }
    this.scans += 1;
    this.focused = scanFor(
      universe,
      this.deadCount === 0 ? this.records : this.records.filter((_, r) => this.dead[r] === 0),
    );
  }

  private buildIndex(): void {
    const base = createIndexFromPrepared(this.records);
    this.baseIndex = base;
    this.focused = null;
    if (this.deadCount > 0) this.countDead(this.records.filter((_, r) => this.dead[r] === 1));
  }

  private countDead(killed: readonly PreparedRecord[]): void {
    const base = this.baseIndex;
    if (!base || killed.length === 0) return;
    // Every key of a base record is known to the base index, so this lists all of them. A map, not
    // an array per base key: a few changed records' keys, not an allocation the size of the index.
    for (const id of probeKeyIds(base, killed).ids)
      this.deadKeyCounts.set(id, (this.deadKeyCounts.get(id) ?? 0) + 1);
  }

  private positionOf(id: string): number | undefined {
    const records = this.records;
    if (this.sortedById === null) {
      let sorted = true;
      for (let r = 1; r < records.length && sorted; r += 1)
        sorted = (records[r - 1] as PreparedRecord).id < (records[r] as PreparedRecord).id;
      this.sortedById = sorted;
    }
    if (this.sortedById) {
      // Read in id order (the usual case): a binary search, no map of a million ids.
      let low = 0;
      let high = records.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const at = (records[mid] as PreparedRecord).id;
        if (at === id) return mid;
        if (at < id) low = mid + 1;
        else high = mid - 1;
      }
      return undefined;
    }
    if (!this.positions) {
      this.positions = new Map();
      for (let r = 0; r < records.length; r += 1) this.positions.set((records[r] as PreparedRecord).id, r);
    }
    return this.positions.get(id);
  }

  /** Records on the side now. */
  get size(): number {
    return this.records.length - this.deadCount + this.delta.size;
  }

  /** Tombstones plus delta records: what a rebuild would fold into the base. */
  get drift(): number {
    return this.deadCount + this.delta.size;
  }

  has(id: string): boolean {
    if (this.delta.has(id)) return true;
    const at = this.positionOf(id);
    return at !== undefined && this.dead[at] === 0;
  }

  /** Ids of the side's current records. */
  *ids(): IterableIterator<string> {
    const records = this.records;
    for (let r = 0; r < records.length; r += 1)
      if (this.dead[r] === 0) yield (records[r] as PreparedRecord).id;
    yield* this.delta.keys();
  }

  /** The side's current records (base order, then delta). */
  current(): PreparedRecord[] {
    const out: PreparedRecord[] = [];
    const records = this.records;
    for (let r = 0; r < records.length; r += 1)
      if (this.dead[r] === 0) out.push(records[r] as PreparedRecord);
    for (const record of this.delta.values()) out.push(record);
    return out;
  }

  /** Takes in records changed or added (their current versions) and removes deleted ones by id. */
  apply(changed: readonly PreparedRecord[], removed: Iterable<string>): void {
    const killed: PreparedRecord[] = [];
    const kill = (id: string) => {
      const at = this.positionOf(id);
      if (at === undefined || this.dead[at] === 1) return;
      this.dead[at] = 1;
      this.deadCount += 1;
      killed.push(this.records[at] as PreparedRecord);
    };
    for (const record of changed) {
      kill(record.id);
      this.delta.set(record.id, record);
    }
    for (const id of removed) {
      kill(id);
      this.delta.delete(id);
    }
    this.countDead(killed);
    this.deltaIndex = null;
    this.focused = null;
  }

  private deltaOrNull(): MatchIndex | null {
    if (this.delta.size === 0) return null;
    this.deltaIndex ??= createIndexFromPrepared([...this.delta.values()]);
    return this.deltaIndex;
  }

  /** The base to look keys up in, with its tombstones (an indexed base) or without (a scan). */
  private basePart(): {
    index: MatchIndex;
    deadKeyCounts: Map<number, number> | null;
    dead: Uint8Array | null;
  } {
    if (this.baseIndex)
      return {
        index: this.baseIndex,
        deadKeyCounts: this.deadKeyCounts,
        dead: this.deadCount > 0 ? this.dead : null,
      };
    if (this.focused) return { index: this.focused, deadKeyCounts: null, dead: null };
    throw new Error("a scanned side is looked up before focus()");
  }

  /** Records of the side holding the key with this hash now (its block size). */
  count(hash: number): number {
    const base = this.basePart();
    let n = 0;
    const at = base.index.keys.get(hash);
    if (at >= 0) n += (base.index.keyCounts[at] ?? 0) - (base.deadKeyCounts?.get(at) ?? 0);
    else if (!this.baseIndex) throw new Error("a key outside the focused ones is looked up");
    const delta = this.deltaOrNull();
    if (delta) {
      const d = delta.keys.get(hash);
      if (d >= 0) n += delta.keyCounts[d] ?? 0;
    }
    return n;
  }

  /** The indexes to probe: the base (with its tombstones to drop), then the delta. */
  parts(): { index: MatchIndex; dead: Uint8Array | null }[] {
    const base = this.basePart();
    const parts = [{ index: base.index, dead: base.dead }];
    const delta = this.deltaOrNull();
    if (delta) parts.push({ index: delta, dead: null });
    return parts;
  }

  /**
   * The same records as a new base, in id order and not indexed yet, once the overlay has grown
   * past `share` of the side (else the side itself).
   */
  compacted(share = rebuildShare): WarmSide {
    if (this.drift === 0 || this.drift <= share * this.size) return this;
    const records = this.current();
    records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return WarmSide.deferred(records);
  }
}

/** A zeroed array per index key, kept with the index (callers zero what they set). */
const scratch = new WeakMap<MatchIndex, Int32Array>();
function scratchFor(index: MatchIndex): Int32Array {
  let counts = scratch.get(index);
  if (!counts) {
    counts = new Int32Array(index.keyHashes.length);
    scratch.set(index, counts);
  }
  return counts;
}

/** Candidate pairs without those whose target is tombstoned. */
function withoutDead(candidates: CandidatePairs, dead: Uint8Array): CandidatePairs {
  const probe = new Int32Array(Math.max(1, candidates.length));
  const target = new Int32Array(Math.max(1, candidates.length));
  let length = 0;
  for (let c = 0; c < candidates.length; c += 1) {
    const r = candidates.target[c] ?? 0;
    if (dead[r] === 1) continue;
    probe[length] = candidates.probe[c] ?? 0;
    target[length] = r;
    length += 1;
  }
  return { probe, target, length };
}

/**
 * Matches of `probes` (records of `own`'s side, already applied to it) against `target`'s current
 * records, leftId = probe: what a full run over both current lists finds for these probes. Each
 * part of the target is probed with its block sizes replaced by the side's current ones, and the
 * probes' side sizes taken from `own` (as a full run counts the whole probe list).
 */
function probeWarm(
  probes: readonly PreparedRecord[],
  target: WarmSide,
  own: WarmSide,
  sameThreshold: number,
  options: BlockingOptions = {},
): Match[] {
  const found: Match[] = [];
  if (probes.length === 0) return found;
  for (const part of target.parts()) {
    const index = part.index;
    const keys = probeKeyIds(index, probes);
    // Block sizes of the current lists for the probes' keys: the probes' side in a zeroed scratch
    // array (≥ 1 marks a key as done), the target side written over the index's own counts for the
    // time of the candidate search. Arrays sized by a base's keys are not allocated per run.
    const probeCounts = scratchFor(index);
    const touched: number[] = [];
    const current: number[] = [];
    for (const id of keys.ids) {
      if (probeCounts[id] !== 0) continue;
      const hash = index.keyHashes[id] ?? -1;
      probeCounts[id] = Math.max(1, own.count(hash));
      touched.push(id);
      current.push(target.count(hash));
    }
    const keyCounts = index.keyCounts as Int32Array;
    const saved = touched.map((id) => keyCounts[id] ?? 0);
    let candidates: CandidatePairs;
    try {
      for (let t = 0; t < touched.length; t += 1) keyCounts[touched[t] as number] = current[t] as number;
      candidates = findCandidates(index, probes.length, keys, probeCounts, options);
    } finally {
      for (let t = 0; t < touched.length; t += 1) {
        keyCounts[touched[t] as number] = saved[t] as number;
        probeCounts[touched[t] as number] = 0;
      }
    }
    const result = scoreCandidates(
      probes,
      index,
      part.dead ? withoutDead(candidates, part.dead) : candidates,
      sameThreshold,
    );
    for (const match of result.same) found.push(match);
    for (const match of result.related) found.push(match);
  }
  return found;
}

/**
 * Matches of each side's changed records (their current versions, already applied) against the
 * other side, leftId = the probe: what a full run over both current lists finds for them.
 */
export function matchChangedWarm(
  left: WarmSide,
  right: WarmSide,
  probes: { left: readonly PreparedRecord[]; right: readonly PreparedRecord[] },
  sameThreshold: number,
  options: BlockingOptions = {},
): { left: Match[]; right: Match[] } {
  if (probes.left.length + probes.right.length === 0) return { left: [], right: [] };
  // Every key a probe holds: scanned sides are looked up for these only.
  const universe = createIndexFromPrepared([...probes.left, ...probes.right]);
  left.focus(universe);
  right.focus(universe);
  return {
    left: probeWarm(probes.left, right, left, sameThreshold, options),
    right: probeWarm(probes.right, left, right, sameThreshold, options),
  };
}
