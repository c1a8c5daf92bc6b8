/** How ICPs, their score distribution, top accounts and account fit leave the API. */
import { z } from "zod";
import { jobView, presentJob } from "../jobs/presenters.ts";
import type { Job } from "../jobs/service.ts";
import type { AccountIcpFit, TopAccount } from "./fit-queries.ts";
import { describeCriterion, fitBands, icpCriterionSchema, type ScoreBucket } from "./scoring.ts";
import type { Icp, IcpWithBands } from "./service.ts";

const isoDate = z.iso.datetime();
const bandSchema = z.enum(fitBands);
const bandCountsView = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() });

export const icpView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  criteria: z.array(icpCriterionSchema),
  /** Each criterion in words, in the same order. */
  criteriaText: z.array(z.string()),
  bands: bandCountsView,
  scoredAccounts: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const icpDetailView = icpView.extend({ rescoreJob: jobView.nullable() });

export function presentIcp(icp: IcpWithBands): z.infer<typeof icpView> {
  return {
    id: icp.id,
    name: icp.name,
    description: icp.description,
    criteria: icp.criteria,
    criteriaText: icp.criteria.map(describeCriterion),
    bands: { A: icp.bands.A, B: icp.bands.B, C: icp.bands.C },
    scoredAccounts: icp.scoredAccounts,
    createdAt: icp.createdAt.toISOString(),
    updatedAt: icp.updatedAt.toISOString(),
  };
}

export const presentIcpDetail = (icp: IcpWithBands, job: Job | null | undefined) => ({
  ...presentIcp(icp),
  rescoreJob: job ? presentJob(job) : null,
});

/** An ICP just written, before any score of it exists. */
export const unscored = (icp: Icp): IcpWithBands => ({
  ...icp,
  bands: { A: 0, B: 0, C: 0 },
  scoredAccounts: 0,
});

export const distributionView = z.object({
  total: z.number().int(),
  buckets: z.array(
    z.object({
      from: z.number().int(),
      to: z.number().int(),
      label: z.string(),
      band: bandSchema,
      count: z.number().int(),
    }),
  ),
});

export const presentDistribution = (d: { buckets: ScoreBucket[]; total: number }) => ({
  total: d.total,
  buckets: d.buckets.map((b) => ({ from: b.from, to: b.to, label: b.label, band: b.band, count: b.count })),
});

export const topAccountView = z.object({
  accountId: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  score: z.number().int(),
  band: bandSchema,
  computedAt: isoDate,
});

export const presentTopAccount = (a: TopAccount): z.infer<typeof topAccountView> => ({
  accountId: a.accountId,
  name: a.name,
  domain: a.domain,
  industry: a.industry,
  score: a.score,
  band: a.band,
  computedAt: a.computedAt.toISOString(),
});

const reasonView = z.object({
  criterion: z.string(),
  weight: z.number().int(),
  matched: z.boolean(),
  detail: z.string(),
});

export const accountFitView = z.object({
  icpId: z.uuid(),
  icpName: z.string(),
  score: z.number().int(),
  band: bandSchema,
  reasons: z.array(reasonView),
  stored: z.object({ score: z.number().int(), band: bandSchema, computedAt: isoDate }).nullable(),
});

export const presentAccountFit = (f: AccountIcpFit): z.infer<typeof accountFitView> => ({
  icpId: f.icpId,
  icpName: f.icpName,
  score: f.score,
  band: f.band,
  reasons: f.reasons.map((r) => ({
    criterion: r.criterion,
    weight: r.weight,
    matched: r.matched,
    detail: r.detail,
  })),
  stored: f.stored
    ? { score: f.stored.score, band: f.stored.band, computedAt: f.stored.computedAt.toISOString() }
    : null,
});
