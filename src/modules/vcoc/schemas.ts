/** Request bodies of the VCOC routes; the service validates what needs the database (stages, partners). */
import { z } from "zod";
import { stageWeightSchema } from "../strategy/coverage.ts";
import { channelKinds } from "../strategy/vocabulary.ts";

const partnerIdsSchema = z.array(z.uuid()).max(200);

export const createLinkBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  channelKind: z.enum(channelKinds),
  stageWeights: z.record(z.string().min(1).max(100), stageWeightSchema),
  partnerIds: partnerIdsSchema.optional(),
});
export type CreateLinkInput = z.infer<typeof createLinkBody>;

export const updateLinkBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullish(),
  channelKind: z.enum(channelKinds).optional(),
  /** Replaces the link's weights as a whole; stages left out weigh 0. */
  stageWeights: z.record(z.string().min(1).max(100), stageWeightSchema).optional(),
  partnerIds: partnerIdsSchema.optional(),
});
export type UpdateLinkInput = z.infer<typeof updateLinkBody>;

export const linkPartnersBody = z.object({ partnerIds: partnerIdsSchema });

export const orderBody = z.object({ ids: z.array(z.uuid()).max(500) });
