/**
 * Conventions every CLI command follows: the database is DATABASE_URL or the data dir, the
 * workspace is the only one or the one named by --workspace, errors are one line on stderr with
 * a non-zero exit, and --json prints machine-readable output.
 */
import { type Config, loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import type { Role, WorkspaceContext } from "../http/policy.ts";
import { AppError } from "../http/problem.ts";
import { findWorkspaceByRef, listAllWorkspaces, type Workspace } from "../modules/workspaces/service.ts";

export class CliError extends Error {}

export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export async function resolveWorkspace(database: Database, ref: string | undefined): Promise<Workspace> {
  if (ref) {
    const found = await findWorkspaceByRef(database.db, ref);
    if (found.length === 0) throw new CliError(`No workspace named or with id "${ref}".`);
    if (found.length > 1) throw new CliError(`Several workspaces are named "${ref}"; pass its id instead.`);
    const [only] = found;
    if (!only) throw new CliError(`No workspace "${ref}".`);
    return only;
  }
  const all = await listAllWorkspaces(database.db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0)
    throw new CliError(
      "There is no workspace yet; create one with: ecostack workspace create --name NAME --owner EMAIL",
    );
  throw new CliError(`There are ${all.length} workspaces; choose one with --workspace NAME|ID.`);
}

/** The CLI acts as an operator of the server: full rights in the chosen workspace. */
export const cliContext = (workspace: Workspace, role: Role = "owner"): WorkspaceContext => ({
  workspaceId: workspace.id,
  role,
  actor: { kind: "cli" },
});

export function print(json: boolean, data: unknown, human: string) {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const field = error.errors?.[0]?.path;
    // Service field names are the CLI's option names.
    return field && !error.message.startsWith(field) ? `--${field}: ${error.message}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
