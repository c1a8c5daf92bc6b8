/**
 * Co-sell recommendations, the pure core: each overlap becomes a next action chosen by the pair
 * of statuses (what the account is to the vendor × what it is to the partner), placed at a stage
 * of the Buyer's Journey, tied to a play step at that stage with that partner (or its layer) when
 * one exists, and scored 0–100 from ICP fit, open pipeline, partner tier and the weight of the
 * partner's value-chain link at that stage. Every recommendation says why, reason by reason.
 * Ranking depends only on the content, never on input order.
 */
import type { OverlapStatus } from "./overlaps.ts";

export const recommendationActions = ["warm_intro", "co_sell", "referral", "co_retain"] as const;
export type RecommendationAction = (typeof recommendationActions)[number];

type Plan = { action: RecommendationAction; stageKeys: readonly string[] };

/**
 * vendor status → partner status → plan. A partner's customer opens doors to the vendor's
 * prospects (warm introduction); both sides selling means aligning (co-sell); the vendor's
 * customers are where it can return the favour (referral) or keep the customer together
 * (co-retain). A partner prospect the vendor has not won either gives nothing to act on.
 */
const plans: Record<OverlapStatus, Record<OverlapStatus, Plan | null>> = {
  prospect: {
    customer: { action: "warm_intro", stageKeys: ["reach", "influence"] },
    opportunity: { action: "co_sell", stageKeys: ["influence", "develop"] },
    prospect: null,
  },
  opportunity: {
    customer: { action: "warm_intro", stageKeys: ["influence", "develop"] },
    opportunity: { action: "co_sell", stageKeys: ["develop"] },
    prospect: null,
  },
  customer: {
    customer: { action: "co_retain", stageKeys: ["expand"] },
    opportunity: { action: "referral", stageKeys: ["expand"] },
    prospect: { action: "referral", stageKeys: ["expand"] },
  },
};

export function planFor(vendorStatus: OverlapStatus, partnerStatus: OverlapStatus): Plan | null {
  return plans[vendorStatus][partnerStatus];
}

/** Partner tiers as a 0–1 weight (unknown or no tier: 0). */
export function tierWeight(tier: string | null): number {
  const weights: Record<string, number> = { platinum: 1, gold: 0.75, silver: 0.5, registered: 0.25 };
  return tier ? (weights[tier.trim().toLowerCase()] ?? 0.25) : 0;
}

export type StageRef = { id: string; key: string; name: string };

export type RecommendationOverlap = {
  matchId: string;
  kind: string;
  evidence: string[];
  vendorStatus: OverlapStatus;
  partnerStatus: OverlapStatus;
  account: { id: string; name: string };
  partnerAccount: { id: string; name: string };
  partner: { id: string; name: string; tier: string | null; layers: string[] };
  /** The account's best ICP fit, if scored. */
  fit: { score: number; band: string; icpId: string; icpName: string } | null;
  openPipeline: number;
};

export type RecommendationContext = {
  stages: StageRef[];
  links: { icpId: string; name: string; partnerIds: string[]; stageWeights: Record<string, number> }[];
  playSteps: {
    playId: string;
    playName: string;
    icpId: string | null;
    stepId: string;
    description: string;
    stageKey: string;
    position: number;
    partnerIds: string[];
    leadLayer: string | null;
  }[];
};

export type Recommendation = {
  key: string;
  action: RecommendationAction;
  title: string;
  reasons: string[];
  score: number;
  stage: { id: string; name: string } | null;
  play: { id: string; name: string; stepId: string; stepTitle: string } | null;
  partner: { id: string; name: string; tier: string | null };
  account: { id: string; name: string; status: OverlapStatus };
  partnerAccount: { id: string; name: string; status: OverlapStatus };
  matchId: string;
};

const basePoints: Record<RecommendationAction, number> = {
  warm_intro: 30,
  co_sell: 32,
  co_retain: 22,
  referral: 18,
};

const statusWords: Record<OverlapStatus, string> = {
  customer: "a customer",
  opportunity: "in an open opportunity",
  prospect: "a prospect",
};

function titleOf(action: RecommendationAction, o: RecommendationOverlap): string {
  switch (action) {
    case "warm_intro":
      return `Ask ${o.partner.name} for a warm introduction to ${o.account.name}`;
    case "co_sell":
      return `Align with ${o.partner.name} to co-sell at ${o.account.name}`;
    case "referral":
      return `Refer ${o.partner.name} into your customer ${o.account.name}`;
    case "co_retain":
      return `Retain and expand ${o.account.name} together with ${o.partner.name}`;
  }
}

const money = (amount: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
    amount,
  );

const shortTitle = (text: string) => {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
};

