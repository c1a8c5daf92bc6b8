/**
 * Keyset pagination for lists that sort by a text column (name) or by creation. The shared
 * src/db/pagination.ts cursor is the last id, which only works for id order; a list sorted by
 * name needs the last row's (name, id) pair, so this cursor carries both, still opaque
 * (base64url JSON) to clients. Partners and accounts both use it.
 */
import { asc, desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { invalid } from "../../http/problem.ts";

export const sortOptions = ["name", "-name", "created", "-created"] as const;
export type SortOption = (typeof sortOptions)[number];

type Position = { value: string | null; id: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeKeysetCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), "utf8").toString("base64url");
}

/** The position after which the page starts, or undefined for the first page. */
export function decodeKeysetCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const refuse = () => invalid("querystring.cursor", "is not a cursor returned by this list");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw refuse();
  const [value, id] = decoded as unknown[];
  if (typeof id !== "string" || !uuidPattern.test(id)) throw refuse();
  if (value !== null && typeof value !== "string") throw refuse();
  return { value, id };
}

/**
 * A list's sort: by a text key then id, or by id alone (UUIDv7 ids are creation order). Names sort
 * by lower(name) so that "alpha" and "Alpha" sit together whatever the database's collation.
 */
export type Keyset = { text: SQL<string> | null; id: PgColumn; direction: "asc" | "desc" };

export function keysetOf(sort: SortOption, columns: { name: PgColumn; id: PgColumn }): Keyset {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  return {
    text: sort.endsWith("name") ? sql<string>`lower(${columns.name})` : null,
    id: columns.id,
    direction,
  };
}

/** The text key to select beside each row (its value goes into the cursor), or a constant. */
export function keysetSortKey(keyset: Keyset): SQL<string> {
  return keyset.text ?? sql<string>`''`;
}

export function keysetOrder(keyset: Keyset): SQL[] {
  const by = keyset.direction === "asc" ? asc : desc;
  return keyset.text ? [by(keyset.text), by(keyset.id)] : [by(keyset.id)];
}

/** Rows strictly after the cursor's position in the keyset's order. */
export function keysetAfter(keyset: Keyset, after: Position | undefined): SQL | undefined {
  if (!after) return undefined;
  const op = keyset.direction === "asc" ? sql`>` : sql`<`;
  if (!keyset.text) return sql`${keyset.id} ${op} ${after.id}`;
  // A cursor of an id-sorted page used on a name-sorted list: start over rather than guess.
  if (after.value === null) throw invalid("querystring.cursor", "belongs to a list sorted another way");
  return sql`(${keyset.text}, ${keyset.id}) ${op} (${after.value}, ${after.id})`;
}

/** Rows were fetched with limit + 1: keep `limit` and derive the cursor from the last one kept. */
export function toKeysetPage<R extends { id: string }, T>(
  rows: { row: R; sortKey: string }[],
  limit: number,
  keyset: Keyset,
  present: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeKeysetCursor({ value: keyset.text ? last.sortKey : null, id: last.row.id })
      : null;
  return { items: kept.map((r) => present(r.row)), nextCursor };
}

/** `%` and `_` in a search are literal characters, not patterns. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
