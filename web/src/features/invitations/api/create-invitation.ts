import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { grantableRoleSchema } from "../../../shared/auth/roles";
import { invitationSchema, invitationsQueryKey } from "./get-invitations";

export const createInvitationInputSchema = z.object({
  email: z.email("Enter a valid email address"),
  role: grantableRoleSchema,
});

export type CreateInvitationInput = z.infer<typeof createInvitationInputSchema>;

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  url: z.string(),
  token: z.string(),
});

export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export function createInvitation(input: CreateInvitationInput) {
  return apiRequest("/v1/invitations", { method: "POST", body: input, schema: createdInvitationSchema });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
