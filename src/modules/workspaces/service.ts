/** Workspaces (one per vendor) and their members. */
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import { isRole, type Role, type WorkspaceContext } from "../../http/policy.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import { randomToken } from "../identity/secrets.ts";
import { users } from "../identity/tables.ts";
import { memberships, workspaces } from "./tables.ts";

export type Workspace = typeof workspaces.$inferSelect;

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "workspace";
}

export async function createWorkspace(
  db: Db,
  input: { name: string; ownerUserId: string },
): Promise<Workspace> {
  return db.transaction(async (tx) => {
    let slug = slugify(input.name);
    const [taken] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
    if (taken)
      slug = `${slug}-${randomToken(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "x")}`;
    const [workspace] = await tx.insert(workspaces).values({ name: input.name.trim(), slug }).returning();
    if (!workspace) throw new Error("insert returned no row");
    await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId: input.ownerUserId, role: "owner" });
    return workspace;
  });
}

function asRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role stored: ${value}`);
  return value;
}

export async function listMembershipsOfUser(db: Db, userId: string) {
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
  return rows.map((r) => ({ workspace: { id: r.id, name: r.name, slug: r.slug }, role: asRole(r.role) }));
}

/** The caller's role in a workspace; a workspace the user does not belong to does not exist for them. */
export async function requireMembership(db: Db, workspaceId: string, userId: string): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!row) throw notFound("Workspace");
  return asRole(row.role);
}

export async function getWorkspace(db: Db, ctx: WorkspaceContext): Promise<Workspace> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  if (!workspace) throw notFound("Workspace");
  return workspace;
}

export async function findWorkspaceByRef(db: Db, ref: string): Promise<Workspace[]> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref)
    ? await db.select().from(workspaces).where(eq(workspaces.id, ref))
    : [];
  if (byId.length) return byId;
  const bySlug = await db.select().from(workspaces).where(eq(workspaces.slug, ref));
  if (bySlug.length) return bySlug;
  return db.select().from(workspaces).where(eq(workspaces.name, ref));
}

export async function listAllWorkspaces(db: Db): Promise<Workspace[]> {
  return db.select().from(workspaces).orderBy(asc(workspaces.id));
}

export async function renameWorkspace(db: Db, ctx: WorkspaceContext, name: string): Promise<Workspace> {
  const [workspace] = await db
    .update(workspaces)
    .set({ name: name.trim() })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning();
  if (!workspace) throw notFound("Workspace");
  return workspace;
}

export type Member = { userId: string; email: string; name: string; role: Role; joinedAt: Date };

const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

export async function listMembers(db: Db, ctx: WorkspaceContext, page: PageQuery): Promise<Page<Member>> {
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inWorkspace(memberships, ctx, after ? gt(memberships.userId, after) : undefined))
    .orderBy(asc(memberships.userId))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => r.userId,
    (r) => ({ ...r, role: asRole(r.role) }),
  );
}

async function getMember(db: Db, ctx: WorkspaceContext, userId: string): Promise<Member> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inWorkspace(memberships, ctx, eq(memberships.userId, userId)));
  if (!row) throw notFound("Member");
  return { ...row, role: asRole(row.role) };
}

async function countOwners(db: Db, ctx: WorkspaceContext): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(inWorkspace(memberships, ctx, eq(memberships.role, "owner")));
  return Number(row?.n ?? 0);
}

/** Only an owner grants or takes away ownership, and a workspace always keeps one owner. */
function checkOwnershipChange(ctx: WorkspaceContext, from: Role, to: Role | null) {
  if ((from === "owner" || to === "owner") && ctx.role !== "owner") {
    throw forbidden("Only an owner can grant or remove the owner role.");
  }
}

export async function changeMemberRole(
  db: Db,
  ctx: WorkspaceContext,
  userId: string,
  role: Role,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, userId);
    checkOwnershipChange(ctx, member.role, role);
    if (member.role === "owner" && role !== "owner" && (await countOwners(tx, ctx)) <= 1) {
      throw new AppError("conflict", "A workspace needs at least one owner.", [
        { path: "role", message: "the last owner cannot be demoted" },
      ]);
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(inWorkspace(memberships, ctx, eq(memberships.userId, userId)));
    return { ...member, role };
  });
}

export async function removeMember(db: Db, ctx: WorkspaceContext, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, userId);
    checkOwnershipChange(ctx, member.role, null);
    if (member.role === "owner" && (await countOwners(tx, ctx)) <= 1) {
      throw new AppError(
        "conflict",
        "A workspace needs at least one owner; the last owner cannot be removed.",
      );
    }
    await tx.delete(memberships).where(inWorkspace(memberships, ctx, eq(memberships.userId, userId)));
  });
}

export async function addMember(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ workspaceId, userId, role }).onConflictDoNothing();
}
