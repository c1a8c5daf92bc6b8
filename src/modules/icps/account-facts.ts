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
import type { AccountFacts, AttributeValue, IcpCriterion, IcpCriterionKind } from "./scoring.ts";
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

/** The account columns a criterion kind looks at: a rescore reads only those it needs. */
const columnsForKind = {
  industry: "industry",
  country: "country",
  region: "region",
  employees: "employees",
  annual_revenue: "annual_revenue",
  technologies: "technologies",
  custom_attribute: "attributes",
} as const satisfies Record<IcpCriterionKind, string>;

type FactColumn = (typeof columnsForKind)[IcpCriterionKind];

const columnOf = {
  industry: accounts.industry,
  country: accounts.country,
  region: accounts.region,
  employees: accounts.employees,
  annual_revenue: accounts.annualRevenue,
  technologies: accounts.technologies,
  attributes: accounts.attributes,
} as const satisfies Record<FactColumn, unknown>;

/** The columns `criteria` need, in a fixed order (the position of each value in a read row). */
export function factColumnsFor(criteria: readonly IcpCriterion[]): FactColumn[] {
  const needed = new Set(criteria.map((c) => columnsForKind[c.kind]));
  return Object.values(columnsForKind).filter((column) => needed.has(column));
}

export type ScoringBatch = { ids: string[]; facts: AccountFacts[] };

const setFact = (facts: AccountFacts, column: FactColumn, value: unknown): void => {
  switch (column) {
    case "industry":
    case "country":
    case "region":
      facts[column] = typeof value === "string" ? value : null;
      return;
    case "employees":
      facts.employees = asNumber(value);
      return;
    case "annual_revenue":
      facts.annualRevenue = asNumber(value);
      return;
    case "technologies":
      facts.technologies = Array.isArray(value) ? (value as string[]) : [];
      return;
    case "attributes":
      facts.attributes =
        value !== null && typeof value === "object" ? (value as Record<string, AttributeValue>) : {};
      return;
  }
};

/**
 * The next batch of accounts after `afterId` (id order) that still need scoring for the ICP, with
 * only `columns`: those without a score computed since `since`, so a resumed rescore skips
 * finished work. The batch travels as ONE json value (an array of [id, ...columns] arrays): one
 * JSON.parse per batch instead of a driver row object and text parser per row and column, which
 * made reading cost as much as writing (bench/icp.ts).
 */
export async function readScoringBatch(
  db: Db,
  ctx: WorkspaceContext,
  options: {
    afterId: string | undefined;
    limit: number;
    icpId: string;
    since: Date | undefined;
    columns: readonly FactColumn[];
  },
): Promise<ScoringBatch> {
  const picked = Object.fromEntries(options.columns.map((column) => [column, columnOf[column]]));
  const page = db
    .select({ id: accounts.id, ...picked })
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
  const values = sql.join([sql`a.id`, ...options.columns.map((column) => sql.raw(`a.${column}`))], sql`, `);
  const [result] = await db
    .select({
      batch: sql<string>`coalesce(json_agg(json_build_array(${values}) order by a.id), '[]')::text`,
    })
    .from(sql`(${page}) a`);
  const text = result?.batch;
  const rows: unknown[][] = typeof text === "string" ? JSON.parse(text) : [];
  const ids: string[] = new Array(rows.length);
  const facts: AccountFacts[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    ids[r] = String(row[0]);
    const account: AccountFacts = {};
    for (let c = 0; c < options.columns.length; c++)
      setFact(account, options.columns[c] as FactColumn, row[c + 1]);
    facts[r] = account;
  }
  return { ids, facts };
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
