/**
 * Route coverage and the role × route matrix.
 *
 * - every registered route declares a well-formed policy, and a route without one stops the app;
 * - every /api/v1 route is in the OpenAPI document, with the security its policy implies;
 * - for every /api/v1 route (the matrix below must name each one, or the coverage test fails) and
 *   every kind of caller, the status the route's *declared* policy implies: 401 anonymous, 403 for
 *   a role outside the policy or an API key on a user route, 404 for another tenant's callers, and
 *   the route's success status otherwise. Other tenants' callers never see the tenant's data.
 * - ids of one tenant's resources used from another tenant's own context are 404 and change nothing.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accountsMatrix } from "../modules/accounts/routes.matrix.ts";
import { createApiKey } from "../modules/apikeys/service.ts";
import { apiKeys } from "../modules/apikeys/tables.ts";
import { auditMatrix } from "../modules/audit/routes.matrix.ts";
import { exportsMatrix } from "../modules/exports/routes.matrix.ts";
import { icpsMatrix } from "../modules/icps/routes.matrix.ts";
import { openSession, type User } from "../modules/identity/service.ts";
import { users } from "../modules/identity/tables.ts";
import { importsMatrix } from "../modules/imports/routes.matrix.ts";
import { jobsMatrix } from "../modules/jobs/routes.matrix.ts";
import { journeyMatrix } from "../modules/journey/routes.matrix.ts";
import { mappingMatrix } from "../modules/mapping/routes.matrix.ts";
import { partnersMatrix } from "../modules/partners/routes.matrix.ts";
import { playsMatrix } from "../modules/plays/routes.matrix.ts";
import { sharingMatrix } from "../modules/sharing/routes.matrix.ts";
import { solutionsMatrix } from "../modules/solutions/routes.matrix.ts";
import { stackMatrix } from "../modules/stack/routes.matrix.ts";
import { vcocMatrix } from "../modules/vcoc/routes.matrix.ts";
import { createInvitation } from "../modules/workspaces/invitations.ts";
import { addMember, createWorkspace, type Workspace } from "../modules/workspaces/service.ts";
import { invitations, memberships, workspaces } from "../modules/workspaces/tables.ts";
import { createTestApp, type TestApp } from "../test/app.ts";
import { makeApiKey, makeMember, makeUser, makeWorkspace, signIn, TEST_PASSWORD } from "../test/factories.ts";
import type {
  Caller,
  Entry,
  MatrixEnv,
  Method,
  MatrixResponse as Response,
  SessionAuth,
} from "../test/matrix.ts";
import { apiKeyRoles, type Policy, policy, type Role, roles, vendorRoles } from "./policy.ts";

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const callers: Caller[] = [
  { name: "anonymous", kind: "anonymous", tenant: null, role: null },
  ...vendorRoles.map((role): Caller => ({ name: `A session ${role}`, kind: "session", tenant: "A", role })),
  ...apiKeyRoles.map((role): Caller => ({ name: `A API key ${role}`, kind: "apiKey", tenant: "A", role })),
  { name: "B owner session → A", kind: "session", tenant: "B", role: "owner" },
  { name: "B admin API key → A", kind: "apiKey", tenant: "B", role: "admin" },
];

/** The status a route's declared policy implies for a caller whose request is otherwise valid. */
function statusFromPolicy(declared: Policy, caller: Caller, ok: number): number {
  if (declared.access === "public") return ok;
  if (caller.kind === "anonymous") return 401;
  if (declared.access === "user") return caller.kind === "session" ? ok : 403;
  // Another workspace's caller naming A: A does not exist for them.
  if (caller.tenant === "B") return 404;
  return caller.role !== null && declared.roles.includes(caller.role) ? ok : 403;
}

const codeOfStatus: Record<number, string> = {
  400: "validation_failed",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
};

// ---------------------------------------------------------------------------------------------
// The world the matrix runs in
// ---------------------------------------------------------------------------------------------

let t: TestApp;
type World = {
  A: Workspace;
  B: Workspace;
  aUsers: Record<Role, User>;
  bOwner: User;
  /** Owns the workspaces whose invitations the matrix's callers accept (neither A nor B). */
  cOwner: User;
  /** Belongs to no workspace under test: the login sample signs in as them. */
  loginUser: User;
  sessions: Map<string, SessionAuth>;
  keys: Map<string, string>;
  /** A pending invitation of A (for the public look-up by token). */
  aInvitation: { id: string; token: string };
  aOriginalName: string;
};
let w: World;

