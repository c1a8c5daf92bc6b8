import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { roleSchema } from "../../../shared/auth/roles";
import { invitationStatusSchema } from "./get-invitations";

/** What anyone holding the link may see: which workspace, for whom, with which role. */
export const publicInvitationSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  email: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
});

export type PublicInvitation = z.infer<typeof publicInvitationSchema>;

export function getInvitationByToken(token: string, signal?: AbortSignal) {
  return apiRequest(`/v1/invitations/by-token/${encodeURIComponent(token)}`, {
    schema: publicInvitationSchema,
    signal,
  });
}

export function invitationByTokenQueryOptions(token: string) {
  return queryOptions({
    queryKey: ["invitation-by-token", token] as const,
    queryFn: ({ signal }) => getInvitationByToken(token, signal),
    retry: false,
  });
}

export function useInvitationByToken(token: string) {
  return useQuery(invitationByTokenQueryOptions(token));
}
