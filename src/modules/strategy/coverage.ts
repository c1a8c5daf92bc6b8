/**
 * Value Chain of the Customer (VCOC) coverage: how much of the value chain an ICP customer relies
 * on has an active partner behind it, overall and per journey stage, and which links are the
 * recruiting gaps. Pure functions over plain data; the API, the stack matrix and the exports share
 * them so every surface reports the same figure.
 */
import { z } from "zod";
import {
  type ChannelKind,
  channelKindLabels,
  channelKinds,
  isActiveLifecycle,
  type JourneyStageRef,
  type LifecycleStage,
  lifecycleStageLabels,
  type StackLayer,
} from "./vocabulary.ts";

/** How much a link matters at one stage: 0 (not at all) to 5 (decisive). */
export const stageWeightSchema = z.number().int().min(0).max(5);
export const maxStageWeight = 5;

/** Input validation for a link's stage weights and channel kind, for the API to reuse. */
export const vcocLinkWeightsSchema = z.object({
  channelKind: z.enum(channelKinds),
  stageWeights: z.record(z.string().min(1), stageWeightSchema),
});

export interface VcocLink {
  id: string;
  name: string;
  channelKind: ChannelKind;
  /** Keyed by journey stage key; stages without an entry weigh 0. */
  stageWeights: Readonly<Record<string, number>>;
  partnerIds: readonly string[];
}

/** The partner attributes the strategy functions reason about. */
export interface StrategyPartner {
  id: string;
  name: string;
  layers: readonly StackLayer[];
  /** Built-in partner types or a workspace's own. */
  types: readonly string[];
  lifecycle: LifecycleStage;
  regions: readonly string[];
  industries: readonly string[];
  tier?: string | null;
}

export interface StageCoverage {
  stageKey: string;
  stageName: string;
  /** Covered share 0..1 of the stage's weight, or null when no link weighs this stage at all. */
  coverage: number | null;
  coveredWeight: number;
  totalWeight: number;
}

export interface LinkCoverage {
  linkId: string;
  covered: boolean;
  /** Sum of the link's stage weights over the arc's stages. */
  weight: number;
  activePartnerIds: string[];
}

export interface VcocGap {
  linkId: string;
  linkName: string;
  channelKind: ChannelKind;
  weight: number;
  /** The stage where the link weighs most (first in arc order on ties), if any stage weighs it. */
  topStageKey: string | null;
  topStageName: string | null;
  /** Assigned partners that exist but are not active (yet), e.g. still onboarding. */
  assignedNotActivePartnerIds: string[];
  reason: string;
}

export interface VcocCoverage {
  /**
   * Weighted share 0..1 of links with at least one active partner. When the links carry no
   * weight at all yet, the plain share of covered links; with no links, 0 (nothing designed is
   * not "fully covered").
   */
  overall: number;
  coveredWeight: number;
  totalWeight: number;
  stages: StageCoverage[];
  links: LinkCoverage[];
  /** Uncovered links, heaviest first (then arc order of their top stage, name, id). */
  gaps: VcocGap[];
}

/** A link's weight at a stage, clamped to 0..5 so bad stored data cannot distort coverage. */
export function stageWeightOf(link: Pick<VcocLink, "stageWeights">, stageKey: string): number {
  const raw = link.stageWeights[stageKey];
  if (raw === undefined || !Number.isFinite(raw)) return 0;
  return Math.min(maxStageWeight, Math.max(0, raw));
}

export function linkWeight(link: Pick<VcocLink, "stageWeights">, stages: readonly JourneyStageRef[]): number {
  return stages.reduce((sum, stage) => sum + stageWeightOf(link, stage.key), 0);
}

/** Stage where the link weighs most; null when it weighs nothing anywhere. */
export function topStageOf(
  link: Pick<VcocLink, "stageWeights">,
  stages: readonly JourneyStageRef[],
): JourneyStageRef | null {
  let best: JourneyStageRef | null = null;
  let bestWeight = 0;
  for (const stage of stages) {
    const weight = stageWeightOf(link, stage.key);
    if (weight > bestWeight) {
      best = stage;
      bestWeight = weight;
    }
  }
  return best;
}

export function indexPartners(partners: readonly StrategyPartner[]): Map<string, StrategyPartner> {
  return new Map(partners.map((partner) => [partner.id, partner]));
}

