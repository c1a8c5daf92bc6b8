import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { CO_MOTIONS, LEAD_KINDS, MOTION_FAMILIES, STACK_LAYERS } from "../components/labels";
import { playStepSchema } from "./get-play";
import { playsQueryKey } from "./get-plays";

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/\S+$/i.test(value), "Use an http(s) address");

export const stepInputSchema = z.object({
  stageId: z.string().min(1, "Pick a stage"),
  description: z.string().trim().min(1, "Say what happens at this step").max(4000),
  lead: z.object({
    kind: z.enum(LEAD_KINDS),
    layer: z.enum(STACK_LAYERS).nullable(),
    partnerIds: z.array(z.string()),
  }),
  coMotion: z.enum(CO_MOTIONS),
  motionFamily: z.enum(MOTION_FAMILIES),
  assets: z.array(z.object({ title: z.string().trim().min(1, "Give each asset a title"), url: httpUrl })),
  kpis: z.array(
    z.object({
      name: z.string().trim().min(1, "Name each KPI"),
      target: z.string().trim().min(1, "Set a target"),
    }),
  ),
});
export type StepInput = z.infer<typeof stepInputSchema>;

/** Creates a step on the play, or replaces an existing step's fields. */
export function saveStep(playId: string, input: StepInput & { id?: string }) {
  const { id, ...body } = input;
  return id
    ? apiRequest(`/v1/play-steps/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body,
        schema: playStepSchema,
      })
    : apiRequest(`/v1/plays/${encodeURIComponent(playId)}/steps`, {
        method: "POST",
        body,
        schema: playStepSchema,
      });
}

export function useSaveStep(playId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StepInput & { id?: string }) => saveStep(playId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playsQueryKey }),
  });
}

export function useDeleteStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/v1/play-steps/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playsQueryKey }),
  });
}
