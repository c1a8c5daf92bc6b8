/**
 * Cursor pagination shared by every list. Lists are ordered by a time-ordered UUID key; the
 * cursor is that key of the last item, opaque to clients (base64url).
 */
import { z } from "zod";
import { invalid } from "../http/problem.ts";

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export type Page<T> = { items: T[]; nextCursor: string | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeCursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");

/** The key after which the page starts, or undefined for the first page. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!uuidPattern.test(key)) throw invalid("querystring.cursor", "is not a cursor returned by this list");
  return key;
}

/** Rows were fetched with limit + 1: trim the extra one and derive the next cursor from the last kept row. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => string,
  present: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
