/**
 * The stack matrix: stack layers × journey stages for one solution and ICP. Each cell tells which
 * play steps and partners cover it, how well (a 0–100 coverage score and a level for the heat
 * map), how much open pipeline flows through it and how much the customer's value chain relies on
 * it. `findStackGaps` turns empty and weak cells plus uncovered VCOC links into ranked,
 * plain-language gaps. Pure functions: callers pass the solution/ICP's data already filtered.
 */
import {
  activePartnersOf,
  compareText,
  indexPartners,
  type StrategyPartner,
  stageWeightOf,
  type VcocCoverage,
  type VcocLink,
  vcocCoverage,
} from "./coverage.ts";
import {
  type ChannelKind,
  type CoMotion,
  isActiveLifecycle,
  type JourneyStageRef,
  type LifecycleStage,
  layerChannelKinds,
  layersServingChannel,
  lifecycleStageLabels,
  type StackLayer,
  stackLayers,
} from "./vocabulary.ts";

export interface PlayStepInput {
  playId: string;
  playName: string;
  /** Optional so callers without step ids can still build a matrix; passed through to cells. */
  stepId?: string | null;
  stageKey: string;
  /** The stack layer leading the step; null/undefined when the vendor leads. */
  leadLayer?: StackLayer | null;
  partnerIds: readonly string[];
  coMotion: CoMotion;
}

export interface OpenOpportunityInput {
  amount: number;
  partnerId?: string | null;
  stageKey?: string | null;
}

export interface StackMatrixInput {
  stages: readonly JourneyStageRef[];
  /** Defaults to every stack layer in stack order. */
  layers?: readonly StackLayer[];
  playSteps: readonly PlayStepInput[];
  partners: readonly StrategyPartner[];
  links: readonly VcocLink[];
  openOpportunities: readonly OpenOpportunityInput[];
}

export interface CellPlayStep {
  playId: string;
  playName: string;
  stepId: string | null;
  coMotion: CoMotion;
}

export type CellPartnerSource = "play_step" | "vcoc_link";

export interface CellPartner {
  partnerId: string;
  name: string;
  lifecycle: LifecycleStage;
  /** Only active partners count towards the coverage score; others are shown as "on the way". */
  active: boolean;
  via: CellPartnerSource[];
}

export const coverageLevels = ["empty", "weak", "covered", "strong"] as const;
export type CoverageLevel = (typeof coverageLevels)[number];
/** Lowest coverage score of each level above "empty" (which is exactly 0). */
export const coverageLevelThresholds = { weak: 1, covered: 50, strong: 80 } as const;

export interface StackCell {
  layer: StackLayer;
  stageKey: string;
  stageName: string;
  playSteps: CellPlayStep[];
  partners: CellPartner[];
  activePartnerCount: number;
  coverageScore: number;
  level: CoverageLevel;
  /** Open opportunity amount of this cell's partners at this stage (a partner in two layers counts in both). */
  pipeline: number;
  /** Sum of this stage's VCOC weights over links whose channel kind this layer serves. */
  demand: number;
}

export interface StackMatrix {
  stages: JourneyStageRef[];
  layers: StackLayer[];
  /** Every layer × stage, row by row: all stages of the first layer, then the next layer… */
  cells: StackCell[];
  vcoc: VcocCoverage;
}

/**
 * Coverage score of a cell, 0–100:
 * - play steps: 20 for the first, +10 for each further one, at most 40;
 * - active partners: 20 for the first, +10 for each further one, at most 40;
 * - +20 when the cell has both, because a play without a partner to run it (or partners without
 *   a play telling them what to do) is only half a route to market.
 * So nothing = 0 (empty); steps only or partners only = 20–40 (weak); one step with one active
 * partner = 60 (covered); two of each = 80 and more (strong); the maximum is 100.
 */
export function cellCoverageScore(stepCount: number, activePartnerCount: number): number {
  const depthPoints = (count: number) => (count <= 0 ? 0 : Math.min(40, 20 + 10 * (count - 1)));
  const bothBonus = stepCount > 0 && activePartnerCount > 0 ? 20 : 0;
  return Math.min(100, depthPoints(stepCount) + depthPoints(activePartnerCount) + bothBonus);
}

export function coverageLevelForScore(score: number): CoverageLevel {
  if (score >= coverageLevelThresholds.strong) return "strong";
  if (score >= coverageLevelThresholds.covered) return "covered";
  if (score >= coverageLevelThresholds.weak) return "weak";
  return "empty";
}

const cellKey = (layer: StackLayer, stageKey: string) => `${layer}\u0000${stageKey}`;

interface CellDraft {
  playSteps: CellPlayStep[];
  partners: Map<string, Set<CellPartnerSource>>;
}

