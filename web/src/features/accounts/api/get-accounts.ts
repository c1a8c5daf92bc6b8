import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { PAGE_SIZE, pageSchema } from "../../../shared/api/pagination";
import { ACCOUNT_STATUSES } from "../components/labels";

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  annualRevenue: z.number().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  technologies: z.array(z.string()),
  status: z.enum(ACCOUNT_STATUSES),
  owner: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export interface AccountFilters {
  q: string;
  status: string | null;
}

export const accountsQueryKey = ["accounts"] as const;
const accountsPageSchema = pageSchema(accountSchema);

function accountsPath(filters: AccountFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), sort: "name" });
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status) params.set("status", filters.status);
  if (cursor) params.set("cursor", cursor);
  return `/v1/accounts?${params.toString()}`;
}

export function useAccounts(filters: AccountFilters) {
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: [...accountsQueryKey, "list", filters],
      queryFn: ({ pageParam, signal }) =>
        apiRequest(accountsPath(filters, pageParam), { schema: accountsPageSchema, signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
    placeholderData: (previous) => previous,
  });
}

export function useAccount(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...accountsQueryKey, "detail", id],
      queryFn: ({ signal }) =>
        apiRequest(`/v1/accounts/${encodeURIComponent(id)}`, { schema: accountSchema, signal }),
    }),
  );
}
