/**
 * Blocking: which pairs are worth scoring. Each record gets a few keys (domain, compact name, sorted
 * words, name prefix/suffix, each word, initials); an index maps every key to the records holding it
 * (CSR arrays, no per-key objects) and a probe gathers the records sharing any key. Keys that many
 * records share on both sides ("global", "tech") carry little identity and are skipped once their
 * block (left count × right count) passes a cap; the cap looks at both sides' counts so the candidate
 * set, and with it every result, is symmetric. Cost is linear in records plus candidate pairs.
 */
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

/**
 * 53-bit hash of a key kind plus text[from, to): two 32-bit multiplicative hashes combined. Hashing
 * beats a Map of concatenated key strings several times over at millions of keys; two keys sharing
 * a 53-bit hash (about one chance in a billion at 4M keys) would only add candidates, never matches.
 */
function hashKey(kind: number, text: string, from: number, to: number, skip = -1): number {
  let h1 = 0x811c9dc5 ^ kind;
  let h2 = 0x01000193 ^ Math.imul(kind, 0x9e3779b1);
  for (let i = from; i < to; i += 1) {
    if (i === skip) continue;
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/** Open-addressing table from key hash to a dense key id (0, 1, 2, … in order of first sight). */
export class KeyTable {
  private slots: Float64Array;
  private ids: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity).fill(-1);
    this.ids = new Int32Array(capacity);
  }

  private slotOf(hash: number): number {
    const mask = this.slots.length - 1;
    let slot = ((hash % 4294967296) ^ Math.floor(hash / 4294967296)) & mask;
    while (this.slots[slot] !== -1 && this.slots[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  get(hash: number): number {
    const slot = this.slotOf(hash);
    return this.slots[slot] === hash ? (this.ids[slot] ?? -1) : -1;
  }

  /** The key's id, adding it (as the next id) when new. */
  add(hash: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const slot = this.slotOf(hash);
    if (this.slots[slot] === hash) return this.ids[slot] ?? -1;
    this.slots[slot] = hash;
    this.ids[slot] = this.size;
    this.size += 1;
    return this.size - 1;
  }

  private grow() {
    const oldSlots = this.slots;
    const oldIds = this.ids;
    this.slots = new Float64Array(oldSlots.length * 2).fill(-1);
    this.ids = new Int32Array(oldSlots.length * 2);
    for (let i = 0; i < oldSlots.length; i += 1) {
      const hash = oldSlots[i] ?? -1;
      if (hash === -1) continue;
      const slot = this.slotOf(hash);
      this.slots[slot] = hash;
      this.ids[slot] = oldIds[i] ?? 0;
    }
  }
}

const kindDomain = 1;
const kindCompact = 2;
const kindSortedWords = 3;
const kindPrefix = 4;
const kindSuffix = 5;
const kindWord = 6;
const kindInitials = 7;
const kindTypo = 8;

/**
 * Blocking keys of a record as (hash, exact): domain, compact name and sorted words are exact keys;
 * the name's prefix and suffix, each word and the initials are capped ones.
 */
export function forEachBlockingKey(
  record: PreparedRecord,
  emit: (hash: number, keyClass: number) => void,
): void {
  if (record.domain) emit(hashKey(kindDomain, record.domain, 0, record.domain.length), exactKey);
  const compact = record.compact;
  if (compact.length === 0) return;
  emit(hashKey(kindCompact, compact, 0, compact.length), exactKey);
  if (record.coreTokens.length > 1)
    emit(hashKey(kindSortedWords, record.sortedCore, 0, record.sortedCore.length), exactKey);
  // The compact core itself and with each letter left out: two names one typo apart (a letter dropped,
  // added, swapped or wrong) share one of these keys, whatever words they share.
  if (compact.length >= 5 && compact.length <= 40) {
    emit(hashKey(kindTypo, compact, 0, compact.length), typoKey);
    for (let skip = 0; skip < compact.length; skip += 1)
      if (skip === 0 || compact.charCodeAt(skip) !== compact.charCodeAt(skip - 1))
        emit(hashKey(kindTypo, compact, 0, compact.length, skip), typoKey);
  }
  // The prefix and suffix catch a changed or dropped word at the other end.
  if (compact.length >= 5) emit(hashKey(kindPrefix, compact, 0, 5), capped);
  if (compact.length >= 8) emit(hashKey(kindSuffix, compact, compact.length - 5, compact.length), capped);
  for (const token of record.uniqueTokens)
    if (token.length >= 2) emit(hashKey(kindWord, token, 0, token.length), capped);
  if (record.initials !== null && record.initials.length <= 5)
    emit(hashKey(kindInitials, record.initials, 0, record.initials.length), capped);
  else if (record.coreTokens.length === 1 && compact.length >= 2 && compact.length <= 5)
    emit(hashKey(kindInitials, compact, 0, compact.length), capped);
}

export function prepareAll(records: readonly MatchRecord[]): PreparedRecord[] {
  const prepared = new Array<PreparedRecord>(records.length);
  for (let i = 0; i < records.length; i += 1) prepared[i] = prepareRecord(records[i] as MatchRecord);
  return prepared;
}

/** A growable Int32Array. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }
}

export function createIndexFromPrepared(records: readonly PreparedRecord[]): MatchIndex {
  const keys = new KeyTable(records.length * 4);
  const hashes: number[] = [];
  const classes: number[] = [];
  const recordKeys = new IntList();
  const recordStart = new Int32Array(records.length + 1);
  const add = (hash: number, keyClass: number) => {
    const id = keys.add(hash);
    if (id === hashes.length) {
      hashes.push(hash);
      classes.push(keyClass);
    }
    recordKeys.push(id);
  };
  for (let r = 0; r < records.length; r += 1) {
    recordStart[r] = recordKeys.length;
    forEachBlockingKey(records[r] as PreparedRecord, add);
  }
  recordStart[records.length] = recordKeys.length;
  const keyCount = hashes.length;
  const keyCounts = new Int32Array(keyCount);
  for (let at = 0; at < recordKeys.length; at += 1) {
    const id = recordKeys.values[at] ?? 0;
    keyCounts[id] = (keyCounts[id] ?? 0) + 1;
  }
  const postingStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k += 1) postingStart[k + 1] = (postingStart[k] ?? 0) + (keyCounts[k] ?? 0);
  const fill = postingStart.slice(0, keyCount);
  const postings = new Int32Array(recordKeys.length);
  for (let r = 0; r < records.length; r += 1) {
    for (let at = recordStart[r] ?? 0; at < (recordStart[r + 1] ?? 0); at += 1) {
      const id = recordKeys.values[at] ?? 0;
      postings[fill[id] ?? 0] = r;
      fill[id] = (fill[id] ?? 0) + 1;
    }
  }
  return {
    records,
    keys,
    keyHashes: Float64Array.from(hashes),
    keyClass: Uint8Array.from(classes),
    keyCounts,
    postingStart,
    postings,
  };
}

/** Keys of each probe that the index knows, as index key ids (CSR: ids[start[p] .. start[p + 1])). */
export function probeKeyIds(index: MatchIndex, probes: readonly PreparedRecord[]) {
  const ids = new IntList();
  const start = new Int32Array(probes.length + 1);
  const add = (hash: number) => {
    const id = index.keys.get(hash);
    if (id >= 0) ids.push(id);
  };
  for (let p = 0; p < probes.length; p += 1) {
    start[p] = ids.length;
    forEachBlockingKey(probes[p] as PreparedRecord, add);
  }
  start[probes.length] = ids.length;
  return { start, ids: ids.values.subarray(0, ids.length) };
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
  } else for (const id of keys.ids) counts[id] = (counts[id] ?? 0) + 1;
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
  for (const id of keys.ids) {
    const pairs = (index.keyCounts[id] ?? 0) * (probeCounts[id] ?? 0);
    allowed[id] = pairs <= (caps[index.keyClass[id] ?? 0] ?? maxPairs) ? 1 : 0;
  }
  const seenBy = new Int32Array(index.records.length).fill(-1);
  let probe = new Int32Array(1024);
  let target = new Int32Array(1024);
  let length = 0;
  for (let p = 0; p < probeCount; p += 1) {
    for (let at = keys.start[p] ?? 0; at < (keys.start[p + 1] ?? 0); at += 1) {
      const id = keys.ids[at] ?? 0;
      if (allowed[id] === 0) continue;
      for (let q = index.postingStart[id] ?? 0; q < (index.postingStart[id + 1] ?? 0); q += 1) {
        const r = index.postings[q] ?? 0;
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
