/**
 * The sharing read model: loads, for ONE partner of ONE workspace, the rows the pure shared-view
 * computation needs (its overlaps, the two accounts of each, open deals and ICP scores of the
 * matched vendor accounts). Like stack/inputs.ts it reads other modules' tables directly, read-only:
 * the shared view is recomputed on every request (a setting takes effect on the next one), so it
 * must be a few set-based queries, not a call per overlap. Every query is scoped by workspace AND
 * partner.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores } from "../icps/tables.ts";
import { accountMatches } from "../mapping/tables.ts";
import { partnerAccounts } from "../partners/tables.ts";
import type { Overlap, PartnerAccount, SharingRule, SharingWorld, VendorAccount } from "./policy.ts";

export async function loadSharingWorld(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  rules: readonly SharingRule[],
): Promise<SharingWorld> {
  const hasOpenOpportunity = sql<boolean>`exists (
    select 1 from ${opportunities}
    where ${opportunities.accountId} = ${accounts.id}
      and ${opportunities.workspaceId} = ${ctx.workspaceId}
      and ${opportunities.status} = 'open')`;
  const rows = await db
    .select({
      id: accountMatches.id,
      kind: accountMatches.kind,
      accountId: accounts.id,
      accountName: accounts.name,
      accountDomain: accounts.domain,
      accountIndustry: accounts.industry,
      accountCountry: accounts.country,
      accountRegion: accounts.region,
      accountOwner: accounts.owner,
      accountStatus: accounts.status,
      hasOpenOpportunity,
      partnerAccountId: partnerAccounts.id,
      partnerAccountName: partnerAccounts.name,
      partnerAccountDomain: partnerAccounts.domain,
      partnerAccountIndustry: partnerAccounts.industry,
      partnerAccountCountry: partnerAccounts.country,
      partnerAccountRegion: partnerAccounts.region,
      partnerAccountOwner: partnerAccounts.owner,
      partnerAccountStatus: partnerAccounts.status,
    })
    .from(accountMatches)
    .innerJoin(accounts, inWorkspace(accounts, ctx, eq(accounts.id, accountMatches.accountId)))
    .innerJoin(
      partnerAccounts,
      inWorkspace(
        partnerAccounts,
        ctx,
        eq(partnerAccounts.id, accountMatches.partnerAccountId),
        eq(partnerAccounts.partnerId, partnerId),
      ),
    )
    .where(inWorkspace(accountMatches, ctx, eq(accountMatches.partnerId, partnerId)));

  const scores = new Map<string, Record<string, number>>();
  // ICP scores matter only to the ICP-fit population; skip the query when no rule names it.
  if (rules.some((r) => r.side === "vendor" && r.population === "icp_fit_prospects")) {
    const scoreRows = await db
      .select({
        accountId: accountIcpScores.accountId,
        icpId: accountIcpScores.icpId,
        score: accountIcpScores.score,
      })
      .from(accountIcpScores)
      .innerJoin(
        accountMatches,
        and(
          eq(accountMatches.accountId, accountIcpScores.accountId),
          eq(accountMatches.workspaceId, ctx.workspaceId),
          eq(accountMatches.partnerId, partnerId),
        ),
      )
      .where(inWorkspace(accountIcpScores, ctx));
    for (const row of scoreRows) {
      const byIcp = scores.get(row.accountId) ?? {};
      byIcp[row.icpId] = row.score;
      scores.set(row.accountId, byIcp);
    }
  }

  const vendorAccounts = new Map<string, VendorAccount>();
  const theirAccounts = new Map<string, PartnerAccount>();
  const overlaps: Overlap[] = [];
  for (const row of rows) {
    vendorAccounts.set(row.accountId, {
      id: row.accountId,
      name: row.accountName,
      domain: row.accountDomain,
      industry: row.accountIndustry,
      country: row.accountCountry,
      region: row.accountRegion,
      owner: row.accountOwner,
      status: row.accountStatus,
      hasOpenOpportunity: Boolean(row.hasOpenOpportunity),
      icpScores: scores.get(row.accountId) ?? {},
    });
    theirAccounts.set(row.partnerAccountId, {
      id: row.partnerAccountId,
      partnerId,
      name: row.partnerAccountName,
      domain: row.partnerAccountDomain,
      industry: row.partnerAccountIndustry,
      country: row.partnerAccountCountry,
      region: row.partnerAccountRegion,
      owner: row.partnerAccountOwner,
      status: row.partnerAccountStatus,
    });
    overlaps.push({
      id: row.id,
      partnerId,
      accountId: row.accountId,
      partnerAccountId: row.partnerAccountId,
      kind: row.kind,
    });
  }
  return {
    accounts: [...vendorAccounts.values()],
    partnerAccounts: [...theirAccounts.values()],
    overlaps,
    rules,
  };
}
