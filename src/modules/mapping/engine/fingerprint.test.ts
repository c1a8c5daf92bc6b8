import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAccounts } from "../../../../bench/mapping-csv.ts";
import { generateMappingData } from "../../../../bench/mapping-generator.ts";
import { prepareAll } from "./blocking.ts";
import { fingerprintSize, mayMatch, writeFingerprints } from "./fingerprint.ts";
import { candidatesOfLists } from "./list-join.ts";
import { type MatchRecord, matchAccounts, scoreCandidates } from "./match.ts";
import { scorePair } from "./score.ts";

// Words close to each other (typos, shared stems, region words) so that many pairs sit near the
// thresholds and the relations.
const words = [
  "baker",
  "bakor",
  "bakers",
  "supply",
  "suply",
  "acme",
  "acne",
  "north",
  "northwind",
  "wind",
  "europe",
  "illinois",
  "usa",
  "bakerx",
  "bakre",
  "northwnd",
  "holdings",
  "services",
  "servces",
  "ibm",
  "bsupply",
];
const nameArb = fc
  .array(fc.constantFrom(...words, "and", "the", "group", "a"), { minLength: 0, maxLength: 4 })
  .chain((parts) =>
    fc.constantFrom("", " Inc", " Corp", " GmbH", " LLC", " S.A.").map((form) => parts.join(" ") + form),
  );
const recordArb = fc.record({
  name: nameArb,
  website: fc.option(
    fc.constantFrom("acme.com", "acme.de", "baker.co.uk", "baker.com", "north.io", "gmail.com"),
  ),
  country: fc.option(fc.constantFrom("US", "DE", "GB")),
});
const listArb = (prefix: string) =>
  fc
    .array(recordArb, { minLength: 1, maxLength: 15 })
    .map((rows): MatchRecord[] => rows.map((row, i) => ({ id: `${prefix}${i}`, ...row })));

describe("fingerprints", () => {
  it("turn a pair down only when scorePair finds nothing", () => {
    fc.assert(
      fc.property(listArb("l"), listArb("r"), fc.constantFrom(0.8, 0.9, 0.95), (left, right, threshold) => {
        const a = prepareAll(left);
        const b = prepareAll(right);
        const fa = new Int32Array(fingerprintSize * a.length);
        const fb = new Int32Array(fingerprintSize * b.length);
        writeFingerprints(a, fa);
        writeFingerprints(b, fb);
        for (let i = 0; i < a.length; i += 1)
          for (let j = 0; j < b.length; j += 1)
            if (!mayMatch(fa, i, fb, j, threshold))
              expect(scorePair(a[i] as never, b[j] as never, threshold)).toBeNull();
      }),
      { numRuns: 1500 },
    );
  });

  it("turn plainly different names down", () => {
    const [a, b] = prepareAll([
      { id: "1", name: "Smith Consulting", country: "US" },
      { id: "2", name: "Jones Consulting Group", country: "US" },
    ]);
    const fa = new Int32Array(fingerprintSize);
    const fb = new Int32Array(fingerprintSize);
    writeFingerprints([a as never], fa);
    writeFingerprints([b as never], fb);
    expect(mayMatch(fa, 0, fb, 0)).toBe(false);
    expect(mayMatch(fa, 0, fa, 0)).toBe(true);
    // One first word, and two-word names: siblings only when both last words are region words.
    const [c, d, e] = prepareAll([
      { id: "3", name: "Smith Logistics", country: "US" },
      { id: "4", name: "Smith Europe", country: "US" },
      { id: "5", name: "Smith Illinois", country: "US" },
    ]);
    const fc3 = new Int32Array(3 * fingerprintSize);
    writeFingerprints([c, d, e] as never[], fc3);
    expect(mayMatch(fa, 0, fc3, 0)).toBe(false);
    expect(mayMatch(fc3, 1, fc3, 2)).toBe(true);
  });

  it("let one-letter typos of either word through, where few trigrams are left in common", () => {
    for (const [left, right] of [
      ["Kqzxv Wplkj", "Kqzxw Wplkj"],
      ["Wplkj Kqzxv", "Wplkj Kqzxw"],
      ["Wplkj Kqzxv", "Wplkj Kqzx"],
    ]) {
      const records = prepareAll([
        { id: "l", name: left ?? "" },
        { id: "r", name: right ?? "" },
      ]);
      const prints = new Int32Array(2 * fingerprintSize);
      writeFingerprints(records, prints);
      expect(scorePair(records[0] as never, records[1] as never), `${left} / ${right}`).not.toBeNull();
      expect(mayMatch(prints, 0, prints, 1), `${left} / ${right}`).toBe(true);
    }
  });

  it("leave matchAccounts' results as scoring every candidate gives them", () => {
    const { same } = matchAccounts(
      [{ id: "v", name: "Baker Supply Corp", country: "US" }],
      [
        { id: "p1", name: "Bakor Supply Corp.", country: "US" },
        { id: "p2", name: "Baker Supply Corp", country: "DE" },
      ],
    );
    expect(same.map((m) => m.rightId)).toEqual(["p1"]);
  });

  it("change nothing on the benchmark's generated lists (typos, twins, subsidiaries)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ecostack-fingerprints-"));
    try {
      const files = generateMappingData(10_000, 7, dir);
      const vendor = prepareAll(readAccounts(files.vendorPath));
      const partner = prepareAll(readAccounts(files.partnerPath));
      const { candidates, fingerprints } = candidatesOfLists(vendor, partner);
      const filtered = scoreCandidates(vendor, { records: partner }, candidates, undefined, fingerprints);
      const everything = scoreCandidates(vendor, { records: partner }, candidates);
      expect(filtered.same.length).toBeGreaterThan(3_000);
      expect(filtered.related.length).toBeGreaterThan(300);
      expect(filtered).toEqual(everything);
      // The fingerprints do turn most candidates down: that is what they are for.
      let turnedDown = 0;
      for (let c = 0; c < candidates.length; c += 1)
        if (
          !mayMatch(
            fingerprints.probes,
            candidates.probe[c] ?? 0,
            fingerprints.targets,
            candidates.target[c] ?? 0,
          )
        )
          turnedDown += 1;
      expect(turnedDown / candidates.length).toBeGreaterThan(0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
