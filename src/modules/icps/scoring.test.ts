/**
 * ICP scoring: exact examples for each criterion kind and the schema's error paths, plus property
 * tests for the guarantees the product promises (scores stay integral in 0–100, a criterion an
 * account meets never lowers its score, losing data never raises it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountFacts,
  type AttributeValue,
  bandForScore,
  type CustomAttributeOperator,
  createIcpScorer,
  fitBandThresholds,
  type IcpCriterion,
  icpCriteriaSchema,
  icpCriterionSchema,
  scoreAccountFit,
  scoreDistribution,
} from "./scoring.ts";

const manufacturingIcp: { criteria: IcpCriterion[] } = {
  criteria: [
    { kind: "industry", weight: 30, values: ["Manufacturing", "Logistics"] },
    { kind: "employees", weight: 20, min: 200, max: 2000 },
    { kind: "country", weight: 10, values: ["DE", "AT", "CH"] },
    { kind: "technologies", weight: 25, match: "any", values: ["SAP", "Oracle"] },
    { kind: "custom_attribute", weight: 15, key: "segment", operator: "eq", value: "Mid-market" },
  ],
};

describe("scoreAccountFit", () => {
  it("reads a country rule and an account's country in any spelling of the same country", () => {
    const icp = {
      criteria: [{ kind: "country" as const, weight: 10, values: ["United States", "Deutschland"] }],
    };
    expect(scoreAccountFit(icp, { country: "US", technologies: [] }).score).toBe(100);
    expect(scoreAccountFit(icp, { country: "USA", technologies: [] }).score).toBe(100);
    expect(scoreAccountFit(icp, { country: "DE", technologies: [] }).score).toBe(100);
    expect(scoreAccountFit(icp, { country: "AT", technologies: [] }).score).toBe(0);
    expect(scoreAccountFit(icp, { country: "EMEA", technologies: [] }).score).toBe(0);
  });

  it("scores round(100 × matched weight / total weight) with a reason per criterion", () => {
    const fit = scoreAccountFit(manufacturingIcp, {
      industry: "  manufacturing ",
      employees: 150,
      country: "de",
      technologies: ["sap", "Salesforce"],
      attributes: { Segment: "MID-MARKET" },
    });
    expect([fit.score, fit.band]).toEqual([80, "A"]);
    expect(fit.reasons[0]).toEqual({
      criterion: "Industry is one of Manufacturing, Logistics",
      weight: 30,
      matched: true,
      detail: "Industry is manufacturing",
    });
    expect(fit.reasons.slice(1).map((r) => [r.criterion, r.weight, r.matched, r.detail])).toEqual([
      ["Employees between 200 and 2,000", 20, false, "150 employees, below the minimum of 200"],
      ["Country is one of DE, AT, CH", 10, true, "Country is de"],
      ["Uses any of SAP, Oracle", 25, true, "Uses SAP"],
      ["Attribute 'segment' is Mid-market", 15, true, "'segment' is MID-MARKET"],
    ]);
  });

  it("treats missing and blank data as not matched and says so", () => {
    const fit = scoreAccountFit(manufacturingIcp, { industry: "  ", technologies: [] });
    expect(fit.score).toBe(0);
    expect(fit.band).toBe("C");
    expect(fit.reasons.map((r) => r.detail)).toEqual([
      "No industry on the account",
      "No employees on the account",
      "No country on the account",
      "No technologies on the account",
      "No 'segment' attribute on the account",
    ]);
  });

  it("rounds to the nearest integer (halves up) and bands at the exported thresholds", () => {
    const regionCriteria = (weights: number[]): IcpCriterion[] =>
      weights.map((weight, index) => ({ kind: "region", weight, values: [index === 0 ? "emea" : "APAC"] }));
    expect(scoreAccountFit({ criteria: regionCriteria([1, 1, 1]) }, { region: "EMEA" }).score).toBe(33);
    expect(scoreAccountFit({ criteria: regionCriteria([2, 1]) }, { region: "Emea" }).score).toBe(67);
    expect(scoreAccountFit({ criteria: regionCriteria([1, 7]) }, { region: "emea" }).score).toBe(13);
    expect(fitBandThresholds).toEqual({ A: 70, B: 40 });
    expect([100, 70, 69, 40, 39, 0].map(bandForScore)).toEqual(["A", "A", "B", "B", "C", "C"]);
  });

  it("scores an ICP without criteria as 0", () => {
    const fit = scoreAccountFit({ criteria: [] }, { industry: "Retail" });
    expect(fit).toEqual({ score: 0, band: "C", reasons: [] });
  });

  it("explains ranges above the maximum and open-ended ranges", () => {
    const fit = scoreAccountFit(
      {
        criteria: [
          { kind: "annual_revenue", weight: 1, max: 5_000_000 },
          { kind: "employees", weight: 1, min: 10 },
        ],
      },
      { annualRevenue: 12_500_000.5, employees: 10 },
    );
    expect(fit.reasons.map((r) => [r.criterion, r.matched, r.detail])).toEqual([
      [
        "Annual revenue at most 5,000,000",
        false,
        "Annual revenue 12,500,000.5, above the maximum of 5,000,000",
      ],
      ["Employees at least 10", true, "10 employees"],
    ]);
  });

  it("matches technologies any/all case-insensitively", () => {
    const all: IcpCriterion = { kind: "technologies", weight: 1, match: "all", values: ["SAP", "AWS"] };
    expect(scoreAccountFit({ criteria: [all] }, { technologies: ["aws", "SAP "] }).reasons[0]).toMatchObject({
      matched: true,
      detail: "Uses all of them",
    });
    expect(scoreAccountFit({ criteria: [all] }, { technologies: ["aws"] }).reasons[0]).toMatchObject({
      matched: false,
      detail: "Does not use SAP",
    });
    const any: IcpCriterion = { kind: "technologies", weight: 1, match: "any", values: ["SAP"] };
    expect(scoreAccountFit({ criteria: [any] }, { technologies: ["Azure"] }).reasons[0]?.detail).toBe(
      "Uses none of them",
    );
  });

  it("applies every custom attribute operator", () => {
    const attributes: Record<string, AttributeValue> = {
      plan: "Enterprise Plus",
      seats: "250",
      tags: ["EU", "regulated"],
      partnerLed: true,
    };
    const rule = (
      operator: CustomAttributeOperator,
      key: string,
      value: string | number | boolean | string[],
    ) =>
      scoreAccountFit(
        { criteria: [{ kind: "custom_attribute", weight: 1, key, operator, value }] },
        { attributes },
      ).reasons[0]?.matched;
    expect(rule("eq", "PLAN", "enterprise plus")).toBe(true);
    expect(rule("neq", "plan", "Starter")).toBe(true);
    expect(rule("neq", "tags", "eu")).toBe(false);
    expect(rule("in", "tags", ["APAC", "eu"])).toBe(true);
    expect(rule("gte", "seats", 250)).toBe(true);
    expect(rule("lte", "seats", 249)).toBe(false);
    expect(rule("contains", "plan", "plus")).toBe(true);
    expect(rule("eq", "partnerLed", true)).toBe(true);
    expect(rule("gte", "plan", 1)).toBe(false);
    expect(rule("neq", "missing", "x")).toBe(false);
  });

  it("gives the same score through the compiled scorer", () => {
    const scorer = createIcpScorer(manufacturingIcp);
    expect(scorer({ industry: "Logistics", employees: 500 })).toEqual({ score: 50, band: "B" });
  });
});

describe("icpCriteriaSchema", () => {
  const pathsOf = (input: unknown) =>
    icpCriteriaSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("rejects min > max, an empty range and weights out of 1–100, naming the path", () => {
    expect(
      pathsOf([
        { kind: "industry", weight: 10, values: ["Retail"] },
        { kind: "employees", weight: 10, min: 500, max: 50 },
        { kind: "annual_revenue", weight: 10 },
        { kind: "region", weight: 0, values: ["EMEA"] },
        { kind: "country", weight: 101, values: [] },
      ]),
    ).toEqual([
      ["1.min", "must not be greater than max"],
      ["2.min", "needs a min, a max or both"],
      ["3.weight", expect.any(String)],
      ["4.weight", expect.any(String)],
      ["4.values", expect.any(String)],
    ]);
  });

  it("checks that a custom attribute's value fits its operator", () => {
    expect(
      pathsOf([
        { kind: "custom_attribute", weight: 1, key: "seats", operator: "gte", value: "many" },
        { kind: "custom_attribute", weight: 1, key: "tier", operator: "in", value: "gold" },
        { kind: "custom_attribute", weight: 1, key: "tier", operator: "eq", value: ["gold"] },
        { kind: "custom_attribute", weight: 1, key: "tier", operator: "contains", value: 3 },
      ]),
    ).toEqual([
      ["0.value", "must be a number for operator 'gte'"],
      ["1.value", "must be a list for operator 'in'"],
      ["2.value", "must be a single value for operator 'eq'"],
      ["3.value", "must be text for operator 'contains'"],
    ]);
  });

  it("rejects an unknown criterion kind", () => {
    expect(pathsOf([{ kind: "headcount", weight: 1 }])?.[0]?.[0]).toBe("0.kind");
  });
});

describe("scoreDistribution", () => {
  it("buckets scores by ten, with 100 in the last bucket and out-of-range values clamped", () => {
    const buckets = scoreDistribution([0, 9, 10, 39.6, 40, 69, 70, 99, 100, 120, -5, Number.NaN]);
    expect(buckets.map((b) => b.count)).toEqual([3, 1, 0, 0, 2, 0, 1, 1, 0, 3]);
    expect(buckets.map((b) => b.band).join("")).toBe("CCCCBBBAAA");
    expect([buckets[0], buckets[9]].map((b) => [b?.label, b?.from, b?.to])).toEqual([
      ["0–9", 0, 9],
      ["90–100", 90, 100],
    ]);
  });
});

// ---- property tests -------------------------------------------------------------------------

const anyCase = (values: readonly string[]) =>
  fc.constantFrom(...values).chain((v) => fc.constantFrom(v, v.toLowerCase(), v.toUpperCase()));
const industries = ["Manufacturing", "Retail", "Logistics", "Health"];
const countries = ["DE", "FR", "US", "GB"];
const regions = ["EMEA", "NA", "APAC"];
const technologies = ["SAP", "AWS", "Azure", "Salesforce", "Oracle"];
const attributeKeys = ["segment", "tier", "seats", "plan"];
const words = ["enterprise", "smb", "gold", "silver"];

const attributeValueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  anyCase(words),
  fc.integer({ min: 0, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(anyCase(words), fc.integer({ min: 0, max: 1000 })), { maxLength: 3 }),
);

const accountArb: fc.Arbitrary<AccountFacts> = fc.record(
  {
    industry: fc.option(anyCase(industries)),
    employees: fc.option(fc.integer({ min: 0, max: 10_000 })),
    annualRevenue: fc.option(fc.integer({ min: 0, max: 1_000_000_000 })),
    country: fc.option(anyCase(countries)),
    region: fc.option(anyCase(regions)),
    technologies: fc.option(fc.uniqueArray(anyCase(technologies), { maxLength: 4 })),
    attributes: fc.option(
      fc.dictionary(fc.constantFrom(...attributeKeys), attributeValueArb, { maxKeys: 4 }),
    ),
  },
  { requiredKeys: [] },
);

const weightArb = fc.integer({ min: 1, max: 100 });
const boundArb = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
const rangeArb = (max: number) =>
  fc
    .tuple(boundArb(max), boundArb(max))
    .filter(([a, b]) => a !== undefined || b !== undefined)
    .map(([a, b]) => (a !== undefined && b !== undefined && a > b ? { min: b, max: a } : { min: a, max: b }));
const valuesArb = (vocabulary: readonly string[]) =>
  fc.uniqueArray(anyCase(vocabulary), { minLength: 1, maxLength: 3 });
const ruleValueArb = fc.oneof(anyCase(words), fc.integer({ min: 0, max: 1000 }));

const customRuleArb = fc.oneof(
  fc.record({
    operator: fc.constantFrom("eq" as const, "neq" as const),
    value: fc.oneof(ruleValueArb, fc.boolean()),
  }),
  fc.record({
    operator: fc.constant("in" as const),
    value: fc.array(ruleValueArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    operator: fc.constantFrom("gte" as const, "lte" as const),
    value: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({ operator: fc.constant("contains" as const), value: fc.constantFrom("ent", "gold", "s") }),
);

const criterionArb: fc.Arbitrary<IcpCriterion> = fc.oneof(
  fc
    .tuple(weightArb, valuesArb(industries))
    .map(([weight, values]): IcpCriterion => ({ kind: "industry", weight, values })),
  fc
    .tuple(weightArb, valuesArb(countries))
    .map(([weight, values]): IcpCriterion => ({ kind: "country", weight, values })),
  fc
    .tuple(weightArb, valuesArb(regions))
    .map(([weight, values]): IcpCriterion => ({ kind: "region", weight, values })),
  fc
    .tuple(weightArb, rangeArb(10_000))
    .map(([weight, r]): IcpCriterion => ({ kind: "employees", weight, ...r })),
  fc
    .tuple(weightArb, rangeArb(1_000_000_000))
    .map(([weight, r]): IcpCriterion => ({ kind: "annual_revenue", weight, ...r })),
  fc
    .tuple(weightArb, fc.constantFrom("any" as const, "all" as const), valuesArb(technologies))
    .map(([weight, match, values]): IcpCriterion => ({ kind: "technologies", weight, match, values })),
  fc
    .tuple(weightArb, fc.constantFrom(...attributeKeys), customRuleArb)
    .map(([weight, key, rule]): IcpCriterion => ({ kind: "custom_attribute", weight, key, ...rule })),
);

/** Criteria built from the account's own data, so the account meets each one by construction. */
function criteriaMetBy(account: AccountFacts): IcpCriterion[] {
  const met: IcpCriterion[] = [];
  if (account.industry) met.push({ kind: "industry", weight: 7, values: [account.industry.toUpperCase()] });
  if (account.country) met.push({ kind: "country", weight: 3, values: [account.country.toLowerCase()] });
  if (account.region) met.push({ kind: "region", weight: 50, values: [account.region] });
  const { employees, annualRevenue } = account;
  if (typeof employees === "number")
    met.push({ kind: "employees", weight: 9, min: employees, max: employees });
  if (typeof annualRevenue === "number")
    met.push({ kind: "annual_revenue", weight: 100, max: annualRevenue });
  const firstTechnology = account.technologies?.[0];
  if (firstTechnology) met.push({ kind: "technologies", weight: 1, match: "any", values: [firstTechnology] });
  for (const [key, value] of Object.entries(account.attributes ?? {})) {
    if (typeof value === "number")
      met.push({ kind: "custom_attribute", weight: 4, key, operator: "gte", value });
    if (typeof value === "string")
      met.push({ kind: "custom_attribute", weight: 4, key, operator: "eq", value });
  }
  return met;
}

