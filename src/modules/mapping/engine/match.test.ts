import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Match, type MatchRecord, matchAccounts } from "./match.ts";
import { consumerDomains } from "./normalise.ts";

const pairs = (matches: Match[]) => matches.map((m) => `${m.leftId}|${m.rightId}`);
const mirrored = (matches: Match[]) =>
  matches
    .map((m) => ({ ...m, leftId: m.rightId, rightId: m.leftId }))
    .sort((a, b) => (a.leftId + a.rightId < b.leftId + b.rightId ? -1 : 1));
const sortedMatches = (matches: Match[]) =>
  [...matches].sort((a, b) => (a.leftId + a.rightId < b.leftId + b.rightId ? -1 : 1));

describe("matchAccounts", () => {
  it("matches on an equal company domain and explains why", () => {
    const { same } = matchAccounts(
      [{ id: "v1", name: "Acme Corporation", website: "https://www.acme.com/about", country: "US" }],
      [{ id: "p1", name: "ACME CORP", website: "acme.com", country: "us" }],
    );
    expect(same).toEqual([
      {
        leftId: "v1",
        rightId: "p1",
        score: 1,
        kind: "same",
        evidence: ["same domain acme.com", "name 1.00", "country US"],
      },
    ]);
  });

  it("reads a country in any spelling: United States, USA and US agree, Deutschland is not the US", () => {
    const vendor = [{ id: "v1", name: "Brightwater Analytics Inc", country: "United States" }];
    const { same } = matchAccounts(vendor, [{ id: "p1", name: "Brightwater Analytics", country: "USA" }]);
    expect(same.map((m) => [m.leftId, m.rightId])).toEqual([["v1", "p1"]]);
    expect(same[0]?.evidence).toContain("country US");
    const abroad = matchAccounts(vendor, [
      { id: "p2", name: "Brightwater Analytics", country: "Deutschland" },
    ]);
    expect(abroad.same).toEqual([]);
  });

  it("matches EDGAR spellings without any website", () => {
    const { same } = matchAccounts(
      [
        { id: "a", name: "HUNT J B TRANSPORT SERVICES INC" },
        { id: "b", name: "COSTCO WHOLESALE CORP /NEW" },
        { id: "c", name: "SMITH A O CORP" },
      ],
      [
        { id: "x", name: "J.B. Hunt Transport Services, Inc." },
        { id: "y", name: "Costco Wholesale Corporation" },
        { id: "z", name: "A. O. Smith Corporation" },
      ],
    );
    expect(pairs(same)).toEqual(["a|x", "b|y", "c|z"]);
  });

  it("reports subsidiaries as related, not same", () => {
    const result = matchAccounts(
      [{ id: "v", name: "Ameren Corp" }],
      [{ id: "p", name: "Ameren Illinois Co" }],
    );
    expect(result.same).toEqual([]);
    expect(result.related).toHaveLength(1);
    expect(result.related[0]?.kind).toBe("related");
    expect(result.related[0]?.evidence.at(-1)).toBe('"ameren" is the start of the other name');
  });

  it("keeps hard negatives apart", () => {
    const result = matchAccounts(
      [
        { id: "1", name: "Delta Air Lines, Inc." },
        { id: "2", name: "Enovis Corp" },
        { id: "3", name: "First Solar Inc" },
        { id: "4", name: "Eaton Vance Municipal Income Trust" },
      ],
      [
        { id: "a", name: "Delta Apparel Inc" },
        { id: "b", name: "Enovix Corporation" },
        { id: "c", name: "First Bancorp" },
        { id: "d", name: "Eaton Vance Municipal Bond Fund" },
      ],
    );
    expect(result).toEqual({ same: [], related: [] });
  });

  it("does not call the same name in different countries the same company", () => {
    const { same } = matchAccounts(
      [{ id: "1", name: "Acme Ltd", country: "GB" }],
      [{ id: "2", name: "Acme Ltd", country: "DE" }],
    );
    expect(same).toEqual([]);
  });

  it("does not match on conflicting domains for a typo-level name", () => {
    const { same } = matchAccounts(
      [{ id: "1", name: "Northwind Traders", website: "northwind.com" }],
      [{ id: "2", name: "Northwind Trader", website: "northwind-traders.io" }],
    );
    expect(same).toEqual([]);
  });

  it("ignores free-mail domains even when they are equal", () => {
    const { same, related } = matchAccounts(
      [{ id: "1", name: "Blue Bakery", website: "owner@gmail.com" }],
      [{ id: "2", name: "Red Garage", website: "https://gmail.com" }],
    );
    expect(same).toEqual([]);
    expect(related).toEqual([]);
  });
});

