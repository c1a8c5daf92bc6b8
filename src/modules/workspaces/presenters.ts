/** The only shapes in which workspace, member and invitation data leave the API. */
import { z } from "zod";
import { vendorRoles } from "../../http/policy.ts";
import type { Invitation } from "./invitations.ts";
import type { Member, Workspace } from "./service.ts";

export const roleSchema = z.enum(vendorRoles);
const isoDate = z.iso.datetime();

export const workspaceView = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  createdAt: isoDate,
});
export const currentWorkspaceView = workspaceView.extend({ role: roleSchema });
export const memberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: isoDate,
});
export const invitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: isoDate,
  expiresAt: isoDate,
});

export const presentWorkspace = (w: Workspace) => ({
  id: w.id,
  name: w.name,
  slug: w.slug,
  createdAt: w.createdAt.toISOString(),
});

export const presentMember = (m: Member) => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
});

export const presentInvitation = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  status: i.status,
  invitedBy: i.invitedBy,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});
