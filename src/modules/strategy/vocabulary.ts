/**
 * The shared vocabulary of the Ecosystem Strategy Stack: stack layers, partner types, lifecycle
 * stages, VCOC channel kinds, co-motions, account and opportunity enums and the default journey
 * arc. Tables, zod schemas, the UI and the pure strategy functions all import these arrays so a
 * value means the same thing everywhere; labels live here so every surface says it the same way.
 */

/** Routes to market, in the order the stack matrix shows them (top to bottom). */
export const stackLayers = [
  "reseller_msp",
  "alliance",
  "cloud_market",
  "ecosystem_platform",
  "referral_influencer",
] as const;
export type StackLayer = (typeof stackLayers)[number];

export const stackLayerLabels: Readonly<Record<StackLayer, string>> = {
  reseller_msp: "Reseller / MSP",
  alliance: "Alliance",
  cloud_market: "Cloud market",
  ecosystem_platform: "Ecosystem platform",
  referral_influencer: "Referral / influencer",
};

/**
 * Built-in partner types. Workspaces may add their own types (the issue calls the list
 * extensible), so the strategy functions accept any string and only know layers for these.
 */
export const partnerTypes = [
  "var",
  "distributor",
  "msp",
  "si",
  "consultancy",
  "isv",
  "hyperscaler_marketplace",
  "community_platform",
  "agency",
  "advisor_analyst",
  "association",
] as const;
export type PartnerType = (typeof partnerTypes)[number];

export const partnerTypeLabels: Readonly<Record<PartnerType, string>> = {
  var: "VAR",
  distributor: "Distributor",
  msp: "MSP",
  si: "System integrator",
  consultancy: "Consultancy",
  isv: "ISV / technology",
  hyperscaler_marketplace: "Hyperscaler marketplace",
  community_platform: "Community / platform",
  agency: "Agency",
  advisor_analyst: "Advisor / analyst",
  association: "Association",
};

/** The layer a partner of each type usually sits in; used to suggest partners for a gap. */
export const partnerTypeTypicalLayer: Readonly<Record<PartnerType, StackLayer>> = {
  var: "reseller_msp",
  distributor: "reseller_msp",
  msp: "reseller_msp",
  si: "alliance",
  consultancy: "alliance",
  isv: "alliance",
  hyperscaler_marketplace: "cloud_market",
  community_platform: "ecosystem_platform",
  agency: "referral_influencer",
  advisor_analyst: "referral_influencer",
  association: "referral_influencer",
};

export function isPartnerType(value: string): value is PartnerType {
  return (partnerTypes as readonly string[]).includes(value);
}

/** Label of a built-in type, or the custom type string itself. */
export function partnerTypeLabel(type: string): string {
  return isPartnerType(type) ? partnerTypeLabels[type] : type;
}

export const lifecycleStages = [
  "prospect",
  "recruiting",
  "onboarding",
  "active",
  "strategic",
  "inactive",
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const lifecycleStageLabels: Readonly<Record<LifecycleStage, string>> = {
  prospect: "Prospect",
  recruiting: "Recruiting",
  onboarding: "Onboarding",
  active: "Active",
  strategic: "Strategic",
  inactive: "Inactive",
};

/** Only these lifecycle stages count as "a partner covers this" in coverage and the matrix. */
export const activeLifecycleStages = ["active", "strategic"] as const satisfies readonly LifecycleStage[];

export function isActiveLifecycle(stage: LifecycleStage): boolean {
  return (activeLifecycleStages as readonly LifecycleStage[]).includes(stage);
}

/** The role a link of the customer's value chain plays in the sale. */
export const channelKinds = ["selling", "influencer", "referral", "fulfilment"] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const channelKindLabels: Readonly<Record<ChannelKind, string>> = {
  selling: "Selling",
  influencer: "Influencer",
  referral: "Referral",
  fulfilment: "Fulfilment",
};

/**
 * Which VCOC channel kinds each layer typically serves. The stack matrix uses it to tell how
 * much the customer's value chain relies on a layer at a stage (the "demand" of a cell), and
 * recommendations use it to find the layers that can fill an uncovered VCOC link.
 */
export const layerChannelKinds: Readonly<Record<StackLayer, readonly ChannelKind[]>> = {
  reseller_msp: ["selling", "fulfilment"],
  alliance: ["selling", "influencer", "fulfilment"],
  cloud_market: ["selling", "fulfilment"],
  ecosystem_platform: ["influencer", "referral"],
  referral_influencer: ["referral", "influencer"],
};

/** Layers that serve a channel kind, in stack order. */
export function layersServingChannel(kind: ChannelKind): StackLayer[] {
  return stackLayers.filter((layer) => layerChannelKinds[layer].includes(kind));
}

export const coMotions = ["co_innovate", "co_market", "co_sell", "co_deliver", "co_retain"] as const;
export type CoMotion = (typeof coMotions)[number];

export const coMotionLabels: Readonly<Record<CoMotion, string>> = {
  co_innovate: "Co-innovate",
  co_market: "Co-market",
  co_sell: "Co-sell",
  co_deliver: "Co-deliver",
  co_retain: "Co-retain",
};

export const motionFamilies = ["marketing", "market_development", "partner_selling"] as const;
export type MotionFamily = (typeof motionFamilies)[number];

export const motionFamilyLabels: Readonly<Record<MotionFamily, string>> = {
  marketing: "Marketing",
  market_development: "Market development",
  partner_selling: "Partner selling",
};

export const accountStatuses = ["customer", "opportunity", "prospect", "churned"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const accountStatusLabels: Readonly<Record<AccountStatus, string>> = {
  customer: "Customer",
  opportunity: "Opportunity",
  prospect: "Prospect",
  churned: "Churned",
};

export const opportunitySourceRoutes = [
  "direct",
  "partner_sourced",
  "partner_influenced",
  "marketplace",
] as const;
export type OpportunitySourceRoute = (typeof opportunitySourceRoutes)[number];

export const opportunitySourceRouteLabels: Readonly<Record<OpportunitySourceRoute, string>> = {
  direct: "Direct",
  partner_sourced: "Partner-sourced",
  partner_influenced: "Partner-influenced",
  marketplace: "Marketplace",
};

/** A stage of a workspace's journey arc as the strategy functions see it: a stable key and a name. */
export interface JourneyStageRef {
  key: string;
  name: string;
}

export const defaultJourneyStageKeys = ["identify", "reach", "influence", "develop", "expand"] as const;
export type DefaultJourneyStageKey = (typeof defaultJourneyStageKeys)[number];

/** The arc a new workspace starts with; workspaces may rename, reorder and extend it. */
export const defaultJourneyStages: readonly JourneyStageRef[] = [
  { key: "identify", name: "Identify" },
  { key: "reach", name: "Reach" },
  { key: "influence", name: "Influence" },
  { key: "develop", name: "Develop" },
  { key: "expand", name: "Expand" },
];
