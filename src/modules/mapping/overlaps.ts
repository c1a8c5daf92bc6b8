/**
 * Reading a partner's overlaps: the filtered, cursor-paged list, the status × status matrix and
 * the rows of the CSV export. This is the mapping module's read model of other modules' tables
 * (documented in ARCHITECTURE.md, "Cross-module reads"): each overlap joins the vendor account
 * (`accounts`), its open pipeline (`opportunities`), its ICP fit (`account_icp_scores`) and the
 * partner's account (`partner_accounts`) in one query, which per-module calls could not do.
 *
 * Statuses follow the Mapping API contract: the vendor side is "customer" (accounts.status),
 * "opportunity" (status opportunity or any open opportunity) or "prospect" (everything else,
 * churned included); the partner side is its own status, unknown values counted as prospects.
 */
import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores, icps } from "../icps/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { accountMatches, partnerMappingState } from "./tables.ts";

export const overlapStatuses = ["customer", "opportunity", "prospect"] as const;
export type OverlapStatus = (typeof overlapStatuses)[number];
export const matchKinds = ["same", "related"] as const;
export type MatchKindFilter = (typeof matchKinds)[number];
export const fitBands = ["A", "B", "C"] as const;
export type FitBandFilter = (typeof fitBands)[number];

export type OverlapFilter = {
  kind?: MatchKindFilter | undefined;
  vendorStatus?: OverlapStatus | undefined;
  partnerStatus?: OverlapStatus | undefined;
  /** Fit is this ICP's; without it, the account's best fit over all ICPs. */
  icpId?: string | undefined;
  band?: FitBandFilter | undefined;
};

export const vendorStatusSql = sql<OverlapStatus>`case
  when ${accounts.status} = 'customer' then 'customer'
  when ${accounts.status} = 'opportunity' or exists (select 1 from ${opportunities} o
    where o.account_id = ${accounts.id} and o.status = 'open') then 'opportunity'
  else 'prospect' end`;

export const partnerStatusSql = sql<OverlapStatus>`case
  when ${partnerAccounts.status} in ('customer', 'opportunity') then ${partnerAccounts.status}
  else 'prospect' end`;

/** The fit row the filter speaks of: the ICP's, or the best over all ICPs. */
const fitSubquery = (column: "band" | "json", icpId: string | undefined) => {
  const value =
    column === "band" ? sql`s.band` : sql`json_build_object('score', s.score, 'band', s.band)::text`;
  return sql`(select ${value} from ${accountIcpScores} s where s.account_id = ${accounts.id}
    ${icpId ? sql`and s.icp_id = ${icpId}` : sql``} order by s.score desc, s.icp_id limit 1)`;
};

/** 404 unless the partner is this workspace's; returns its name. */
export async function requirePartner(db: Db, ctx: WorkspaceContext, partnerId: string) {
  const [row] = await db
    .select({ id: partners.id, name: partners.name, tier: partners.tier })
    .from(partners)
    .where(inWorkspace(partners, ctx, eq(partners.id, partnerId)));
  if (!row) throw notFound("Partner");
  return row;
}

export async function requireIcp(db: Db, ctx: WorkspaceContext, icpId: string | undefined): Promise<void> {
  if (!icpId) return;
  const [row] = await db
    .select({ id: icps.id })
    .from(icps)
    .where(inWorkspace(icps, ctx, eq(icps.id, icpId)));
  if (!row) throw notFound("ICP");
}

function overlapConditions(ctx: WorkspaceContext, partnerId: string, filter: OverlapFilter): SQL {
  return inWorkspace(
    accountMatches,
    ctx,
    eq(accountMatches.partnerId, partnerId),
    filter.kind ? eq(accountMatches.kind, filter.kind) : undefined,
    filter.vendorStatus ? sql`${vendorStatusSql} = ${filter.vendorStatus}` : undefined,
    filter.partnerStatus ? sql`${partnerStatusSql} = ${filter.partnerStatus}` : undefined,
    filter.band ? sql`${fitSubquery("band", filter.icpId)} = ${filter.band}` : undefined,
  );
}

export async function lastMappedAt(db: Db, ctx: WorkspaceContext, partnerId: string): Promise<Date | null> {
  const [row] = await db
    .select({ mappedAt: partnerMappingState.mappedAt })
    .from(partnerMappingState)
    .where(inWorkspace(partnerMappingState, ctx, eq(partnerMappingState.partnerId, partnerId)));
  return row?.mappedAt ?? null;
}

export type OverlapMatrix = {
  cells: { vendorStatus: OverlapStatus; partnerStatus: OverlapStatus; count: number }[];
  total: number;
  lastMappedAt: Date | null;
};

