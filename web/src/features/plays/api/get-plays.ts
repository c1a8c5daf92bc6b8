import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { PLAY_STATUSES } from "../components/labels";

const namedRef = z.object({ id: z.string(), name: z.string() });

export const playSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  objective: z.string().nullable(),
  status: z.enum(PLAY_STATUSES),
  solution: namedRef.nullable(),
  icp: namedRef.nullable(),
  stepCounts: z.array(z.object({ stageKey: z.string(), stageName: z.string(), count: z.number() })),
  updatedAt: z.string(),
});
export type PlaySummary = z.infer<typeof playSummarySchema>;

export const playsQueryKey = ["plays"] as const;

export function getPlays(cursor: string | null, signal?: AbortSignal) {
  return apiRequest(pagePath("/v1/plays", cursor), { schema: pageSchema(playSummarySchema), signal });
}

export const playsQueryOptions = infiniteQueryOptions({
  queryKey: [...playsQueryKey, "list"],
  queryFn: ({ pageParam, signal }) => getPlays(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

export function usePlays() {
  return useInfiniteQuery(playsQueryOptions);
}
