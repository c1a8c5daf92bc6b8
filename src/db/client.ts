/**
 * Opens Ecostack's database: the embedded PGlite (default, stored in the data dir, locked against
 * a second process) or a PostgreSQL server named by DATABASE_URL. Both sides expose the same
 * drizzle API and run the same migrations.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The drizzle database (or transaction) every service function receives. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Driver = "pglite" | "postgres";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Raw SQL for the job queue (pg-boss's `db` option): parameterless multi-statement scripts run as
 * one simple query, parameterised statements as prepared ones. Kept beside drizzle so pg-boss
 * shares the one PGlite connection (only one process may open the data dir) or the pool.
 */
export type JobQueueSql = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
};

export type Database = {
  db: Db;
  /** SQL access for the background job runtime (src/jobs); absent on hand-made test doubles. */
  jobQueueSql?: JobQueueSql;
  driver: Driver;
  /** Human-readable location: the data dir or the server (without password). */
  location: string;
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export function createPgliteClient(dataDir?: string, loadDataDir?: Blob): PGlite {
  // An undefined dataDir argument drops the options' extensions: pass memory:// explicitly.
  return new PGlite(dataDir ?? "memory://", {
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

export function wrapPglite(client: PGlite, location: string, onClose?: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    jobQueueSql: {
      async executeSql(text, values) {
        if (values && values.length > 0) {
          const result = await client.query(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        }
        // pg-boss installs its schema as one multi-statement script, which only exec() accepts.
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      },
    },
    driver: "pglite",
    location,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    async ping() {
      await client.query("select 1");
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        onClose?.();
      }
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000, max: 10 });
  // An idle client losing its connection must not crash the process; queries report it.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    jobQueueSql: {
      async executeSql(text, values) {
        // A multi-statement script answers with one result per statement: the last one counts.
        const answer: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values);
        const result = Array.isArray(answer) ? answer[answer.length - 1] : answer;
        return { rows: result?.rows ?? [], rowCount: result?.rowCount ?? result?.rows.length ?? 0 };
      },
    },
    driver: "postgres",
    location: redactUrl(url),
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function openEmbedded(dataDir: string): Promise<Database> {
  const lock: DataDirLock = lockDataDir(dataDir);
  try {
    const pgDir = path.join(dataDir, "pgdata");
    fs.mkdirSync(pgDir, { recursive: true });
    const client = createPgliteClient(pgDir);
    await client.waitReady;
    return wrapPglite(client, dataDir, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir);
}

/** Count rows of a table-like SQL expression as a JS number on both drivers (pg returns bigint as text). */
export const countAll = sql<number>`count(*)::int`.mapWith(Number);
