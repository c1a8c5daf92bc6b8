/**
 * Starts Ecostack: opens and migrates the database, seeds the demo workspace on a new embedded
 * database, serves the API and the web app, and shuts down cleanly on SIGINT/SIGTERM.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { buildApp } from "./http/app.ts";
import { createJobRuntime } from "./jobs/runtime.ts";
import { type DemoLogin, seedDemo } from "./modules/demo/seed.ts";
import { countUsers } from "./modules/identity/service.ts";
import { sweepUploads } from "./modules/imports/retention.ts";

type DemoFile = { email: string; password: string };

function demoFile(config: Config) {
  return path.join(config.dataDir, "demo-login.json");
}

/** Seed on an empty embedded database unless ECOSTACK_DEMO=0; on a server only when ECOSTACK_DEMO=1. */
export async function maybeSeedDemo(database: Database, config: Config): Promise<DemoFile | undefined> {
  const wanted = config.demo ?? database.driver === "pglite";
  if (!wanted) return undefined;
  if ((await countUsers(database.db)) > 0) {
    if (database.driver !== "pglite") return undefined;
    try {
      return JSON.parse(fs.readFileSync(demoFile(config), "utf8")) as DemoFile;
    } catch {
      return undefined;
    }
  }
  const login: DemoLogin = await seedDemo(database.db);
  if (database.driver === "pglite") {
    fs.writeFileSync(demoFile(config), JSON.stringify({ email: login.email, password: login.password }), {
      mode: 0o600,
    });
  }
  return { email: login.email, password: login.password };
}

export async function startServer(config: Config) {
  const database = await openDatabase(config);
  let closing = false;
  try {
    await database.migrate();
    const demo = await maybeSeedDemo(database, config);
    const app = await buildApp({ database, config }, { serveWeb: true });
    // Background jobs run in this process; work left by a previous run is picked up here.
    const jobs = createJobRuntime(database, {
      onError: (error) => app.log.error({ err: error }, "job queue"),
    });
    await jobs.start();
    // Uploads never committed are removed after the retention period: now, then every 6 hours.
    const sweep = () =>
      sweepUploads(database.db, config.imports)
        .then((swept) => {
          if (swept.expired + swept.orphans > 0) app.log.info(swept, "removed old uploads");
        })
        .catch((error: unknown) => app.log.error({ err: error }, "removing old uploads"));
    await sweep();
    const sweeper = setInterval(sweep, 6 * 3600 * 1000);
    sweeper.unref();
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      void (async () => {
        app.log.info({ signal }, "shutting down");
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        clearInterval(sweeper);
        await jobs.stop().catch((error: unknown) => app.log.error({ err: error }, "stopping jobs"));
        await app.close();
        await database.close();
        process.exit(0);
      })();
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace("127.0.0.1", "localhost").replace("[::1]", "localhost");
    const where =
      database.driver === "pglite" ? `embedded PostgreSQL in ${database.location}` : database.location;
    process.stdout.write(`\nEcostack is running at ${url}  (database: ${where})\n`);
    if (demo) process.stdout.write(`Demo login: ${demo.email} / ${demo.password}\n`);
    process.stdout.write("Press Ctrl+C to stop.\n\n");
    return { app, database, url };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
