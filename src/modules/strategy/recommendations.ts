/**
 * Recommendations for a stack gap: which partners the workspace already knows (prospects through
 * active, never inactive) could fill an empty or weak cell or an uncovered VCOC link, ranked by
 * fit with the reasons a partner manager can act on ("Alliance layer", "Serves Manufacturing").
 * Pure and deterministic so the UI, the API, the CLI and the exports list the same partners.
 */
import type { IcpForScoring } from "../icps/scoring.ts";
import { compareText, type StrategyPartner } from "./coverage.ts";
import {
  type ChannelKind,
  isPartnerType,
  type LifecycleStage,
  layersServingChannel,
  partnerTypeLabel,
  partnerTypeTypicalLayer,
  type StackLayer,
  stackLayerLabels,
} from "./vocabulary.ts";

/** The parts of a gap recommendations need; every `StackGap` fits. */
export type RecommendationGap =
  | { kind: "cell"; layer: StackLayer }
  | {
      kind: "vcoc_link";
      linkName: string;
      channelKind: ChannelKind;
      /** Restricts the target layers (e.g. to the matrix's layers); defaults to those serving the channel kind. */
      layers?: readonly StackLayer[];
      assignedPartnerIds: readonly string[];
    };

export interface PartnerRecommendation {
  partnerId: string;
  name: string;
  lifecycle: LifecycleStage;
  /** 0–100: the sum of the points in `recommendationPoints` the partner earns. */
  score: number;
  why: string[];
}

/**
 * Points per reason. The layer dominates because a partner in the right route to market can fill
 * the gap at once; lifecycle favours partners who can start soonest. Maximum 100.
 */
export const recommendationPoints = {
  layer: 35,
  typicalType: 15,
  industry: 15,
  region: 15,
  lifecycle: { strategic: 15, active: 15, onboarding: 10, recruiting: 5, prospect: 0 },
  assignedToLink: 5,
} as const;

type RecommendableLifecycle = keyof typeof recommendationPoints.lifecycle;

const lifecycleWhy: Readonly<Record<RecommendableLifecycle, string>> = {
  strategic: "Strategic partner, can start now",
  active: "Active partner, can start now",
  onboarding: "Onboarding, ready soon",
  recruiting: "Being recruited",
  prospect: "Prospect, needs recruiting",
};

function isRecommendable(lifecycle: LifecycleStage): lifecycle is RecommendableLifecycle {
  return lifecycle !== "inactive";
}

/** Industry and region/country values the ICP targets, lower-cased for case-insensitive overlap. */
function icpTargets(icp: IcpForScoring): { industries: Set<string>; regions: Set<string> } {
  const industries = new Set<string>();
  const regions = new Set<string>();
  for (const criterion of icp.criteria) {
    if (criterion.kind === "industry") {
      for (const value of criterion.values) industries.add(value.trim().toLowerCase());
    } else if (criterion.kind === "region" || criterion.kind === "country") {
      for (const value of criterion.values) regions.add(value.trim().toLowerCase());
    }
  }
  return { industries, regions };
}

function overlap(values: readonly string[], targets: ReadonlySet<string>): string[] {
  return [...new Set(values.map((v) => v.trim()))].filter((v) => v !== "" && targets.has(v.toLowerCase()));
}

function targetLayersOf(gap: RecommendationGap): StackLayer[] {
  if (gap.kind === "cell") return [gap.layer];
  return gap.layers ? [...gap.layers] : layersServingChannel(gap.channelKind);
}

/**
 * Partners that could fill the gap, best first (score, then name, then id). A partner qualifies
 * when it is not inactive and either sits in a target layer or has a type typical of one — other
 * partners would not fill this gap however well they match the ICP.
 */
export function recommendPartnersForGap(
  gap: RecommendationGap,
  partners: readonly StrategyPartner[],
  icp: IcpForScoring,
  options: { limit?: number } = {},
): PartnerRecommendation[] {
  const targetLayers = targetLayersOf(gap);
  const targets = icpTargets(icp);
  const assigned = new Set(gap.kind === "vcoc_link" ? gap.assignedPartnerIds : []);
  const recommendations: PartnerRecommendation[] = [];

  for (const partner of partners) {
    const lifecycle = partner.lifecycle;
    if (!isRecommendable(lifecycle)) continue;
    const why: string[] = [];
    let score = 0;

    const layers = targetLayers.filter((layer) => partner.layers.includes(layer));
    if (layers.length > 0) {
      score += recommendationPoints.layer;
      why.push(...layers.map((layer) => `${stackLayerLabels[layer]} layer`));
    }
    const typicalTypes = partner.types.filter(
      (type) => isPartnerType(type) && targetLayers.includes(partnerTypeTypicalLayer[type]),
    );
    if (typicalTypes.length > 0) {
      score += recommendationPoints.typicalType;
      const typeLayer = (type: string) =>
        isPartnerType(type) ? stackLayerLabels[partnerTypeTypicalLayer[type]] : "";
      why.push(...typicalTypes.map((type) => `${partnerTypeLabel(type)}, typical of ${typeLayer(type)}`));
    }
    if (layers.length === 0 && typicalTypes.length === 0) continue;

    const industries = overlap(partner.industries, targets.industries);
    if (industries.length > 0) {
      score += recommendationPoints.industry;
      why.push(`Serves ${industries.join(", ")}`);
    }
    const regions = overlap(partner.regions, targets.regions);
    if (regions.length > 0) {
      score += recommendationPoints.region;
      why.push(`Covers ${regions.join(", ")}`);
    }
    score += recommendationPoints.lifecycle[lifecycle];
    why.push(lifecycleWhy[lifecycle]);
    if (gap.kind === "vcoc_link" && assigned.has(partner.id)) {
      score += recommendationPoints.assignedToLink;
      why.push(`Already assigned to '${gap.linkName}'`);
    }
    recommendations.push({ partnerId: partner.id, name: partner.name, lifecycle, score, why });
  }

  recommendations.sort(
    (a, b) => b.score - a.score || compareText(a.name, b.name) || compareText(a.partnerId, b.partnerId),
  );
  return options.limit === undefined ? recommendations : recommendations.slice(0, Math.max(0, options.limit));
}
