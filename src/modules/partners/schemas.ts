/** Input schemas of the partner API: what a partner may be created or changed with, and list filters. */
import { z } from "zod";
import { sortOptions } from "../accounts/keyset.ts";
import { lifecycleStages, stackLayers } from "../strategy/vocabulary.ts";

export const relationshipPriorities = ["low", "medium", "high", "critical"] as const;

const label = z.string().trim().min(1).max(120);
const labels = z.array(label).max(100);
const isoDay = z.iso.date();

/** Every key optional: on update, an absent key keeps its value and null clears it. */
export const relationshipInput = z.object({
  priority: z.enum(relationshipPriorities).nullable().optional(),
  vision: z.string().trim().max(5000).nullable().optional(),
  goals: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  vendorSponsors: labels.optional(),
  partnerSponsors: labels.optional(),
  stage: z.string().trim().max(120).nullable().optional(),
  nextReviewDate: isoDay.nullable().optional(),
});
export type RelationshipInput = z.infer<typeof relationshipInput>;

export const partnerCreateInput = z.object({
  name: z.string().trim().min(1).max(200),
  website: z.string().trim().max(500).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  layers: z.array(z.enum(stackLayers)).max(stackLayers.length).optional(),
  /** Built-in types (vocabulary.ts) or the workspace's own. */
  types: labels.optional(),
  regions: labels.optional(),
  industries: labels.optional(),
  capabilities: labels.optional(),
  tier: z.string().trim().max(60).nullable().optional(),
  lifecycle: z.enum(lifecycleStages).optional(),
  relationship: relationshipInput.optional(),
});
export type PartnerCreateInput = z.infer<typeof partnerCreateInput>;

export const partnerUpdateInput = partnerCreateInput.partial();
export type PartnerUpdateInput = z.infer<typeof partnerUpdateInput>;

/**
 * A filter that may repeat (`?layer=a&layer=b`) or be comma-separated (`?layer=a,b`); values
 * are ORed. Query strings arrive as a string or an array of strings.
 */
const rawList = z.union([z.string(), z.array(z.string())]).transform((raw) =>
  (Array.isArray(raw) ? raw : [raw])
    .flatMap((part) => part.split(","))
    .map((part) => part.trim())
    .filter((part) => part !== ""),
);

export function enumFilter<const V extends readonly [string, ...string[]]>(values: V) {
  return rawList.pipe(z.array(z.enum(values)).max(50)).optional();
}

export function textFilter(max: number) {
  return rawList.pipe(z.array(z.string().max(max)).max(50)).optional();
}

export const partnerListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  layer: enumFilter(stackLayers),
  type: textFilter(120),
  lifecycle: enumFilter(lifecycleStages),
  region: textFilter(120),
  industry: textFilter(120),
  tier: textFilter(60),
  sort: z.enum(sortOptions).default("name"),
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
