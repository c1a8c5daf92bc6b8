import { queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pageSchema } from "../../../shared/api/pagination";
import { env } from "../../../shared/config/env";
import {
  filterParams,
  mappingPartnerSchema,
  type OverlapCell,
  type OverlapFilters,
  overlapMatrixSchema,
  overlapSchema,
} from "./schemas";

export const mappingQueryKey = ["mapping"] as const;

/** Partners ranked by overlap with ICP-fit prospects and open pipeline. */
export const mappingPartnersQueryOptions = (icpId: string | null) =>
  queryOptions({
    queryKey: [...mappingQueryKey, "partners", icpId],
    queryFn: ({ signal }) =>
      apiRequest(`/v1/mapping/partners${icpId ? `?icpId=${encodeURIComponent(icpId)}` : ""}`, {
        schema: z.object({ items: z.array(mappingPartnerSchema) }),
        signal,
      }),
  });

export function useMappingPartners(icpId: string | null) {
  return useQuery(mappingPartnersQueryOptions(icpId));
}

export function useOverlapMatrix(partnerId: string, filters: OverlapFilters) {
  return useQuery({
    queryKey: [...mappingQueryKey, "matrix", partnerId, filters],
    queryFn: ({ signal }) =>
      apiRequest(
        `/v1/partners/${encodeURIComponent(partnerId)}/overlaps/matrix?${filterParams(filters).toString()}`,
        { schema: overlapMatrixSchema, signal },
      ),
  });
}

const OVERLAP_PAGE = 25;

/** The overlaps of one matrix cell, a page at a time. */
export function useOverlaps(
  partnerId: string,
  filters: OverlapFilters,
  cell: Pick<OverlapCell, "vendorStatus" | "partnerStatus"> | null,
) {
  return useInfiniteQuery({
    queryKey: [...mappingQueryKey, "overlaps", partnerId, filters, cell],
    enabled: cell !== null,
    queryFn: ({ pageParam, signal }) => {
      const params = filterParams(filters);
      if (cell) {
        params.set("vendorStatus", cell.vendorStatus);
        params.set("partnerStatus", cell.partnerStatus);
      }
      params.set("limit", String(OVERLAP_PAGE));
      if (pageParam) params.set("cursor", pageParam);
      return apiRequest(`/v1/partners/${encodeURIComponent(partnerId)}/overlaps?${params.toString()}`, {
        schema: pageSchema(overlapSchema),
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function overlapExportHref(partnerId: string): string {
  return `${env.apiBaseUrl}/v1/partners/${encodeURIComponent(partnerId)}/overlaps/export?format=csv`;
}

const icpChoicesSchema = pageSchema(z.object({ id: z.string(), name: z.string() }));

/** ICPs to rank and filter by (the first 200, by name). */
export function useIcpChoices() {
  return useQuery({
    queryKey: [...mappingQueryKey, "icp-choices"],
    queryFn: async ({ signal }) => {
      const page = await apiRequest("/v1/icps?limit=200", { schema: icpChoicesSchema, signal });
      return [...page.items].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}
