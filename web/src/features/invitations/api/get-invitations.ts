import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { roleSchema } from "../../../shared/auth/roles";

export const invitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export type Invitation = z.infer<typeof invitationSchema>;

const invitationsPageSchema = pageSchema(invitationSchema);

export const invitationsQueryKey = ["invitations"] as const;

export function getInvitations(cursor: string | null, signal?: AbortSignal) {
  return apiRequest(pagePath("/v1/invitations", cursor), { schema: invitationsPageSchema, signal });
}

export const invitationsQueryOptions = infiniteQueryOptions({
  queryKey: invitationsQueryKey,
  queryFn: ({ pageParam, signal }) => getInvitations(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

export function useInvitations() {
  return useInfiniteQuery(invitationsQueryOptions);
}
