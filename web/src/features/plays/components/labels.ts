/** Words and colours of the plays vocabulary, matching the API's values. */
export const PLAY_STATUSES = ["draft", "active", "retired"] as const;
export type PlayStatus = (typeof PLAY_STATUSES)[number];
export const PLAY_STATUS_LABELS: Record<PlayStatus, string> = {
  draft: "Draft",
  active: "Active",
  retired: "Retired",
};
export const PLAY_STATUS_COLORS: Record<PlayStatus, string> = {
  draft: "gray",
  active: "green",
  retired: "red",
};

export const CO_MOTIONS = ["co_innovate", "co_market", "co_sell", "co_deliver", "co_retain"] as const;
export type CoMotion = (typeof CO_MOTIONS)[number];
export const CO_MOTION_LABELS: Record<CoMotion, string> = {
  co_innovate: "Co-innovate",
  co_market: "Co-market",
  co_sell: "Co-sell",
  co_deliver: "Co-deliver",
  co_retain: "Co-retain",
};
export const CO_MOTION_COLORS: Record<CoMotion, string> = {
  co_innovate: "violet",
  co_market: "pink",
  co_sell: "blue",
  co_deliver: "teal",
  co_retain: "orange",
};

export const MOTION_FAMILIES = ["marketing", "market_development", "partner_selling"] as const;
export type MotionFamily = (typeof MOTION_FAMILIES)[number];
export const MOTION_FAMILY_LABELS: Record<MotionFamily, string> = {
  marketing: "Marketing",
  market_development: "Market development",
  partner_selling: "Partner selling",
};

export { STACK_LAYER_LABELS, STACK_LAYERS, type StackLayer } from "../../../shared/vocabulary/stack-layers";

export const LEAD_KINDS = ["vendor", "layer", "partners"] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
export const LEAD_KIND_LABELS: Record<LeadKind, string> = {
  vendor: "Vendor",
  layer: "Stack layer",
  partners: "Named partners",
};

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
