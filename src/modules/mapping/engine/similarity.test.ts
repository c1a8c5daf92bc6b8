import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaroWinkler, softTokenJaccard, trigramDice } from "./similarity.ts";

describe("similarity measures", () => {
  it("computes the textbook Jaro-Winkler values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("abc", "")).toBe(0);
    expect(jaroWinkler("same", "same")).toBe(1);
  });

  it("computes trigram Dice", () => {
    expect(trigramDice("acme", "acme")).toBe(1);
    expect(trigramDice("abc", "xyz")).toBe(0);
    expect(trigramDice("exxonmobil", "exxonmobile")).toBeGreaterThan(0.85);
  });

  it("lets long words bridge a typo but not numbers or short words", () => {
    expect(softTokenJaccard(["eaton", "vance", "enhanced"], ["eaton", "vance", "enhance"])).toBe(1);
    expect(softTokenJaccard(["fund", "ii"], ["fund", "iii"])).toBeCloseTo(1 / 3, 5);
    expect(softTokenJaccard(["notes", "2029"], ["notes", "2028"])).toBeCloseTo(1 / 3, 5);
  });

  it("all measures are symmetric and within 0..1 (property)", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e"), maxLength: 9 });
    fc.assert(
      fc.property(
        word,
        word,
        fc.array(word, { maxLength: 4 }),
        fc.array(word, { maxLength: 4 }),
        (a, b, x, y) => {
          for (const [ab, ba] of [
            [trigramDice(a, b), trigramDice(b, a)],
            [softTokenJaccard(x, y), softTokenJaccard(y, x)],
          ] as const) {
            expect(ab).toBe(ba);
            expect(ab).toBeGreaterThanOrEqual(0);
            expect(ab).toBeLessThanOrEqual(1);
          }
          expect(jaroWinkler(a, b)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
