/**
 * Blocking: which pairs are worth scoring. Each record gets a few keys (domain, compact name, sorted
 * words, name prefix/suffix, each word, initials); an index maps every key to the records holding it
 * (CSR arrays, no per-key objects) and a probe gathers the records sharing any key. Keys that many
 * records share on both sides ("global", "tech") carry little identity and are skipped once their
 * block (left count × right count) passes a cap; the cap looks at both sides' counts so the candidate
 * set, and with it every result, is symmetric. Cost is linear in records plus candidate pairs.
 *
 * A list's keys are computed once into flat typed arrays (RecordKeys), each key's class in its hash.
 * An index (createIndexFromPrepared) serves incremental probes; two whole lists are compared without
 * one, by the partitioned join in list-join.ts. Both run on one buffer (TypedArena) where they can,
 * so that the garbage collector is not woken by each big array.
 */
import type { TypedArena } from "./arena.ts";
import { type MatchRecord, type PreparedRecord, prepareRecord } from "./prepare.ts";

export interface BlockingOptions {
  /** Word / prefix / initials blocks larger than this (left × right pairs) are skipped as not distinctive. */
  maxBlockPairs?: number;
  /** Even exact keys (domain, compact name) stop at this many pairs: a shared placeholder website is no evidence. */
  maxExactBlockPairs?: number;
  /** Typo keys (the compact name with one letter left out) are many per record, so their blocks are kept smaller. */
  maxTypoBlockPairs?: number;
}

/**
 * About 20 × 20: on the SEC/exchange set 400 and 2,500 find the same matches, while on 100k × 100k
 * synthetic lists 2,500 scored ~15× more pairs. Exact keys get a far larger cap.
 */
export const defaultMaxBlockPairs = 400;
export const defaultMaxExactBlockPairs = 250_000;
export const defaultMaxTypoBlockPairs = 100;

/** How a key is capped: word-like keys, exact keys, typo keys. */
const capped = 0;
const exactKey = 1;
const typoKey = 2;

export interface MatchIndex {
  readonly records: readonly PreparedRecord[];
  readonly keys: KeyTable;
  /** Per key id: its hash (to look it up in another index) and its class (capped, exact, typo). */
  readonly keyHashes: Float64Array;
  readonly keyClass: Uint8Array;
  /** Records holding each key (the key's block size on this side). */
  readonly keyCounts: Int32Array;
  /** postings[postingStart[k] .. postingStart[k + 1]) are the record positions holding key k. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
}

/** Candidate pairs as parallel arrays of probe position and indexed-record position. */
export interface CandidatePairs {
  probe: Int32Array;
  target: Int32Array;
  length: number;
}

/*
 * Keys are hashed to 53 bits: two 32-bit polynomial hashes of the key text (so the text with one
 * letter left out hashes in O(1) from prefix and suffix sums), each finished with a murmur mix of
 * the key kind and length. Hashing beats a Map of key strings several times over at millions of
 * keys; two keys sharing a 53-bit hash (about one chance in a billion at 4M keys) would only add
 * candidates, never matches.
 */
const base1 = 0x01000193;
const base2 = 0x5bd1e995;
const maxHashed = 256;
const powers1 = new Int32Array(maxHashed + 1);
const powers2 = new Int32Array(maxHashed + 1);
powers1[0] = 1;
powers2[0] = 1;
for (let i = 1; i <= maxHashed; i += 1) {
  powers1[i] = Math.imul(powers1[i - 1] ?? 0, base1);
  powers2[i] = Math.imul(powers2[i - 1] ?? 0, base2);
}

const kindDomain = 1;
const kindCompact = 2;
const kindSortedWords = 3;
const kindPrefix = 4;
const kindSuffix = 5;
const kindWord = 6;
const kindInitials = 7;
const kindTypo = 8;
/** The cap class of each key kind; it is kept in the hash's two lowest bits (hash % 4). */
const classOfKind = [capped, exactKey, exactKey, exactKey, capped, capped, capped, capped, typoKey];

function finishHash(h1: number, h2: number, kind: number, length: number): number {
  let x = h1 ^ Math.imul(kind, 0x9e3779b1) ^ length;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  let y = h2 ^ Math.imul(kind + 0x632be5ab, 0x27d4eb2f) ^ Math.imul(length, 0x165667b1);
  y ^= y >>> 15;
  y = Math.imul(y, 0x2c1b3c6d);
  y ^= y >>> 12;
  y = Math.imul(y, 0x297a2d39);
  y ^= y >>> 15;
  return (x >>> 0) * 2097152 + (((y >>> 0) & 0x1ffffc) | (classOfKind[kind] ?? capped));
}

/** Hash of a key kind plus text[from, to). */
function hashKey(kind: number, text: string, from: number, to: number): number {
  let h1 = 0;
  let h2 = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    h1 = (Math.imul(h1, base1) + code) | 0;
    h2 = (Math.imul(h2, base2) + code) | 0;
  }
  return finishHash(h1, h2, kind, to - from);
}

