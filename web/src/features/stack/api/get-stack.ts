import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";

export const coverageLevels = ["empty", "weak", "covered", "strong"] as const;
export type CoverageLevel = (typeof coverageLevels)[number];

const named = z.object({ id: z.string(), name: z.string() });
const recommendationSchema = z.object({
  partnerId: z.string(),
  name: z.string(),
  lifecycle: z.string(),
  score: z.number(),
  why: z.array(z.string()),
});
const gapCommon = {
  stageKey: z.string().nullable(),
  stageName: z.string().nullable(),
  importance: z.number(),
  pipeline: z.number(),
  reason: z.string(),
  recommendations: z.array(recommendationSchema),
};

export const stackSchema = z.object({
  solution: named.nullable(),
  icp: named.nullable(),
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
  layers: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(
    z.object({
      layer: z.string(),
      stageKey: z.string(),
      coverageScore: z.number(),
      level: z.enum(coverageLevels),
      pipeline: z.number(),
      demand: z.number(),
      playSteps: z.array(
        z.object({
          playId: z.string(),
          playName: z.string(),
          stepId: z.string().optional(),
          coMotion: z.string(),
        }),
      ),
      partners: z.array(
        z.object({
          partnerId: z.string(),
          name: z.string(),
          lifecycle: z.string(),
          active: z.boolean(),
          via: z.array(z.string()),
        }),
      ),
    }),
  ),
  gaps: z.array(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("cell"),
        layer: z.string(),
        level: z.enum(["empty", "weak"]),
        coverageScore: z.number(),
        ...gapCommon,
      }),
      z.object({ kind: z.literal("vcoc_link"), linkId: z.string(), linkName: z.string(), ...gapCommon }),
    ]),
  ),
  vcoc: z.object({
    overall: z.number(),
    stages: z.array(
      z.object({ stageKey: z.string(), stageName: z.string(), coverage: z.number().nullable() }),
    ),
  }),
  plays: z.array(
    z.object({ id: z.string(), name: z.string(), status: z.string(), stageKeys: z.array(z.string()) }),
  ),
  totals: z.object({ pipeline: z.number(), coveredCells: z.number(), emptyCells: z.number() }),
});

export type StackData = z.infer<typeof stackSchema>;
export type StackCell = StackData["cells"][number];
export type StackGap = StackData["gaps"][number];

export interface StackSelection {
  solution?: string | undefined;
  icp?: string | undefined;
}

/** Query string of a selection (only the parts that are set). */
export function selectionQuery(selection: StackSelection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (selection.solution) params.set("solution", selection.solution);
  if (selection.icp) params.set("icp", selection.icp);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function getStack(selection: StackSelection, signal?: AbortSignal) {
  return apiRequest(`/v1/stack${selectionQuery(selection)}`, { schema: stackSchema, signal });
}

export const stackQueryOptions = (selection: StackSelection) =>
  queryOptions({
    queryKey: ["stack", selection.solution ?? null, selection.icp ?? null] as const,
    queryFn: ({ signal }) => getStack(selection, signal),
  });

export function useStack(selection: StackSelection) {
  return useQuery(stackQueryOptions(selection));
}
