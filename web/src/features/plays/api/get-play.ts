import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { CO_MOTIONS, LEAD_KINDS, MOTION_FAMILIES, PLAY_STATUSES, STACK_LAYERS } from "../components/labels";
import { playsQueryKey } from "./get-plays";

const namedRef = z.object({ id: z.string(), name: z.string() });

export const playStepSchema = z.object({
  id: z.string(),
  playId: z.string(),
  stage: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  position: z.number(),
  description: z.string(),
  lead: z.object({
    kind: z.enum(LEAD_KINDS),
    layer: z.enum(STACK_LAYERS).nullable(),
    partners: z.array(namedRef),
  }),
  coMotion: z.enum(CO_MOTIONS),
  motionFamily: z.enum(MOTION_FAMILIES),
  assets: z.array(z.object({ title: z.string(), url: z.string() })),
  kpis: z.array(z.object({ name: z.string(), target: z.string() })),
});
export type PlayStep = z.infer<typeof playStepSchema>;

export const playDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  objective: z.string().nullable(),
  status: z.enum(PLAY_STATUSES),
  solution: namedRef.nullable(),
  icp: namedRef.nullable(),
  stages: z.array(
    z.object({ id: z.string(), key: z.string(), name: z.string(), steps: z.array(playStepSchema) }),
  ),
});
export type PlayDetail = z.infer<typeof playDetailSchema>;

export const playQueryKey = (id: string) => [...playsQueryKey, "detail", id] as const;

export function getPlay(id: string, signal?: AbortSignal) {
  return apiRequest(`/v1/plays/${encodeURIComponent(id)}`, { schema: playDetailSchema, signal });
}

export function usePlay(id: string) {
  return useQuery(queryOptions({ queryKey: playQueryKey(id), queryFn: ({ signal }) => getPlay(id, signal) }));
}
