/**
 * VCOC coverage: exact figures and gap reasons for a small value chain, the edge cases (no links,
 * weightless links, bad weights, unknown partners), and properties: coverage stays in 0..1 and
 * assigning an active partner to a gap link never lowers coverage and removes that gap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StrategyPartner, stageWeightOf, type VcocLink, vcocCoverage } from "./coverage.ts";
import { defaultJourneyStages, lifecycleStages, stackLayers } from "./vocabulary.ts";

const stages = defaultJourneyStages;

function partner(id: string, name: string, lifecycle: StrategyPartner["lifecycle"]): StrategyPartner {
  return {
    id,
    name,
    layers: ["alliance"],
    types: ["si"],
    lifecycle,
    regions: ["EMEA"],
    industries: ["Manufacturing"],
  };
}

const partners = [
  partner("p1", "Northwind Advisory", "active"),
  partner("p2", "Acme Integrators", "onboarding"),
  partner("p3", "Contoso Cloud", "strategic"),
  partner("p4", "Old Reseller", "inactive"),
];

const links: VcocLink[] = [
  {
    id: "l1",
    name: "Strategy advisors",
    channelKind: "referral",
    stageWeights: { identify: 5, reach: 3 },
    partnerIds: ["p1"],
  },
  {
    id: "l2",
    name: "Implementation SI",
    channelKind: "fulfilment",
    stageWeights: { develop: 5, expand: 2 },
    partnerIds: ["p2", "p4"],
  },
  {
    id: "l3",
    name: "Cloud provider",
    channelKind: "selling",
    stageWeights: { influence: 2, develop: 3 },
    partnerIds: ["p3", "p4"],
  },
  { id: "l4", name: "Industry association", channelKind: "influencer", stageWeights: {}, partnerIds: [] },
];

describe("vcocCoverage", () => {
  it("weights links by their stage weights and counts only active or strategic partners", () => {
    const coverage = vcocCoverage(links, partners, stages);
    expect(coverage.overall).toBeCloseTo(13 / 20, 10);
    expect([coverage.coveredWeight, coverage.totalWeight]).toEqual([13, 20]);
    expect(coverage.stages.map((s) => [s.stageName, s.coverage, s.coveredWeight, s.totalWeight])).toEqual([
      ["Identify", 1, 5, 5],
      ["Reach", 1, 3, 3],
      ["Influence", 1, 2, 2],
      ["Develop", 3 / 8, 3, 8],
      ["Expand", 0, 0, 2],
    ]);
    expect(coverage.links).toEqual([
      { linkId: "l1", covered: true, weight: 8, activePartnerIds: ["p1"] },
      { linkId: "l2", covered: false, weight: 7, activePartnerIds: [] },
      { linkId: "l3", covered: true, weight: 5, activePartnerIds: ["p3"] },
      { linkId: "l4", covered: false, weight: 0, activePartnerIds: [] },
    ]);
  });

  it("lists uncovered links heaviest first with a plain-language reason", () => {
    const { gaps } = vcocCoverage(links, partners, stages);
    expect(gaps).toEqual([
      {
        linkId: "l2",
        linkName: "Implementation SI",
        channelKind: "fulfilment",
        weight: 7,
        topStageKey: "develop",
        topStageName: "Develop",
        assignedNotActivePartnerIds: ["p2", "p4"],
        reason:
          "No active partner covers 'Implementation SI' (fulfilment); assigned but not active: " +
          "Acme Integrators (onboarding), Old Reseller (inactive); it matters most at Develop",
      },
      {
        linkId: "l4",
        linkName: "Industry association",
        channelKind: "influencer",
        weight: 0,
        topStageKey: null,
        topStageName: null,
        assignedNotActivePartnerIds: [],
        reason:
          "No active partner covers 'Industry association' (influencer); no journey stage weighs it yet",
      },
    ]);
  });

  it("words the gap of a link with nobody assigned as the issue describes", () => {
    const si: VcocLink = {
      id: "si",
      name: "Implementation SI",
      channelKind: "fulfilment",
      stageWeights: { reach: 1, develop: 4, expand: 4 },
      partnerIds: [],
    };
    expect(vcocCoverage([si], [], stages).gaps[0]?.reason).toBe(
      "No active partner covers 'Implementation SI' (fulfilment); it matters most at Develop",
    );
  });

  it("is 0 without links and the plain covered share when no link carries weight yet", () => {
    expect(vcocCoverage([], partners, stages)).toMatchObject({ overall: 0, gaps: [] });
    const weightless = links.map((link) => ({ ...link, stageWeights: {} }));
    const coverage = vcocCoverage(weightless, partners, stages);
    expect(coverage.overall).toBe(0.5);
    expect(coverage.stages.every((s) => s.coverage === null)).toBe(true);
  });

  it("ignores unknown partners and stages outside the arc, and clamps weights to 0–5", () => {
    const odd: VcocLink = {
      id: "odd",
      name: "Odd",
      channelKind: "selling",
      stageWeights: { identify: 9, reach: -2, retired_stage: 5 },
      partnerIds: ["ghost"],
    };
    expect(stageWeightOf(odd, "identify")).toBe(5);
    expect(stageWeightOf(odd, "reach")).toBe(0);
    const coverage = vcocCoverage([odd], partners, stages);
    expect(coverage).toMatchObject({ overall: 0, totalWeight: 5 });
    expect(coverage.gaps[0]?.assignedNotActivePartnerIds).toEqual([]);
  });

  it("breaks a tie for the top stage by arc order", () => {
    const tie: VcocLink = {
      id: "t",
      name: "Tie",
      channelKind: "referral",
      stageWeights: { expand: 3, reach: 3 },
      partnerIds: [],
    };
    expect(vcocCoverage([tie], [], stages).gaps[0]?.topStageName).toBe("Reach");
  });
});

// ---- property tests -------------------------------------------------------------------------

const stageKeys = stages.map((s) => s.key);

const partnersArb: fc.Arbitrary<StrategyPartner[]> = fc
  .array(
    fc.record({
      lifecycle: fc.constantFrom(...lifecycleStages),
      layers: fc.subarray([...stackLayers], { minLength: 1 }),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map((row, index) => ({
      id: `p${index}`,
      name: `Partner ${index}`,
      types: [],
      regions: [],
      industries: [],
      ...row,
    })),
  );

function linksArb(partnerCount: number): fc.Arbitrary<VcocLink[]> {
  const ids = [...Array.from({ length: partnerCount }, (_, i) => `p${i}`), "unknown"];
  return fc
    .array(
      fc.record({
        channelKind: fc.constantFrom(
          "selling" as const,
          "influencer" as const,
          "referral" as const,
          "fulfilment" as const,
        ),
        stageWeights: fc.dictionary(fc.constantFrom(...stageKeys), fc.integer({ min: 0, max: 5 })),
        partnerIds: fc.subarray(ids),
      }),
      { maxLength: 8 },
    )
    .map((rows) => rows.map((row, index) => ({ id: `l${index}`, name: `Link ${index}`, ...row })));
}

const scenarioArb = partnersArb.chain((ps) => linksArb(ps.length).map((ls) => ({ partners: ps, links: ls })));

describe("coverage properties", () => {
  it("keeps every figure within 0..1 and reports one gap per uncovered link", () => {
    fc.assert(
      fc.property(scenarioArb, ({ partners: ps, links: ls }) => {
        const coverage = vcocCoverage(ls, ps, stages);
        expect(coverage.overall).toBeGreaterThanOrEqual(0);
        expect(coverage.overall).toBeLessThanOrEqual(1);
        for (const stage of coverage.stages) {
          if (stage.coverage !== null) {
            expect(stage.coverage).toBeGreaterThanOrEqual(0);
            expect(stage.coverage).toBeLessThanOrEqual(1);
          }
        }
        expect(coverage.gaps.map((g) => g.linkId).sort()).toEqual(
          coverage.links
            .filter((l) => !l.covered)
            .map((l) => l.linkId)
            .sort(),
        );
      }),
    );
  });

  it("assigning an active partner to a gap link never lowers coverage and removes that gap", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.constantFrom("active" as const, "strategic" as const),
        (scenario, pick, lifecycle) => {
          const before = vcocCoverage(scenario.links, scenario.partners, stages);
          fc.pre(before.gaps.length > 0);
          const gap = before.gaps[pick % before.gaps.length];
          if (!gap) return;
          const recruit: StrategyPartner = {
            ...partner("recruit", "Recruit", lifecycle),
            layers: ["alliance"],
          };
          const links2 = scenario.links.map((link) =>
            link.id === gap.linkId ? { ...link, partnerIds: [...link.partnerIds, recruit.id] } : link,
          );
          const after = vcocCoverage(links2, [...scenario.partners, recruit], stages);
          expect(after.overall).toBeGreaterThanOrEqual(before.overall);
          after.stages.forEach((stage, index) => {
            expect(stage.coverage ?? 0).toBeGreaterThanOrEqual(before.stages[index]?.coverage ?? 0);
          });
          expect(after.gaps.map((g) => g.linkId)).not.toContain(gap.linkId);
          expect(after.gaps).toHaveLength(before.gaps.length - 1);
        },
      ),
    );
  });

  it("assigning a partner that is not active changes no figure", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.constantFrom(
          "prospect" as const,
          "recruiting" as const,
          "onboarding" as const,
          "inactive" as const,
        ),
        (scenario, pick, lifecycle) => {
          fc.pre(scenario.links.length > 0);
          const target = scenario.links[pick % scenario.links.length];
          const waiting = partner("waiting", "Waiting", lifecycle);
          const links2 = scenario.links.map((link) =>
            link.id === target?.id ? { ...link, partnerIds: [...link.partnerIds, waiting.id] } : link,
          );
          const before = vcocCoverage(scenario.links, scenario.partners, stages);
          const after = vcocCoverage(links2, [...scenario.partners, waiting], stages);
          expect([after.overall, after.stages]).toEqual([before.overall, before.stages]);
          expect(after.gaps.map((g) => g.linkId)).toEqual(before.gaps.map((g) => g.linkId));
        },
      ),
    );
  });
});
