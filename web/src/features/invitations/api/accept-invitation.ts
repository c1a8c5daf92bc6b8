import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { sessionQueryKey, sessionSchema, useStoreSession } from "../../../shared/auth/session";

export function acceptInvitation(token: string) {
  return apiRequest(`/v1/invitations/by-token/${encodeURIComponent(token)}/accept`, {
    method: "POST",
    schema: sessionSchema,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (session) => {
      // Accepting moves the session into the invited workspace.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      storeSession(session);
    },
  });
}
