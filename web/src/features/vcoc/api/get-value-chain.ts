import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { CHANNEL_KINDS } from "../components/labels";

export const linkPartnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  lifecycle: z.string(),
  layers: z.array(z.string()),
});

export const valueChainLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  channelKind: z.enum(CHANNEL_KINDS),
  position: z.number(),
  stageWeights: z.record(z.string(), z.number()),
  partners: z.array(linkPartnerSchema),
});
export type ValueChainLink = z.infer<typeof valueChainLinkSchema>;

export const valueChainSchema = z.object({
  icp: z.object({ id: z.string(), name: z.string() }),
  stages: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  links: z.array(valueChainLinkSchema),
  coverage: z.object({
    overall: z.number(),
    coveredWeight: z.number(),
    totalWeight: z.number(),
    stages: z.array(
      z.object({
        stageKey: z.string(),
        stageName: z.string(),
        coverage: z.number().nullable(),
        coveredWeight: z.number(),
        totalWeight: z.number(),
      }),
    ),
    links: z.array(
      z.object({
        linkId: z.string(),
        covered: z.boolean(),
        weight: z.number(),
        activePartnerIds: z.array(z.string()),
      }),
    ),
    gaps: z.array(
      z.object({
        linkId: z.string(),
        linkName: z.string(),
        channelKind: z.enum(CHANNEL_KINDS),
        weight: z.number(),
        topStageName: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  }),
});
export type ValueChain = z.infer<typeof valueChainSchema>;

export const valueChainQueryKey = (icpId: string) => ["value-chain", icpId] as const;

export function getValueChain(icpId: string, signal?: AbortSignal) {
  return apiRequest(`/v1/icps/${encodeURIComponent(icpId)}/value-chain`, {
    schema: valueChainSchema,
    signal,
  });
}

export const valueChainQueryOptions = (icpId: string) =>
  queryOptions({
    queryKey: valueChainQueryKey(icpId),
    queryFn: ({ signal }) => getValueChain(icpId, signal),
  });

export function useValueChain(icpId: string) {
  return useQuery(valueChainQueryOptions(icpId));
}
