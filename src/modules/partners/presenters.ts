/** The only shape in which partners leave the API. */
import { z } from "zod";
import { lifecycleStages, stackLayers } from "../strategy/vocabulary.ts";
import { relationshipPriorities } from "./schemas.ts";
import type { Partner } from "./service.ts";

const isoDate = z.iso.datetime();

export const relationshipView = z.object({
  priority: z.enum(relationshipPriorities).nullable(),
  vision: z.string().nullable(),
  goals: z.array(z.string()),
  vendorSponsors: z.array(z.string()),
  partnerSponsors: z.array(z.string()),
  stage: z.string().nullable(),
  nextReviewDate: z.string().nullable(),
});

export const partnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  description: z.string().nullable(),
  layers: z.array(z.enum(stackLayers)),
  types: z.array(z.string()),
  regions: z.array(z.string()),
  industries: z.array(z.string()),
  capabilities: z.array(z.string()),
  tier: z.string().nullable(),
  lifecycle: z.enum(lifecycleStages),
  relationship: relationshipView,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type PartnerView = z.infer<typeof partnerView>;

export function presentPartner(p: Partner): PartnerView {
  return {
    id: p.id,
    name: p.name,
    website: p.website,
    domain: p.domain,
    description: p.description,
    layers: p.layers,
    types: p.types,
    regions: p.regions,
    industries: p.industries,
    capabilities: p.capabilities,
    tier: p.tier,
    lifecycle: p.lifecycle,
    relationship: {
      priority: p.relationship.priority,
      vision: p.relationship.vision,
      goals: p.relationship.goals,
      vendorSponsors: p.relationship.vendorSponsors,
      partnerSponsors: p.relationship.partnerSponsors,
      stage: p.relationship.stage,
      nextReviewDate: p.relationship.nextReviewDate,
    },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
