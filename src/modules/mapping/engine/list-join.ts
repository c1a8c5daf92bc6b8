/**
 * Two whole lists compared without an index (candidatesOfLists → joinKeys): both sides' blocking
 * keys are split into cache-sized partitions by hash, joined partition by partition under the same
 * caps as blocking.ts's index path, and the pairs put in probe order by a radix sort. At a million
 * records a side that avoids one cache miss per key (tens of millions of them), and all of it runs
 * in one buffer (TypedArena) so that the garbage collector is not woken by each big array.
 */

import { TypedArena } from "./arena.ts";
import {
  arenaBytes,
  type BlockingOptions,
  type CandidatePairs,
  computeKeys,
  defaultMaxBlockPairs,
  defaultMaxExactBlockPairs,
  defaultMaxTypoBlockPairs,
  keyBound,
} from "./blocking.ts";
import { fingerprintSize, writeFingerprints } from "./fingerprint.ts";
import type { PreparedRecord } from "./prepare.ts";

/** Key blocks per partition in joinKeys: small enough that a partition's table stays in the cache. */
const partitionTarget = 16_384;

/** A growable pair of Int32Arrays (probe, target), starting on memory the caller lends. */
class PairList {
  length = 0;
  constructor(
    public probe: Int32Array,
    public target: Int32Array,
  ) {}

  reserve(extra: number) {
    const needed = this.length + extra;
    if (needed <= this.probe.length && needed <= this.target.length) return;
    const size = Math.max(1024, needed, this.length * 2);
    const probe = new Int32Array(size);
    probe.set(this.probe.subarray(0, this.length));
    const target = new Int32Array(size);
    target.set(this.target.subarray(0, this.length));
    this.probe = probe;
    this.target = target;
  }
}

/**
 * Candidate pairs of two whole lists from their keys (computeKeys): the pairs findCandidates gives
 * for an index over `right` probed with all of `left` (each pair once, grouped by probe in probe
 * order; within a probe in an order of their own).
 *
 * Instead of one hash table over every key (millions of keys, one cache miss per lookup) the keys
 * of both sides are scattered into partitions by hash; each partition's table is small and stays in
 * the cache while its right keys are counted, its left keys looked up, its caps decided and its
 * pairs listed. The pairs are then put in probe order by a radix sort and made unique. With
 * `consumeKeys` the key arrays themselves hold the pairs (the caller must not use them afterwards).
 */