export function buildStackMatrix(input: StackMatrixInput): StackMatrix {
  const stages = [...input.stages];
  const layers = [...(input.layers ?? stackLayers)];
  const partnersById = indexPartners(input.partners);
  const drafts = new Map<string, CellDraft>();
  for (const layer of layers) {
    for (const stage of stages) drafts.set(cellKey(layer, stage.key), { playSteps: [], partners: new Map() });
  }
  const addPartner = (layer: StackLayer, stageKey: string, partnerId: string, via: CellPartnerSource) => {
    const partners = drafts.get(cellKey(layer, stageKey))?.partners;
    if (!partners) return;
    const sources = partners.get(partnerId) ?? new Set<CellPartnerSource>();
    sources.add(via);
    partners.set(partnerId, sources);
  };

  // A step covers the cell of its lead layer and the cells of the layers its named partners are in.
  // Steps for stages outside the arc or for unknown partners are skipped: the API rejects them on write.
  for (const step of input.playSteps) {
    const named = step.partnerIds
      .map((id) => partnersById.get(id))
      .filter((p): p is StrategyPartner => p !== undefined);
    const coveredLayers = new Set<StackLayer>(step.leadLayer ? [step.leadLayer] : []);
    for (const partner of named) {
      for (const layer of partner.layers) {
        coveredLayers.add(layer);
        addPartner(layer, step.stageKey, partner.id, "play_step");
      }
    }
    for (const layer of coveredLayers) {
      drafts.get(cellKey(layer, step.stageKey))?.playSteps.push({
        playId: step.playId,
        playName: step.playName,
        stepId: step.stepId ?? null,
        coMotion: step.coMotion,
      });
    }
  }

  // Active partners on a VCOC link cover their layers at every stage where the link matters.
  for (const link of input.links) {
    const active = activePartnersOf(link, partnersById);
    for (const stage of stages) {
      if (stageWeightOf(link, stage.key) <= 0) continue;
      for (const id of active) {
        for (const layer of partnersById.get(id)?.layers ?? []) addPartner(layer, stage.key, id, "vcoc_link");
      }
    }
  }

  const pipelineByStagePartner = new Map<string, number>();
  for (const opportunity of input.openOpportunities) {
    if (!opportunity.partnerId || !opportunity.stageKey || !Number.isFinite(opportunity.amount)) continue;
    const key = `${opportunity.stageKey}\u0000${opportunity.partnerId}`;
    // Negative amounts are data errors; they must not make a cell look emptier than it is.
    pipelineByStagePartner.set(key, (pipelineByStagePartner.get(key) ?? 0) + Math.max(0, opportunity.amount));
  }

  const cells: StackCell[] = [];
  for (const layer of layers) {
    for (const stage of stages) {
      const draft = drafts.get(cellKey(layer, stage.key)) ?? { playSteps: [], partners: new Map() };
      const partners = [...draft.partners.entries()]
        .flatMap(([id, via]): CellPartner[] => {
          const partner = partnersById.get(id);
          if (!partner) return [];
          const active = isActiveLifecycle(partner.lifecycle);
          return [
            { partnerId: id, name: partner.name, lifecycle: partner.lifecycle, active, via: [...via].sort() },
          ];
        })
        .sort(
          (a, b) =>
            Number(b.active) - Number(a.active) ||
            compareText(a.name, b.name) ||
            compareText(a.partnerId, b.partnerId),
        );
      const activePartnerCount = partners.filter((p) => p.active).length;
      const coverageScore = cellCoverageScore(draft.playSteps.length, activePartnerCount);
      const pipeline = partners.reduce(
        (sum, p) => sum + (pipelineByStagePartner.get(`${stage.key}\u0000${p.partnerId}`) ?? 0),
        0,
      );
      const demand = input.links
        .filter((link) => layerChannelKinds[layer].includes(link.channelKind))
        .reduce((sum, link) => sum + stageWeightOf(link, stage.key), 0);
      cells.push({
        layer,
        stageKey: stage.key,
        stageName: stage.name,
        playSteps: draft.playSteps,
        partners,
        activePartnerCount,
        coverageScore,
        level: coverageLevelForScore(coverageScore),
        pipeline,
        demand,
      });
    }
  }
  return { stages, layers, cells, vcoc: vcocCoverage(input.links, input.partners, stages) };
}

export function cellAt(matrix: StackMatrix, layer: StackLayer, stageKey: string): StackCell | undefined {
  return matrix.cells.find((cell) => cell.layer === layer && cell.stageKey === stageKey);
}

export interface StackCellGap {
  kind: "cell";
  layer: StackLayer;
  stageKey: string;
  stageName: string;
  level: "empty" | "weak";
  coverageScore: number;
  /** The cell's demand: how much of the value chain relies on this layer at this stage. */
  importance: number;
  pipeline: number;
  /** Partners already in the cell but not active yet — the quickest way to close it. */
  pendingPartnerIds: string[];
  reason: string;
}