let serial = 0;
const uniq = () => `${Date.now().toString(36)}-${(serial++).toString(36)}`;

const ownerCtx = (workspace: Workspace, owner: User) => ({
  workspaceId: workspace.id,
  role: "owner" as const,
  actor: { kind: "user" as const, userId: owner.id },
});

function callerNamed(name: string): Caller {
  const caller = callers.find((c) => c.name === name);
  if (!caller) throw new Error(`no caller named ${name}`);
  return caller;
}

function userOfCaller(caller: Caller): User | null {
  if (caller.kind !== "session" || caller.role === null) return null;
  return caller.tenant === "A" ? w.aUsers[caller.role] : w.bOwner;
}

/** A brand-new session for the caller's user (for calls that end or repoint the session). */
async function freshSession(user: User): Promise<SessionAuth> {
  const { token, session } = await openSession(t.database.db, user.id, null);
  return { cookie: `ecostack_session=${token}`, csrfToken: session.csrfToken };
}

function headersFor(caller: Caller, method: Method, session: SessionAuth | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (caller.kind === "session") {
    if (!session) throw new Error(`no session for ${caller.name}`);
    headers.cookie = session.cookie;
    if (method !== "GET") headers["x-csrf-token"] = session.csrfToken;
  } else if (caller.kind === "apiKey") {
    const secret = w.keys.get(caller.name);
    if (!secret) throw new Error(`no API key for ${caller.name}`);
    headers.authorization = `Bearer ${secret}`;
  }
  if (caller.tenant === "B") headers["x-ecostack-workspace"] = w.A.id;
  return headers;
}

function aOwnerHeaders(method: Method): Record<string, string> {
  return headersFor(callerNamed("A session owner"), method, w.sessions.get("A session owner") ?? null);
}

function inject(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body?: Record<string, unknown>,
) {
  return t.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
}

/** A's data that must never reach another tenant's caller. */
function tenantASecrets(): string[] {
  return [w.A.id, w.aOriginalName, w.A.slug, ...vendorRoles.map((role) => w.aUsers[role].email)];
}

function expectNoTenantAData(body: string) {
  for (const secret of tenantASecrets()) expect(body, `leaks ${secret}`).not.toContain(secret);
}

function expectProblem(response: Response, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = response.json<{ status: number; code: string }>();
  expect(problem.status).toBe(status);
  const code = codeOfStatus[status];
  if (code) expect(problem.code).toBe(code);
}

async function apiKeyWorks(secret: string): Promise<boolean> {
  const r = await inject("GET", "/api/v1/workspace", { authorization: `Bearer ${secret}` });
  return r.statusCode === 200;
}

async function membershipRole(workspaceId: string, userId: string): Promise<string | undefined> {
  const rows = await t.database.db
    .select({ role: memberships.role, workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.find((r) => r.workspaceId === workspaceId)?.role;
}

async function invitationRow(id: string) {
  const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, id));
  if (!row) throw new Error(`invitation ${id} is gone`);
  return row;
}

async function apiKeyRow(id: string) {
  const [row] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!row) throw new Error(`API key ${id} is gone`);
  return row;
}

// ---------------------------------------------------------------------------------------------
// The matrix: one sample request per /api/v1 route
// ---------------------------------------------------------------------------------------------

