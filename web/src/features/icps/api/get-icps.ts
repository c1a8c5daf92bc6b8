import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { jobSchema } from "../../../shared/ui/JobProgress";
import { bandSchema, icpSchema } from "./schemas";

export const icpsQueryKey = ["icps"] as const;

export const icpsQueryOptions = infiniteQueryOptions({
  queryKey: [...icpsQueryKey, "list"],
  queryFn: ({ pageParam, signal }) =>
    apiRequest(pagePath("/v1/icps", pageParam), { schema: pageSchema(icpSchema), signal }),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

export function useIcps() {
  return useInfiniteQuery(icpsQueryOptions);
}

export const icpDetailSchema = icpSchema.extend({ rescoreJob: jobSchema.nullable() });
export type IcpDetail = z.infer<typeof icpDetailSchema>;

export function useIcp(icpId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...icpsQueryKey, icpId],
      queryFn: ({ signal }) => apiRequest(`/v1/icps/${icpId}`, { schema: icpDetailSchema, signal }),
    }),
  );
}

export const distributionSchema = z.object({
  total: z.number(),
  buckets: z.array(
    z.object({ from: z.number(), to: z.number(), label: z.string(), band: bandSchema, count: z.number() }),
  ),
});
export type Distribution = z.infer<typeof distributionSchema>;

export function useIcpDistribution(icpId: string) {
  return useQuery({
    queryKey: [...icpsQueryKey, icpId, "distribution"],
    queryFn: ({ signal }) =>
      apiRequest(`/v1/icps/${icpId}/distribution`, { schema: distributionSchema, signal }),
  });
}

export const topAccountSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  score: z.number(),
  band: bandSchema,
  computedAt: z.string(),
});
export type TopAccount = z.infer<typeof topAccountSchema>;

export function useIcpTopAccounts(icpId: string, band: z.infer<typeof bandSchema> | null) {
  return useInfiniteQuery({
    queryKey: [...icpsQueryKey, icpId, "accounts", band],
    queryFn: ({ pageParam, signal }) => {
      const path = pagePath(`/v1/icps/${icpId}/accounts`, pageParam, 25);
      return apiRequest(band ? `${path}&band=${band}` : path, {
        schema: pageSchema(topAccountSchema),
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
