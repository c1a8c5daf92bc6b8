/**
 * The Ecosystem Strategy Stack's layers (routes to market), matching the API's values
 * (src/modules/strategy/vocabulary.ts). Partners work in layers; a play's step can be led by one.
 */
export const STACK_LAYERS = [
  "reseller_msp",
  "alliance",
  "cloud_market",
  "ecosystem_platform",
  "referral_influencer",
] as const;
export type StackLayer = (typeof STACK_LAYERS)[number];
export const STACK_LAYER_LABELS: Record<StackLayer, string> = {
  reseller_msp: "Reseller / MSP",
  alliance: "Alliance",
  cloud_market: "Cloud market",
  ecosystem_platform: "Ecosystem platform",
  referral_influencer: "Referral / influencer",
};
