/** The audit trail over HTTP: newest first, cursor pages, action filters, actors, tenant isolation. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeWorkspace, signIn } from "../../test/factories.ts";
import { recordAudit } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type EventView = {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actor: { kind: string; userId: string | null; email: string | null };
  details: Record<string, unknown>;
  createdAt: string;
};
type Page = { items: EventView[]; nextCursor: string | null };

async function tenant() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const ownerCtx: WorkspaceContext = {
    workspaceId: workspace.id,
    role: "owner",
    actor: { kind: "user", userId: owner.id },
  };
  const session: Auth = { ...(await signIn(t.app, owner.email)), workspaceId: workspace.id };
  return { workspace, owner, ownerCtx, session };
}

async function list(auth: Auth, query: string): Promise<Page> {
  const r = await call(t.app, auth, "GET", `/api/v1/audit-events${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>();
}

describe("GET /api/v1/audit-events", () => {
  it("lists events newest first in cursor pages, naming the user who acted", async () => {
    const a = await tenant();
    for (const subjectId of ["first", "second", "third"])
      await recordAudit(t.database.db, a.ownerCtx, {
        action: "import.committed",
        subjectType: "import",
        subjectId,
        details: { created: 3 },
      });
    const first = await list(a.session, "?limit=2");
    expect(first.items.map((e) => e.subjectId)).toEqual(["third", "second"]);
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      action: "import.committed",
      subjectType: "import",
      subjectId: "third",
      actor: { kind: "user", userId: a.owner.id, email: a.owner.email },
      details: { created: 3 },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await list(a.session, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.subjectId)).toEqual(["first"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by one action or by a family of actions", async () => {
    const a = await tenant();
    const ctx = a.ownerCtx;
    await recordAudit(t.database.db, ctx, { action: "export.downloaded", subjectType: "accounts" });
    await recordAudit(t.database.db, ctx, { action: "export.started", subjectType: "partners" });
    await recordAudit(t.database.db, ctx, { action: "exports_x.other", subjectType: "x" });
    await recordAudit(t.database.db, ctx, { action: "sharing.changed", subjectType: "partner" });
    const exact = await list(a.session, "?action=export.downloaded");
    expect(exact.items.map((e) => e.subjectType)).toEqual(["accounts"]);
    const family = await list(a.session, "?action=export.*");
    expect(family.items.map((e) => e.action)).toEqual(["export.started", "export.downloaded"]);
    const bad = await call(t.app, a.session, "GET", "/api/v1/audit-events?action=export%25");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("querystring.action");
  });

  it("shows an API key's event without an e-mail, and the downloads it made", async () => {
    const a = await tenant();
    const key: Auth = { kind: "apiKey", secret: await makeApiKey(t.database.db, a.workspace, "admin") };
    const download = await call(t.app, key, "GET", "/api/v1/exports/contacts?format=csv");
    expect(download.statusCode).toBe(200);
    const [event] = (await list(key, "?action=export.downloaded")).items;
    expect(event).toMatchObject({
      subjectType: "contacts",
      actor: { kind: "api_key", userId: null, email: null },
      details: { entity: "contacts", format: "csv", rows: 0, apiKeyId: expect.any(String) },
    });
  });

  it("never lists another workspace's events", async () => {
    const a = await tenant();
    const b = await tenant();
    await recordAudit(t.database.db, a.ownerCtx, {
      action: "sharing.changed",
      subjectType: "partner",
      subjectId: "a-only",
    });
    await recordAudit(t.database.db, b.ownerCtx, {
      action: "sharing.changed",
      subjectType: "partner",
      subjectId: "b-only",
    });
    expect((await list(a.session, "")).items.map((e) => e.subjectId)).toEqual(["a-only"]);
    expect((await list(b.session, "")).items.map((e) => e.subjectId)).toEqual(["b-only"]);
  });
});
