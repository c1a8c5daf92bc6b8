import { z } from "zod";

/** Workspace roles, most powerful first. */
export const ROLES = ["owner", "admin", "partner_manager", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles an invitation or API key can carry: ownership is never handed out that way. */
export const GRANTABLE_ROLES = ["admin", "partner_manager", "viewer"] as const;
export const grantableRoleSchema = z.enum(GRANTABLE_ROLES);
export type GrantableRole = z.infer<typeof grantableRoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  partner_manager: "Partner manager",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Full control, including ownership and deleting the workspace.",
  admin: "Manages members, invitations, API keys and settings.",
  partner_manager: "Runs partners, plays, mapping and imports.",
  viewer: "Reads everything, changes nothing.",
};

export const ROLE_COLORS: Record<Role, string> = {
  owner: "grape",
  admin: "blue",
  partner_manager: "teal",
  viewer: "gray",
};

/** Owners and admins administer the workspace (members, invitations, keys, name). */
export function canAdminister(role: Role | null | undefined): boolean {
  return role === "owner" || role === "admin";
}

export function roleOptions(roles: readonly Role[]): { value: Role; label: string }[] {
  return roles.map((value) => ({ value, label: ROLE_LABELS[value] }));
}