/** Counts per vendor status × partner status; every one of the nine cells is listed. */
export async function overlapMatrix(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  filter: Omit<OverlapFilter, "vendorStatus" | "partnerStatus">,
): Promise<OverlapMatrix> {
  await requirePartner(db, ctx, partnerId);
  await requireIcp(db, ctx, filter.icpId);
  const inner = db
    .select({ v: sql<string>`${vendorStatusSql}`.as("v"), p: sql<string>`${partnerStatusSql}`.as("p") })
    .from(accountMatches)
    .innerJoin(accounts, eq(accounts.id, accountMatches.accountId))
    .innerJoin(partnerAccounts, eq(partnerAccounts.id, accountMatches.partnerAccountId))
    .where(overlapConditions(ctx, partnerId, filter));
  const rows = await db
    .select({ v: sql<string>`x.v`, p: sql<string>`x.p`, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(sql`(${inner}) x`)
    .groupBy(sql`x.v, x.p`);
  const count = (v: string, p: string) => rows.find((r) => r.v === v && r.p === p)?.n ?? 0;
  const cells = overlapStatuses.flatMap((vendorStatus) =>
    overlapStatuses.map((partnerStatus) => ({
      vendorStatus,
      partnerStatus,
      count: count(vendorStatus, partnerStatus),
    })),
  );
  return {
    cells,
    total: cells.reduce((sum, c) => sum + c.count, 0),
    lastMappedAt: await lastMappedAt(db, ctx, partnerId),
  };
}

export type Overlap = {
  id: string;
  kind: string;
  score: number;
  evidence: string[];
  account: {
    id: string;
    name: string;
    domain: string | null;
    externalId: string | null;
    status: OverlapStatus;
    fit: { score: number; band: string } | null;
  };
  partnerAccount: {
    id: string;
    name: string;
    domain: string | null;
    status: OverlapStatus;
    externalId: string | null;
  };
};

const overlapColumns = (icpId: string | undefined) => ({
  id: accountMatches.id,
  kind: accountMatches.kind,
  score: accountMatches.score,
  evidence: accountMatches.evidence,
  accountId: accounts.id,
  accountName: accounts.name,
  accountDomain: accounts.domain,
  accountExternalId: accounts.externalId,
  vendorStatus: sql<OverlapStatus>`${vendorStatusSql}`,
  fit: sql<string | null>`${fitSubquery("json", icpId)}`,
  partnerAccountId: partnerAccounts.id,
  partnerAccountName: partnerAccounts.name,
  partnerAccountDomain: partnerAccounts.domain,
  partnerAccountExternalId: partnerAccounts.externalId,
  partnerStatus: sql<OverlapStatus>`${partnerStatusSql}`,
});

type OverlapRow = {
  id: string;
  kind: string;
  score: number;
  evidence: string[];
  accountId: string;
  accountName: string;
  accountDomain: string | null;
  accountExternalId: string | null;
  vendorStatus: OverlapStatus;
  fit: string | null;
  partnerAccountId: string;
  partnerAccountName: string;
  partnerAccountDomain: string | null;
  partnerAccountExternalId: string | null;
  partnerStatus: OverlapStatus;
};

const toOverlap = (row: OverlapRow): Overlap => ({
  id: row.id,
  kind: row.kind,
  score: row.score,
  evidence: row.evidence,
  account: {
    id: row.accountId,
    name: row.accountName,
    domain: row.accountDomain,
    externalId: row.accountExternalId,
    status: row.vendorStatus,
    fit: row.fit ? (JSON.parse(row.fit) as { score: number; band: string }) : null,
  },
  partnerAccount: {
    id: row.partnerAccountId,
    name: row.partnerAccountName,
    domain: row.partnerAccountDomain,
    status: row.partnerStatus,
    externalId: row.partnerAccountExternalId,
  },
});

async function overlapRows(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  filter: OverlapFilter,
  after: string | undefined,
  limit: number,
): Promise<OverlapRow[]> {
  return db
    .select(overlapColumns(filter.icpId))
    .from(accountMatches)
    .innerJoin(accounts, eq(accounts.id, accountMatches.accountId))
    .innerJoin(partnerAccounts, eq(partnerAccounts.id, accountMatches.partnerAccountId))
    .where(and(overlapConditions(ctx, partnerId, filter), after ? gt(accountMatches.id, after) : undefined))
    .orderBy(asc(accountMatches.id))
    .limit(limit);
}

/** One page of overlaps in match order (time-ordered ids), filtered. */
export async function listOverlaps(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  query: OverlapFilter & { cursor?: string | undefined; limit: number },
): Promise<Page<Overlap>> {
  await requirePartner(db, ctx, partnerId);
  await requireIcp(db, ctx, query.icpId);
  const rows = await overlapRows(db, ctx, partnerId, query, decodeCursor(query.cursor), query.limit + 1);
  return toPage(rows, query.limit, (r) => r.id, toOverlap);
}

/** Every overlap of the partner, read in pages (the export streams them). */
export async function* allOverlaps(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  pageSize = 5_000,
): AsyncGenerator<Overlap> {
  let after: string | undefined;
  for (;;) {
    const rows = await overlapRows(db, ctx, partnerId, {}, after, pageSize);
    for (const row of rows) yield toOverlap(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.id;
  }
}
