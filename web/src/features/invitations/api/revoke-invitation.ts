import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { invitationsQueryKey } from "./get-invitations";

export function revokeInvitation(id: string) {
  return apiRequest(`/v1/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
