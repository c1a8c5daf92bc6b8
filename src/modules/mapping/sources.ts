/**
 * The mapping job's read model of the two account lists it matches: the vendor's `accounts` and
 * one partner's `partner_accounts`, with only the columns the engine looks at (id, name, website
 * or domain, country), read in id-ordered keyset pages. It reads the accounts table directly
 * (documented in ARCHITECTURE.md, "Cross-module reads"): mapping a million accounts needs exactly
 * these columns in large pages, and nothing the accounts module's functions return.
 */
import { asc, sql } from "drizzle-orm";
import { countAll, type Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts } from "../accounts/tables.ts";
import { partnerAccounts } from "../partners/tables.ts";
import type { MatchRecord } from "./engine/match.ts";

/** Rows per read: one JSON value per page keeps parsing cheap; 50k rows stay well under 64 MB. */
export const SOURCE_PAGE = 50_000;

export type AccountSide = "vendor" | "partner";

export type SourceFilter = {
  /**
   * Only records changed after this instant (an incremental re-map), as the database's own
   * timestamp text: a JS Date would drop the microseconds and blur "changed after".
   */
  changedAfter?: string | undefined;
};

function sideTable(side: AccountSide) {
  return side === "vendor" ? accounts : partnerAccounts;
}

function sideCondition(side: AccountSide, ctx: WorkspaceContext, partnerId: string, filter: SourceFilter) {
  const table = sideTable(side);
  const changed = filter.changedAfter
    ? sql`${table.updatedAt} > ${filter.changedAfter}::timestamptz`
    : undefined;
  return side === "vendor"
    ? inWorkspace(accounts, ctx, changed)
    : inWorkspace(partnerAccounts, ctx, sql`${partnerAccounts.partnerId} = ${partnerId}`, changed);
}

export async function countSide(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  filter: SourceFilter = {},
): Promise<number> {
  const table = sideTable(side);
  const [row] = await db
    .select({ n: countAll })
    .from(table)
    .where(sideCondition(side, ctx, partnerId, filter));
  return row?.n ?? 0;
}

/** One page of match records after `afterId` (id order). */
async function readPage(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  filter: SourceFilter,
  afterId: string | undefined,
  limit: number,
): Promise<MatchRecord[]> {
  const table = sideTable(side);
  const page = db
    .select({
      id: table.id,
      name: table.name,
      // The engine derives the registrable domain itself; the stored domain is the fallback
      // for rows imported with a domain but no website.
      website: sql<string | null>`coalesce(${table.website}, ${table.domain})`.as("website"),
      country: table.country,
    })
    .from(table)
    .where(
      afterId
        ? sql`${sideCondition(side, ctx, partnerId, filter)} and ${table.id} > ${afterId}`
        : sideCondition(side, ctx, partnerId, filter),
    )
    .orderBy(asc(table.id))
    .limit(limit);
  const [result] = await db
    .select({
      batch: sql<string>`coalesce(json_agg(json_build_array(p.id, p.name, p.website, p.country) order by p.id), '[]')::text`,
    })
    .from(sql`(${page}) p`);
  const rows = JSON.parse(typeof result?.batch === "string" ? result.batch : "[]") as [
    string,
    string,
    string | null,
    string | null,
  ][];
  return rows.map(([id, name, website, country]) => ({ id, name, website, country }));
}

/**
 * Hands every record of one side (or only the changed ones) to `eachPage`, page by page. The next
 * page is asked for before a page is handed over, so the database reads it while the caller works
 * on the current one (a full run prepares each page meanwhile). Returns the number of records.
 */
export async function forEachPage(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  filter: SourceFilter,
  eachPage: (page: MatchRecord[], read: number) => Promise<void> | void,
  pageSize = SOURCE_PAGE,
): Promise<number> {
  let pending: Promise<MatchRecord[]> | null = readPage(
    db,
    ctx,
    side,
    partnerId,
    filter,
    undefined,
    pageSize,
  );
  let read = 0;
  try {
    while (pending) {
      const page: MatchRecord[] = await pending;
      pending = null;
      const last = page.length === pageSize ? page[page.length - 1]?.id : undefined;
      if (last !== undefined) pending = readPage(db, ctx, side, partnerId, filter, last, pageSize);
      read += page.length;
      if (page.length > 0) await eachPage(page, read);
    }
    return read;
  } finally {
    // Stopped early (the caller threw): the page read ahead is not wanted, nor is its failure.
    pending?.catch(() => undefined);
  }
}

/** Every record of one side (or only the changed ones), read page by page. */
export async function readSide(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  filter: SourceFilter = {},
  onPage?: (read: number) => Promise<void> | void,
  pageSize = SOURCE_PAGE,
): Promise<MatchRecord[]> {
  const out: MatchRecord[] = [];
  await forEachPage(
    db,
    ctx,
    side,
    partnerId,
    filter,
    async (page, read) => {
      for (const record of page) out.push(record);
      await onPage?.(read);
    },
    pageSize,
  );
  return out;
}

/** Ids per page of `readSideIds`: ids alone are small, so pages are larger. */
export const ID_PAGE = 200_000;

/**
 * The ids of one side's records, in id order, read in keyset pages: how an incremental re-map with
 * a warm index finds the records deleted since the last run.
 */
export async function readSideIds(
  db: Db,
  ctx: WorkspaceContext,
  side: AccountSide,
  partnerId: string,
  pageSize = ID_PAGE,
): Promise<string[]> {
  const table = sideTable(side);
  const out: string[] = [];
  let afterId: string | undefined;
  for (;;) {
    const condition = sideCondition(side, ctx, partnerId, {});
    const page = db
      .select({ id: table.id })
      .from(table)
      .where(afterId ? sql`${condition} and ${table.id} > ${afterId}` : condition)
      .orderBy(asc(table.id))
      .limit(pageSize);
    const [result] = await db
      .select({ ids: sql<string>`coalesce(json_agg(p.id order by p.id), '[]')::text` })
      .from(sql`(${page}) p`);
    const ids = JSON.parse(typeof result?.ids === "string" ? result.ids : "[]") as string[];
    for (const id of ids) out.push(id);
    if (ids.length < pageSize) return out;
    afterId = ids[ids.length - 1];
  }
}

/** The database's clock as timestamp text: a re-map compares stored `updated_at` stamps with it. */
export async function databaseNow(db: Db): Promise<string> {
  const [row] = await db.select({ now: sql<string>`now()::text` }).from(sql`(select 1) one`);
  if (!row) throw new Error("the database returned no time");
  return row.now;
}
