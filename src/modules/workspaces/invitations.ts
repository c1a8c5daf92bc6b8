/** Invitations by link: an admin invites an e-mail with a role; the holder of the link joins. */
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import { isRole, type Role, type WorkspaceContext } from "../../http/policy.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import { randomToken, sha256 } from "../identity/secrets.ts";
import { users } from "../identity/tables.ts";
import { addMember } from "./service.ts";
import { invitations, memberships, workspaces } from "./tables.ts";

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";
type InvitationRow = typeof invitations.$inferSelect;

export type Invitation = {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: { id: string; name: string } | null;
  createdAt: Date;
  expiresAt: Date;
};

export function invitationStatus(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

function present(row: InvitationRow, inviter: { id: string | null; name: string | null }): Invitation {
  if (!isRole(row.role)) throw new Error(`Unknown role stored: ${row.role}`);
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
    invitedBy: inviter.id && inviter.name ? { id: inviter.id, name: inviter.name } : null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function createInvitation(
  db: Db,
  ctx: WorkspaceContext,
  input: { email: string; role: Role },
): Promise<{ invitation: Invitation; token: string }> {
  if (input.role === "owner" && ctx.role !== "owner")
    throw forbidden("Only an owner can invite another owner.");
  const [existingMember] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inWorkspace(memberships, ctx, eq(users.email, input.email)));
  if (existingMember) {
    throw new AppError("conflict", `${input.email} is already a member of this workspace.`, [
      { path: "email", message: "is already a member" },
    ]);
  }
  const token = randomToken();
  const invitedBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const [row] = await db
    .insert(invitations)
    .values({
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const [inviter] = invitedBy ? await db.select().from(users).where(eq(users.id, invitedBy)) : [];
  return { invitation: present(row, { id: inviter?.id ?? null, name: inviter?.name ?? null }), token };
}

export async function listInvitations(
  db: Db,
  ctx: WorkspaceContext,
  page: PageQuery,
): Promise<Page<Invitation>> {
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select({ invitation: invitations, inviterId: users.id, inviterName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(inWorkspace(invitations, ctx, after ? gt(invitations.id, after) : undefined))
    .orderBy(asc(invitations.id))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => r.invitation.id,
    (r) => present(r.invitation, { id: r.inviterId, name: r.inviterName }),
  );
}

export async function revokeInvitation(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const updated = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      inWorkspace(
        invitations,
        ctx,
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (updated.length === 0) throw notFound("Pending invitation");
}

async function findByToken(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, workspace: workspaces })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row) throw notFound("Invitation");
  return row;
}

export async function lookupInvitation(db: Db, token: string) {
  const { invitation, workspace } = await findByToken(db, token);
  if (!isRole(invitation.role)) throw new Error(`Unknown role stored: ${invitation.role}`);
  return {
    workspace: { id: workspace.id, name: workspace.name },
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
  };
}

/** The invited person joins with the invited role. The link is bound to the invited e-mail. */
export async function acceptInvitation(
  db: Db,
  token: string,
  user: { id: string; email: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const { invitation } = await findByToken(tx, token);
    const status = invitationStatus(invitation);
    if (status !== "pending") throw new AppError("conflict", `This invitation is ${status}.`);
    if (invitation.email !== user.email) {
      throw forbidden(
        `This invitation was sent to ${invitation.email}; sign in with that address to accept it.`,
      );
    }
    if (!isRole(invitation.role)) throw new Error(`Unknown role stored: ${invitation.role}`);
    await addMember(tx, invitation.workspaceId, user.id, invitation.role);
    const accepted = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (accepted.length === 0) throw new AppError("conflict", "This invitation has already been accepted.");
    return invitation.workspaceId;
  });
}
