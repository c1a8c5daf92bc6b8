import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { roleSchema } from "../../../shared/auth/roles";

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});

export type Member = z.infer<typeof memberSchema>;

const membersPageSchema = pageSchema(memberSchema);

export const membersQueryKey = ["members"] as const;

export function getMembers(cursor: string | null, signal?: AbortSignal) {
  return apiRequest(pagePath("/v1/members", cursor), { schema: membersPageSchema, signal });
}

export const membersQueryOptions = infiniteQueryOptions({
  queryKey: membersQueryKey,
  queryFn: ({ pageParam, signal }) => getMembers(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

export function useMembers() {
  return useInfiniteQuery(membersQueryOptions);
}
