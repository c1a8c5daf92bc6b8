/**
 * For the import process tests (CLI, crash): a database for child `ecostack` processes — a fresh
 * embedded data dir, or a throwaway database on TEST_DATABASE_URL — with one workspace in it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { loadConfig } from "../../config.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { childEnv, repoRoot, runCli, tempDir } from "../../test/processes.ts";
import { createThrowawayDatabase } from "../../test/throwaway-database.ts";

export type ImportTarget = {
  env: Record<string, string>;
  dir: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

export async function createImportTarget(label: string): Promise<ImportTarget> {
  const dir = tempDir(label);
  const serverUrl = process.env.TEST_DATABASE_URL;
  let env: Record<string, string> = { ECOSTACK_DATA_DIR: dir };
  let drop = async () => {};
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl, label.replace(/[^a-z]/g, ""));
    env = { ...env, DATABASE_URL: throwaway.url };
    drop = () => throwaway.drop();
  }
  const user = await runCli(
    ["user", "create", "--email", "ops@imports.test", "--name", "Ops", "--password", "long enough pw"],
    env,
  );
  if (user.code !== 0) throw new Error(`user create failed: ${user.stderr}`);
  const workspace = await runCli(
    ["workspace", "create", "--name", "Import Co", "--owner", "ops@imports.test"],
    env,
  );
  if (workspace.code !== 0) throw new Error(`workspace create failed: ${workspace.stderr}`);
  return {
    env,
    dir,
    open: () => openDatabase(loadConfig({ ...env, ECOSTACK_LOG_LEVEL: "silent" })),
    async dispose() {
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running `ecostack …` child whose stdout can be watched line by line. */
export function spawnEcostack(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}
