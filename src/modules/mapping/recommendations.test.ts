/** The pure recommendations core: actions per status pair, stage and play step, scoring, ranking. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankPartners } from "./ecosystem.ts";
import { type OverlapStatus, overlapStatuses } from "./overlaps.ts";
import {
  planFor,
  type RecommendationContext,
  type RecommendationOverlap,
  recommend,
  recommendFor,
  tierWeight,
} from "./recommendations.ts";

const context: RecommendationContext = {
  stages: [
    { id: "s-identify", key: "identify", name: "Identify" },
    { id: "s-reach", key: "reach", name: "Reach" },
    { id: "s-influence", key: "influence", name: "Influence" },
    { id: "s-develop", key: "develop", name: "Develop" },
    { id: "s-expand", key: "expand", name: "Expand" },
  ],
  links: [
    {
      icpId: "icp-1",
      name: "Implementation SI",
      partnerIds: ["p-1"],
      stageWeights: { develop: 5, expand: 3 },
    },
  ],
  playSteps: [
    {
      playId: "play-1",
      playName: "Plant analytics",
      icpId: "icp-1",
      stepId: "step-dev",
      description: "Joint solution design with the SI.",
      stageKey: "develop",
      position: 2,
      partnerIds: ["p-1"],
      leadLayer: null,
    },
    {
      playId: "play-2",
      playName: "Alliance launch",
      icpId: null,
      stepId: "step-influence",
      description: "The alliance layer runs a reference call.",
      stageKey: "influence",
      position: 1,
      partnerIds: [],
      leadLayer: "alliance",
    },
  ],
};

function overlap(overrides: Partial<RecommendationOverlap> = {}): RecommendationOverlap {
  return {
    matchId: "m-1",
    kind: "same",
    evidence: ["same domain acme.com", "name 1.00"],
    vendorStatus: "prospect",
    partnerStatus: "customer",
    account: { id: "a-1", name: "Acme" },
    partnerAccount: { id: "pa-1", name: "ACME INC" },
    partner: { id: "p-1", name: "Fjordline Systems", tier: "Platinum", layers: ["alliance"] },
    fit: { score: 90, band: "A", icpId: "icp-1", icpName: "Manufacturers" },
    openPipeline: 0,
    ...overrides,
  };
}

describe("planFor", () => {
  it("follows the status pair", () => {
    expect(planFor("prospect", "customer")?.action).toBe("warm_intro");
    expect(planFor("opportunity", "opportunity")).toEqual({ action: "co_sell", stageKeys: ["develop"] });
    expect(planFor("customer", "prospect")?.action).toBe("referral");
    expect(planFor("customer", "customer")).toEqual({ action: "co_retain", stageKeys: ["expand"] });
    expect(planFor("prospect", "prospect")).toBeNull();
    expect(planFor("opportunity", "prospect")).toBeNull();
  });
});

describe("recommendFor", () => {
  it("places a warm introduction at Reach, else Influence where a play step exists", () => {
    const r = recommendFor(overlap(), context);
    // No step at Reach; the alliance layer's step at Influence is the partner's layer.
    expect(r).toMatchObject({
      key: "m-1:warm_intro",
      action: "warm_intro",
      stage: { id: "s-influence", name: "Influence" },
      play: {
        id: "play-2",
        name: "Alliance launch",
        stepId: "step-influence",
        stepTitle: "The alliance layer runs a reference call.",
      },
      title: "Ask Fjordline Systems for a warm introduction to Acme",
    });
    expect(r?.reasons).toContain("Play 'Alliance launch' has a step at Influence led by its alliance layer");
  });

  it("prefers a step naming the partner and counts the value-chain link weight at the stage", () => {
    const r = recommendFor(
      overlap({ vendorStatus: "opportunity", partnerStatus: "opportunity", openPipeline: 250_000 }),
      context,
    );
    expect(r).toMatchObject({ action: "co_sell", stage: { name: "Develop" }, play: { stepId: "step-dev" } });
    expect(r?.reasons).toEqual([
      "Acme is in an open opportunity of Fjordline Systems and in an open opportunity for you",
      "Same company: same domain acme.com; name 1.00",
      "ICP fit A (90) for Manufacturers",
      "Open pipeline $250,000",
      "Platinum partner",
      "Value-chain link 'Implementation SI' weighs 5/5 at Develop",
      "Play 'Plant analytics' has a step at Develop with Fjordline Systems",
    ]);
    // 32 base + 22.5 fit + 12.0 pipeline (log scale) + 10 tier + 12 link + 6 step.
    expect(r?.score).toBe(94);
  });

  it("scores a related company lower than the same company, all else equal", () => {
    const same = recommendFor(
      overlap({ partner: { id: "p-9", name: "X", tier: null, layers: [] }, fit: null }),
      context,
    );
    const related = recommendFor(
      overlap({ kind: "related", partner: { id: "p-9", name: "X", tier: null, layers: [] }, fit: null }),
      context,
    );
    expect(same?.score).toBe(30);
    expect(related?.score).toBe(22);
    expect(related?.reasons[1]).toMatch(/^Related company/);
  });

  it("has no stage id when the workspace never stored its journey", () => {
    const r = recommendFor(overlap({ vendorStatus: "customer", partnerStatus: "customer" }), {
      stages: [{ id: "", key: "expand", name: "Expand" }],
      links: [],
      playSteps: [],
    });
    expect(r).toMatchObject({ action: "co_retain", stage: null, play: null });
  });
});

const statusArb = fc.constantFrom<OverlapStatus>(...overlapStatuses);
const overlapArb = fc
  .record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    kind: fc.constantFrom("same", "related"),
    vendorStatus: statusArb,
    partnerStatus: statusArb,
    partner: fc.constantFrom<{ id: string; name: string; tier: string | null; layers: string[] }>(
      { id: "p-1", name: "Fjordline Systems", tier: "Platinum", layers: ["alliance"] },
      { id: "p-2", name: "Kestrel", tier: "Gold", layers: ["reseller_msp"] },
      { id: "p-3", name: "Northwind", tier: null, layers: [] },
    ),
    fit: fc.option(
      fc.record({ score: fc.integer({ min: 0, max: 100 }), band: fc.constantFrom("A", "B", "C") }),
      {
        nil: null,
      },
    ),
    openPipeline: fc.constantFrom(0, 1_000, 40_000, 2_000_000),
  })
  .map(
    (r): RecommendationOverlap =>
      overlap({
        matchId: `m-${r.n}`,
        kind: r.kind,
        vendorStatus: r.vendorStatus,
        partnerStatus: r.partnerStatus,
        partner: r.partner,
        fit: r.fit ? { ...r.fit, icpId: "icp-1", icpName: "Manufacturers" } : null,
        openPipeline: r.openPipeline,
      }),
  );
const uniqueOverlaps = fc.uniqueArray(overlapArb, { selector: (o) => o.matchId, maxLength: 40 });

describe("recommend (properties)", () => {
  it("ranks the same way whatever the input order", () => {
    fc.assert(
      fc.property(uniqueOverlaps, fc.infiniteStream(fc.nat()), (overlaps, seeds) => {
        const shuffled = [...overlaps]
          .map((o) => ({ o, k: seeds.next().value }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.o);
        expect(recommend(shuffled, context)).toEqual(recommend(overlaps, context));
      }),
      { numRuns: 300 },
    );
  });

  it("gives every recommendation a reason, a 0–100 score and the action of its status pair", () => {
    fc.assert(
      fc.property(uniqueOverlaps, (overlaps) => {
        const ranked = recommend(overlaps, context);
        const actionable = overlaps.filter((o) => planFor(o.vendorStatus, o.partnerStatus) !== null);
        expect(ranked).toHaveLength(actionable.length);
        for (const r of ranked) {
          const source = overlaps.find((o) => o.matchId === r.matchId);
          if (!source) throw new Error("recommendation without its overlap");
          expect(r.reasons.length).toBeGreaterThanOrEqual(1);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.action).toBe(planFor(source.vendorStatus, source.partnerStatus)?.action);
        }
        for (let i = 1; i < ranked.length; i++)
          expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rankPartners", () => {
  const figures = (id: string, fit: number, pipeline: number, same: number, tier: string | null) => ({
    partner: { id, name: id, tier, layers: [] },
    partnerAccounts: 100,
    overlaps: { same, related: 0 },
    icpFitProspects: fit,
    openPipeline: pipeline,
    lastMappedAt: null,
  });

  it("puts ICP-fit prospects and pipeline first and does not depend on order", () => {
    const items = [
      figures("a", 10, 0, 50, "Platinum"),
      figures("b", 20, 500_000, 20, null),
      figures("c", 0, 0, 0, "Gold"),
    ];
    const ranked = rankPartners(items);
    expect(ranked.map((r) => [r.partner.id, r.rankScore])).toEqual([
      ["b", 81],
      ["a", 45],
      ["c", 7.5],
    ]);
    expect(rankPartners([...items].reverse())).toEqual(ranked);
  });

  it("weighs tiers", () => {
    expect([tierWeight("Platinum"), tierWeight("gold"), tierWeight(null), tierWeight("Elite")]).toEqual([
      1, 0.75, 0, 0.25,
    ]);
  });
});
