import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";

export const RECOMMENDATION_ACTIONS = ["warm_intro", "co_sell", "referral", "co_retain"] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

const statusSchema = z.string();

export const recommendationSchema = z.object({
  key: z.string(),
  action: z.enum(RECOMMENDATION_ACTIONS),
  title: z.string(),
  reasons: z.array(z.string()),
  score: z.number(),
  stage: z.object({ id: z.string(), name: z.string() }).nullable(),
  play: z
    .object({
      id: z.string(),
      name: z.string(),
      stepId: z.string().nullable(),
      stepTitle: z.string().nullable(),
    })
    .nullable(),
  partner: z.object({ id: z.string(), name: z.string(), tier: z.string().nullable() }),
  account: z.object({ id: z.string(), name: z.string(), status: statusSchema }),
  partnerAccount: z.object({ id: z.string(), name: z.string(), status: statusSchema }),
  matchId: z.string(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** Whose recommendations: one partner's overlaps or one vendor account's. */
export type RecommendationScope = { partnerId: string } | { accountId: string };

export const recommendationsQueryKey = ["recommendations"] as const;

export function useRecommendations(scope: RecommendationScope, limit = 20) {
  const params = new URLSearchParams({ ...scope, limit: String(limit) });
  return useQuery({
    queryKey: [...recommendationsQueryKey, scope, limit],
    queryFn: ({ signal }) =>
      apiRequest(`/v1/recommendations?${params.toString()}`, {
        schema: z.object({ items: z.array(recommendationSchema) }),
        signal,
      }),
  });
}
