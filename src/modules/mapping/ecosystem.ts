/**
 * The ecosystem view: every partner with an account list, ranked by what its overlaps are worth
 * to the vendor — ICP-fit prospects it could open doors to and open pipeline it could help close.
 * The queries aggregate per partner in the database (part of the mapping read model, see
 * overlaps.ts); `rankPartners` is the pure ranking.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores } from "../icps/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { requireIcp, vendorStatusSql } from "./overlaps.ts";
import { tierWeight } from "./recommendations.ts";
import { accountMatches, partnerMappingState } from "./tables.ts";

export type EcosystemPartnerFigures = {
  partner: { id: string; name: string; tier: string | null; layers: string[] };
  partnerAccounts: number;
  overlaps: { same: number; related: number };
  icpFitProspects: number;
  openPipeline: number;
  lastMappedAt: Date | null;
};

export type RankedPartner = EcosystemPartnerFigures & { rankScore: number };

/** Weights of the rank score (0–100); each figure counts relative to the best partner's. */
const rankWeights = { icpFitProspects: 0.4, openPipeline: 0.35, same: 0.15, tier: 0.1 };

/** Ranks partners by ICP-fit prospects, open pipeline, overlaps and tier; order-independent. */
export function rankPartners(items: readonly EcosystemPartnerFigures[]): RankedPartner[] {
  const max = (pick: (i: EcosystemPartnerFigures) => number) => Math.max(0, ...items.map(pick));
  const maxFit = max((i) => i.icpFitProspects);
  const maxPipeline = max((i) => i.openPipeline);
  const maxSame = max((i) => i.overlaps.same);
  const share = (value: number, top: number) => (top > 0 ? value / top : 0);
  return items
    .map((item) => {
      const score =
        rankWeights.icpFitProspects * share(item.icpFitProspects, maxFit) +
        rankWeights.openPipeline * share(item.openPipeline, maxPipeline) +
        rankWeights.same * share(item.overlaps.same, maxSame) +
        rankWeights.tier * tierWeight(item.partner.tier);
      return { ...item, rankScore: Math.round(score * 1000) / 10 };
    })
    .sort(
      (a, b) =>
        b.rankScore - a.rankScore ||
        a.partner.name.localeCompare(b.partner.name) ||
        (a.partner.id < b.partner.id ? -1 : 1),
    );
}

/** The ecosystem view; ICP fit is the given ICP's, or an account's best over all ICPs. */
export async function ecosystemPartners(
  db: Db,
  ctx: WorkspaceContext,
  query: { icpId?: string | undefined },
): Promise<RankedPartner[]> {
  await requireIcp(db, ctx, query.icpId);
  const listed = await db
    .select({ id: partners.id, name: partners.name, tier: partners.tier, layers: partners.layers })
    .from(partners)
    .where(
      inWorkspace(
        partners,
        ctx,
        sql`(exists (select 1 from ${partnerAccounts} pa where pa.partner_id = ${partners.id})
          or exists (select 1 from ${partnerMappingState} st where st.partner_id = ${partners.id}))`,
      ),
    )
    .orderBy(asc(partners.name));
  const listSizes = await db
    .select({ partnerId: partnerAccounts.partnerId, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(partnerAccounts)
    .where(inWorkspace(partnerAccounts, ctx))
    .groupBy(partnerAccounts.partnerId);
  const bestBand = sql`(select s.band from ${accountIcpScores} s where s.account_id = ${accounts.id}
    ${query.icpId ? sql`and s.icp_id = ${query.icpId}` : sql``} order by s.score desc, s.icp_id limit 1)`;
  const overlapFigures = await db
    .select({
      partnerId: accountMatches.partnerId,
      same: sql<number>`count(*) filter (where ${accountMatches.kind} = 'same')::int`.mapWith(Number),
      related: sql<number>`count(*) filter (where ${accountMatches.kind} = 'related')::int`.mapWith(Number),
      fitProspects: sql<number>`count(distinct ${accountMatches.accountId}) filter (
        where ${vendorStatusSql} = 'prospect' and ${bestBand} = 'A')::int`.mapWith(Number),
    })
    .from(accountMatches)
    .innerJoin(accounts, eq(accounts.id, accountMatches.accountId))
    .where(inWorkspace(accountMatches, ctx))
    .groupBy(accountMatches.partnerId);
  // Each overlapping account's open deals count once per partner, however many matches it has.
  const overlapping = db
    .selectDistinct({ partnerId: accountMatches.partnerId, accountId: accountMatches.accountId })
    .from(accountMatches)
    .where(inWorkspace(accountMatches, ctx));
  const pipeline = await db
    .select({
      partnerId: sql<string>`x.partner_id`,
      amount: sql<number>`coalesce(sum(${opportunities.amount}), 0)::float8`.mapWith(Number),
    })
    .from(sql`(${overlapping}) x`)
    .innerJoin(
      opportunities,
      sql`${opportunities.accountId} = x.account_id and ${opportunities.status} = 'open'`,
    )
    .groupBy(sql`x.partner_id`);
  const mapped = await db
    .select({ partnerId: partnerMappingState.partnerId, mappedAt: partnerMappingState.mappedAt })
    .from(partnerMappingState)
    .where(inWorkspace(partnerMappingState, ctx));
  const byPartner = <T extends { partnerId: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.partnerId, r]));
  const sizes = byPartner(listSizes);
  const figures = byPartner(overlapFigures);
  const amounts = byPartner(pipeline);
  const mappedAt = byPartner(mapped);
  return rankPartners(
    listed.map((p) => ({
      partner: { id: p.id, name: p.name, tier: p.tier, layers: p.layers },
      partnerAccounts: sizes.get(p.id)?.n ?? 0,
      overlaps: { same: figures.get(p.id)?.same ?? 0, related: figures.get(p.id)?.related ?? 0 },
      icpFitProspects: figures.get(p.id)?.fitProspects ?? 0,
      openPipeline: amounts.get(p.id)?.amount ?? 0,
      lastMappedAt: mappedAt.get(p.id)?.mappedAt ?? null,
    })),
  );
}
