/** An in-process Ecostack app on a fresh test database, driven with app.inject() (no port). */
import { type Config, loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { type ApiApp, buildApp } from "../http/app.ts";
import { createTestDatabase } from "./db.ts";

export type TestApp = { app: ApiApp; database: Database; config: Config; close(): Promise<void> };

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({ ECOSTACK_LOG_LEVEL: "silent" }), ...overrides };
  const app = await buildApp({ database, config });
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