function bestLink(o: RecommendationOverlap, stageKey: string, context: RecommendationContext) {
  const ofPartner = context.links.filter((l) => l.partnerIds.includes(o.partner.id));
  const ofIcp = o.fit ? ofPartner.filter((l) => l.icpId === o.fit?.icpId) : [];
  const candidates = ofIcp.length > 0 ? ofIcp : ofPartner;
  let best: { name: string; weight: number } | null = null;
  for (const link of candidates) {
    const weight = link.stageWeights[stageKey] ?? 0;
    if (weight > 0 && (!best || weight > best.weight || (weight === best.weight && link.name < best.name)))
      best = { name: link.name, weight };
  }
  return best;
}

function bestStep(o: RecommendationOverlap, stageKey: string, context: RecommendationContext) {
  const ranked = context.playSteps
    .filter((s) => s.stageKey === stageKey && (s.icpId === null || !o.fit || s.icpId === o.fit.icpId))
    .map((s) => ({
      step: s,
      priority: s.partnerIds.includes(o.partner.id)
        ? 0
        : s.leadLayer !== null && o.partner.layers.includes(s.leadLayer)
          ? 1
          : 2,
    }))
    .filter((c) => c.priority < 2)
    .sort(
      (a, b) =>
        a.priority - b.priority ||
        a.step.playName.localeCompare(b.step.playName) ||
        a.step.position - b.step.position ||
        (a.step.stepId < b.step.stepId ? -1 : 1),
    );
  return ranked[0] ?? null;
}

/** The recommendation for one overlap, or null when its status pair calls for no action. */
export function recommendFor(
  o: RecommendationOverlap,
  context: RecommendationContext,
): Recommendation | null {
  const plan = planFor(o.vendorStatus, o.partnerStatus);
  if (!plan) return null;
  const stages = plan.stageKeys.flatMap((key) => context.stages.filter((s) => s.key === key));
  const found = stages.map((stage) => ({ stage, step: bestStep(o, stage.key, context) })).find((c) => c.step);
  const stage = found?.stage ?? stages[0] ?? null;
  const step = found?.step ?? null;
  const link = stage ? bestLink(o, stage.key, context) : null;

  const reasons = [
    `${o.account.name} is ${statusWords[o.partnerStatus]} of ${o.partner.name} and ${statusWords[o.vendorStatus]} for you`,
    o.kind === "same"
      ? `Same company: ${o.evidence.join("; ")}`
      : `Related company (subsidiary or sibling): ${o.evidence.join("; ")}`,
  ];
  let score = basePoints[plan.action];
  if (o.fit) {
    score += 0.25 * o.fit.score;
    reasons.push(`ICP fit ${o.fit.band} (${o.fit.score}) for ${o.fit.icpName}`);
  }
  if (o.openPipeline > 0) {
    score += Math.min(15, (15 * Math.log10(1 + o.openPipeline / 1000)) / 3);
    reasons.push(`Open pipeline ${money(o.openPipeline)}`);
  }
  if (o.partner.tier) {
    score += 10 * tierWeight(o.partner.tier);
    reasons.push(`${o.partner.tier} partner`);
  }
  if (link && stage) {
    score += (12 * Math.min(5, link.weight)) / 5;
    reasons.push(`Value-chain link '${link.name}' weighs ${link.weight}/5 at ${stage.name}`);
  }
  if (step && stage) {
    score += 6;
    const how = step.priority === 0 ? `with ${o.partner.name}` : `led by its ${step.step.leadLayer} layer`;
    reasons.push(`Play '${step.step.playName}' has a step at ${stage.name} ${how}`);
  }
  if (o.kind !== "same") score -= 8;
  return {
    key: `${o.matchId}:${plan.action}`,
    action: plan.action,
    title: titleOf(plan.action, o),
    reasons,
    score: Math.max(0, Math.min(100, Math.round(score))),
    // A default stage the workspace never stored has no id to link to.
    stage: stage?.id ? { id: stage.id, name: stage.name } : null,
    play: step
      ? {
          id: step.step.playId,
          name: step.step.playName,
          stepId: step.step.stepId,
          stepTitle: shortTitle(step.step.description),
        }
      : null,
    partner: { id: o.partner.id, name: o.partner.name, tier: o.partner.tier },
    account: { id: o.account.id, name: o.account.name, status: o.vendorStatus },
    partnerAccount: { id: o.partnerAccount.id, name: o.partnerAccount.name, status: o.partnerStatus },
    matchId: o.matchId,
  };
}

/** Every overlap's recommendation, best first (score, then key: the order never depends on input order). */
export function recommend(
  overlaps: readonly RecommendationOverlap[],
  context: RecommendationContext,
): Recommendation[] {
  return overlaps
    .flatMap((o) => recommendFor(o, context) ?? [])
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