export interface StackLinkGap {
  kind: "vcoc_link";
  linkId: string;
  linkName: string;
  channelKind: ChannelKind;
  /** Layers whose partners typically serve this channel kind. */
  layers: StackLayer[];
  /** Where the link matters most; null when no stage weighs it yet. */
  stageKey: string | null;
  stageName: string | null;
  /** The link's total stage weight. */
  importance: number;
  pipeline: number;
  assignedPartnerIds: string[];
  reason: string;
}

export type StackGap = StackCellGap | StackLinkGap;

/** "No <phrase> partner covers …" reads naturally with these rather than the UI labels. */
const layerPhrases: Readonly<Record<StackLayer, string>> = {
  reseller_msp: "reseller or MSP",
  alliance: "alliance",
  cloud_market: "cloud marketplace",
  ecosystem_platform: "ecosystem platform",
  referral_influencer: "referral or influencer",
};

function cellGapReason(cell: StackCell, icpName: string): string {
  const layer = layerPhrases[cell.layer];
  const where = `${cell.stageName} for ICP '${icpName}'`;
  const pending = cell.partners.filter((p) => !p.active);
  const pendingNote =
    pending.length > 0
      ? ` (not active yet: ${pending.map((p) => `${p.name}, ${lifecycleStageLabels[p.lifecycle].toLowerCase()}`).join("; ")})`
      : "";
  if (cell.playSteps.length === 0 && cell.activePartnerCount === 0) {
    return `No ${layer} partner covers ${where}${pendingNote}`;
  }
  if (cell.activePartnerCount === 0) {
    const plays = [...new Set(cell.playSteps.map((s) => `'${s.playName}'`))].join(", ");
    return `The ${layer} layer at ${where} has play steps (${plays}) but no active ${layer} partner to run them${pendingNote}`;
  }
  const count = cell.activePartnerCount;
  return `${count} active ${layer} partner${count === 1 ? "" : "s"} cover${count === 1 ? "s" : ""} ${where}, but no play step tells ${count === 1 ? "it" : "them"} what to do`;
}

/**
 * Every empty or weak cell and every uncovered VCOC link, most important first. Importance is
 * measured in VCOC stage-weight points the gap leaves unserved: for a cell, the weights at its
 * stage of the links its layer serves (a column slice of the link × stage weights); for a link,
 * its weights over all stages (a row). Ties: more pipeline, then empty cells, weak cells, links,
 * then arc order, stack order and name so the list is stable.
 */
export function findStackGaps(matrix: StackMatrix, icpName: string): StackGap[] {
  const stageIndex = new Map(matrix.stages.map((stage, index) => [stage.key, index]));
  const layerIndex = new Map(matrix.layers.map((layer, index) => [layer, index]));
  const cellGaps = matrix.cells.flatMap((cell): StackGap[] =>
    cell.level === "empty" || cell.level === "weak"
      ? [
          {
            kind: "cell",
            layer: cell.layer,
            stageKey: cell.stageKey,
            stageName: cell.stageName,
            level: cell.level,
            coverageScore: cell.coverageScore,
            importance: cell.demand,
            pipeline: cell.pipeline,
            pendingPartnerIds: cell.partners.filter((p) => !p.active).map((p) => p.partnerId),
            reason: cellGapReason(cell, icpName),
          },
        ]
      : [],
  );
  const linkGaps = matrix.vcoc.gaps.map(
    (gap): StackGap => ({
      kind: "vcoc_link",
      linkId: gap.linkId,
      linkName: gap.linkName,
      channelKind: gap.channelKind,
      layers: layersServingChannel(gap.channelKind).filter((layer) => layerIndex.has(layer)),
      stageKey: gap.topStageKey,
      stageName: gap.topStageName,
      importance: gap.weight,
      pipeline: 0,
      assignedPartnerIds: gap.assignedNotActivePartnerIds,
      reason: `${gap.reason} for ICP '${icpName}'`,
    }),
  );
  const kindRank = (gap: StackGap) => (gap.kind === "vcoc_link" ? 2 : gap.level === "empty" ? 0 : 1);
  const last = Number.MAX_SAFE_INTEGER;
  const stageRank = (gap: StackGap) =>
    gap.stageKey === null ? last : (stageIndex.get(gap.stageKey) ?? last);
  const layerRank = (gap: StackGap) => (gap.kind === "cell" ? (layerIndex.get(gap.layer) ?? last) : last);
  const label = (gap: StackGap) => (gap.kind === "cell" ? gap.layer : gap.linkName);
  const id = (gap: StackGap) => (gap.kind === "cell" ? "" : gap.linkId);
  return [...cellGaps, ...linkGaps].sort(
    (a, b) =>
      b.importance - a.importance ||
      b.pipeline - a.pipeline ||
      kindRank(a) - kindRank(b) ||
      stageRank(a) - stageRank(b) ||
      layerRank(a) - layerRank(b) ||
      compareText(label(a), label(b)) ||
      compareText(id(a), id(b)),
  );
}
