import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { membersQueryKey } from "./get-members";

export function removeMember(userId: string) {
  return apiRequest(`/v1/members/${encodeURIComponent(userId)}`, { method: "DELETE" });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
