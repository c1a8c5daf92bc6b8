/** The only shapes in which plays and their steps leave the API. */
import { z } from "zod";
import { coMotions, motionFamilies, stackLayers } from "../strategy/vocabulary.ts";
import { leadKinds, playStatuses } from "./schemas.ts";
import type { PlayDetail, PlaySummary } from "./service.ts";
import type { PlayStep } from "./step-reads.ts";

const isoDate = z.iso.datetime();
const namedRef = z.object({ id: z.uuid(), name: z.string() });

export const playStepView = z.object({
  id: z.uuid(),
  playId: z.uuid(),
  stage: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  position: z.number().int(),
  description: z.string(),
  lead: z.object({
    kind: z.enum(leadKinds),
    layer: z.enum(stackLayers).nullable(),
    partners: z.array(namedRef),
  }),
  coMotion: z.enum(coMotions),
  motionFamily: z.enum(motionFamilies),
  assets: z.array(z.object({ title: z.string(), url: z.string() })),
  kpis: z.array(z.object({ name: z.string(), target: z.string() })),
});

const playFields = {
  id: z.uuid(),
  name: z.string(),
  objective: z.string().nullable(),
  status: z.enum(playStatuses),
  solution: namedRef.nullable(),
  icp: namedRef.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
};

export const playSummaryView = z.object({
  ...playFields,
  stepCounts: z.array(z.object({ stageKey: z.string(), stageName: z.string(), count: z.number().int() })),
});

export const playDetailView = z.object({
  ...playFields,
  stages: z.array(
    z.object({ id: z.uuid(), key: z.string(), name: z.string(), steps: z.array(playStepView) }),
  ),
});

export const presentStep = (s: PlayStep) => ({
  id: s.id,
  playId: s.playId,
  stage: { id: s.stage.id, key: s.stage.key, name: s.stage.name },
  position: s.position,
  description: s.description,
  lead: {
    kind: s.lead.kind,
    layer: s.lead.layer,
    partners: s.lead.partners.map((p) => ({ id: p.id, name: p.name })),
  },
  coMotion: s.coMotion,
  motionFamily: s.motionFamily,
  assets: s.assets.map((a) => ({ title: a.title, url: a.url })),
  kpis: s.kpis.map((k) => ({ name: k.name, target: k.target })),
});

const presentFields = (p: PlaySummary | PlayDetail) => ({
  id: p.id,
  name: p.name,
  objective: p.objective,
  status: p.status,
  solution: p.solution ? { id: p.solution.id, name: p.solution.name } : null,
  icp: p.icp ? { id: p.icp.id, name: p.icp.name } : null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const presentPlaySummary = (p: PlaySummary) => ({
  ...presentFields(p),
  stepCounts: p.stepCounts.map((c) => ({ stageKey: c.stageKey, stageName: c.stageName, count: c.count })),
});

export const presentPlayDetail = (p: PlayDetail) => ({
  ...presentFields(p),
  stages: p.stages.map((s) => ({ id: s.id, key: s.key, name: s.name, steps: s.steps.map(presentStep) })),
});
