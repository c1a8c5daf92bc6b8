/**
 * For the CLI process tests (src/cli/*.test.ts): where a test file's `ecostack` commands keep their
 * data — a fresh embedded data dir, or a throwaway database on TEST_DATABASE_URL — and the checks
 * a command's result goes through.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import type { WorkspaceContext } from "../http/policy.ts";
import { type CliResult, linesOf, tempDir } from "./processes.ts";
import { createThrowawayDatabase } from "./throwaway-database.ts";

export type CliTarget = {
  /** What points a command at the database. */
  env: Record<string, string>;
  /** The test file's own directory (see createCliTarget), removed by dispose. */
  dir: string;
  /** Where the data is: the data dir, or the database's URL. */
  location: string;
  /** The same database, opened in the test's process. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

/**
 * A new place for a test file's commands; `label` names its temp dir and database. By default the
 * temp dir is the data dir, and stays set beside DATABASE_URL on a server (DATABASE_URL wins).
 * With `dataSubdir` the temp dir is for the files the commands write: the data dir is its `data/`,
 * and a server target sets none.
 */
export async function createCliTarget(
  label: string,
  options: { dataSubdir?: true } = {},
): Promise<CliTarget> {
  const dir = tempDir(label);
  const dataDir = options.dataSubdir ? path.join(dir, "data") : dir;
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  const target = (env: Record<string, string>, location: string, dispose: () => Promise<void>) => ({
    env,
    dir,
    location,
    open: () => openDatabase(loadConfig({ ...env, ECOSTACK_LOG_LEVEL: "silent" })),
    dispose,
  });
  if (!serverUrl) return target({ ECOSTACK_DATA_DIR: dataDir }, dataDir, async () => removeDir());

  const database = await createThrowawayDatabase(serverUrl, label.replace(/[^a-z0-9]/g, "_"));
  const env: Record<string, string> = options.dataSubdir
    ? { DATABASE_URL: database.url }
    : { DATABASE_URL: database.url, ECOSTACK_DATA_DIR: dataDir };
  return target(env, database.url, async () => {
    await database.drop();
    removeDir();
  });
}

/** A command that succeeded: exit code 0 and nothing on stderr; returns what it printed. */
export function succeeded(result: CliResult): string {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

/** A command that succeeded and printed JSON (--json): the parsed output. */
export function parseJson<T>(result: CliResult): T {
  return JSON.parse(succeeded(result)) as T;
}

/** A failed command: exit code 1, nothing on stdout and exactly one line on stderr, returned. */
export function failureLine(result: CliResult): string {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  const lines = linesOf(result.stderr);
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

/** Creates a user and a workspace it owns with the commands; returns the workspace's id. */
export async function createOwnedWorkspace(
  cli: (...args: string[]) => Promise<CliResult>,
  owner: { email: string; workspace: string },
): Promise<string> {
  const user = await cli(
    "user",
    "create",
    "--email",
    owner.email,
    "--name",
    "Ops",
    "--password",
    "long enough pw",
  );
  expect(user.code, user.stderr).toBe(0);
  const workspace = parseJson<{ id: string }>(
    await cli("workspace", "create", "--name", owner.workspace, "--owner", owner.email, "--json"),
  );
  return workspace.id;
}

/** What the commands act as in a workspace (src/cli/context.ts): its owner, by the command line. */
export function cliOwnerContext(workspaceId: string): WorkspaceContext {
  return { workspaceId, role: "owner", actor: { kind: "cli" } };
}
