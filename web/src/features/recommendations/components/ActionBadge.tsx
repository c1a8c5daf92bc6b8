import { Badge } from "@mantine/core";
import type { RecommendationAction } from "../api/get-recommendations";

export const ACTION_LABELS: Record<RecommendationAction, string> = {
  warm_intro: "Warm intro",
  co_sell: "Co-sell",
  referral: "Referral",
  co_retain: "Co-retain",
};

const ACTION_COLORS: Record<RecommendationAction, string> = {
  warm_intro: "orange",
  co_sell: "blue",
  referral: "grape",
  co_retain: "teal",
};

const ACTION_HINTS: Record<RecommendationAction, string> = {
  warm_intro: "Your prospect is the partner's customer: ask for an introduction",
  co_sell: "Both sides have an open opportunity: align the deal",
  referral: "Your customer is the partner's prospect: refer them back",
  co_retain: "Both are customers: integrate and retain together",
};

/** The kind of next action, coloured the same on every surface. */
export function ActionBadge({ action }: { action: RecommendationAction }) {
  return (
    <Badge
      color={ACTION_COLORS[action]}
      variant="light"
      radius="sm"
      title={ACTION_HINTS[action]}
      styles={{ root: { flexShrink: 0, maxWidth: "none" }, label: { overflow: "visible" } }}
    >
      {ACTION_LABELS[action]}
    </Badge>
  );
}
