/**
 * The list query accounts and partners share: one keyset page (keyset.ts) of a workspace's rows
 * that match every filter, and the filters both build it from.
 */
import { ilike, or, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import {
  containsPattern,
  decodeKeysetCursor,
  keysetAfter,
  keysetOf,
  keysetOrder,
  keysetSortKey,
  type SortOption,
  toKeysetPage,
} from "./keyset.ts";

/** The values of a filter that may name several, or undefined when it names none (no filter). */
export function someOf<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

/** Rows whose name or domain contains the search text, or undefined without a search. */
export function nameOrDomainContains(
  q: string | undefined,
  columns: { name: PgColumn; domain: PgColumn },
): SQL | undefined {
  const pattern = q ? containsPattern(q) : undefined;
  return pattern ? or(ilike(columns.name, pattern), ilike(columns.domain, pattern)) : undefined;
}

type ListedTable = PgTable & { id: PgColumn; name: PgColumn; workspaceId: PgColumn };

/** One page of the workspace's rows of `table` matching every filter, in the query's sort. */
export async function listKeysetPage<T extends ListedTable, Item>(
  db: Db,
  ctx: WorkspaceContext,
  table: T,
  query: { sort: SortOption; cursor?: string | undefined; limit: number },
  filters: (SQL | undefined)[],
  present: (row: T["$inferSelect"]) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const keyset = keysetOf(query.sort, { name: table.name, id: table.id });
  const after = keysetAfter(keyset, decodeKeysetCursor(query.cursor));
  const rows = await db
    .select({ row: table, sortKey: keysetSortKey(keyset) })
    // As a plain PgTable: drizzle's check of a from() source does not resolve for a generic table.
    .from(table as PgTable)
    .where(inWorkspace(table, ctx, after, ...filters))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  return toKeysetPage(rows, query.limit, keyset, present);
}
