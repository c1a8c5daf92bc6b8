import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { valueChainQueryKey } from "./get-value-chain";

export function deleteLink(id: string) {
  return apiRequest(`/v1/value-chain/links/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteLink(icpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLink,
    onSettled: () => queryClient.invalidateQueries({ queryKey: valueChainQueryKey(icpId) }),
  });
}
