import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { PLAY_STATUSES, type PlayStatus } from "../components/labels";
import { playDetailSchema, playQueryKey } from "./get-play";
import { playsQueryKey } from "./get-plays";

export const newPlaySchema = z.object({
  name: z.string().trim().min(1, "Name the play").max(200),
  solutionId: z
    .string({ error: "Pick the solution the play sells" })
    .min(1, "Pick the solution the play sells"),
  icpId: z.string({ error: "Pick the ICP the play targets" }).min(1, "Pick the ICP the play targets"),
  objective: z.string().trim().max(4000).nullable(),
  status: z.enum(PLAY_STATUSES),
});
export type NewPlay = z.infer<typeof newPlaySchema>;

export function createPlay(input: NewPlay) {
  return apiRequest("/v1/plays", { method: "POST", body: input, schema: playDetailSchema });
}

export function useCreatePlay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playsQueryKey }),
  });
}

export type PlayChanges = Partial<Omit<NewPlay, "status">> & { status?: PlayStatus };

export function updatePlay(id: string, changes: PlayChanges) {
  return apiRequest(`/v1/plays/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: changes,
    schema: playDetailSchema,
  });
}

export function useUpdatePlay(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PlayChanges) => updatePlay(id, changes),
    onSuccess: (play) => {
      // The answer is the whole play: show it at once, then refresh the lists around it.
      queryClient.setQueryData(playQueryKey(id), play);
      return queryClient.invalidateQueries({ queryKey: playsQueryKey });
    },
  });
}

export function useDeletePlay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/v1/plays/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playsQueryKey }),
  });
}
