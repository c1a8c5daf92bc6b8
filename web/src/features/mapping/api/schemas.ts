/** The account-mapping vocabulary and response shapes, as the Mapping API answers them. */
import { z } from "zod";

export const OVERLAP_STATUSES = ["customer", "opportunity", "prospect"] as const;
export const overlapStatusSchema = z.enum(OVERLAP_STATUSES);
export type OverlapStatus = z.infer<typeof overlapStatusSchema>;

export const OVERLAP_KINDS = ["same", "related"] as const;
export const overlapKindSchema = z.enum(OVERLAP_KINDS);
export type OverlapKind = z.infer<typeof overlapKindSchema>;

export const FIT_BANDS = ["A", "B", "C"] as const;
export const fitBandSchema = z.enum(FIT_BANDS);
export type FitBand = z.infer<typeof fitBandSchema>;

export const mappingPartnerSchema = z.object({
  partner: z.object({
    id: z.string(),
    name: z.string(),
    tier: z.string().nullable(),
    layers: z.array(z.string()),
  }),
  partnerAccounts: z.number(),
  overlaps: z.object({ same: z.number(), related: z.number() }),
  icpFitProspects: z.number(),
  openPipeline: z.number(),
  rankScore: z.number(),
  lastMappedAt: z.string().nullable(),
});
export type MappingPartner = z.infer<typeof mappingPartnerSchema>;

export const overlapMatrixSchema = z.object({
  vendorStatuses: z.array(overlapStatusSchema),
  partnerStatuses: z.array(overlapStatusSchema),
  cells: z.array(
    z.object({ vendorStatus: overlapStatusSchema, partnerStatus: overlapStatusSchema, count: z.number() }),
  ),
  total: z.number(),
  lastMappedAt: z.string().nullable(),
});
export type OverlapMatrix = z.infer<typeof overlapMatrixSchema>;
export type OverlapCell = OverlapMatrix["cells"][number];

export const overlapSchema = z.object({
  id: z.string(),
  kind: overlapKindSchema,
  score: z.number(),
  evidence: z.array(z.string()),
  explanation: z.string(),
  account: z.object({
    id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    status: z.string(),
    fit: z.object({ score: z.number(), band: fitBandSchema }).nullable(),
  }),
  partnerAccount: z.object({
    id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    status: z.string(),
    externalId: z.string().nullable(),
  }),
});
export type Overlap = z.infer<typeof overlapSchema>;

/** Which overlaps the matrix and the drill-down list show. */
export interface OverlapFilters {
  kind: OverlapKind;
  icpId: string | null;
  band: FitBand | null;
}

export function filterParams(filters: OverlapFilters): URLSearchParams {
  const params = new URLSearchParams({ kind: filters.kind });
  if (filters.icpId) params.set("icpId", filters.icpId);
  if (filters.band) params.set("band", filters.band);
  return params;
}
