import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TypedArena } from "./arena.ts";
import {
  type BlockingOptions,
  type CandidatePairs,
  computeKeys,
  createIndexFromPrepared,
  findCandidates,
  forEachBlockingKey,
  prepareAll,
  probeKeyIds,
  probeSideCounts,
} from "./blocking.ts";
import { candidatesOfLists, joinKeys } from "./list-join.ts";
import { type MatchRecord, prepareRecord } from "./match.ts";

const words = ["acme", "global", "delta", "north", "wind", "solar", "bank", "first", "zeta", "omega"];
const recordArb = fc.record({
  name: fc
    .array(fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[a-e]{1,7}$/)), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((parts) => fc.constantFrom("", " Inc", " GmbH").map((form) => parts.join(" ") + form)),
  website: fc.option(fc.constantFrom("acme.com", "https://www.delta.io/x", "solar.de", "gmail.com")),
  country: fc.option(fc.constantFrom("US", "DE")),
});
const listArb = (prefix: string) =>
  fc
    .array(recordArb, { maxLength: 30 })
    .map((rows): MatchRecord[] => rows.map((row, i) => ({ id: `${prefix}${i}`, ...row })));
const optionsArb = fc.record({
  maxBlockPairs: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  maxExactBlockPairs: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  maxTypoBlockPairs: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
});

const pairsOf = (candidates: CandidatePairs) =>
  Array.from({ length: candidates.length }, (_, c): [number, number] => [
    candidates.probe[c] ?? -1,
    candidates.target[c] ?? -1,
  ]);
/** Pairs in probe order, each probe's by target: the order within a probe is not part of the contract. */
const sortedPairsOf = (candidates: CandidatePairs) =>
  pairsOf(candidates).sort(([p, r], [q, s]) => p - q || r - s);

/** Candidates the way an index over `right` probed with all of `left` finds them. */
function byIndex(left: MatchRecord[], right: MatchRecord[], options: BlockingOptions): CandidatePairs {
  const probes = prepareAll(left);
  const index = createIndexFromPrepared(prepareAll(right));
  const keys = probeKeyIds(index, probes);
  return findCandidates(index, probes.length, keys, probeSideCounts(index, keys), options);
}

describe("blocking", () => {
  it("the partitioned join of two whole lists gives the index's candidates, grouped by probe", () => {
    fc.assert(
      fc.property(listArb("l"), listArb("r"), optionsArb, (left, right, options) => {
        const joined = candidatesOfLists(prepareAll(left), prepareAll(right), options).candidates;
        expect(sortedPairsOf(joined)).toEqual(sortedPairsOf(byIndex(left, right, options)));
        const probes = pairsOf(joined).map(([p]) => p);
        // Grouped: probes never decrease.
        expect(probes).toEqual([...probes].sort((a, b) => (a ?? 0) - (b ?? 0)));
      }),
      { numRuns: 300 },
    );
  });

  it("joins without an arena exactly as with one", () => {
    fc.assert(
      fc.property(listArb("l"), listArb("r"), (left, right) => {
        const probes = prepareAll(left);
        const indexed = prepareAll(right);
        const plain = joinKeys(computeKeys(probes), computeKeys(indexed));
        expect(pairsOf(plain)).toEqual(pairsOf(candidatesOfLists(probes, indexed).candidates));
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same pairs whatever arena it gets, even one far too small", () => {
    fc.assert(
      fc.property(listArb("l"), listArb("r"), fc.nat(4096), (left, right, bytes) => {
        const probes = prepareAll(left);
        const indexed = prepareAll(right);
        const tiny = candidatesOfLists(probes, indexed, {}, new TypedArena(bytes));
        const plain = candidatesOfLists(probes, indexed);
        expect(pairsOf(tiny.candidates)).toEqual(pairsOf(plain.candidates));
        expect([...tiny.fingerprints.probes]).toEqual([...plain.fingerprints.probes]);
      }),
      { numRuns: 100 },
    );
  });

  it("gives a name with one letter left out the typo key of the full name", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{5,30}$/), fc.nat(), (compact, pick) => {
        const skip = pick % compact.length;
        const full = new Set<number>();
        forEachBlockingKey(prepareRecord({ id: "a", name: compact }), (hash) => full.add(hash));
        const shorter = compact.slice(0, skip) + compact.slice(skip + 1);
        const shared: number[] = [];
        forEachBlockingKey(prepareRecord({ id: "b", name: shorter }), (hash, keyClass) => {
          if (keyClass === 2 && full.has(hash)) shared.push(hash);
        });
        if (shorter.length >= 5) expect(shared.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("finds names one typo apart through typo keys alone, and not names two letters apart", () => {
    // Word, prefix and initials blocks are all over their cap here: only exact and typo keys count.
    const options = { maxBlockPairs: 0, maxTypoBlockPairs: 1 };
    const left = prepareAll([{ id: "l", name: "Zqxvbnm Wplkjhg" }]);
    for (const [name, found] of [
      ["Zqxvbm Wplkjhg", true], // a letter dropped
      ["Zqxvbnnm Wplkjhg", true], // a letter added
      ["Zqxvnbm Wplkjhg", true], // two letters swapped
      ["Zqxvbnm Wplkjhf", true], // a letter wrong
      ["Zqxvbm Wplkjh", false], // two letters dropped
    ] as const) {
      const { candidates } = candidatesOfLists(left, prepareAll([{ id: "r", name }]), options);
      expect(candidates.length, name).toBe(found ? 1 : 0);
    }
  });

  it("keeps a key's class in its hash", () => {
    const classes = new Map<number, number>();
    forEachBlockingKey(
      prepareRecord({ id: "a", name: "Northwind Traders Inc", website: "northwind.com" }),
      (hash, keyClass) => classes.set(hash, keyClass),
    );
    const counts = [0, 0, 0];
    for (const keyClass of classes.values()) counts[keyClass] = (counts[keyClass] ?? 0) + 1;
    // Exact: domain, compact, sorted words. Typo: the compact name and each of its 16 letters left
    // out. Capped: prefix, suffix, two words, initials.
    expect(counts).toEqual([5, 3, 17]);
  });
});
