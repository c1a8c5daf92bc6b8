/** Request bodies and queries of the plays routes; references are checked by the services. */
import { z } from "zod";
import { pageQuery } from "../../db/pagination.ts";
import { coMotions, motionFamilies, stackLayers } from "../strategy/vocabulary.ts";

export const playStatuses = ["draft", "active", "retired"] as const;
export type PlayStatus = (typeof playStatuses)[number];

export const leadKinds = ["vendor", "layer", "partners"] as const;
export type LeadKind = (typeof leadKinds)[number];

export const createPlayBody = z.object({
  name: z.string().trim().min(1).max(200),
  solutionId: z.uuid(),
  icpId: z.uuid(),
  objective: z.string().trim().max(4000).nullish(),
  status: z.enum(playStatuses).optional(),
});
export type CreatePlayInput = z.infer<typeof createPlayBody>;

export const updatePlayBody = createPlayBody.partial();
export type UpdatePlayInput = z.infer<typeof updatePlayBody>;

export const listPlaysQuery = pageQuery.extend({
  solutionId: z.uuid().optional(),
  icpId: z.uuid().optional(),
  status: z.enum(playStatuses).optional(),
});
export type ListPlaysQuery = z.infer<typeof listPlaysQuery>;

/**
 * Who leads a step: the vendor, a stack layer, or named partners. Partners may also be named as
 * participants under a vendor or layer lead; a "partners" lead needs at least one.
 */
export const leadBody = z
  .object({
    kind: z.enum(leadKinds),
    layer: z.enum(stackLayers).nullish(),
    partnerIds: z.array(z.uuid()).max(50).optional(),
  })
  .superRefine((lead, ctx) => {
    if (lead.kind === "layer" && !lead.layer)
      ctx.addIssue({ code: "custom", path: ["layer"], message: "is required when a stack layer leads" });
    if (lead.kind !== "layer" && lead.layer)
      ctx.addIssue({ code: "custom", path: ["layer"], message: "is only given when a stack layer leads" });
    if (lead.kind === "partners" && (lead.partnerIds ?? []).length === 0)
      ctx.addIssue({ code: "custom", path: ["partnerIds"], message: "needs at least one partner" });
  });
export type LeadInput = z.infer<typeof leadBody>;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);

export const assetSchema = z.object({ title: z.string().trim().min(1).max(200), url: httpUrl });
export const kpiSchema = z.object({
  name: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(200),
});

export const createStepBody = z.object({
  stageId: z.uuid(),
  description: z.string().trim().min(1).max(4000),
  lead: leadBody,
  coMotion: z.enum(coMotions),
  motionFamily: z.enum(motionFamilies),
  assets: z.array(assetSchema).max(50).optional(),
  kpis: z.array(kpiSchema).max(50).optional(),
  /** Place in the stage's column (0 = first); steps at or after it move down. Default: last. */
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateStepInput = z.infer<typeof createStepBody>;

export const updateStepBody = createStepBody.partial();
export type UpdateStepInput = z.infer<typeof updateStepBody>;
