/** Words and colours of the VCOC vocabulary, as the API's channel kinds and lifecycle stages. */
export const CHANNEL_KINDS = ["selling", "influencer", "referral", "fulfilment"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  selling: "Selling",
  influencer: "Influencer",
  referral: "Referral",
  fulfilment: "Fulfilment",
};

/** Mantine colour names per channel kind, used for node accents, badges and the legend. */
export const CHANNEL_KIND_COLORS: Record<ChannelKind, string> = {
  selling: "blue",
  influencer: "grape",
  referral: "orange",
  fulfilment: "teal",
};

const LIFECYCLE_LABELS: Record<string, string> = {
  prospect: "Prospect",
  recruiting: "Recruiting",
  onboarding: "Onboarding",
  active: "Active",
  strategic: "Strategic",
  inactive: "Inactive",
};

export const lifecycleLabel = (stage: string) => LIFECYCLE_LABELS[stage] ?? stage;

/** Only active and strategic partners cover a link (the same rule as the coverage figures). */
export const isActiveLifecycle = (stage: string) => stage === "active" || stage === "strategic";

export const percent = (share: number) => `${Math.round(share * 100)}%`;