/** Active partners assigned to the link; unknown ids are ignored (the API rejects them on write). */
export function activePartnersOf(
  link: VcocLink,
  partnersById: ReadonlyMap<string, StrategyPartner>,
): string[] {
  const ids = new Set<string>();
  for (const id of link.partnerIds) {
    const partner = partnersById.get(id);
    if (partner && isActiveLifecycle(partner.lifecycle)) ids.add(id);
  }
  return [...ids];
}

function share(covered: number, total: number): number {
  return total > 0 ? covered / total : 0;
}

function gapReason(
  link: VcocLink,
  topStage: JourneyStageRef | null,
  assignedNotActive: readonly StrategyPartner[],
): string {
  const base = `No active partner covers '${link.name}' (${channelKindLabels[link.channelKind].toLowerCase()})`;
  const waiting =
    assignedNotActive.length > 0
      ? `; assigned but not active: ${assignedNotActive
          .map((p) => `${p.name} (${lifecycleStageLabels[p.lifecycle].toLowerCase()})`)
          .join(", ")}`
      : "";
  const where = topStage ? `; it matters most at ${topStage.name}` : "; no journey stage weighs it yet";
  return `${base}${waiting}${where}`;
}

export function vcocCoverage(
  links: readonly VcocLink[],
  partners: readonly StrategyPartner[],
  stages: readonly JourneyStageRef[],
): VcocCoverage {
  const partnersById = indexPartners(partners);
  const stageIndex = new Map(stages.map((stage, index) => [stage.key, index]));
  const linkResults = links.map((link) => {
    const activePartnerIds = activePartnersOf(link, partnersById);
    return { link, covered: activePartnerIds.length > 0, weight: linkWeight(link, stages), activePartnerIds };
  });

  const totalWeight = linkResults.reduce((sum, r) => sum + r.weight, 0);
  const coveredWeight = linkResults.reduce((sum, r) => sum + (r.covered ? r.weight : 0), 0);
  const coveredCount = linkResults.filter((r) => r.covered).length;
  const overall = totalWeight > 0 ? coveredWeight / totalWeight : share(coveredCount, links.length);

  const stageCoverage = stages.map((stage): StageCoverage => {
    let stageTotal = 0;
    let stageCovered = 0;
    for (const r of linkResults) {
      const weight = stageWeightOf(r.link, stage.key);
      stageTotal += weight;
      if (r.covered) stageCovered += weight;
    }
    return {
      stageKey: stage.key,
      stageName: stage.name,
      coverage: stageTotal > 0 ? stageCovered / stageTotal : null,
      coveredWeight: stageCovered,
      totalWeight: stageTotal,
    };
  });

  const gaps = linkResults
    .filter((r) => !r.covered)
    .map((r): VcocGap => {
      const topStage = topStageOf(r.link, stages);
      const assignedNotActive = [...new Set(r.link.partnerIds)]
        .map((id) => partnersById.get(id))
        .filter((p): p is StrategyPartner => p !== undefined);
      return {
        linkId: r.link.id,
        linkName: r.link.name,
        channelKind: r.link.channelKind,
        weight: r.weight,
        topStageKey: topStage?.key ?? null,
        topStageName: topStage?.name ?? null,
        assignedNotActivePartnerIds: assignedNotActive.map((p) => p.id),
        reason: gapReason(r.link, topStage, assignedNotActive),
      };
    })
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        stageOrder(stageIndex, a.topStageKey) - stageOrder(stageIndex, b.topStageKey) ||
        compareText(a.linkName, b.linkName) ||
        compareText(a.linkId, b.linkId),
    );

  return {
    overall,
    coveredWeight,
    totalWeight,
    stages: stageCoverage,
    links: linkResults.map((r) => ({
      linkId: r.link.id,
      covered: r.covered,
      weight: r.weight,
      activePartnerIds: r.activePartnerIds,
    })),
    gaps,
  };
}

function stageOrder(stageIndex: ReadonlyMap<string, number>, key: string | null): number {
  return key === null ? Number.MAX_SAFE_INTEGER : (stageIndex.get(key) ?? Number.MAX_SAFE_INTEGER);
}

/**
 * Locale-independent comparison (case-insensitive first, then exact) so orderings are the same on
 * every machine; `localeCompare` depends on the runtime's ICU data.
 */
export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
