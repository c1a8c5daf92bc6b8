import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { roleSchema } from "../../../shared/auth/roles";

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export type ApiKey = z.infer<typeof apiKeySchema>;

const apiKeysPageSchema = pageSchema(apiKeySchema);

export const apiKeysQueryKey = ["api-keys"] as const;

export function getApiKeys(cursor: string | null, signal?: AbortSignal) {
  return apiRequest(pagePath("/v1/api-keys", cursor), { schema: apiKeysPageSchema, signal });
}

export const apiKeysQueryOptions = infiniteQueryOptions({
  queryKey: apiKeysQueryKey,
  queryFn: ({ pageParam, signal }) => getApiKeys(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

export function useApiKeys() {
  return useInfiniteQuery(apiKeysQueryOptions);
}
