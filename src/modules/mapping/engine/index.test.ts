import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMatchIndex, type Match, type MatchRecord, matchAccounts, matchAgainstIndex } from "./match.ts";

const words = ["acme", "global", "delta", "north", "wind", "solar", "bank", "first", "zeta", "omega"];
const recordArb = fc.record({
  name: fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
    .chain((parts) => fc.constantFrom("", " Inc", " GmbH", " Ltd").map((form) => parts.join(" ") + form)),
  website: fc.option(fc.constantFrom("acme.com", "https://www.delta.io/x", "solar.de", "gmail.com")),
  country: fc.option(fc.constantFrom("US", "DE")),
});
const listArb = (prefix: string) =>
  fc
    .array(recordArb, { maxLength: 25 })
    .map((rows): MatchRecord[] => rows.map((row, i) => ({ id: `${prefix}${i}`, ...row })));
const key = (m: Match) => `${m.leftId}|${m.rightId}`;

describe("createMatchIndex / matchAgainstIndex", () => {
  it("gives exactly what matchAccounts gives for the same lists", () => {
    fc.assert(
      fc.property(listArb("l"), listArb("r"), (left, right) => {
        expect(matchAgainstIndex(createMatchIndex(right), left)).toEqual(matchAccounts(left, right));
      }),
      { numRuns: 150 },
    );
  });

  it("re-matching a few changed records with the counterpart index equals the full run for them", () => {
    // Tight caps make block sizes matter, which is what `counterpart` has to get right.
    const options = { maxBlockPairs: 4 };
    fc.assert(
      fc.property(listArb("l"), listArb("r"), fc.array(fc.nat(), { maxLength: 5 }), (left, right, picks) => {
        const changed = [...new Set(picks.map((p) => left[p % Math.max(1, left.length)]))].filter(
          (record): record is MatchRecord => record !== undefined,
        );
        const changedIds = new Set(changed.map((record) => record.id));
        const full = matchAccounts(left, right, options);
        const partial = matchAgainstIndex(createMatchIndex(right), changed, {
          ...options,
          counterpart: createMatchIndex(left),
        });
        const ofChanged = (matches: Match[]) =>
          matches
            .filter((m) => changedIds.has(m.leftId))
            .map(key)
            .sort();
        expect(partial.same.map(key).sort()).toEqual(ofChanged(full.same));
        expect(partial.related.map(key).sort()).toEqual(ofChanged(full.related));
      }),
      { numRuns: 150 },
    );
  });

  it("reuses one index for many probe batches with stable results", () => {
    const index = createMatchIndex([
      { id: "p1", name: "Acme Corporation", website: "acme.com", country: "US" },
      { id: "p2", name: "Northwind Traders GmbH", country: "DE" },
    ]);
    const first = matchAgainstIndex(index, [{ id: "v1", name: "ACME CORP", country: "US" }]);
    const second = matchAgainstIndex(index, [{ id: "v2", name: "Northwind Traders", country: "DE" }]);
    expect(first.same.map(key)).toEqual(["v1|p1"]);
    expect(second.same.map(key)).toEqual(["v2|p2"]);
    expect(matchAgainstIndex(index, [{ id: "v1", name: "ACME CORP", country: "US" }])).toEqual(first);
  });

  it("explains every match in words", () => {
    const { same } = matchAgainstIndex(
      createMatchIndex([{ id: "p", name: "ACME CORP", website: "http://acme.com/en", country: "US" }]),
      [{ id: "v", name: "Acme Corporation", website: "sales@acme.com", country: "US" }],
    );
    expect(same[0]?.evidence.join("; ")).toBe("same domain acme.com; name 1.00; country US");
  });
});
