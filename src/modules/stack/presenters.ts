/** The only shape in which the stack leaves the API (and the CLI's --json). */
import { z } from "zod";
import { coverageLevels } from "../strategy/stack-matrix.ts";
import { channelKinds, coMotions, lifecycleStages, stackLayers } from "../strategy/vocabulary.ts";
import type { Stack, StackGapWithRecommendations } from "./service.ts";

const named = z.object({ id: z.uuid(), name: z.string() });
const layerKey = z.enum(stackLayers);

const recommendationView = z.object({
  partnerId: z.uuid(),
  name: z.string(),
  lifecycle: z.enum(lifecycleStages),
  score: z.number().int(),
  why: z.array(z.string()),
});

const gapCommon = {
  stageKey: z.string().nullable(),
  stageName: z.string().nullable(),
  importance: z.number(),
  pipeline: z.number(),
  reason: z.string(),
  recommendations: z.array(recommendationView),
};

const gapView = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cell"),
    layer: layerKey,
    level: z.enum(["empty", "weak"]),
    coverageScore: z.number().int(),
    pendingPartnerIds: z.array(z.uuid()),
    ...gapCommon,
  }),
  z.object({
    kind: z.literal("vcoc_link"),
    linkId: z.uuid(),
    linkName: z.string(),
    channelKind: z.enum(channelKinds),
    layers: z.array(layerKey),
    assignedPartnerIds: z.array(z.uuid()),
    ...gapCommon,
  }),
]);

export const stackView = z.object({
  solution: named.nullable(),
  icp: named.nullable(),
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
  layers: z.array(z.object({ key: layerKey, label: z.string() })),
  cells: z.array(
    z.object({
      layer: layerKey,
      stageKey: z.string(),
      coverageScore: z.number().int(),
      level: z.enum(coverageLevels),
      pipeline: z.number(),
      demand: z.number(),
      playSteps: z.array(
        z.object({
          playId: z.uuid(),
          playName: z.string(),
          stepId: z.uuid().optional(),
          coMotion: z.enum(coMotions),
        }),
      ),
      partners: z.array(
        z.object({
          partnerId: z.uuid(),
          name: z.string(),
          lifecycle: z.enum(lifecycleStages),
          active: z.boolean(),
          via: z.array(z.enum(["play_step", "vcoc_link"])),
        }),
      ),
    }),
  ),
  gaps: z.array(gapView),
  vcoc: z.object({
    overall: z.number(),
    stages: z.array(
      z.object({
        stageKey: z.string(),
        stageName: z.string(),
        coverage: z.number().nullable(),
        coveredWeight: z.number(),
        totalWeight: z.number(),
      }),
    ),
  }),
  plays: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.string(),
      objective: z.string().nullable(),
      stageKeys: z.array(z.string()),
    }),
  ),
  totals: z.object({ pipeline: z.number(), coveredCells: z.number().int(), emptyCells: z.number().int() }),
});
export type StackView = z.infer<typeof stackView>;

function presentGap(gap: StackGapWithRecommendations): z.infer<typeof gapView> {
  const recommendations = gap.recommendations.map((r) => ({
    partnerId: r.partnerId,
    name: r.name,
    lifecycle: r.lifecycle,
    score: r.score,
    why: r.why,
  }));
  if (gap.kind === "cell") {
    return {
      kind: "cell",
      layer: gap.layer,
      stageKey: gap.stageKey,
      stageName: gap.stageName,
      level: gap.level,
      coverageScore: gap.coverageScore,
      importance: gap.importance,
      pipeline: gap.pipeline,
      pendingPartnerIds: gap.pendingPartnerIds,
      reason: gap.reason,
      recommendations,
    };
  }
  return {
    kind: "vcoc_link",
    linkId: gap.linkId,
    linkName: gap.linkName,
    channelKind: gap.channelKind,
    layers: gap.layers,
    stageKey: gap.stageKey,
    stageName: gap.stageName,
    importance: gap.importance,
    pipeline: gap.pipeline,
    assignedPartnerIds: gap.assignedPartnerIds,
    reason: gap.reason,
    recommendations,
  };
}

export function presentStack(stack: Stack): StackView {
  return {
    solution: { id: stack.solution.id, name: stack.solution.name },
    icp: { id: stack.icp.id, name: stack.icp.name },
    stages: stack.stages.map((s) => ({ key: s.key, name: s.name })),
    layers: stack.layers.map((l) => ({ key: l.key, label: l.label })),
    cells: stack.cells.map((c) => ({
      layer: c.layer,
      stageKey: c.stageKey,
      coverageScore: c.coverageScore,
      level: c.level,
      pipeline: c.pipeline,
      demand: c.demand,
      playSteps: c.playSteps.map((s) => ({
        playId: s.playId,
        playName: s.playName,
        ...(s.stepId ? { stepId: s.stepId } : {}),
        coMotion: s.coMotion,
      })),
      partners: c.partners.map((p) => ({
        partnerId: p.partnerId,
        name: p.name,
        lifecycle: p.lifecycle,
        active: p.active,
        via: p.via,
      })),
    })),
    gaps: stack.gaps.map(presentGap),
    vcoc: {
      overall: stack.vcoc.overall,
      stages: stack.vcoc.stages.map((s) => ({
        stageKey: s.stageKey,
        stageName: s.stageName,
        coverage: s.coverage,
        coveredWeight: s.coveredWeight,
        totalWeight: s.totalWeight,
      })),
    },
    plays: stack.plays.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      objective: p.objective,
      stageKeys: p.stageKeys,
    })),
    totals: { ...stack.totals },
  };
}
