import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { jobSchema } from "../../../shared/ui/JobProgress";
import { icpDetailSchema, icpsQueryKey } from "./get-icps";
import type { Criterion } from "./schemas";

export type IcpInput = { name: string; description: string | null; criteria: Criterion[] };

export function useCreateIcp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IcpInput) =>
      apiRequest("/v1/icps", { method: "POST", body: input, schema: icpDetailSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: icpsQueryKey }),
  });
}

export function useUpdateIcp(icpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<IcpInput>) =>
      apiRequest(`/v1/icps/${icpId}`, { method: "PATCH", body: input, schema: icpDetailSchema }),
    onSuccess: (icp) => {
      queryClient.setQueryData([...icpsQueryKey, icpId], icp);
      return queryClient.invalidateQueries({ queryKey: [...icpsQueryKey, "list"] });
    },
  });
}

export function useRescoreIcp(icpId: string) {
  return useMutation({
    mutationFn: () =>
      apiRequest(`/v1/icps/${icpId}/rescore`, { method: "POST", schema: z.object({ job: jobSchema }) }),
  });
}

export function useDeleteIcp(icpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/v1/icps/${icpId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: icpsQueryKey }),
  });
}