const coreMatrix: Record<string, Entry> = {
  "POST /api/v1/auth/signup": {
    policy: policy.public,
    ok: 201,
    async prepare() {
      const email = `signup-${uniq()}@example.test`;
      return {
        body: { name: "Matrix Signup", email, password: TEST_PASSWORD, workspaceName: "Signup Co" },
        succeeded(r) {
          expect(r.json().user.email).toBe(email);
          expect(r.cookies.some((c) => c.name === "ecostack_session")).toBe(true);
        },
        async unchanged() {
          expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
        },
      };
    },
  },
  "POST /api/v1/auth/login": {
    policy: policy.public,
    ok: 200,
    async prepare() {
      return {
        body: { email: w.loginUser.email, password: TEST_PASSWORD },
        succeeded: (r) => expect(r.json().user.id).toBe(w.loginUser.id),
      };
    },
  },
  "POST /api/v1/auth/logout": {
    policy: policy.user,
    ok: 204,
    freshSession: true,
    async prepare({ session }) {
      return {
        async succeeded() {
          if (!session) throw new Error("logout succeeded without a session");
          const after = await inject("GET", "/api/v1/auth/session", { cookie: session.cookie });
          expect(after.statusCode).toBe(401);
        },
        async unchanged() {
          if (!session) return;
          const after = await inject("GET", "/api/v1/auth/session", { cookie: session.cookie });
          expect(after.statusCode).toBe(200);
        },
      };
    },
  },
  "GET /api/v1/auth/session": {
    policy: policy.user,
    ok: 200,
    async prepare({ user }) {
      return { succeeded: (r) => expect(r.json().user.id).toBe(user?.id) };
    },
  },
  "PUT /api/v1/auth/session/workspace": {
    policy: policy.user,
    ok: 200,
    freshSession: true,
    // B's owner is not a member of A: switching there is refused with 404.
    override: (caller) => (caller.tenant === "B" && caller.kind === "session" ? 404 : undefined),
    async prepare({ caller, session }) {
      const currentOf = async (s: SessionAuth) =>
        (await inject("GET", "/api/v1/auth/session", { cookie: s.cookie })).json().currentWorkspaceId;
      const before = session ? await currentOf(session) : null;
      return {
        body: { workspaceId: w.A.id },
        succeeded: (r) => expect(r.json().currentWorkspaceId).toBe(w.A.id),
        async unchanged() {
          if (!session) return;
          if (caller.tenant === "B") expect(before).not.toBe(w.A.id);
          expect(await currentOf(session)).toBe(before);
        },
      };
    },
  },
  "POST /api/v1/workspaces": {
    policy: policy.user,
    ok: 201,
    freshSession: true,
    async prepare() {
      const name = `Matrix Created ${uniq()}`;
      return {
        body: { name },
        succeeded: (r) => expect(r.json()).toMatchObject({ workspace: { name }, role: "owner" }),
        async unchanged() {
          const rows = await t.database.db.select().from(workspaces).where(eq(workspaces.name, name));
          expect(rows).toEqual([]);
        },
      };
    },
  },
  "GET /api/v1/workspace": {
    policy: policy.workspace(roles.anyMember),
    ok: 200,
    async prepare({ caller }) {
      return {
        succeeded: (r) => expect(r.json()).toMatchObject({ id: w.A.id, role: caller.role }),
      };
    },
  },
  "PATCH /api/v1/workspace": {
    policy: policy.workspace(roles.admins),
    ok: 200,
    async prepare() {
      const name = `Renamed ${uniq()}`;
      const restore = () =>
        t.database.db.update(workspaces).set({ name: w.aOriginalName }).where(eq(workspaces.id, w.A.id));
      return {
        body: { name },
        async succeeded(r) {
          expect(r.json()).toMatchObject({ id: w.A.id, name });
          await restore();
        },
        async unchanged() {
          const [row] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, w.A.id));
          expect(row?.name).toBe(w.aOriginalName);
        },
      };
    },
  },
  "GET /api/v1/members": {
    policy: policy.workspace(roles.anyMember),
    ok: 200,
    async prepare() {
      return {
        succeeded(r) {
          const emails = r.json<{ items: { email: string }[] }>().items.map((m) => m.email);
          for (const role of vendorRoles) expect(emails).toContain(w.aUsers[role].email);
        },
      };
    },
  },
  "PATCH /api/v1/members/:userId": {
    policy: policy.workspace(roles.admins),
    ok: 200,
    async prepare() {
      const target = await makeMember(t.database.db, w.A, "viewer");
      return {
        params: { userId: target.id },
        body: { role: "partner_manager" },
        async succeeded(r) {
          expect(r.json()).toMatchObject({ userId: target.id, role: "partner_manager" });
          expect(await membershipRole(w.A.id, target.id)).toBe("partner_manager");
        },
        async unchanged() {
          expect(await membershipRole(w.A.id, target.id)).toBe("viewer");
        },
      };
    },
  },
  "DELETE /api/v1/members/:userId": {
    policy: policy.workspace(roles.admins),
    ok: 204,
    async prepare() {
      const target = await makeMember(t.database.db, w.A, "viewer");
      return {
        params: { userId: target.id },
        async succeeded() {
          expect(await membershipRole(w.A.id, target.id)).toBeUndefined();
        },
        async unchanged() {
          expect(await membershipRole(w.A.id, target.id)).toBe("viewer");
        },
      };
    },
  },
  "GET /api/v1/invitations": {
    policy: policy.workspace(roles.admins),
    ok: 200,
    async prepare() {
      return {
        succeeded(r) {
          const ids = r.json<{ items: { id: string }[] }>().items.map((i) => i.id);
          expect(ids).toContain(w.aInvitation.id);
          expect(r.body).not.toContain(w.aInvitation.token);
        },
      };
    },
  },
  "POST /api/v1/invitations": {
    policy: policy.workspace(roles.admins),
    ok: 201,
    async prepare() {
      const email = `invitee-${uniq()}@example.test`;
      return {
        body: { email, role: "viewer" },
        succeeded(r) {
          const body = r.json();
          expect(body.invitation).toMatchObject({ email, role: "viewer", status: "pending" });
          expect(body.url).toMatch(new RegExp(`/invite/${body.token}$`));
        },
        async unchanged() {
          const rows = await t.database.db.select().from(invitations).where(eq(invitations.email, email));
          expect(rows).toEqual([]);
        },
      };
    },
  },
  "DELETE /api/v1/invitations/:id": {
    policy: policy.workspace(roles.admins),
    ok: 204,
    async prepare() {
      const { invitation } = await createInvitation(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
        email: `revoke-${uniq()}@example.test`,
        role: "viewer",
      });
      return {
        params: { id: invitation.id },
        async succeeded() {
          expect((await invitationRow(invitation.id)).revokedAt).not.toBeNull();
        },
        async unchanged() {
          expect((await invitationRow(invitation.id)).revokedAt).toBeNull();
        },
      };
    },
  },
  "GET /api/v1/invitations/by-token/:token": {
    policy: policy.public,
    ok: 200,
    capabilityUrl: true,
    async prepare() {
      return {
        params: { token: w.aInvitation.token },
        succeeded: (r) => expect(r.json()).toMatchObject({ workspace: { id: w.A.id }, status: "pending" }),
      };
    },
  },
  "POST /api/v1/invitations/by-token/:token/accept": {
    policy: policy.user,
    ok: 200,
    freshSession: true,
    async prepare({ user }) {
      // An invitation into a fresh workspace of C's owner, bound to the caller's own e-mail, so
      // that acceptance touches neither A nor B and every caller can accept once.
      const target = await createWorkspace(t.database.db, {
        name: `Invite-only ${uniq()}`,
        ownerUserId: w.cOwner.id,
      });
      const { invitation, token } = await createInvitation(t.database.db, ownerCtx(target, w.cOwner), {
        email: user?.email ?? `nobody-${uniq()}@example.test`,
        role: "viewer",
      });
      return {
        params: { token },
        async succeeded(r) {
          expect(r.json().currentWorkspaceId).toBe(target.id);
          expect(await membershipRole(target.id, user?.id ?? "")).toBe("viewer");
        },
        async unchanged() {
          expect((await invitationRow(invitation.id)).acceptedAt).toBeNull();
          if (user) expect(await membershipRole(target.id, user.id)).toBeUndefined();
        },
      };
    },
  },
  "GET /api/v1/api-keys": {
    policy: policy.workspace(roles.admins),
    ok: 200,
    async prepare() {
      return {
        succeeded(r) {
          expect(r.json().items.length).toBeGreaterThan(0);
          for (const secret of w.keys.values()) expect(r.body).not.toContain(secret);
        },
      };
    },
  },
  "POST /api/v1/api-keys": {
    policy: policy.workspace(roles.admins),
    ok: 201,
    async prepare() {
      const name = `matrix key ${uniq()}`;
      return {
        body: { name, role: "viewer" },
        async succeeded(r) {
          const body = r.json();
          expect(body.apiKey).toMatchObject({ name, role: "viewer", revokedAt: null });
          expect(body.secret).toMatch(/^esk_/);
          expect(await apiKeyWorks(body.secret)).toBe(true);
        },
        async unchanged() {
          const rows = await t.database.db.select().from(apiKeys).where(eq(apiKeys.name, name));
          expect(rows).toEqual([]);
        },
      };
    },
  },
  "DELETE /api/v1/api-keys/:id": {
    policy: policy.workspace(roles.admins),
    ok: 204,
    async prepare() {
      const { apiKey, secret } = await createApiKey(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
        name: `doomed ${uniq()}`,
        role: "viewer",
      });
      return {
        params: { id: apiKey.id },
        async succeeded() {
          expect((await apiKeyRow(apiKey.id)).revokedAt).not.toBeNull();
          expect(await apiKeyWorks(secret)).toBe(false);
        },
        async unchanged() {
          expect((await apiKeyRow(apiKey.id)).revokedAt).toBeNull();
          expect(await apiKeyWorks(secret)).toBe(true);
        },
      };
    },
  },
};

