import { z } from "zod";

/** Every list endpoint answers `{ items, nextCursor }` and takes `?limit=&cursor=`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

export function pagePath(path: string, cursor: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return `${path}?${params.toString()}`;
}

/** Flattens the pages of an infinite query into one list. */
export function allItems<T>(pages: readonly Page<T>[] | undefined): T[] {
  return pages ? pages.flatMap((page) => page.items) : [];
}
