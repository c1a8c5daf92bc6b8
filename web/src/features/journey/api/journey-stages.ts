import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";

export const journeyStageSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  createdAt: z.string(),
});
export type JourneyStage = z.infer<typeof journeyStageSchema>;

const stagesSchema = z.object({ items: z.array(journeyStageSchema) });
export const journeyStagesQueryKey = ["journey-stages"] as const;

export function useJourneyStages() {
  return useQuery({
    queryKey: journeyStagesQueryKey,
    queryFn: ({ signal }) => apiRequest("/v1/journey-stages", { schema: stagesSchema, signal }),
    select: (data) => data.items,
  });
}

function useStageMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: journeyStagesQueryKey }),
  });
}

export const useCreateStage = () =>
  useStageMutation((input: { name: string; description: string | null }) =>
    apiRequest("/v1/journey-stages", { method: "POST", body: input, schema: journeyStageSchema }),
  );

export const useUpdateStage = () =>
  useStageMutation(({ id, ...input }: { id: string; name?: string; description?: string | null }) =>
    apiRequest(`/v1/journey-stages/${id}`, { method: "PATCH", body: input, schema: journeyStageSchema }),
  );

export const useReorderStages = () =>
  useStageMutation((ids: string[]) =>
    apiRequest("/v1/journey-stages/order", { method: "PUT", body: { ids }, schema: stagesSchema }),
  );

export const useDeleteStage = () =>
  useStageMutation((id: string) => apiRequest(`/v1/journey-stages/${id}`, { method: "DELETE" }));
