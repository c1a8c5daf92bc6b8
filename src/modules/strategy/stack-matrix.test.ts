/**
 * The stack matrix and its gaps: exact cells, scores, pipeline, demand and ranked gap reasons for a
 * small manufacturing ecosystem, and properties: one cell per layer × stage, scores within 0–100,
 * adding a play step never lowers a cell's score, every empty or weak cell becomes a gap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StrategyPartner, VcocLink } from "./coverage.ts";
import {
  buildStackMatrix,
  cellAt,
  cellCoverageScore,
  coverageLevelForScore,
  findStackGaps,
  type PlayStepInput,
  type StackGap,
  type StackMatrixInput,
} from "./stack-matrix.ts";
import {
  coMotions,
  defaultJourneyStages,
  lifecycleStages,
  type StackLayer,
  stackLayers,
} from "./vocabulary.ts";

const icpName = "Mid-market manufacturing";

function partner(
  id: string,
  name: string,
  layer: StackLayer,
  lifecycle: StrategyPartner["lifecycle"],
): StrategyPartner {
  return { id, name, layers: [layer], types: [], lifecycle, regions: [], industries: [] };
}

const partners = [
  partner("a1", "Bosch Digital", "alliance", "active"),
  partner("a2", "Globex Consulting", "alliance", "onboarding"),
  partner("r1", "Ingram", "reseller_msp", "active"),
  partner("c1", "AWS Marketplace", "cloud_market", "strategic"),
  partner("x1", "Analyst House", "referral_influencer", "inactive"),
];

const links: VcocLink[] = [
  {
    id: "l1",
    name: "Implementation SI",
    channelKind: "fulfilment",
    stageWeights: { develop: 5, expand: 3 },
    partnerIds: ["a1"],
  },
  {
    id: "l2",
    name: "Cloud provider",
    channelKind: "selling",
    stageWeights: { influence: 2, develop: 4 },
    partnerIds: ["c1"],
  },
  {
    id: "l3",
    name: "Industry analysts",
    channelKind: "influencer",
    stageWeights: { identify: 4, influence: 5 },
    partnerIds: ["x1"],
  },
];

const step = (
  playName: string,
  stageKey: string,
  leadLayer: StackLayer | null,
  partnerIds: string[],
  stepId: string,
): PlayStepInput => ({
  playId: playName.toLowerCase().replaceAll(" ", "-"),
  playName,
  stepId,
  stageKey,
  leadLayer,
  partnerIds,
  coMotion: "co_sell",
});

const input: StackMatrixInput = {
  stages: defaultJourneyStages,
  playSteps: [
    step("Manufacturing land", "reach", "alliance", ["a1"], "s1"),
    step("Manufacturing land", "reach", "alliance", ["a2"], "s2"),
    step("Cloud commit", "develop", "cloud_market", [], "s3"),
    step("Cloud commit", "develop", null, ["r1"], "s4"),
    step("Analyst day", "identify", "referral_influencer", ["x1"], "s5"),
    step("Ghost stage", "retired", "alliance", ["a1"], "s6"),
  ],
  partners,
  links,
  openOpportunities: [
    { amount: 100_000, partnerId: "a1", stageKey: "reach" },
    { amount: 50_000, partnerId: "a1", stageKey: "develop" },
    { amount: 25_000, partnerId: "c1", stageKey: "develop" },
    { amount: 7_000, partnerId: "r1", stageKey: "develop" },
    { amount: 9_999, stageKey: "develop" },
    { amount: 3_000, partnerId: "a2", stageKey: "reach" },
    { amount: 1_000, partnerId: "a1" },
  ],
};

describe("cellCoverageScore", () => {
  it("rewards depth on each side and having both, capped at 100", () => {
    const stepsAndPartners = [
      [0, 0],
      [1, 0],
      [3, 0],
      [9, 0],
      [0, 1],
      [0, 4],
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 3],
      [9, 9],
    ];
    const scores = stepsAndPartners.map(([steps = 0, active = 0]) => cellCoverageScore(steps, active));
    expect(scores).toEqual([0, 20, 40, 40, 20, 40, 60, 70, 80, 100, 100]);
    expect([0, 1, 49, 50, 79, 80, 100].map(coverageLevelForScore)).toEqual([
      "empty",
      "weak",
      "weak",
      "covered",
      "covered",
      "strong",
      "strong",
    ]);
  });
});

describe("buildStackMatrix", () => {
  const matrix = buildStackMatrix(input);

  it("has a cell for every layer × stage, row by row", () => {
    expect(matrix.cells).toHaveLength(25);
    expect(matrix.cells.slice(0, 6).map((c) => `${c.layer}/${c.stageKey}`)).toEqual([
      "reseller_msp/identify",
      "reseller_msp/reach",
      "reseller_msp/influence",
      "reseller_msp/develop",
      "reseller_msp/expand",
      "alliance/identify",
    ]);
  });

  it("collects steps and partners from plays and active VCOC partners, with pipeline and demand", () => {
    expect(cellAt(matrix, "alliance", "reach")).toEqual({
      layer: "alliance",
      stageKey: "reach",
      stageName: "Reach",
      playSteps: [
        { playId: "manufacturing-land", playName: "Manufacturing land", stepId: "s1", coMotion: "co_sell" },
        { playId: "manufacturing-land", playName: "Manufacturing land", stepId: "s2", coMotion: "co_sell" },
      ],
      partners: [
        { partnerId: "a1", name: "Bosch Digital", lifecycle: "active", active: true, via: ["play_step"] },
        {
          partnerId: "a2",
          name: "Globex Consulting",
          lifecycle: "onboarding",
          active: false,
          via: ["play_step"],
        },
      ],
      activePartnerCount: 1,
      coverageScore: 70,
      level: "covered",
      pipeline: 103_000,
      demand: 0,
    });
    expect(cellAt(matrix, "alliance", "develop")).toMatchObject({
      playSteps: [],
      partners: [{ partnerId: "a1", via: ["vcoc_link"] }],
      coverageScore: 20,
      level: "weak",
      pipeline: 50_000,
      demand: 9,
    });
    expect(cellAt(matrix, "cloud_market", "develop")).toMatchObject({
      coverageScore: 60,
      level: "covered",
      pipeline: 25_000,
    });
    expect(cellAt(matrix, "reseller_msp", "develop")).toMatchObject({
      playSteps: [{ stepId: "s4" }],
      partners: [{ partnerId: "r1", via: ["play_step"] }],
      coverageScore: 60,
      pipeline: 7_000,
    });
    // An inactive partner on a link does not cover the referral layer; its play step still shows.
    expect(cellAt(matrix, "referral_influencer", "influence")).toMatchObject({
      partners: [],
      level: "empty",
    });
    expect(cellAt(matrix, "referral_influencer", "identify")).toMatchObject({
      partners: [{ partnerId: "x1", active: false }],
      coverageScore: 20,
    });
  });

  it("reports the VCOC coverage alongside", () => {
    expect(matrix.vcoc.overall).toBeCloseTo(14 / 23, 10);
    expect(matrix.vcoc.gaps.map((g) => g.linkId)).toEqual(["l3"]);
  });

  it("honours a subset of layers", () => {
    const only = buildStackMatrix({ ...input, layers: ["cloud_market", "alliance"] });
    expect(only.layers).toEqual(["cloud_market", "alliance"]);
    expect(only.cells.map((c) => c.layer)).toEqual([
      ...Array(5).fill("cloud_market"),
      ...Array(5).fill("alliance"),
    ]);
  });
});

describe("findStackGaps", () => {
  const gaps = findStackGaps(buildStackMatrix(input), icpName);
  const where = (gap: StackGap) =>
    gap.kind === "cell" ? `${gap.layer}/${gap.stageKey}:${gap.level}` : `link ${gap.linkName}`;

  it("ranks gaps by the value-chain weight they leave unserved, then pipeline, then emptiness", () => {
    expect(gaps).toHaveLength(23);
    expect(gaps.slice(0, 12).map((g) => [where(g), g.importance])).toEqual([
      ["alliance/develop:weak", 9],
      ["link Industry analysts", 9],
      ["alliance/influence:empty", 7],
      ["ecosystem_platform/influence:empty", 5],
      ["referral_influencer/influence:empty", 5],
      ["alliance/identify:empty", 4],
      ["ecosystem_platform/identify:empty", 4],
      ["referral_influencer/identify:weak", 4],
      ["reseller_msp/expand:empty", 3],
      ["cloud_market/expand:empty", 3],
      ["alliance/expand:weak", 3],
      ["reseller_msp/influence:empty", 2],
    ]);
  });

  it("explains each gap in plain language", () => {
    const reasons = new Map(gaps.map((g) => [where(g), g.reason]));
    expect(reasons.get("alliance/influence:empty")).toBe(
      "No alliance partner covers Influence for ICP 'Mid-market manufacturing'",
    );
    expect(reasons.get("alliance/develop:weak")).toBe(
      "1 active alliance partner covers Develop for ICP 'Mid-market manufacturing', but no play step tells it what to do",
    );
    expect(reasons.get("referral_influencer/identify:weak")).toBe(
      "The referral or influencer layer at Identify for ICP 'Mid-market manufacturing' has play steps " +
        "('Analyst day') but no active referral or influencer partner to run them (not active yet: Analyst House, inactive)",
    );
    expect(reasons.get("link Industry analysts")).toBe(
      "No active partner covers 'Industry analysts' (influencer); assigned but not active: Analyst House (inactive); " +
        "it matters most at Influence for ICP 'Mid-market manufacturing'",
    );
    expect(gaps.find((g) => g.kind === "vcoc_link")).toMatchObject({
      layers: ["alliance", "ecosystem_platform", "referral_influencer"],
      stageKey: "influence",
      assignedPartnerIds: ["x1"],
    });
  });
});

// ---- property tests -------------------------------------------------------------------------

const stageArcArb = fc
  .uniqueArray(fc.constantFrom("identify", "reach", "influence", "develop", "expand", "renew", "advocate"), {
    minLength: 1,
    maxLength: 7,
  })
  .map((keys) => keys.map((key) => ({ key, name: key[0]?.toUpperCase() + key.slice(1) })));

const matrixInputArb: fc.Arbitrary<StackMatrixInput> = stageArcArb.chain((stages) => {
  const stageKey = fc.constantFrom(...stages.map((s) => s.key));
  const partnerIdArb = fc.integer({ min: 0, max: 7 }).map((i) => `p${i}`);
  const stepArb: fc.Arbitrary<PlayStepInput> = fc.record({
    playId: fc.constantFrom("play-a", "play-b"),
    playName: fc.constantFrom("Play A", "Play B"),
    stageKey,
    leadLayer: fc.option(fc.constantFrom(...stackLayers)),
    partnerIds: fc.uniqueArray(partnerIdArb, { maxLength: 3 }),
    coMotion: fc.constantFrom(...coMotions),
  });
  return fc.record({
    stages: fc.constant(stages),
    layers: fc.option(fc.subarray([...stackLayers], { minLength: 1 }), { nil: undefined }),
    playSteps: fc.array(stepArb, { maxLength: 8 }),
    partners: fc
      .array(
        fc.record({
          lifecycle: fc.constantFrom(...lifecycleStages),
          layers: fc.subarray([...stackLayers], { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 6 },
      )
      .map((rows) =>
        rows.map((row, i) => ({
          id: `p${i}`,
          name: `Partner ${i}`,
          types: [],
          regions: [],
          industries: [],
          ...row,
        })),
      ),
    links: fc
      .array(
        fc.record({
          channelKind: fc.constantFrom(
            "selling" as const,
            "influencer" as const,
            "referral" as const,
            "fulfilment" as const,
          ),
          stageWeights: fc.dictionary(stageKey, fc.integer({ min: 0, max: 5 })),
          partnerIds: fc.uniqueArray(partnerIdArb, { maxLength: 3 }),
        }),
        { maxLength: 5 },
      )
      .map((rows) => rows.map((row, i) => ({ id: `l${i}`, name: `Link ${i}`, ...row }))),
    openOpportunities: fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        partnerId: fc.option(partnerIdArb),
        stageKey: fc.option(stageKey),
      }),
      { maxLength: 8 },
    ),
  });
});

describe("stack matrix properties", () => {
  it("always has exactly one cell per layer × stage, with scores in 0–100 and a matching level", () => {
    fc.assert(
      fc.property(matrixInputArb, (matrixInput) => {
        const matrix = buildStackMatrix(matrixInput);
        const layers = matrixInput.layers ?? stackLayers;
        expect(matrix.cells).toHaveLength(layers.length * matrixInput.stages.length);
        const keys = new Set(matrix.cells.map((c) => `${c.layer}/${c.stageKey}`));
        expect(keys.size).toBe(matrix.cells.length);
        for (const cell of matrix.cells) {
          expect(Number.isInteger(cell.coverageScore)).toBe(true);
          expect(cell.coverageScore).toBeGreaterThanOrEqual(0);
          expect(cell.coverageScore).toBeLessThanOrEqual(100);
          expect(cell.level).toBe(coverageLevelForScore(cell.coverageScore));
          expect(cell.pipeline).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("adding a play step never lowers any cell's coverage score", () => {
    const scenarioArb = matrixInputArb.chain((matrixInput) =>
      fc
        .record({
          stageKey: fc.constantFrom(...matrixInput.stages.map((s) => s.key)),
          leadLayer: fc.option(fc.constantFrom(...stackLayers)),
          partnerIds: fc.uniqueArray(fc.constantFrom("p0", "p1", "p2", "p3", "p9"), { maxLength: 3 }),
        })
        .map((extra) => ({
          matrixInput,
          extra: { ...extra, playId: "new", playName: "New play", coMotion: "co_market" as const },
        })),
    );
    fc.assert(
      fc.property(scenarioArb, ({ matrixInput, extra }) => {
        const before = buildStackMatrix(matrixInput);
        const after = buildStackMatrix({ ...matrixInput, playSteps: [...matrixInput.playSteps, extra] });
        after.cells.forEach((cell, index) => {
          expect(cell.coverageScore).toBeGreaterThanOrEqual(before.cells[index]?.coverageScore ?? 0);
        });
      }),
    );
  });

  it("turns every empty or weak cell and every VCOC gap into exactly one gap, most important first", () => {
    fc.assert(
      fc.property(matrixInputArb, (matrixInput) => {
        const matrix = buildStackMatrix(matrixInput);
        const gaps = findStackGaps(matrix, "ICP");
        const weakCells = matrix.cells.filter((c) => c.level === "empty" || c.level === "weak");
        expect(gaps.filter((g) => g.kind === "cell")).toHaveLength(weakCells.length);
        expect(gaps.filter((g) => g.kind === "vcoc_link")).toHaveLength(matrix.vcoc.gaps.length);
        for (let i = 1; i < gaps.length; i++) {
          expect(gaps[i]?.importance ?? 0).toBeLessThanOrEqual(gaps[i - 1]?.importance ?? 0);
        }
      }),
    );
  });
});
