import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { apiKeysQueryKey } from "./get-api-keys";

export function revokeApiKey(id: string) {
  return apiRequest(`/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