export function joinKeys(
  left: { start: Int32Array; hashes: Float64Array },
  right: { start: Int32Array; hashes: Float64Array },
  options: BlockingOptions = {},
  arena?: TypedArena,
  consumeKeys = false,
): CandidatePairs {
  const maxPairs = options.maxBlockPairs ?? defaultMaxBlockPairs;
  const caps = [
    maxPairs,
    options.maxExactBlockPairs ?? defaultMaxExactBlockPairs,
    options.maxTypoBlockPairs ?? Math.min(maxPairs, defaultMaxTypoBlockPairs),
    maxPairs,
  ];
  const float64 = (length: number) => (arena ? arena.float64(length) : new Float64Array(length));
  const int32 = (length: number) => (arena ? arena.int32(length) : new Int32Array(length));
  const leftCount = left.start.length - 1;
  const rightCount = right.start.length - 1;
  const occurrencesL = left.hashes.length;
  const occurrencesR = right.hashes.length;
  let bits = 0;
  while (bits < 16 && (occurrencesL + occurrencesR) / 2 ** bits > partitionTarget) bits += 1;
  const parts = 2 ** bits;
  // A key's partition: the top `bits` of its 53-bit hash (multiplying by a power of two is exact).
  const scale = 2 ** (bits - 53);

  // Both sides' keys by partition, each with its record (records stay in order within a partition).
  const scatter = (keys: { start: Int32Array; hashes: Float64Array }, count: number) => {
    const occurrences = keys.hashes.length;
    const begin = new Int32Array(parts + 1);
    for (let at = 0; at < occurrences; at += 1) {
      const part = (((keys.hashes[at] ?? 0) * scale) | 0) + 1;
      begin[part] = (begin[part] ?? 0) + 1;
    }
    for (let part = 0; part < parts; part += 1) begin[part + 1] = (begin[part + 1] ?? 0) + (begin[part] ?? 0);
    const hashes = float64(occurrences);
    const records = int32(occurrences);
    const fill = begin.slice(0, parts);
    for (let r = 0; r < count; r += 1) {
      for (let at = keys.start[r] ?? 0; at < (keys.start[r + 1] ?? 0); at += 1) {
        const hash = keys.hashes[at] ?? 0;
        const part = (hash * scale) | 0;
        const to = fill[part] ?? 0;
        fill[part] = to + 1;
        hashes[to] = hash;
        records[to] = r;
      }
    }
    let largest = 16;
    for (let part = 0; part < parts; part += 1)
      largest = Math.max(largest, (begin[part + 1] ?? 0) - (begin[part] ?? 0));
    return { begin, hashes, records, largest };
  };
  const rightParts = scatter(right, rightCount);
  const leftParts = scatter(left, leftCount);

  const pairs = consumeKeys
    ? new PairList(
        new Int32Array(left.hashes.buffer, left.hashes.byteOffset, occurrencesL * 2),
        new Int32Array(right.hashes.buffer, right.hashes.byteOffset, occurrencesR * 2),
      )
    : new PairList(new Int32Array(1024), new Int32Array(1024));

  // Per partition: number its right keys, count both sides, decide the caps, list the pairs.
  const largest = rightParts.largest;
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const slots = new Int32Array(capacity);
  const localHash = new Float64Array(largest);
  const localOf = new Int32Array(largest);
  const countR = new Int32Array(largest);
  const countL = new Int32Array(largest);
  const postingStart = new Int32Array(largest + 1);
  const postings = new Int32Array(largest);
  const allowed = new Uint8Array(largest);
  const leftLocal = new Int32Array(leftParts.largest);
  for (let part = 0; part < parts; part += 1) {
    const rFrom = rightParts.begin[part] ?? 0;
    const rTo = rightParts.begin[part + 1] ?? 0;
    const lFrom = leftParts.begin[part] ?? 0;
    const lTo = leftParts.begin[part + 1] ?? 0;
    if (rFrom === rTo || lFrom === lTo) continue;
    let size = 16;
    while (size < (rTo - rFrom) * 2) size *= 2;
    const mask = size - 1;
    slots.fill(-1, 0, size);
    let distinct = 0;
    for (let j = rFrom; j < rTo; j += 1) {
      const hash = rightParts.hashes[j] ?? 0;
      let slot = ((hash / 2097152) >>> 0) & mask;
      let id = slots[slot] ?? -1;
      while (id >= 0 && localHash[id] !== hash) {
        slot = (slot + 1) & mask;
        id = slots[slot] ?? -1;
      }
      if (id < 0) {
        id = distinct;
        distinct += 1;
        slots[slot] = id;
        localHash[id] = hash;
        countR[id] = 0;
        countL[id] = 0;
      }
      localOf[j - rFrom] = id;
      countR[id] = (countR[id] ?? 0) + 1;
    }
    let found = 0;
    for (let j = lFrom; j < lTo; j += 1) {
      const hash = leftParts.hashes[j] ?? 0;
      let slot = ((hash / 2097152) >>> 0) & mask;
      let id = slots[slot] ?? -1;
      while (id >= 0 && localHash[id] !== hash) {
        slot = (slot + 1) & mask;
        id = slots[slot] ?? -1;
      }
      leftLocal[j - lFrom] = id;
      if (id >= 0) {
        countL[id] = (countL[id] ?? 0) + 1;
        found += 1;
      }
    }
    if (found === 0) continue;
    // Postings of the partition's keys, key by key, records in order; and each key's cap.
    let next = 0;
    let listed = 0;
    for (let id = 0; id < distinct; id += 1) {
      const count = countR[id] ?? 0;
      const blockPairs = count * (countL[id] ?? 0);
      const ok = blockPairs > 0 && blockPairs <= (caps[(localHash[id] ?? 0) % 4] ?? maxPairs);
      allowed[id] = ok ? 1 : 0;
      if (ok) listed += blockPairs;
      postingStart[id] = next;
      countR[id] = next;
      next += count;
    }
    postingStart[distinct] = next;
    for (let j = rFrom; j < rTo; j += 1) {
      const id = localOf[j - rFrom] ?? 0;
      const to = countR[id] ?? 0;
      countR[id] = to + 1;
      postings[to] = rightParts.records[j] ?? 0;
    }
    if (listed === 0) continue;
    pairs.reserve(listed);
    const probeList = pairs.probe;
    const targetList = pairs.target;
    let length = pairs.length;
    for (let j = lFrom; j < lTo; j += 1) {
      const id = leftLocal[j - lFrom] ?? -1;
      if (id < 0 || allowed[id] === 0) continue;
      const p = leftParts.records[j] ?? 0;
      for (let q = postingStart[id] ?? 0; q < (postingStart[id + 1] ?? 0); q += 1) {
        probeList[length] = p;
        targetList[length] = postings[q] ?? 0;
        length += 1;
      }
    }
    pairs.length = length;
  }

  // Probe order: a stable radix sort on the probe (11 bits a pass), into the partition arrays,
  // which are free by now.
  const total = pairs.length;
  let probe = pairs.probe;
  let target = pairs.target;
  const spare = (buffer: Float64Array) =>
    buffer.length * 2 >= total
      ? new Int32Array(buffer.buffer, buffer.byteOffset, total)
      : new Int32Array(total);
  let otherProbe = spare(leftParts.hashes);
  let otherTarget = spare(rightParts.hashes);
  const digits = new Int32Array(2049);
  for (let low = 0; leftCount > 1 && low < 31 && 2 ** low < leftCount; low += 11) {
    digits.fill(0);
    for (let i = 0; i < total; i += 1) {
      const digit = (((probe[i] ?? 0) >>> low) & 2047) + 1;
      digits[digit] = (digits[digit] ?? 0) + 1;
    }
    for (let d = 0; d < 2048; d += 1) digits[d + 1] = (digits[d + 1] ?? 0) + (digits[d] ?? 0);
    for (let i = 0; i < total; i += 1) {
      const p = probe[i] ?? 0;
      const digit = (p >>> low) & 2047;
      const to = digits[digit] ?? 0;
      digits[digit] = to + 1;
      otherProbe[to] = p;
      otherTarget[to] = target[i] ?? 0;
    }
    [probe, otherProbe] = [otherProbe, probe];
    [target, otherTarget] = [otherTarget, target];
  }

  // Each pair once: a record seen by the current probe is skipped (compacting in place).
  const seenBy = int32(rightCount).fill(-1);
  let length = 0;
  for (let i = 0; i < total; i += 1) {
    const p = probe[i] ?? 0;
    const r = target[i] ?? 0;
    if (seenBy[r] === p) continue;
    seenBy[r] = p;
    probe[length] = p;
    target[length] = r;
    length += 1;
  }
  // Without an arena, copied out: the views above keep the partition arrays alive.
  return arena && probe.length >= length
    ? { probe: probe.subarray(0, length), target: target.subarray(0, length), length }
    : { probe: probe.slice(0, length), target: target.slice(0, length), length };
}

/** Candidate pairs of two whole lists, with both lists' fingerprints for scoring (see mayMatch). */
export interface ListCandidates {
  candidates: CandidatePairs;
  fingerprints: { probes: Int32Array; targets: Int32Array };
}

/**
 * Candidate pairs of two whole prepared lists: all key arrays, the candidates and the fingerprints in
 * one arena (see TypedArena), which lives as long as the result does.
 */
export function candidatesOfLists(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  options: BlockingOptions = {},
  arena = new TypedArena(
    arenaBytes(keyBound(left), keyBound(right), right.length) +
      4 * fingerprintSize * (left.length + right.length),
  ),
): ListCandidates {
  const fingerprints = {
    probes: arena.int32(fingerprintSize * left.length),
    targets: arena.int32(fingerprintSize * right.length),
  };
  writeFingerprints(left, fingerprints.probes);
  writeFingerprints(right, fingerprints.targets);
  const candidates = joinKeys(computeKeys(left, arena), computeKeys(right, arena), options, arena, true);
  return { candidates, fingerprints };
}
