/** How overlaps, the matrix, the ecosystem view and recommendations leave the API (and the CLI's --json). */
import { z } from "zod";
import type { RankedPartner } from "./ecosystem.ts";
import { type Overlap, type OverlapMatrix, overlapStatuses } from "./overlaps.ts";
import { type Recommendation, recommendationActions } from "./recommendations.ts";

const status = z.enum(overlapStatuses);

export const matrixView = z.object({
  vendorStatuses: z.array(status),
  partnerStatuses: z.array(status),
  cells: z.array(z.object({ vendorStatus: status, partnerStatus: status, count: z.number().int() })),
  total: z.number().int(),
  lastMappedAt: z.iso.datetime().nullable(),
});
export type MatrixView = z.infer<typeof matrixView>;

export const presentMatrix = (matrix: OverlapMatrix): MatrixView => ({
  vendorStatuses: [...overlapStatuses],
  partnerStatuses: [...overlapStatuses],
  cells: matrix.cells.map((c) => ({
    vendorStatus: c.vendorStatus,
    partnerStatus: c.partnerStatus,
    count: c.count,
  })),
  total: matrix.total,
  lastMappedAt: matrix.lastMappedAt?.toISOString() ?? null,
});

export const overlapView = z.object({
  id: z.uuid(),
  kind: z.string(),
  score: z.number(),
  evidence: z.array(z.string()),
  explanation: z.string(),
  account: z.object({
    id: z.uuid(),
    name: z.string(),
    domain: z.string().nullable(),
    status,
    fit: z.object({ score: z.number().int(), band: z.string() }).nullable(),
  }),
  partnerAccount: z.object({
    id: z.uuid(),
    name: z.string(),
    domain: z.string().nullable(),
    status,
    externalId: z.string().nullable(),
  }),
});
export type OverlapView = z.infer<typeof overlapView>;

/** The evidence as one sentence: "same domain acme.com; name 0.97; country US". */
export const explanationOf = (overlap: Pick<Overlap, "evidence">) => overlap.evidence.join("; ");

export const presentOverlap = (overlap: Overlap): OverlapView => ({
  id: overlap.id,
  kind: overlap.kind,
  score: overlap.score,
  evidence: overlap.evidence,
  explanation: explanationOf(overlap),
  account: {
    id: overlap.account.id,
    name: overlap.account.name,
    domain: overlap.account.domain,
    status: overlap.account.status,
    fit: overlap.account.fit ? { score: overlap.account.fit.score, band: overlap.account.fit.band } : null,
  },
  partnerAccount: {
    id: overlap.partnerAccount.id,
    name: overlap.partnerAccount.name,
    domain: overlap.partnerAccount.domain,
    status: overlap.partnerAccount.status,
    externalId: overlap.partnerAccount.externalId,
  },
});

/** Columns of the overlap export, in order. */
export const overlapCsvHeader = [
  "vendor_external_id",
  "partner_external_id",
  "vendor_account",
  "partner_account",
  "vendor_status",
  "partner_status",
  "score",
  "kind",
  "explanation",
];

export const overlapCsvValues = (o: Overlap) => [
  o.account.externalId,
  o.partnerAccount.externalId,
  o.account.name,
  o.partnerAccount.name,
  o.account.status,
  o.partnerAccount.status,
  o.score,
  o.kind,
  explanationOf(o),
];

export const ecosystemPartnerView = z.object({
  partner: z.object({
    id: z.uuid(),
    name: z.string(),
    tier: z.string().nullable(),
    layers: z.array(z.string()),
  }),
  partnerAccounts: z.number().int(),
  overlaps: z.object({ same: z.number().int(), related: z.number().int() }),
  icpFitProspects: z.number().int(),
  openPipeline: z.number(),
  rankScore: z.number(),
  lastMappedAt: z.iso.datetime().nullable(),
});
export type EcosystemPartnerView = z.infer<typeof ecosystemPartnerView>;

export const presentEcosystemPartner = (item: RankedPartner): EcosystemPartnerView => ({
  partner: {
    id: item.partner.id,
    name: item.partner.name,
    tier: item.partner.tier,
    layers: item.partner.layers,
  },
  partnerAccounts: item.partnerAccounts,
  overlaps: { same: item.overlaps.same, related: item.overlaps.related },
  icpFitProspects: item.icpFitProspects,
  openPipeline: item.openPipeline,
  rankScore: item.rankScore,
  lastMappedAt: item.lastMappedAt?.toISOString() ?? null,
});

const named = z.object({ id: z.string(), name: z.string() });

export const recommendationView = z.object({
  key: z.string(),
  action: z.enum(recommendationActions),
  title: z.string(),
  reasons: z.array(z.string()),
  score: z.number().int().min(0).max(100),
  stage: named.nullable(),
  play: z.object({ id: z.uuid(), name: z.string(), stepId: z.uuid(), stepTitle: z.string() }).nullable(),
  partner: z.object({ id: z.uuid(), name: z.string(), tier: z.string().nullable() }),
  account: z.object({ id: z.uuid(), name: z.string(), status }),
  partnerAccount: z.object({ id: z.uuid(), name: z.string(), status }),
  matchId: z.uuid(),
});
export type RecommendationView = z.infer<typeof recommendationView>;

export const presentRecommendation = (r: Recommendation): RecommendationView => ({
  key: r.key,
  action: r.action,
  title: r.title,
  reasons: r.reasons,
  score: r.score,
  stage: r.stage ? { id: r.stage.id, name: r.stage.name } : null,
  play: r.play
    ? { id: r.play.id, name: r.play.name, stepId: r.play.stepId, stepTitle: r.play.stepTitle }
    : null,
  partner: { id: r.partner.id, name: r.partner.name, tier: r.partner.tier },
  account: { id: r.account.id, name: r.account.name, status: r.account.status },
  partnerAccount: { id: r.partnerAccount.id, name: r.partnerAccount.name, status: r.partnerAccount.status },
  matchId: r.matchId,
});
