import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { PAGE_SIZE, pageSchema } from "../../../shared/api/pagination";
import { LIFECYCLE_STAGES, PRIORITIES, STACK_LAYERS } from "../components/labels";

export const relationshipSchema = z.object({
  priority: z.enum(PRIORITIES).nullable(),
  vision: z.string().nullable(),
  goals: z.array(z.string()),
  vendorSponsors: z.array(z.string()),
  partnerSponsors: z.array(z.string()),
  stage: z.string().nullable(),
  nextReviewDate: z.string().nullable(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  description: z.string().nullable(),
  layers: z.array(z.enum(STACK_LAYERS)),
  types: z.array(z.string()),
  regions: z.array(z.string()),
  industries: z.array(z.string()),
  capabilities: z.array(z.string()),
  tier: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  relationship: relationshipSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

export type PartnerSort = "name" | "-name" | "created" | "-created";
export interface PartnerFilters {
  q: string;
  layer: string | null;
  lifecycle: string | null;
  type: string | null;
  sort: PartnerSort;
}

const partnersPageSchema = pageSchema(partnerSchema);

/** Everything under "partners" refreshes when a partner changes (lists, detail, pickers). */
export const partnersQueryKey = ["partners"] as const;

function partnersPath(filters: PartnerFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), sort: filters.sort });
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.layer) params.set("layer", filters.layer);
  if (filters.lifecycle) params.set("lifecycle", filters.lifecycle);
  if (filters.type) params.set("type", filters.type);
  if (cursor) params.set("cursor", cursor);
  return `/v1/partners?${params.toString()}`;
}

export function partnersQueryOptions(filters: PartnerFilters) {
  return infiniteQueryOptions({
    queryKey: [...partnersQueryKey, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest(partnersPath(filters, pageParam), { schema: partnersPageSchema, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function usePartners(filters: PartnerFilters) {
  return useInfiniteQuery({ ...partnersQueryOptions(filters), placeholderData: (previous) => previous });
}
