/**
 * The recommendations' read model: the ONE place recommendations read other modules' tables —
 * overlaps with the vendor account's status, best ICP fit and open pipeline (accounts,
 * opportunities, account_icp_scores, icps), the partner (partners), the journey stages, the VCOC
 * links with their partners and the play steps with their partners — and maps rows to the plain
 * inputs of the pure core (recommendations.ts). Documented in ARCHITECTURE.md, "Cross-module reads".
 */
import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores, icps } from "../icps/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import { defaultJourneyStages } from "../strategy/vocabulary.ts";
import { vcocLinkPartners, vcocLinks } from "../vcoc/tables.ts";
import { type OverlapStatus, partnerStatusSql, vendorStatusSql } from "./overlaps.ts";
import type { RecommendationContext, RecommendationOverlap } from "./recommendations.ts";
import { accountMatches } from "./tables.ts";

/**
 * Overlaps considered per request. Pairs that call for no action (partner prospects the vendor
 * has not won) are left out in SQL; beyond this many the best-fit ones are kept.
 */
export const MAX_RECOMMENDATION_INPUTS = 20_000;

export async function readRecommendationOverlaps(
  db: Db,
  ctx: WorkspaceContext,
  filter: { partnerId?: string | undefined; accountId?: string | undefined },
): Promise<RecommendationOverlap[]> {
  const bestFit = sql<string | null>`(select json_build_object('score', s.score, 'band', s.band,
      'icpId', s.icp_id, 'icpName', i.name)::text
    from ${accountIcpScores} s join ${icps} i on i.id = s.icp_id
    where s.account_id = ${accounts.id} order by s.score desc, s.icp_id limit 1)`;
  const pipeline = sql<number>`coalesce((select sum(o.amount) from ${opportunities} o
    where o.account_id = ${accounts.id} and o.status = 'open'), 0)::float8`.mapWith(Number);
  const actionable: SQL = sql`not (${partnerStatusSql} = 'prospect' and ${vendorStatusSql} <> 'customer')`;
  const rows = await db
    .select({
      matchId: accountMatches.id,
      kind: accountMatches.kind,
      evidence: accountMatches.evidence,
      vendorStatus: sql<OverlapStatus>`${vendorStatusSql}`,
      partnerStatus: sql<OverlapStatus>`${partnerStatusSql}`,
      accountId: accounts.id,
      accountName: accounts.name,
      partnerAccountId: partnerAccounts.id,
      partnerAccountName: partnerAccounts.name,
      partnerId: partners.id,
      partnerName: partners.name,
      tier: partners.tier,
      layers: partners.layers,
      fit: bestFit,
      pipeline,
    })
    .from(accountMatches)
    .innerJoin(accounts, eq(accounts.id, accountMatches.accountId))
    .innerJoin(partnerAccounts, eq(partnerAccounts.id, accountMatches.partnerAccountId))
    .innerJoin(partners, eq(partners.id, accountMatches.partnerId))
    .where(
      inWorkspace(
        accountMatches,
        ctx,
        filter.partnerId ? eq(accountMatches.partnerId, filter.partnerId) : undefined,
        filter.accountId ? eq(accountMatches.accountId, filter.accountId) : undefined,
        actionable,
      ),
    )
    .orderBy(sql`${bestFit} is null`, asc(accountMatches.id))
    .limit(MAX_RECOMMENDATION_INPUTS);
  return rows.map((r) => ({
    matchId: r.matchId,
    kind: r.kind,
    evidence: r.evidence,
    vendorStatus: r.vendorStatus,
    partnerStatus: r.partnerStatus,
    account: { id: r.accountId, name: r.accountName },
    partnerAccount: { id: r.partnerAccountId, name: r.partnerAccountName },
    partner: { id: r.partnerId, name: r.partnerName, tier: r.tier, layers: r.layers },
    fit: r.fit ? (JSON.parse(r.fit) as RecommendationOverlap["fit"]) : null,
    openPipeline: r.pipeline,
  }));
}

export async function readRecommendationContext(
  db: Db,
  ctx: WorkspaceContext,
): Promise<RecommendationContext> {
  const stored = await db
    .select({ id: journeyStages.id, key: journeyStages.key, name: journeyStages.name })
    .from(journeyStages)
    .where(inWorkspace(journeyStages, ctx))
    .orderBy(asc(journeyStages.position), asc(journeyStages.id));
  // A workspace that never opened its journey has no stored stages: recommendations still name
  // the default stage (without an id, so the stage is given only by name).
  const stages =
    stored.length > 0 ? stored : defaultJourneyStages.map((s) => ({ id: "", key: s.key, name: s.name }));

  const linkRows = await db
    .select({
      id: vcocLinks.id,
      icpId: vcocLinks.icpId,
      name: vcocLinks.name,
      stageWeights: vcocLinks.stageWeights,
    })
    .from(vcocLinks)
    .where(inWorkspace(vcocLinks, ctx));
  const linkPartners = await db
    .select({ linkId: vcocLinkPartners.linkId, partnerId: vcocLinkPartners.partnerId })
    .from(vcocLinkPartners)
    .where(inWorkspace(vcocLinkPartners, ctx));

  const stepRows = await db
    .select({
      playId: plays.id,
      playName: plays.name,
      icpId: plays.icpId,
      stepId: playSteps.id,
      description: playSteps.description,
      stageKey: journeyStages.key,
      position: playSteps.position,
      leadLayer: playSteps.leadLayer,
    })
    .from(playSteps)
    .innerJoin(plays, eq(plays.id, playSteps.playId))
    .innerJoin(journeyStages, eq(journeyStages.id, playSteps.stageId))
    .where(and(inWorkspace(playSteps, ctx), ne(plays.status, "retired")));
  const stepIds = stepRows.map((s) => s.stepId);
  const stepPartners =
    stepIds.length === 0
      ? []
      : await db
          .select({ stepId: playStepPartners.stepId, partnerId: playStepPartners.partnerId })
          .from(playStepPartners)
          .where(inWorkspace(playStepPartners, ctx, inArray(playStepPartners.stepId, stepIds)));

  const partnersOf = <K extends string>(rows: { partnerId: string }[], key: (r: never) => K) => {
    const map = new Map<K, string[]>();
    for (const row of rows) {
      const k = key(row as never);
      map.set(k, [...(map.get(k) ?? []), row.partnerId]);
    }
    return map;
  };
  const byLink = partnersOf(linkPartners, (r: { linkId: string }) => r.linkId);
  const byStep = partnersOf(stepPartners, (r: { stepId: string }) => r.stepId);
  return {
    stages: stages.map((s) => ({ id: s.id, key: s.key, name: s.name })),
    links: linkRows.map((l) => ({
      icpId: l.icpId,
      name: l.name,
      partnerIds: byLink.get(l.id) ?? [],
      stageWeights: l.stageWeights,
    })),
    playSteps: stepRows.map((s) => ({ ...s, partnerIds: byStep.get(s.stepId) ?? [] })),
  };
}
