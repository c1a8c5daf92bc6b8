/**
 * Runs once before the API tests: migrates an in-memory PGlite and dumps its data dir, so each
 * test file starts from a migrated database in under a second instead of re-running initdb and
 * migrations. With TEST_DATABASE_URL set, tests use the real server instead (see db.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPgliteClient, wrapPglite } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-template-"));
  const file = path.join(dir, "template.tar.gz");
  const client = createPgliteClient();
  const database = wrapPglite(client, "memory://template");
  await database.migrate();
  const dump = await client.dumpDataDir("gzip");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
