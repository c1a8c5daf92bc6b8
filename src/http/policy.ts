/**
 * Who may call what. Every route declares a Policy in `config.policy`; the app refuses to start
 * with a route that has none (see app.ts), and the auth hook enforces it on each request.
 *
 * Roles are vendor-side workspace roles. Partner users (partner organisations) will get roles of
 * their own in this list and an organisation scope on the WorkspaceContext, so routes that name
 * vendor roles stay closed to them without change.
 */
export const vendorRoles = ["owner", "admin", "partner_manager", "viewer"] as const;
export type Role = (typeof vendorRoles)[number];

/** Roles an API key may carry: a key can never be an owner. */
export const apiKeyRoles = ["admin", "partner_manager", "viewer"] as const;
export type ApiKeyRole = (typeof apiKeyRoles)[number];

export const roles = {
  anyMember: vendorRoles,
  editors: ["owner", "admin", "partner_manager"],
  admins: ["owner", "admin"],
  owners: ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Policy =
  /** Anyone, signed in or not (health, login, sign-up, invitation lookup). */
  | { access: "public" }
  /** A signed-in person (session cookie); not tied to a workspace, so API keys are refused. */
  | { access: "user" }
  /** A member of the current workspace (session or API key) holding one of `roles`. */
  | { access: "workspace"; roles: readonly Role[] };

export const policy = {
  public: { access: "public" },
  user: { access: "user" },
  workspace: (allowed: readonly Role[]): Policy => ({ access: "workspace", roles: allowed }),
} as const satisfies Record<string, Policy | ((r: readonly Role[]) => Policy)>;

export type Actor =
  | { kind: "user"; userId: string }
  | { kind: "api_key"; apiKeyId: string }
  /** An operator at the command line of the server itself. */
  | { kind: "cli" };

/** What every workspace-scoped service function receives: the tenant and who is acting. */
export type WorkspaceContext = { workspaceId: string; role: Role; actor: Actor };

export type Principal =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; sessionId: string; csrfToken: string; currentWorkspaceId: string | null }
  | { kind: "api_key"; apiKeyId: string; workspaceId: string; role: ApiKeyRole };

export function isRole(value: string): value is Role {
  return (vendorRoles as readonly string[]).includes(value);
}