const nameArb = fc
  .array(
    fc.constantFrom("acme", "global", "delta", "north", "wind", "solar", "bank", "first", "zeta", "omega"),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .chain((words) =>
    fc
      .constantFrom("", " Inc", " Corp", " GmbH", " Ltd", " S.A.")
      .map((form) => words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(" ") + form),
  );
const websiteArb = fc.option(
  fc.constantFrom("acme.com", "https://www.delta.io", "solar.de", "gmail.com", "a.github.io"),
);
const countryArb = fc.option(fc.constantFrom("US", "DE", "GB"));
const recordsArb = (prefix: string) =>
  fc
    .array(fc.record({ name: nameArb, website: websiteArb, country: countryArb }), { maxLength: 12 })
    .map((rows): MatchRecord[] => rows.map((row, i) => ({ id: `${prefix}${i}`, ...row })));

describe("matchAccounts properties", () => {
  it("is symmetric: swapping the sides mirrors the result", () => {
    fc.assert(
      fc.property(recordsArb("l"), recordsArb("r"), (left, right) => {
        const forward = matchAccounts(left, right);
        const backward = matchAccounts(right, left);
        expect(sortedMatches(backward.same)).toEqual(mirrored(forward.same));
        expect(sortedMatches(backward.related)).toEqual(mirrored(forward.related));
      }),
      { numRuns: 300 },
    );
  });

  it("reports each pair at most once, with a score in 0..1 and its evidence", () => {
    fc.assert(
      fc.property(recordsArb("l"), recordsArb("r"), (left, right) => {
        const { same, related } = matchAccounts(left, right);
        const all = [...same, ...related];
        expect(new Set(pairs(all)).size).toBe(all.length);
        for (const match of all) {
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(1);
          expect(match.evidence.some((line) => line.startsWith("name "))).toBe(true);
        }
        for (const match of same) expect(match.score).toBeGreaterThanOrEqual(0.9);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(recordsArb("l"), recordsArb("r"), (left, right) => {
        expect(matchAccounts(left, right)).toEqual(matchAccounts(left, right));
      }),
      { numRuns: 100 },
    );
  });

  it("a record always matches an exact copy of itself", () => {
    fc.assert(
      fc.property(nameArb, websiteArb, countryArb, (name, website, country) => {
        const record = { id: "x", name, website, country };
        const { same } = matchAccounts([record], [{ ...record, id: "y" }]);
        expect(pairs(same)).toEqual(["x|y"]);
      }),
      { numRuns: 300 },
    );
  });

  it("consumer domains never create a match", () => {
    fc.assert(
      fc.property(fc.constantFrom(...consumerDomains), nameArb, nameArb, (domain, a, b) => {
        fc.pre(a !== b);
        const withMail = matchAccounts(
          [{ id: "1", name: a, website: `info@${domain}` }],
          [{ id: "2", name: b, website: `https://www.${domain}/x` }],
        );
        const withoutSite = matchAccounts([{ id: "1", name: a }], [{ id: "2", name: b }]);
        expect(withMail).toEqual(withoutSite);
      }),
      { numRuns: 300 },
    );
  });

  it("adding unrelated records never changes existing matches", () => {
    // Unrelated: names built from words the base records never use and no shared website.
    const unrelatedArb = fc
      .array(fc.constantFrom("quill", "ember", "tundra", "vortex", "lumen"), { minLength: 1, maxLength: 3 })
      .map((words) => words.join(" "));
    fc.assert(
      fc.property(
        recordsArb("l"),
        recordsArb("r"),
        fc.array(unrelatedArb, { maxLength: 6 }),
        fc.array(unrelatedArb, { maxLength: 6 }),
        (left, right, extraLeft, extraRight) => {
          const before = matchAccounts(left, right);
          const after = matchAccounts(
            [...left, ...extraLeft.map((name, i) => ({ id: `xl${i}`, name }))],
            [...right, ...extraRight.map((name, i) => ({ id: `xr${i}`, name }))],
          );
          const existing = (m: Match) => !m.leftId.startsWith("x") && !m.rightId.startsWith("x");
          expect(after.same.filter(existing)).toEqual(before.same);
          expect(after.related.filter(existing)).toEqual(before.related);
        },
      ),
      { numRuns: 200 },
    );
  });
});
