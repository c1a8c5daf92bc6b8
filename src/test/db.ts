/**
 * A fresh, migrated database for one test file: a PGlite loaded from the migrated template, or,
 * when TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped afterwards).
 */
import fs from "node:fs";
import { inject } from "vitest";
import { createPgliteClient, type Database, openPostgres, wrapPglite } from "../db/client.ts";
import { createThrowawayDatabase } from "./throwaway-database.ts";

export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  const template = fs.readFileSync(inject("pgliteTemplate"));
  const client = createPgliteClient(undefined, new Blob([template]));
  await client.waitReady;
  return wrapPglite(client, "memory://test");
}

async function createServerDatabase(serverUrl: string): Promise<Database> {
  const throwaway = await createThrowawayDatabase(serverUrl, "test");
  const database = openPostgres(throwaway.url);
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await throwaway.drop();
    },
  };
}