/** Everything a module's routes.matrix.ts may use; see src/test/matrix.ts. */
const env: MatrixEnv = {
  app: () => t,
  workspaceA: () => w.A,
  ownerCtxA: () => ownerCtx(w.A, w.aUsers.owner),
  uniq,
};

const matrix: Record<string, Entry> = {
  ...coreMatrix,
  ...jobsMatrix(env),
  ...journeyMatrix(env),
  ...icpsMatrix(env),
  ...partnersMatrix(env),
  ...solutionsMatrix(env),
  ...accountsMatrix(env),
  ...vcocMatrix(env),
  ...playsMatrix(env),
  ...stackMatrix(env),
  ...exportsMatrix(env),
  ...auditMatrix(env),
  ...sharingMatrix(env),
  ...mappingMatrix(env),
  ...importsMatrix(env),
};

function withQuery(url: string, query: Record<string, string> | undefined): string {
  return query ? `${url}?${new URLSearchParams(query).toString()}` : url;
}

function fillParams(url: string, params: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the sample for ${url} gives no :${name}`);
    return encodeURIComponent(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  // The matrix signs in more often than the default per-IP limit allows.
  t = await createTestApp({ login: { maxPerIp: 10_000, maxPerAccount: 10_000, windowSeconds: 300 } });
  const db = t.database.db;
  const a = await makeWorkspace(db, { name: `Tenant A ${uniq()}` });
  const b = await makeWorkspace(db, { name: `Tenant B ${uniq()}` });
  const c = await makeWorkspace(db, { name: `Tenant C ${uniq()}` });
  const aUsers: Record<Role, User> = {
    owner: a.owner,
    admin: await makeMember(db, a.workspace, "admin"),
    partner_manager: await makeMember(db, a.workspace, "partner_manager"),
    viewer: await makeMember(db, a.workspace, "viewer"),
  };
  const { invitation, token } = await createInvitation(db, ownerCtx(a.workspace, a.owner), {
    email: `pending-${uniq()}@example.test`,
    role: "viewer",
  });
  w = {
    A: a.workspace,
    B: b.workspace,
    aUsers,
    bOwner: b.owner,
    cOwner: c.owner,
    loginUser: await makeUser(db),
    sessions: new Map(),
    keys: new Map(),
    aInvitation: { id: invitation.id, token },
    aOriginalName: a.workspace.name,
  };
  for (const caller of callers) {
    if (caller.kind === "session") {
      const user = userOfCaller(caller);
      if (!user) throw new Error(`no user for ${caller.name}`);
      w.sessions.set(caller.name, await signIn(t.app, user.email));
    } else if (caller.kind === "apiKey" && caller.role !== null) {
      const role = apiKeyRoles.find((r) => r === caller.role);
      if (!role) throw new Error(`${caller.role} is not an API key role`);
      w.keys.set(caller.name, await makeApiKey(db, caller.tenant === "A" ? w.A : w.B, role));
    }
  }
});

afterAll(async () => {
  await t?.close();
});

const apiV1Routes = () => t.app.routeTable.filter((r) => r.url.startsWith("/api/v1/") && r.method !== "HEAD");
const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

// ---------------------------------------------------------------------------------------------
// Policies and documentation
// ---------------------------------------------------------------------------------------------

describe("route table", () => {
  it("gives every registered route a well-formed policy", () => {
    expect(t.app.routeTable.length).toBeGreaterThan(0);
    for (const route of t.app.routeTable) {
      const declared = route.policy;
      expect(declared, routeKey(route)).toBeDefined();
      if (!declared) continue;
      expect(["public", "user", "workspace"], routeKey(route)).toContain(declared.access);
      if (declared.access === "workspace") {
        expect(declared.roles.length, routeKey(route)).toBeGreaterThan(0);
        for (const role of declared.roles) expect(vendorRoles, routeKey(route)).toContain(role);
      }
    }
  });

  it("registers each method+url once, and HEAD routes carry their GET route's policy", () => {
    const keys = t.app.routeTable.map(routeKey);
    expect(keys.length).toBe(new Set(keys).size);
    for (const head of t.app.routeTable.filter((r) => r.method === "HEAD")) {
      const get = t.app.routeTable.find((r) => r.method === "GET" && r.url === head.url);
      expect(get?.policy, head.url).toEqual(head.policy);
    }
  });

  it("refuses to build an app with a route that declares no policy", async () => {
    // buildApp() calls ready(), so no route can be added to a built app: swap the health routes
    // for a module that registers one route without a policy, and build again.
    vi.resetModules();
    vi.doMock("../modules/health/routes.ts", () => ({
      registerHealthRoutes(app: { get(url: string, handler: () => Promise<string>): void }) {
        app.get("/api/naked", async () => "open to all");
      },
    }));
    try {
      const { buildApp } = await import("./app.ts");
      await expect(buildApp({ database: t.database, config: t.config })).rejects.toThrow(
        "Route GET /api/naked declares no policy (config.policy).",
      );
    } finally {
      vi.doUnmock("../modules/health/routes.ts");
      vi.resetModules();
    }
  });

  it("documents every /api/v1 route in the OpenAPI document with its policy's security", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    type Operation = { security?: Record<string, string[]>[]; description?: string };
    const doc = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    const documented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) documented.push(`${method.toUpperCase()} ${path}`);
    }
    for (const route of apiV1Routes()) {
      const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
      const key = `${route.method} ${path}`;
      expect(documented, key).toContain(key);
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      const schemes = (operation?.security ?? []).flatMap((s) => Object.keys(s)).sort();
      const access = route.policy?.access;
      const expected = access === "public" ? [] : access === "user" ? ["session"] : ["apiKey", "session"];
      expect(schemes, key).toEqual(expected);
      expect(operation?.description, key).toContain("**Who may call:**");
    }
    // And nothing documented that is not served.
    const served = new Set(
      t.app.routeTable.map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, "{$1}")}`),
    );
    for (const key of documented) expect(served, key).toContain(key);
  });

  it("has a matrix entry for every /api/v1 route, and none for a route that does not exist", () => {
    const served = apiV1Routes().map(routeKey).sort();
    expect(Object.keys(matrix).sort()).toEqual(served);
  });

  it("declares for every /api/v1 route the policy it was reviewed with", () => {
    for (const route of apiV1Routes()) {
      expect(route.policy, routeKey(route)).toEqual(matrix[routeKey(route)]?.policy);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Role × route
// ---------------------------------------------------------------------------------------------

describe("role × route matrix", () => {
  for (const [key, entry] of Object.entries(matrix)) {
    const [method, url] = key.split(" ") as [Method, string];
    describe(key, () => {
      for (const caller of callers) {
        it(caller.name, async () => {
          const route = t.app.routeTable.find((r) => r.method === method && r.url === url);
          if (!route?.policy) throw new Error(`${key} is not a route with a policy`);
          const expected = entry.override?.(caller) ?? statusFromPolicy(route.policy, caller, entry.ok);
          const user = userOfCaller(caller);
          const session =
            caller.kind !== "session" || !user
              ? null
              : entry.freshSession
                ? await freshSession(user)
                : (w.sessions.get(caller.name) ?? null);
          const prepared = await entry.prepare({ caller, user, session });
          const response = await inject(
            method,
            withQuery(fillParams(url, prepared.params), prepared.query),
            headersFor(caller, method, session),
            prepared.body,
          );
          if (expected >= 400) expectProblem(response, expected);
          else expect(response.statusCode, response.body).toBe(expected);
          if (caller.tenant === "B" && !entry.capabilityUrl) expectNoTenantAData(response.body);
          if (expected < 400) await prepared.succeeded?.(response);
          else await prepared.unchanged?.();
        });
      }
    });
  }
});

describe("cookie-authenticated writes without the CSRF token", () => {
  for (const [key, entry] of Object.entries(matrix)) {
    const [method, url] = key.split(" ") as [Method, string];
    if (method === "GET") continue;
    it(`${key} → 403 and nothing changes`, async () => {
      const owner = callerNamed("A session owner");
      const user = w.aUsers.owner;
      const session = entry.freshSession ? await freshSession(user) : w.sessions.get(owner.name);
      if (!session) throw new Error("no owner session");
      const prepared = await entry.prepare({ caller: owner, user, session });
      const headers = headersFor(owner, method, session);
      delete headers["x-csrf-token"];
      const response = await inject(
        method,
        withQuery(fillParams(url, prepared.params), prepared.query),
        headers,
        prepared.body,
      );
      expectProblem(response, 403);
      expect(response.json().detail).toContain("CSRF");
      await prepared.unchanged?.();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Another tenant's ids from one's own workspace
// ---------------------------------------------------------------------------------------------

describe("A's resource ids used from B's own workspace", () => {
  const bCallers: { name: string; headers: () => Record<string, string> }[] = [
    {
      name: "B owner session (current workspace B)",
      headers: () => {
        const s = w.sessions.get("B owner session → A");
        if (!s) throw new Error("no B session");
        return { cookie: s.cookie, "x-csrf-token": s.csrfToken };
      },
    },
    {
      name: "B owner session naming B explicitly",
      headers: () => {
        const s = w.sessions.get("B owner session → A");
        if (!s) throw new Error("no B session");
        return { cookie: s.cookie, "x-csrf-token": s.csrfToken, "x-ecostack-workspace": w.B.id };
      },
    },
    {
      name: "B admin API key",
      headers: () => ({ authorization: `Bearer ${w.keys.get("B admin API key → A")}` }),
    },
  ];

  for (const b of bCallers) {
    describe(b.name, () => {
      it("cannot revoke A's API key", async () => {
        const { apiKey, secret } = await createApiKey(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
          name: `A's key ${uniq()}`,
          role: "viewer",
        });
        const r = await inject("DELETE", `/api/v1/api-keys/${apiKey.id}`, b.headers());
        expectProblem(r, 404);
        expectNoTenantAData(r.body);
        expect((await apiKeyRow(apiKey.id)).revokedAt).toBeNull();
        expect(await apiKeyWorks(secret)).toBe(true);
      });

      it("cannot change the role of A's member", async () => {
        const member = await makeMember(t.database.db, w.A, "viewer");
        const r = await inject("PATCH", `/api/v1/members/${member.id}`, b.headers(), { role: "admin" });
        expectProblem(r, 404);
        expectNoTenantAData(r.body);
        expect(r.body).not.toContain(member.email);
        expect(await membershipRole(w.A.id, member.id)).toBe("viewer");
      });

      it("cannot remove A's member, not even A's owner", async () => {
        for (const target of [await makeMember(t.database.db, w.A, "viewer"), w.aUsers.owner]) {
          const before = await membershipRole(w.A.id, target.id);
          const r = await inject("DELETE", `/api/v1/members/${target.id}`, b.headers());
          expectProblem(r, 404);
          expectNoTenantAData(r.body);
          expect(await membershipRole(w.A.id, target.id)).toBe(before);
        }
      });

      it("cannot revoke A's invitation", async () => {
        const { invitation, token } = await createInvitation(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
          email: `a-invite-${uniq()}@example.test`,
          role: "admin",
        });
        const r = await inject("DELETE", `/api/v1/invitations/${invitation.id}`, b.headers());
        expectProblem(r, 404);
        expectNoTenantAData(r.body);
        const row = await invitationRow(invitation.id);
        expect(row.revokedAt).toBeNull();
        const lookup = await inject("GET", `/api/v1/invitations/by-token/${token}`, {});
        expect(lookup.json().status).toBe("pending");
      });

      it("changing or removing a person who belongs to A and B touches only B's membership", async () => {
        const both = await makeMember(t.database.db, w.A, "viewer");
        await addMember(t.database.db, w.B.id, both.id, "viewer");
        const patched = await inject("PATCH", `/api/v1/members/${both.id}`, b.headers(), { role: "admin" });
        expect(patched.statusCode, patched.body).toBe(200);
        expect(await membershipRole(w.B.id, both.id)).toBe("admin");
        expect(await membershipRole(w.A.id, both.id)).toBe("viewer");
        const removed = await inject("DELETE", `/api/v1/members/${both.id}`, b.headers());
        expect(removed.statusCode, removed.body).toBe(204);
        expect(await membershipRole(w.B.id, both.id)).toBeUndefined();
        expect(await membershipRole(w.A.id, both.id)).toBe("viewer");
      });

      it("lists only B's own members, invitations and API keys", async () => {
        for (const list of ["/api/v1/members", "/api/v1/invitations", "/api/v1/api-keys"]) {
          const r = await inject("GET", list, b.headers());
          expect(r.statusCode, `${list}: ${r.body}`).toBe(200);
          expectNoTenantAData(r.body);
          expect(r.body).not.toContain(w.aInvitation.id);
        }
        const current = await inject("GET", "/api/v1/workspace", b.headers());
        expect(current.json().id).toBe(w.B.id);
      });
    });
  }

  it("a member of A naming an unknown or malformed workspace gets 404, not A", async () => {
    const s = w.sessions.get("A session owner");
    if (!s) throw new Error("no A session");
    for (const header of [randomUUID(), w.B.id, "not-a-uuid", `${w.A.id}x`]) {
      const r = await inject("GET", "/api/v1/workspace", {
        cookie: s.cookie,
        "x-ecostack-workspace": header,
      });
      expectProblem(r, 404);
      expectNoTenantAData(r.body);
    }
  });

  it("an API key naming its own workspace in the header is served", async () => {
    const secret = w.keys.get("A API key viewer");
    const r = await inject("GET", "/api/v1/workspace", {
      authorization: `Bearer ${secret}`,
      "x-ecostack-workspace": w.A.id,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toBe(w.A.id);
  });
});

describe("revoking twice", () => {
  it("an API key revoked once is not found the second time", async () => {
    const { apiKey } = await createApiKey(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
      name: `twice ${uniq()}`,
      role: "viewer",
    });
    const headers = aOwnerHeaders("DELETE");
    expect((await inject("DELETE", `/api/v1/api-keys/${apiKey.id}`, headers)).statusCode).toBe(204);
    const revokedAt = (await apiKeyRow(apiKey.id)).revokedAt;
    expectProblem(await inject("DELETE", `/api/v1/api-keys/${apiKey.id}`, headers), 404);
    expect((await apiKeyRow(apiKey.id)).revokedAt).toEqual(revokedAt);
  });

  it("an invitation revoked once is not found the second time, and keeps its revokedAt", async () => {
    const { invitation } = await createInvitation(t.database.db, ownerCtx(w.A, w.aUsers.owner), {
      email: `twice-${uniq()}@example.test`,
      role: "viewer",
    });
    const headers = aOwnerHeaders("DELETE");
    expect((await inject("DELETE", `/api/v1/invitations/${invitation.id}`, headers)).statusCode).toBe(204);
    const revokedAt = (await invitationRow(invitation.id)).revokedAt;
    expectProblem(await inject("DELETE", `/api/v1/invitations/${invitation.id}`, headers), 404);
    expect((await invitationRow(invitation.id)).revokedAt).toEqual(revokedAt);
  });
});

describe("workspace header", () => {
  it("an API key naming its own workspace id in upper case is served, as a session is", async () => {
    // UUIDs are case-insensitive: both the session and the API-key branch of the gate accept it.
    const session = w.sessions.get("A session viewer");
    const bySession = await inject("GET", "/api/v1/workspace", {
      cookie: session?.cookie ?? "",
      "x-ecostack-workspace": w.A.id.toUpperCase(),
    });
    expect(bySession.statusCode).toBe(200);
    const byKey = await inject("GET", "/api/v1/workspace", {
      authorization: `Bearer ${w.keys.get("A API key viewer")}`,
      "x-ecostack-workspace": w.A.id.toUpperCase(),
    });
    expect(byKey.statusCode, byKey.body).toBe(200);
  });
});
