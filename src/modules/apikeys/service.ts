/** Workspace API keys for integrations: shown once, stored hashed, revocable. */
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import { type ApiKeyRole, apiKeyRoles, type WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { randomToken, sha256 } from "../identity/secrets.ts";
import { users } from "../identity/tables.ts";
import { apiKeys } from "./tables.ts";

export const API_KEY_PREFIX = "esk_";

type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  role: ApiKeyRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { id: string; name: string } | null;
};

function asKeyRole(value: string): ApiKeyRole {
  const role = apiKeyRoles.find((r) => r === value);
  if (!role) throw new Error(`Unknown API key role stored: ${value}`);
  return role;
}

function present(row: ApiKeyRow, creator: { id: string | null; name: string | null }): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: asKeyRole(row.role),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdBy: creator.id && creator.name ? { id: creator.id, name: creator.name } : null,
  };
}

export async function createApiKey(
  db: Db,
  ctx: WorkspaceContext,
  input: { name: string; role: ApiKeyRole },
): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
  const createdBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const [row] = await db
    .insert(apiKeys)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name.trim(),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: sha256(secret),
      role: input.role,
      createdBy,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const [creator] = createdBy ? await db.select().from(users).where(eq(users.id, createdBy)) : [];
  return { apiKey: present(row, { id: creator?.id ?? null, name: creator?.name ?? null }), secret };
}

export async function listApiKeys(db: Db, ctx: WorkspaceContext, page: PageQuery): Promise<Page<ApiKey>> {
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select({ key: apiKeys, creatorId: users.id, creatorName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(inWorkspace(apiKeys, ctx, after ? gt(apiKeys.id, after) : undefined))
    .orderBy(asc(apiKeys.id))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => r.key.id,
    (r) => present(r.key, { id: r.creatorId, name: r.creatorName }),
  );
}

export async function revokeApiKey(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const updated = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(inWorkspace(apiKeys, ctx, eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (updated.length === 0) throw notFound("Active API key");
}

/** Resolve a presented secret to its key; undefined when unknown or revoked. */
export async function authenticateApiKey(
  db: Db,
  secret: string,
): Promise<{ id: string; workspaceId: string; role: ApiKeyRole } | undefined> {
  if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(secret)), isNull(apiKeys.revokedAt)));
  if (!row) return undefined;
  // Record use at most once a minute so that busy integrations do not write on every call.
  const minuteAgo = new Date(Date.now() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, minuteAgo))));
  return { id: row.id, workspaceId: row.workspaceId, role: asKeyRole(row.role) };
}