/** "Is not its own value" rules: unmet while the attribute is there, and must stay unmet once it is gone. */
function ownValueExclusions(account: AccountFacts): IcpCriterion[] {
  return Object.entries(account.attributes ?? {}).flatMap(([key, value]): IcpCriterion[] =>
    typeof value === "string" || typeof value === "number"
      ? [{ kind: "custom_attribute", weight: 5, key, operator: "neq", value }]
      : [],
  );
}

const accountFields: (keyof AccountFacts)[] = ["industry", "employees", "annualRevenue", "country", "region"];
const collectionFields: (keyof AccountFacts)[] = ["technologies", "attributes"];

describe("scoring properties", () => {
  it("generated criteria are valid and scores are integers in 0–100 with a band that matches", () => {
    fc.assert(
      fc.property(fc.array(criterionArb, { maxLength: 8 }), accountArb, (criteria, account) => {
        expect(icpCriteriaSchema.safeParse(criteria).success).toBe(true);
        const fit = scoreAccountFit({ criteria }, account);
        expect(Number.isInteger(fit.score)).toBe(true);
        expect(fit.score).toBeGreaterThanOrEqual(0);
        expect(fit.score).toBeLessThanOrEqual(100);
        expect(fit.band).toBe(bandForScore(fit.score));
        expect(fit.reasons).toHaveLength(criteria.length);
        expect(createIcpScorer({ criteria })(account)).toEqual({ score: fit.score, band: fit.band });
      }),
    );
  });

  it("adding a criterion the account meets never lowers its score", () => {
    fc.assert(
      fc.property(
        fc.array(criterionArb, { maxLength: 8 }),
        accountArb,
        fc.nat(),
        (criteria, account, pick) => {
          const met = criteriaMetBy(account);
          fc.pre(met.length > 0);
          const extra = met[pick % met.length] as IcpCriterion;
          expect(icpCriterionSchema.safeParse(extra).success).toBe(true);
          expect(scoreAccountFit({ criteria: [extra] }, account).reasons[0]?.matched).toBe(true);
          const before = scoreAccountFit({ criteria }, account).score;
          const after = scoreAccountFit({ criteria: [...criteria, extra] }, account).score;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it("removing an account's attribute never raises its score", () => {
    fc.assert(
      fc.property(
        fc.array(criterionArb, { maxLength: 8 }),
        accountArb,
        fc.constantFrom(
          ...accountFields,
          ...collectionFields,
          ...attributeKeys.map((k) => `attributes.${k}`),
        ),
        (randomCriteria, account, field) => {
          const criteria = [...randomCriteria, ...criteriaMetBy(account), ...ownValueExclusions(account)];
          const reduced: AccountFacts = { ...account };
          if (field.startsWith("attributes.")) {
            const { [field.slice("attributes.".length)]: _removed, ...rest } = account.attributes ?? {};
            reduced.attributes = rest;
          } else {
            delete reduced[field as keyof AccountFacts];
          }
          const before = scoreAccountFit({ criteria }, account).score;
          expect(scoreAccountFit({ criteria }, reduced).score).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it("distribution counts every finite score exactly once", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 })), (scores) => {
        const buckets = scoreDistribution(scores);
        expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(scores.length);
      }),
    );
  });
});
