import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { sha256 } from "../identity/secrets.ts";
import { apiKeys } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxPerIp: 10_000, maxPerAccount: 1_000, windowSeconds: 300 } });
});
afterAll(async () => t.close());

type KeyView = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { id: string; name: string } | null;
};

/** A workspace with a signed-in admin. */
async function adminOfWorkspace() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const admin = await makeMember(t.database.db, workspace, "admin");
  return { workspace, owner, admin, adminAuth: await signIn(t.app, admin.email) };
}

async function createKey(auth: Auth, name: string, role: string) {
  const response = await call(t.app, auth, "POST", "/api/v1/api-keys", { name, role });
  expect(response.statusCode).toBe(201);
  return response.json<{ apiKey: KeyView; secret: string }>();
}

const bearer = (secret: string): Auth => ({ kind: "apiKey", secret });

describe("API keys", () => {
  it("shows the secret once on creation; the list shows the prefix but never the secret", async () => {
    const { admin, adminAuth } = await adminOfWorkspace();
    const { apiKey, secret } = await createKey(adminAuth, "  CRM sync ", "partner_manager");
    expect(secret).toMatch(/^esk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "CRM sync",
      prefix: secret.slice(0, 10),
      role: "partner_manager",
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { id: admin.id, name: admin.name },
    });

    const list = await call(t.app, adminAuth, "GET", "/api/v1/api-keys");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(secret.slice(10));
    expect(list.body).not.toContain(sha256(secret));
    const items = list.json<{ items: Record<string, unknown>[] }>().items;
    expect(items).toEqual([apiKey]);
    expect(Object.keys(items[0] ?? {})).not.toContain("secret");
  });

  it("authenticates as the key's workspace and role, and records lastUsedAt", async () => {
    const { workspace, adminAuth } = await adminOfWorkspace();
    const { apiKey, secret } = await createKey(adminAuth, "reporting", "admin");
    const before = Date.now();
    const response = await call(t.app, bearer(secret), "GET", "/api/v1/workspace");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: workspace.id, name: workspace.name, role: "admin" });

    const list = await call(t.app, adminAuth, "GET", "/api/v1/api-keys");
    const listed = list.json<{ items: KeyView[] }>().items.find((k) => k.id === apiKey.id);
    expect(listed?.lastUsedAt).not.toBe(null);
    const usedAt = Date.parse(listed?.lastUsedAt ?? "");
    expect(usedAt).toBeGreaterThanOrEqual(before - 5_000);
    expect(usedAt).toBeLessThanOrEqual(Date.now() + 5_000);
  });

  it("needs no CSRF token: an admin key can write with the key alone", async () => {
    const { workspace } = await adminOfWorkspace();
    const secret = await makeApiKey(t.database.db, workspace, "admin");
    const renamed = await call(t.app, bearer(secret), "PATCH", "/api/v1/workspace", {
      name: "Renamed By Key",
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe("Renamed By Key");
  });

  it("limits a viewer key to reading: members 200, invitations 403", async () => {
    const { owner, adminAuth } = await adminOfWorkspace();
    const { secret } = await createKey(adminAuth, "read only", "viewer");
    const members = await call(t.app, bearer(secret), "GET", "/api/v1/members");
    expect(members.statusCode).toBe(200);
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain(owner.email);
    const invite = await call(t.app, bearer(secret), "POST", "/api/v1/invitations", {
      email: "new@example.test",
      role: "viewer",
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().code).toBe("forbidden");
    const keys = await call(t.app, bearer(secret), "GET", "/api/v1/api-keys");
    expect(keys.statusCode).toBe(403);
  });

  it("refuses keys on endpoints for signed-in people (403)", async () => {
    const { workspace } = await adminOfWorkspace();
    const secret = await makeApiKey(t.database.db, workspace, "admin");
    const session = await call(t.app, bearer(secret), "GET", "/api/v1/auth/session");
    expect(session.statusCode).toBe(403);
    expect(session.json()).toMatchObject({
      code: "forbidden",
      detail: "This endpoint is for signed-in people, not API keys.",
    });
    const create = await call(t.app, bearer(secret), "POST", "/api/v1/workspaces", { name: "Key Corp" });
    expect(create.statusCode).toBe(403);
  });

  it("keeps a key to its own workspace: another workspace in X-Ecostack-Workspace → 404", async () => {
    const { workspace } = await adminOfWorkspace();
    const other = await makeWorkspace(t.database.db);
    const secret = await makeApiKey(t.database.db, workspace, "admin");
    const foreign = await t.app.inject({
      method: "GET",
      url: "/api/v1/workspace",
      headers: { authorization: `Bearer ${secret}`, "x-ecostack-workspace": other.workspace.id },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("not_found");
    const own = await t.app.inject({
      method: "GET",
      url: "/api/v1/workspace",
      headers: { authorization: `Bearer ${secret}`, "x-ecostack-workspace": workspace.id },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().id).toBe(workspace.id);
  });

  it("revokes a key: the key then gets 401, and the list shows revokedAt", async () => {
    const { adminAuth } = await adminOfWorkspace();
    const { apiKey, secret } = await createKey(adminAuth, "to revoke", "admin");
    expect((await call(t.app, bearer(secret), "GET", "/api/v1/workspace")).statusCode).toBe(200);
    const revoke = await call(t.app, adminAuth, "DELETE", `/api/v1/api-keys/${apiKey.id}`);
    expect(revoke.statusCode).toBe(204);

    const after = await call(t.app, bearer(secret), "GET", "/api/v1/workspace");
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({
      code: "unauthenticated",
      detail: "The API key is invalid or has been revoked.",
    });
    const list = await call(t.app, adminAuth, "GET", "/api/v1/api-keys");
    const listed = list.json<{ items: KeyView[] }>().items.find((k) => k.id === apiKey.id);
    expect(listed?.revokedAt).not.toBe(null);
    expect((await call(t.app, adminAuth, "DELETE", `/api/v1/api-keys/${apiKey.id}`)).statusCode).toBe(404);
  });

  it("does not let another workspace's admin revoke or list a key (404, not listed)", async () => {
    const { adminAuth } = await adminOfWorkspace();
    const { apiKey, secret } = await createKey(adminAuth, "mine", "admin");
    const outsider = await adminOfWorkspace();
    const revoke = await call(t.app, outsider.adminAuth, "DELETE", `/api/v1/api-keys/${apiKey.id}`);
    expect(revoke.statusCode).toBe(404);
    const list = await call(t.app, outsider.adminAuth, "GET", "/api/v1/api-keys");
    expect(list.json().items).toEqual([]);
    expect((await call(t.app, bearer(secret), "GET", "/api/v1/workspace")).statusCode).toBe(200);
  });

  it.each([
    ["a bearer that is not a key", "Bearer not-a-key"],
    ["an unknown esk_ key", "Bearer esk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["an empty bearer", "Bearer "],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["a bearer with spaces inside", "Bearer esk_a esk_b"],
  ])("answers %s with 401 problem+json", async (_label, authorization) => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/workspace",
      headers: { authorization },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({
      status: 401,
      code: "unauthenticated",
      detail: "The API key is invalid or has been revoked.",
      instance: "/api/v1/workspace",
    });
  });

  it("stores only a hash of the key, never the secret", async () => {
    const { adminAuth } = await adminOfWorkspace();
    const { apiKey, secret } = await createKey(adminAuth, "stored", "viewer");
    const [row] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row).toBeDefined();
    expect(row?.keyHash).not.toBe(secret);
    expect(row?.keyHash).not.toContain(secret.slice(4));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.keyHash).toBe(sha256(secret));
    expect(row?.prefix).toBe(secret.slice(0, 10));
    for (const value of Object.values(row ?? {})) {
      if (typeof value === "string") expect(value).not.toContain(secret.slice(10));
    }
  });

  it("refuses to create owner keys (400) and refuses creation by a viewer (403)", async () => {
    const { workspace, adminAuth } = await adminOfWorkspace();
    const owner = await call(t.app, adminAuth, "POST", "/api/v1/api-keys", { name: "root", role: "owner" });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().errors[0].path).toBe("body.role");
    const viewer = await makeMember(t.database.db, workspace, "viewer");
    const viewerAuth = await signIn(t.app, viewer.email);
    const byViewer = await call(t.app, viewerAuth, "POST", "/api/v1/api-keys", { name: "x", role: "viewer" });
    expect(byViewer.statusCode).toBe(403);
  });
});
