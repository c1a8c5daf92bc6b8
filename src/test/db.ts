/**
 * A fresh, migrated database for one test file: a PGlite loaded from the migrated template, or,
 * when TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped afterwards).
 */
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { createPgliteClient, type Database, openPostgres, wrapPglite } from "../db/client.ts";
import { randomToken } from "../modules/identity/secrets.ts";

export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  const template = fs.readFileSync(inject("pgliteTemplate"));
  const client = createPgliteClient(undefined, new Blob([template]));
  await client.waitReady;
  return wrapPglite(client, "memory://test");
}

async function createServerDatabase(serverUrl: string): Promise<Database> {
  const name = `ecostack_test_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
