/**
 * A documented read model of the `accounts` table for ICP scoring: the fields criteria look at,
 * read in id-ordered batches. Scoring reads the table directly (rather than through the accounts
 * module's functions) because rescoring a million accounts needs exactly these columns, batched,
 * and nothing else; writes to accounts stay with the accounts module.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { countAll, type Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts } from "../accounts/tables.ts";
import type { AccountFacts } from "./scoring.ts";
import { accountIcpScores } from "./tables.ts";

export type ScoredAccountFacts = AccountFacts & { id: string; name: string };

const factColumns = {
  id: accounts.id,
  name: accounts.name,
  industry: accounts.industry,
  employees: accounts.employees,
  annualRevenue: accounts.annualRevenue,
  country: accounts.country,
  region: accounts.region,
  technologies: accounts.technologies,
  attributes: accounts.attributes,
};

type FactRow = {
  id: string;
  name: string;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  country: string | null;
  region: string | null;
  technologies: string[];
  attributes: Record<string, string | number | boolean | null>;
};

// numeric/bigint columns can arrive as text on some drivers: scoring compares numbers.
const asNumber = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

const toFacts = (row: FactRow): ScoredAccountFacts => ({
  id: row.id,
  name: row.name,
  industry: row.industry,
  employees: asNumber(row.employees),
  annualRevenue: asNumber(row.annualRevenue),
  country: row.country,
  region: row.region,
  technologies: row.technologies,
  attributes: row.attributes,
});

export async function countWorkspaceAccounts(db: Db, ctx: WorkspaceContext): Promise<number> {
  const [row] = await db.select({ n: countAll }).from(accounts).where(inWorkspace(accounts, ctx));
  return row?.n ?? 0;
}

/**
 * The next batch of accounts after `afterId` (id order) that still need scoring for the ICP:
 * those without a score computed since `since`, so a resumed rescore skips finished work.
 */
export async function readAccountBatch(
  db: Db,
  ctx: WorkspaceContext,
  options: { afterId: string | undefined; limit: number; icpId: string; since: Date | undefined },
): Promise<ScoredAccountFacts[]> {
  const rows = await db
    .select(factColumns)
    .from(accounts)
    .where(
      inWorkspace(
        accounts,
        ctx,
        options.afterId ? gt(accounts.id, options.afterId) : undefined,
        options.since
          ? sql`not exists (select 1 from ${accountIcpScores} s where s.icp_id = ${options.icpId}
          and s.account_id = ${accounts.id} and s.computed_at >= ${options.since.toISOString()})`
          : undefined,
      ),
    )
    .orderBy(asc(accounts.id))
    .limit(options.limit);
  return rows.map(toFacts);
}

export async function readAccountFacts(
  db: Db,
  ctx: WorkspaceContext,
  accountId: string,
): Promise<ScoredAccountFacts | undefined> {
  const [row] = await db
    .select(factColumns)
    .from(accounts)
    .where(inWorkspace(accounts, ctx, eq(accounts.id, accountId)));
  return row ? toFacts(row) : undefined;
}

/** Names (and domains) of accounts by id, for the top-fit list. */
export async function accountLabels(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, { name: string; domain: string | null; industry: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, domain: accounts.domain, industry: accounts.industry })
    .from(accounts)
    .where(and(inWorkspace(accounts, ctx), inArray(accounts.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { name: r.name, domain: r.domain, industry: r.industry }]));
}
