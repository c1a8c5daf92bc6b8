/**
 * Partner recommendations for a gap: exact ranking and reasons for a cell gap and a VCOC link gap,
 * and properties: never an inactive partner, only partners that fit the gap's layers, scores in
 * 0–100, and the same output whatever order the partners come in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IcpCriterion } from "../icps/scoring.ts";
import type { StrategyPartner } from "./coverage.ts";
import { type RecommendationGap, recommendPartnersForGap } from "./recommendations.ts";
import { buildStackMatrix, findStackGaps } from "./stack-matrix.ts";
import {
  defaultJourneyStages,
  isPartnerType,
  layersServingChannel,
  lifecycleStages,
  partnerTypes,
  partnerTypeTypicalLayer,
  stackLayers,
} from "./vocabulary.ts";

const icp: { criteria: IcpCriterion[] } = {
  criteria: [
    { kind: "industry", weight: 40, values: ["Manufacturing"] },
    { kind: "region", weight: 20, values: ["EMEA"] },
    { kind: "country", weight: 10, values: ["DE"] },
    { kind: "employees", weight: 30, min: 200 },
  ],
};

function partner(fields: Partial<StrategyPartner> & Pick<StrategyPartner, "id" | "name">): StrategyPartner {
  return { layers: [], types: [], lifecycle: "active", regions: [], industries: [], ...fields };
}

const partners: StrategyPartner[] = [
  partner({
    id: "a",
    name: "Bosch Digital",
    layers: ["alliance"],
    types: ["si"],
    regions: ["EMEA"],
    industries: ["Manufacturing"],
  }),
  partner({
    id: "b",
    name: "Globex Consulting",
    layers: ["reseller_msp"],
    types: ["consultancy"],
    lifecycle: "onboarding",
    regions: ["de"],
    industries: ["Retail"],
  }),
  partner({
    id: "c",
    name: "Initech",
    layers: ["alliance"],
    types: ["isv"],
    lifecycle: "prospect",
    regions: ["NA"],
    industries: ["manufacturing"],
  }),
  partner({ id: "d", name: "Old SI", layers: ["alliance"], types: ["si"], lifecycle: "inactive" }),
  partner({
    id: "e",
    name: "Ingram",
    layers: ["reseller_msp"],
    types: ["var"],
    regions: ["EMEA"],
    industries: ["Manufacturing"],
  }),
  partner({
    id: "f",
    name: "Acme",
    layers: ["alliance"],
    types: ["my_custom_type"],
    lifecycle: "recruiting",
  }),
];

describe("recommendPartnersForGap", () => {
  it("ranks partners for a cell gap by layer, type, industries, regions and lifecycle, with why", () => {
    const gap: RecommendationGap = { kind: "cell", layer: "alliance" };
    expect(recommendPartnersForGap(gap, partners, icp)).toEqual([
      {
        partnerId: "a",
        name: "Bosch Digital",
        lifecycle: "active",
        score: 95,
        why: [
          "Alliance layer",
          "System integrator, typical of Alliance",
          "Serves Manufacturing",
          "Covers EMEA",
          "Active partner, can start now",
        ],
      },
      {
        partnerId: "c",
        name: "Initech",
        lifecycle: "prospect",
        score: 65,
        why: [
          "Alliance layer",
          "ISV / technology, typical of Alliance",
          "Serves manufacturing",
          "Prospect, needs recruiting",
        ],
      },
      {
        partnerId: "f",
        name: "Acme",
        lifecycle: "recruiting",
        score: 40,
        why: ["Alliance layer", "Being recruited"],
      },
      {
        partnerId: "b",
        name: "Globex Consulting",
        lifecycle: "onboarding",
        score: 40,
        why: ["Consultancy, typical of Alliance", "Covers de", "Onboarding, ready soon"],
      },
    ]);
  });

  it("targets the layers serving a VCOC link's channel kind and favours partners already assigned", () => {
    const gap: RecommendationGap = {
      kind: "vcoc_link",
      linkName: "Implementation SI",
      channelKind: "fulfilment",
      assignedPartnerIds: ["c"],
    };
    const ranked = recommendPartnersForGap(gap, partners, icp);
    expect(ranked.map((r) => [r.name, r.score])).toEqual([
      ["Bosch Digital", 95],
      ["Ingram", 95],
      ["Globex Consulting", 75],
      ["Initech", 70],
      ["Acme", 40],
    ]);
    expect(ranked.find((r) => r.partnerId === "c")?.why).toContain("Already assigned to 'Implementation SI'");
    expect(recommendPartnersForGap(gap, partners, icp, { limit: 2 }).map((r) => r.partnerId)).toEqual([
      "a",
      "e",
    ]);
  });

  it("takes gaps straight from findStackGaps", () => {
    const matrix = buildStackMatrix({
      stages: defaultJourneyStages,
      playSteps: [],
      partners,
      links: [
        {
          id: "l",
          name: "Implementation SI",
          channelKind: "fulfilment",
          stageWeights: { develop: 5 },
          partnerIds: ["c"],
        },
      ],
      openOpportunities: [],
    });
    const gaps = findStackGaps(matrix, "Mid-market manufacturing");
    const [top] = gaps;
    expect(top).toMatchObject({ kind: "cell", layer: "reseller_msp", stageKey: "develop", importance: 5 });
    if (!top) return;
    expect(recommendPartnersForGap(top, partners, icp).map((r) => [r.name, r.score])).toEqual([
      ["Ingram", 95],
      ["Globex Consulting", 60],
    ]);
    const linkGap = gaps.find((gap) => gap.kind === "vcoc_link");
    expect(
      linkGap && recommendPartnersForGap(linkGap, partners, icp).find((r) => r.partnerId === "c")?.score,
    ).toBe(70);
  });

  it("does not score industries or regions when the ICP has no such criteria", () => {
    const ranked = recommendPartnersForGap({ kind: "cell", layer: "alliance" }, partners, { criteria: [] });
    expect(ranked[0]).toMatchObject({ partnerId: "a", score: 65 });
  });
});

// ---- property tests -------------------------------------------------------------------------

const partnerListArb: fc.Arbitrary<StrategyPartner[]> = fc
  .array(
    fc.record({
      name: fc.constantFrom("Acme", "acme", "Globex", "Initech", "Umbrella"),
      layers: fc.subarray([...stackLayers], { maxLength: 2 }),
      types: fc.subarray([...partnerTypes, "custom"], { maxLength: 2 }),
      lifecycle: fc.constantFrom(...lifecycleStages),
      regions: fc.subarray(["EMEA", "NA", "de", "APAC"], { maxLength: 2 }),
      industries: fc.subarray(["Manufacturing", "retail", "Health"], { maxLength: 2 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) => rows.map((row, index) => ({ id: `id-${(index * 7) % 13}-${index}`, ...row })));

const gapArb: fc.Arbitrary<RecommendationGap> = fc.oneof(
  fc.record({ kind: fc.constant("cell" as const), layer: fc.constantFrom(...stackLayers) }),
  fc.record({
    kind: fc.constant("vcoc_link" as const),
    linkName: fc.constant("Link"),
    channelKind: fc.constantFrom(
      "selling" as const,
      "influencer" as const,
      "referral" as const,
      "fulfilment" as const,
    ),
    assignedPartnerIds: fc.subarray(["id-0-0", "id-7-1", "id-1-2"]),
  }),
);

describe("recommendation properties", () => {
  it("never includes inactive partners, only partners fitting the gap's layers, scores 0–100 in order", () => {
    fc.assert(
      fc.property(gapArb, partnerListArb, (gap, list) => {
        const targetLayers = gap.kind === "cell" ? [gap.layer] : layersServingChannel(gap.channelKind);
        const ranked = recommendPartnersForGap(gap, list, icp);
        const byId = new Map(list.map((p) => [p.id, p]));
        for (const recommendation of ranked) {
          const source = byId.get(recommendation.partnerId);
          expect(source?.lifecycle).not.toBe("inactive");
          const fits =
            source?.layers.some((layer) => targetLayers.includes(layer)) ||
            source?.types.some(
              (type) => isPartnerType(type) && targetLayers.includes(partnerTypeTypicalLayer[type]),
            );
          expect(fits).toBe(true);
          expect(recommendation.score).toBeGreaterThanOrEqual(0);
          expect(recommendation.score).toBeLessThanOrEqual(100);
        }
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]?.score ?? 0).toBeLessThanOrEqual(ranked[i - 1]?.score ?? 0);
        }
      }),
    );
  });

  it("is deterministic: shuffled partners give the same output", () => {
    const scenarioArb = partnerListArb.chain((list) =>
      fc.record({
        list: fc.constant(list),
        shuffled: fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        gap: gapArb,
      }),
    );
    fc.assert(
      fc.property(scenarioArb, ({ list, shuffled, gap }) => {
        expect(recommendPartnersForGap(gap, shuffled, icp)).toEqual(recommendPartnersForGap(gap, list, icp));
      }),
    );
  });
});
