/** An in-process Ecostack app on a fresh test database, driven with app.inject() (no port). */
import { type Config, loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { type ApiApp, buildApp } from "../http/app.ts";
import { createJobRuntime, type JobRuntime } from "../jobs/runtime.ts";
import { createTestDatabase } from "./db.ts";

export type TestApp = {
  app: ApiApp;
  database: Database;
  config: Config;
  /** The background job runtime, when the test asked for one (`{ jobs: true }`). */
  jobs?: JobRuntime;
  close(): Promise<void>;
};

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { jobs?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({ ECOSTACK_LOG_LEVEL: "silent" }), ...overrides };
  const app = await buildApp({ database, config });
  // Without a runtime, enqueued jobs stay queued: most tests only need the rows.
  const jobs = options.jobs ? createJobRuntime(database, { pollingIntervalSeconds: 0.5 }) : undefined;
  await jobs?.start();
  return {
    app,
    database,
    config,
    ...(jobs ? { jobs } : {}),
    async close() {
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}
