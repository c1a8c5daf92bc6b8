/**
 * `COPY … FROM` of rows built in memory, on both drivers: a PostgreSQL server gets the rows as a
 * stream over the transaction's connection (pg-copy-streams), PGlite as a blob (`'/dev/blob'`).
 * COPY is the cheapest way into PostgreSQL: the server parses tab-separated text, with none of the
 * per-value work of parameters or array literals. Used for import batches (into a temporary
 * staging table, then one set-based statement applies them).
 */

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./client.ts";

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped, NUL dropped. */
export function copyTextValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "string" ? value : String(value);
  return needsEscape.test(text) ? text.replace(escapable, escapeChar) : text;
}

const needsEscape = /[\\\t\n\r\0]/;
const escapable = /[\\\t\n\r\0]/g;
const escapeChar = (c: string) =>
  c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "";

type PgLikeClient = { query(submittable: unknown): unknown; release?: unknown; connection?: unknown };
type PgliteLikeClient = {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
};

/** The connection under a drizzle transaction: a pg PoolClient or a PGlite transaction. */
function connectionOf(
  tx: Db,
): { kind: "pg"; client: PgLikeClient } | { kind: "pglite"; client: PgliteLikeClient } {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as
    | (PgLikeClient & PgliteLikeClient & { totalCount?: unknown; waitReady?: unknown })
    | undefined;
  if (!client) throw new Error("COPY needs a database connection");
  // A pg Pool or the PGlite instance itself, not a transaction's connection: the rows of a COPY
  // belong to one transaction (the staging table they go into is dropped at its commit).
  if (client.totalCount !== undefined || client.waitReady !== undefined)
    throw new Error("COPY must run inside a transaction");
  if (client.connection !== undefined) return { kind: "pg", client };
  return { kind: "pglite", client };
}

/**
 * Copies rows into `table (columns)`. `lines` are COPY text lines, each ending in "\n" (build
 * values with copyTextValue); they are sent in chunks, so a batch is never one huge string.
 * Must run inside a transaction (`db.transaction`).
 */
export async function copyLines(tx: Db, table: string, columns: readonly string[], lines: readonly string[]) {
  if (lines.length === 0) return;
  const statement = `copy ${table} (${columns.join(", ")}) from`;
  const connection = connectionOf(tx);
  if (connection.kind === "pglite") {
    const blob = new Blob(chunked(lines));
    await connection.client.query(`${statement} '/dev/blob'`, [], { blob });
    return;
  }
  const stream = connection.client.query(copyFrom(`${statement} stdin`)) as NodeJS.WritableStream;
  await pipeline(Readable.from(chunked(lines)), stream);
}

/** About 256 KB a chunk. */
function chunked(lines: readonly string[]): string[] {
  const chunks: string[] = [];
  let size = 0;
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    size += (lines[i] as string).length;
    if (size >= 262_144 || i === lines.length - 1) {
      chunks.push(lines.slice(from, i + 1).join(""));
      from = i + 1;
      size = 0;
    }
  }
  return chunks;
}