/** The 32 bits of a key hash that spread best (the first lane): for partitions and table slots. */
function mixOf(hash: number): number {
  return (hash / 2097152) >>> 0;
}

/**
 * Open-addressing table from key hash to a dense key id (0, 1, 2, … in order of first sight). The
 * slot keeps the key id only; the hash is read back from the per-id hash array.
 */
export class KeyTable {
  private slots: Int32Array;
  private hashes: Float64Array;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Float64Array(Math.max(16, expected));
  }

  get(hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = mixOf(hash) & mask;
    for (;;) {
      const id = slots[slot] ?? -1;
      if (id < 0) return -1;
      if (this.hashes[id] === hash) return id;
      slot = (slot + 1) & mask;
    }
  }

  /** The key's id, adding it (as the next id) when new. */
  add(hash: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = mixOf(hash) & mask;
    for (;;) {
      const id = slots[slot] ?? -1;
      if (id < 0) break;
      if (this.hashes[id] === hash) return id;
      slot = (slot + 1) & mask;
    }
    if (this.size === this.hashes.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    slots[slot] = this.size;
    this.hashes[this.size] = hash;
    this.size += 1;
    return this.size - 1;
  }

  /** Hashes by key id (a copy, exactly `size` long). */
  hashList(): Float64Array {
    return this.hashes.slice(0, this.size);
  }

  private grow() {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id += 1) {
      let slot = mixOf(this.hashes[id] ?? 0) & mask;
      while ((slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/** Most keys one record can have (a bound for sizing arrays before computing them). */
function maxKeysOf(record: PreparedRecord): number {
  return record.compact.length + record.uniqueTokens.length + 8;
}

const prefix1 = new Int32Array(maxHashed + 1);
const prefix2 = new Int32Array(maxHashed + 1);
const suffix1 = new Int32Array(maxHashed + 2);
const suffix2 = new Int32Array(maxHashed + 2);

/**
 * Blocking keys of a record: domain, compact name and sorted words are exact keys; the name's prefix
 * and suffix, each word and the initials are capped ones; the compact name with and without each
 * letter are typo keys (the class is hash % 4). Writes them at `hashes[at ..]`, returns the new end.
 */
function writeKeys(record: PreparedRecord, hashes: Float64Array, at: number): number {
  let end = at;
  if (record.domain) {
    hashes[end] = hashKey(kindDomain, record.domain, 0, record.domain.length);
    end += 1;
  }
  const compact = record.compact;
  const length = compact.length;
  if (length === 0) return end;
  hashes[end] = hashKey(kindCompact, compact, 0, length);
  end += 1;
  if (record.coreTokens.length > 1) {
    hashes[end] = hashKey(kindSortedWords, record.sortedCore, 0, record.sortedCore.length);
    end += 1;
  }
  // The compact core itself and with each letter left out: two names one typo apart (a letter dropped,
  // added, swapped or wrong) share one of these keys, whatever words they share.
  if (length >= 5 && length <= 40) {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < length; i += 1) {
      prefix1[i] = h1;
      prefix2[i] = h2;
      const code = compact.charCodeAt(i);
      h1 = (Math.imul(h1, base1) + code) | 0;
      h2 = (Math.imul(h2, base2) + code) | 0;
    }
    hashes[end] = finishHash(h1, h2, kindTypo, length);
    end += 1;
    let s1 = 0;
    let s2 = 0;
    suffix1[length] = 0;
    suffix2[length] = 0;
    for (let i = length - 1; i >= 0; i -= 1) {
      const code = compact.charCodeAt(i);
      s1 = (s1 + Math.imul(code, powers1[length - 1 - i] ?? 0)) | 0;
      s2 = (s2 + Math.imul(code, powers2[length - 1 - i] ?? 0)) | 0;
      suffix1[i] = s1;
      suffix2[i] = s2;
    }
    for (let skip = 0; skip < length; skip += 1) {
      if (skip > 0 && compact.charCodeAt(skip) === compact.charCodeAt(skip - 1)) continue;
      const d1 =
        (Math.imul(prefix1[skip] ?? 0, powers1[length - 1 - skip] ?? 0) + (suffix1[skip + 1] ?? 0)) | 0;
      const d2 =
        (Math.imul(prefix2[skip] ?? 0, powers2[length - 1 - skip] ?? 0) + (suffix2[skip + 1] ?? 0)) | 0;
      hashes[end] = finishHash(d1, d2, kindTypo, length - 1);
      end += 1;
    }
  }
  // The prefix and suffix catch a changed or dropped word at the other end.
  if (length >= 5) {
    hashes[end] = hashKey(kindPrefix, compact, 0, 5);
    end += 1;
  }
  if (length >= 8) {
    hashes[end] = hashKey(kindSuffix, compact, length - 5, length);
    end += 1;
  }
  for (const token of record.uniqueTokens)
    if (token.length >= 2) {
      hashes[end] = hashKey(kindWord, token, 0, token.length);
      end += 1;
    }
  if (record.initials !== null && record.initials.length <= 5) {
    hashes[end] = hashKey(kindInitials, record.initials, 0, record.initials.length);
    end += 1;
  } else if (record.coreTokens.length === 1 && length >= 2 && length <= 5) {
    hashes[end] = hashKey(kindInitials, compact, 0, length);
    end += 1;
  }
  return end;
}

const scratchHashes = new Float64Array(maxHashed * 2);

/** Blocking keys of a record as (hash, class), in a fixed order (see writeKeys). */
export function forEachBlockingKey(
  record: PreparedRecord,
  emit: (hash: number, keyClass: number) => void,
): void {
  const bound = maxKeysOf(record);
  const written = bound <= scratchHashes.length ? scratchHashes : new Float64Array(bound);
  // Copied out first: `emit` may compute other records' keys.
  const hashes = written.slice(0, writeKeys(record, written, 0));
  const end = hashes.length;
  for (let i = 0; i < end; i += 1) emit(hashes[i] ?? 0, (hashes[i] ?? 0) % 4);
}

/** Bytes candidatesOfLists needs in its arena for two lists with these key bounds (see computeKeys). */
export function arenaBytes(leftBound: number, rightBound: number, rightCount: number): number {
  return 20 * (leftBound + rightBound) + 4 * rightCount + 4096;
}

/** Keys one record list can have at most (the size computeKeys reserves). */
export function keyBound(records: readonly PreparedRecord[]): number {
  let bound = 0;
  for (let r = 0; r < records.length; r += 1) bound += maxKeysOf(records[r] as PreparedRecord);
  return bound;
}

/** Every record's blocking keys, flat: record r's are hashes[start[r] .. start[r + 1]) (class: hash % 4). */
export interface RecordKeys {
  start: Int32Array;
  hashes: Float64Array;
}

export function computeKeys(records: readonly PreparedRecord[], arena?: TypedArena): RecordKeys {
  const bound = keyBound(records);
  const hashes = arena ? arena.float64(bound) : new Float64Array(bound);
  const start = new Int32Array(records.length + 1);
  let end = 0;
  for (let r = 0; r < records.length; r += 1) {
    start[r] = end;
    end = writeKeys(records[r] as PreparedRecord, hashes, end);
  }
  start[records.length] = end;
  return { start, hashes: hashes.subarray(0, end) };
}

export function prepareAll(records: readonly MatchRecord[]): PreparedRecord[] {
  const prepared = new Array<PreparedRecord>(records.length);
  for (let i = 0; i < records.length; i += 1) prepared[i] = prepareRecord(records[i] as MatchRecord);
  return prepared;
}

/** The index of `records` from their keys (computeKeys). */
export function indexFromKeys(records: readonly PreparedRecord[], recordKeys: RecordKeys): MatchIndex {
  const { start, hashes } = recordKeys;
  const keys = new KeyTable(hashes.length);
  const idOf = new Int32Array(hashes.length);
  for (let at = 0; at < hashes.length; at += 1) idOf[at] = keys.add(hashes[at] ?? 0);
  const keyCount = keys.size;
  const keyHashes = keys.hashList();
  const keyClass = new Uint8Array(keyCount);
  for (let k = 0; k < keyCount; k += 1) keyClass[k] = (keyHashes[k] ?? 0) % 4;
  const keyCounts = new Int32Array(keyCount);
  for (let at = 0; at < idOf.length; at += 1) {
    const id = idOf[at] ?? 0;
    keyCounts[id] = (keyCounts[id] ?? 0) + 1;
  }
  const postingStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k += 1) postingStart[k + 1] = (postingStart[k] ?? 0) + (keyCounts[k] ?? 0);
  const fill = postingStart.slice(0, keyCount);
  const postings = new Int32Array(hashes.length);
  for (let r = 0; r < records.length; r += 1) {
    for (let at = start[r] ?? 0; at < (start[r + 1] ?? 0); at += 1) {
      const id = idOf[at] ?? 0;
      postings[fill[id] ?? 0] = r;
      fill[id] = (fill[id] ?? 0) + 1;
    }
  }
  return { records, keys, keyHashes, keyClass, keyCounts, postingStart, postings };
}

export function createIndexFromPrepared(records: readonly PreparedRecord[]): MatchIndex {
  return indexFromKeys(records, computeKeys(records));
}

/** Probe keys as index key ids, CSR: probe p's are ids[start[p] .. start[p + 1]). */
export interface ProbeKeys {
  start: Int32Array;
  ids: Int32Array;
}

/** Keys of each probe that the index knows, as index key ids (CSR: ids[start[p] .. start[p + 1])). */
export function probeKeyIds(index: MatchIndex, probes: readonly PreparedRecord[]): ProbeKeys {
  const { start: keyStart, hashes } = computeKeys(probes);
  const ids = new Int32Array(hashes.length);
  const start = new Int32Array(probes.length + 1);
  let length = 0;
  for (let p = 0; p < probes.length; p += 1) {
    start[p] = length;
    for (let at = keyStart[p] ?? 0; at < (keyStart[p + 1] ?? 0); at += 1) {
      const id = index.keys.get(hashes[at] ?? 0);
      if (id >= 0) ids[length++] = id;
    }
  }
  start[probes.length] = length;
  return { start, ids: ids.subarray(0, length) };
}

/**
 * Block sizes on the probes' side for each index key. With `counterpart` (an index over the probes'
 * whole list, for incremental re-mapping of a few changed records) the sizes come from that list, so
 * the caps, and the results, equal those of a full run.
 */
export function probeSideCounts(
  index: MatchIndex,
  keys: { start: Int32Array; ids: Int32Array },
  counterpart?: MatchIndex,
): Int32Array {
  const counts = new Int32Array(index.keyHashes.length);
  if (counterpart) {
    for (const id of keys.ids) {
      if (counts[id] !== 0) continue;
      const other = counterpart.keys.get(index.keyHashes[id] ?? -1);
      counts[id] = Math.max(1, other < 0 ? 0 : (counterpart.keyCounts[other] ?? 0));
    }
  } else {
    const ids = keys.ids;
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at] ?? 0;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

/** Every (probe, indexed record) pair sharing a key whose block is under its cap, each pair once. */
export function findCandidates(
  index: MatchIndex,
  probeCount: number,
  keys: { start: Int32Array; ids: Int32Array },
  probeCounts: Int32Array,
  options: BlockingOptions = {},
): CandidatePairs {
  const maxPairs = options.maxBlockPairs ?? defaultMaxBlockPairs;
  const caps = [
    maxPairs,
    options.maxExactBlockPairs ?? defaultMaxExactBlockPairs,
    options.maxTypoBlockPairs ?? Math.min(maxPairs, defaultMaxTypoBlockPairs),
  ];
  const allowed = new Uint8Array(index.keyHashes.length);
  const keyIds = keys.ids;
  for (let at = 0; at < keyIds.length; at += 1) {
    const id = keyIds[at] ?? 0;
    const pairs = (index.keyCounts[id] ?? 0) * (probeCounts[id] ?? 0);
    allowed[id] = pairs <= (caps[index.keyClass[id] ?? 0] ?? maxPairs) ? 1 : 0;
  }
  const seenBy = new Int32Array(index.records.length).fill(-1);
  let probe = new Int32Array(1024);
  let target = new Int32Array(1024);
  let length = 0;
  const { postingStart, postings } = index;
  for (let p = 0; p < probeCount; p += 1) {
    for (let at = keys.start[p] ?? 0; at < (keys.start[p + 1] ?? 0); at += 1) {
      const id = keyIds[at] ?? 0;
      if (allowed[id] === 0) continue;
      for (let q = postingStart[id] ?? 0; q < (postingStart[id + 1] ?? 0); q += 1) {
        const r = postings[q] ?? 0;
        if (seenBy[r] === p) continue;
        seenBy[r] = p;
        if (length === probe.length) {
          const grownProbe = new Int32Array(length * 2);
          grownProbe.set(probe);
          probe = grownProbe;
          const grownTarget = new Int32Array(length * 2);
          grownTarget.set(target);
          target = grownTarget;
        }
        probe[length] = p;
        target[length] = r;
        length += 1;
      }
    }
  }
  return { probe, target, length };
}
