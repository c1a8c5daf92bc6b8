/** Words and colours of the partner vocabulary, matching the API's values (src/modules/strategy/vocabulary.ts). */
import type { Role } from "../../../shared/auth/roles";
import type { StackLayer } from "../../../shared/vocabulary/stack-layers";

export { STACK_LAYER_LABELS, STACK_LAYERS, type StackLayer } from "../../../shared/vocabulary/stack-layers";

/** One hue per route to market, the same on every partner surface. */
export const STACK_LAYER_COLORS: Record<StackLayer, string> = {
  reseller_msp: "indigo",
  alliance: "teal",
  cloud_market: "orange",
  ecosystem_platform: "grape",
  referral_influencer: "pink",
};

export const PARTNER_TYPES = [
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
const PARTNER_TYPE_LABELS: Record<string, string> = {
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
/** Built-in types have labels; a workspace's own types show as typed. */
export function partnerTypeLabel(type: string): string {
  return PARTNER_TYPE_LABELS[type] ?? type;
}

export const LIFECYCLE_STAGES = [
  "prospect",
  "recruiting",
  "onboarding",
  "active",
  "strategic",
  "inactive",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const LIFECYCLE_LABELS: Record<LifecycleStage, string> = {
  prospect: "Prospect",
  recruiting: "Recruiting",
  onboarding: "Onboarding",
  active: "Active",
  strategic: "Strategic",
  inactive: "Inactive",
};
export const LIFECYCLE_COLORS: Record<LifecycleStage, string> = {
  prospect: "gray",
  recruiting: "yellow",
  onboarding: "cyan",
  active: "green",
  strategic: "violet",
  inactive: "red",
};

export const PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** Viewers read; everyone else in the workspace works the partner data. */
export function canEditPartners(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "partner_manager";
}
