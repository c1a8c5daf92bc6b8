import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAll } from "../../db/client.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import {
  type Auth,
  call,
  makeMember,
  makeUser,
  makeWorkspace,
  signIn,
  TEST_PASSWORD,
} from "../../test/factories.ts";
import { findUserByEmail } from "../identity/service.ts";
import { users } from "../identity/tables.ts";
import { memberships, workspaces } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxPerIp: 10_000, maxPerAccount: 1_000, windowSeconds: 300 } });
});
afterAll(async () => t.close());

type SessionBody = {
  user: { id: string; email: string; name: string };
  memberships: { workspace: { id: string; name: string; slug: string }; role: string }[];
  currentWorkspaceId: string | null;
};

const countWorkspaces = async () => (await t.database.db.select({ n: countAll }).from(workspaces))[0]?.n;
const countUsersNow = async () => (await t.database.db.select({ n: countAll }).from(users))[0]?.n;

/** An owner signed in to a new workspace, with an admin and a viewer in it, also signed in. */
async function team() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const admin = await makeMember(t.database.db, workspace, "admin");
  const viewer = await makeMember(t.database.db, workspace, "viewer");
  return {
    workspace,
    owner,
    admin,
    viewer,
    ownerAuth: await signIn(t.app, owner.email),
    adminAuth: await signIn(t.app, admin.email),
    viewerAuth: await signIn(t.app, viewer.email),
  };
}

async function invite(auth: Auth, email: string, role: string) {
  const response = await call(t.app, auth, "POST", "/api/v1/invitations", { email, role });
  expect(response.statusCode).toBe(201);
  return response.json<{
    invitation: { id: string; email: string; role: string; status: string };
    url: string;
    token: string;
  }>();
}

function signUp(payload: Record<string, unknown>) {
  return t.app.inject({ method: "POST", url: "/api/v1/auth/signup", payload });
}

describe("workspaces and switching", () => {
  it("creates a second workspace, switches to it, and switches back; the current workspace follows", async () => {
    const { workspace: first, owner } = await makeWorkspace(t.database.db, { name: "First Vendor" });
    const auth = await signIn(t.app, owner.email);
    expect((await call(t.app, auth, "GET", "/api/v1/workspace")).json().id).toBe(first.id);

    const created = await call(t.app, auth, "POST", "/api/v1/workspaces", { name: "  Second Vendor " });
    expect(created.statusCode).toBe(201);
    const second = created.json<{ workspace: { id: string; name: string; slug: string }; role: string }>();
    expect(second.workspace.name).toBe("Second Vendor");
    expect(second.role).toBe("owner");
    // Creating a workspace switches the session to it.
    const now = await call(t.app, auth, "GET", "/api/v1/workspace");
    expect(now.json()).toMatchObject({ id: second.workspace.id, name: "Second Vendor", role: "owner" });

    const back = await call(t.app, auth, "PUT", "/api/v1/auth/session/workspace", { workspaceId: first.id });
    expect(back.statusCode).toBe(200);
    const session = back.json<SessionBody>();
    expect(session.currentWorkspaceId).toBe(first.id);
    expect(session.memberships.map((m) => [m.workspace.name, m.role])).toEqual([
      ["First Vendor", "owner"],
      ["Second Vendor", "owner"],
    ]);
    expect((await call(t.app, auth, "GET", "/api/v1/workspace")).json().id).toBe(first.id);
    expect((await call(t.app, auth, "GET", "/api/v1/auth/session")).json().currentWorkspaceId).toBe(first.id);
  });

  it("refuses to switch to a workspace the user is not a member of with 404, keeping the current one", async () => {
    const { workspace: mine, owner } = await makeWorkspace(t.database.db);
    const { workspace: theirs } = await makeWorkspace(t.database.db);
    const auth = await signIn(t.app, owner.email);
    const response = await call(t.app, auth, "PUT", "/api/v1/auth/session/workspace", {
      workspaceId: theirs.id,
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("not_found");
    expect((await call(t.app, auth, "GET", "/api/v1/workspace")).json().id).toBe(mine.id);
    // Naming it in the header does not reach it either.
    const viaHeader = await call(t.app, { ...auth, workspaceId: theirs.id }, "GET", "/api/v1/workspace");
    expect(viaHeader.statusCode).toBe(404);
  });

  it("lets an admin rename the workspace and refuses a viewer with 403", async () => {
    const { workspace, adminAuth, viewerAuth } = await team();
    const renamed = await call(t.app, adminAuth, "PATCH", "/api/v1/workspace", { name: "Renamed Vendor" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: workspace.id, name: "Renamed Vendor", role: "admin" });
    const refused = await call(t.app, viewerAuth, "PATCH", "/api/v1/workspace", { name: "Viewer Was Here" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("forbidden");
    expect((await call(t.app, viewerAuth, "GET", "/api/v1/workspace")).json().name).toBe("Renamed Vendor");
    const empty = await call(t.app, adminAuth, "PATCH", "/api/v1/workspace", { name: "   " });
    expect(empty.statusCode).toBe(400);
  });
});

describe("members", () => {
  it("lists the members of the current workspace with their roles", async () => {
    const { owner, admin, viewer, viewerAuth } = await team();
    const other = await makeWorkspace(t.database.db);
    const response = await call(t.app, viewerAuth, "GET", "/api/v1/members");
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: { userId: string; email: string; role: string }[];
      nextCursor: null;
    }>();
    expect(body.nextCursor).toBe(null);
    expect(body.items.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [owner.email, "owner"],
        [admin.email, "admin"],
        [viewer.email, "viewer"],
      ].sort(),
    );
    expect(body.items.map((m) => m.email)).not.toContain(other.owner.email);
  });

  it("changes a member's role (admin may), and the member's rights follow", async () => {
    const { viewer, adminAuth, viewerAuth } = await team();
    expect((await call(t.app, viewerAuth, "PATCH", "/api/v1/workspace", { name: "Nope" })).statusCode).toBe(
      403,
    );
    const promoted = await call(t.app, adminAuth, "PATCH", `/api/v1/members/${viewer.id}`, { role: "admin" });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userId: viewer.id, email: viewer.email, role: "admin" });
    expect((await call(t.app, viewerAuth, "GET", "/api/v1/workspace")).json().role).toBe("admin");
    expect(
      (await call(t.app, viewerAuth, "PATCH", "/api/v1/workspace", { name: "Now Allowed" })).statusCode,
    ).toBe(200);
    const refused = await call(t.app, viewerAuth, "PATCH", `/api/v1/members/${viewer.id}`, { role: "owner" });
    expect(refused.statusCode).toBe(403);
  });

  it("keeps the last owner: cannot be demoted or removed (409), even by themselves", async () => {
    const { owner, ownerAuth } = await team();
    const demote = await call(t.app, ownerAuth, "PATCH", `/api/v1/members/${owner.id}`, { role: "admin" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({
      code: "conflict",
      errors: [{ path: "body.role", message: "the last owner cannot be demoted" }],
    });
    const remove = await call(t.app, ownerAuth, "DELETE", `/api/v1/members/${owner.id}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().code).toBe("conflict");
    expect((await call(t.app, ownerAuth, "GET", "/api/v1/workspace")).json().role).toBe("owner");
  });

  it("only an owner grants or takes away ownership (403 for an admin); with two owners one can step down", async () => {
    const { owner, admin, viewer, ownerAuth, adminAuth } = await team();
    const grantByAdmin = await call(t.app, adminAuth, "PATCH", `/api/v1/members/${viewer.id}`, {
      role: "owner",
    });
    expect(grantByAdmin.statusCode).toBe(403);
    expect(grantByAdmin.json().detail).toBe("Only an owner can grant or remove the owner role.");
    const demoteByAdmin = await call(t.app, adminAuth, "PATCH", `/api/v1/members/${owner.id}`, {
      role: "viewer",
    });
    expect(demoteByAdmin.statusCode).toBe(403);
    const removeByAdmin = await call(t.app, adminAuth, "DELETE", `/api/v1/members/${owner.id}`);
    expect(removeByAdmin.statusCode).toBe(403);

    const grant = await call(t.app, ownerAuth, "PATCH", `/api/v1/members/${admin.id}`, { role: "owner" });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().role).toBe("owner");
    // Two owners now: the first may step down.
    const stepDown = await call(t.app, ownerAuth, "PATCH", `/api/v1/members/${owner.id}`, { role: "admin" });
    expect(stepDown.statusCode).toBe(200);
    expect((await call(t.app, ownerAuth, "GET", "/api/v1/workspace")).json().role).toBe("admin");
    // And the remaining owner is the last one again.
    const lastAgain = await call(t.app, adminAuth, "PATCH", `/api/v1/members/${admin.id}`, { role: "admin" });
    expect(lastAgain.statusCode).toBe(409);
  });

  it("removes a member, who then loses access to the workspace (404) but keeps their account", async () => {
    const { workspace, viewer, adminAuth, viewerAuth } = await team();
    expect((await call(t.app, viewerAuth, "GET", "/api/v1/members")).statusCode).toBe(200);
    const removed = await call(t.app, adminAuth, "DELETE", `/api/v1/members/${viewer.id}`);
    expect(removed.statusCode).toBe(204);
    const members = await call(t.app, adminAuth, "GET", "/api/v1/members");
    expect(members.json().items.map((m: { userId: string }) => m.userId)).not.toContain(viewer.id);

    const after = await call(t.app, viewerAuth, "GET", "/api/v1/workspace");
    expect(after.statusCode).toBe(404);
    expect(after.json().code).toBe("not_found");
    const explicit = await call(
      t.app,
      { ...viewerAuth, workspaceId: workspace.id },
      "GET",
      "/api/v1/members",
    );
    expect(explicit.statusCode).toBe(404);
    const session = await call(t.app, viewerAuth, "GET", "/api/v1/auth/session");
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ memberships: [], currentWorkspaceId: null });
    // Removing them again: no such member.
    expect((await call(t.app, adminAuth, "DELETE", `/api/v1/members/${viewer.id}`)).statusCode).toBe(404);
  });

  it("does not reach members of another workspace by id (404)", async () => {
    const { adminAuth } = await team();
    const other = await makeWorkspace(t.database.db);
    const response = await call(t.app, adminAuth, "PATCH", `/api/v1/members/${other.owner.id}`, {
      role: "viewer",
    });
    expect(response.statusCode).toBe(404);
    const [row] = await t.database.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, other.owner.id));
    expect(row?.role).toBe("owner");
  });
});

describe("invitations", () => {
  it("an admin invites by e-mail; the link carries the token and the public lookup describes it", async () => {
    const { workspace, admin, adminAuth } = await team();
    const { invitation, url, token } = await invite(
      adminAuth,
      "  New.Person@Example.TEST ",
      "partner_manager",
    );
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(url).toContain(`/invite/${token}`);
    expect(url).toMatch(/^https?:\/\/[^/]+\/invite\//);
    expect(invitation).toMatchObject({
      email: "new.person@example.test",
      role: "partner_manager",
      status: "pending",
      invitedBy: { id: admin.id, name: admin.name },
    });

    const lookup = await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({
      workspace: { id: workspace.id, name: workspace.name },
      email: "new.person@example.test",
      role: "partner_manager",
      status: "pending",
    });
    const list = await call(t.app, adminAuth, "GET", "/api/v1/invitations");
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect(list.body).not.toContain(token);

    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/v1/invitations/by-token/not-a-real-token",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses invitations from a viewer (403) and owner invitations from an admin (403)", async () => {
    const { adminAuth, viewerAuth, ownerAuth } = await team();
    const byViewer = await call(t.app, viewerAuth, "POST", "/api/v1/invitations", {
      email: "x@example.test",
      role: "viewer",
    });
    expect(byViewer.statusCode).toBe(403);
    const ownerByAdmin = await call(t.app, adminAuth, "POST", "/api/v1/invitations", {
      email: "x@example.test",
      role: "owner",
    });
    expect(ownerByAdmin.statusCode).toBe(403);
    const ownerByOwner = await call(t.app, ownerAuth, "POST", "/api/v1/invitations", {
      email: "x@example.test",
      role: "owner",
    });
    expect(ownerByOwner.statusCode).toBe(201);
  });

  it("signing up with the token and the invited e-mail joins that workspace with the invited role, once", async () => {
    const { workspace, adminAuth } = await team();
    const { token } = await invite(adminAuth, "joiner@example.test", "viewer");
    const workspacesBefore = await countWorkspaces();

    const joined = await signUp({
      name: "Jo Joiner",
      email: "Joiner@Example.test",
      password: TEST_PASSWORD,
      inviteToken: token,
    });
    expect(joined.statusCode).toBe(201);
    const session = joined.json<SessionBody>();
    expect(session.memberships).toEqual([
      { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, role: "viewer" },
    ]);
    expect(session.currentWorkspaceId).toBe(workspace.id);
    expect(await countWorkspaces()).toBe(workspacesBefore);

    const lookup = await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
    expect(lookup.json().status).toBe("accepted");

    // Accepting the same invitation again: 409.
    const joiner = await signIn(t.app, "joiner@example.test");
    const again = await call(t.app, joiner, "POST", `/api/v1/invitations/by-token/${token}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", detail: "This invitation is accepted." });
    const secondSignUp = await signUp({
      name: "Jo Again",
      email: "joiner2@example.test",
      password: TEST_PASSWORD,
      inviteToken: token,
    });
    expect(secondSignUp.statusCode).toBe(409);
    expect(await findUserByEmail(t.database.db, "joiner2@example.test")).toBeUndefined();
  });

  it("refuses sign-up with the token under another e-mail (403) and creates no user", async () => {
    const { adminAuth } = await team();
    const { token } = await invite(adminAuth, "intended@example.test", "admin");
    const usersBefore = await countUsersNow();
    const workspacesBefore = await countWorkspaces();

    const wrong = await signUp({
      name: "Mallory",
      email: "mallory@example.test",
      password: TEST_PASSWORD,
      inviteToken: token,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: "forbidden",
      detail: "This invitation was sent to intended@example.test; sign in with that address to accept it.",
    });
    expect(wrong.cookies.find((c) => c.name === "ecostack_session")).toBeUndefined();
    // The whole sign-up rolled back: no user, no workspace, and the invitation is still pending.
    expect(await countUsersNow()).toBe(usersBefore);
    expect(await countWorkspaces()).toBe(workspacesBefore);
    expect(await findUserByEmail(t.database.db, "mallory@example.test")).toBeUndefined();
    const lookup = await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
    expect(lookup.json().status).toBe("pending");

    // The e-mail is free: Mallory can sign up normally.
    const normal = await signUp({
      name: "Mallory",
      email: "mallory@example.test",
      password: TEST_PASSWORD,
      workspaceName: "Mallory Corp",
    });
    expect(normal.statusCode).toBe(201);
    expect(normal.json().memberships).toEqual([
      { workspace: expect.objectContaining({ name: "Mallory Corp" }), role: "owner" },
    ]);
  });

  it("a signed-in user accepts with POST /invitations/by-token/:token/accept and lands in the workspace", async () => {
    const { workspace, adminAuth } = await team();
    const existing = await makeWorkspace(t.database.db);
    const { token } = await invite(adminAuth, existing.owner.email, "partner_manager");
    const auth = await signIn(t.app, existing.owner.email);

    const accepted = await call(t.app, auth, "POST", `/api/v1/invitations/by-token/${token}/accept`);
    expect(accepted.statusCode).toBe(200);
    const session = accepted.json<SessionBody>();
    expect(session.currentWorkspaceId).toBe(workspace.id);
    expect(session.memberships.map((m) => [m.workspace.id, m.role]).sort()).toEqual(
      [
        [existing.workspace.id, "owner"],
        [workspace.id, "partner_manager"],
      ].sort(),
    );
    expect((await call(t.app, auth, "GET", "/api/v1/workspace")).json()).toMatchObject({
      id: workspace.id,
      role: "partner_manager",
    });

    // Another signed-in person cannot use a link sent to someone else.
    const { token: other } = await invite(adminAuth, "someone-else@example.test", "viewer");
    const refused = await call(t.app, auth, "POST", `/api/v1/invitations/by-token/${other}/accept`);
    expect(refused.statusCode).toBe(403);
    // Accepting needs a session: anonymous → 401.
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/api/v1/invitations/by-token/${other}/accept`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("a revoked invitation shows as revoked and cannot be accepted (409)", async () => {
    const { adminAuth, viewerAuth } = await team();
    const invitee = await makeUser(t.database.db);
    const { invitation, token } = await invite(adminAuth, invitee.email, "viewer");
    expect((await call(t.app, viewerAuth, "DELETE", `/api/v1/invitations/${invitation.id}`)).statusCode).toBe(
      403,
    );
    const revoked = await call(t.app, adminAuth, "DELETE", `/api/v1/invitations/${invitation.id}`);
    expect(revoked.statusCode).toBe(204);

    const lookup = await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
    expect(lookup.json().status).toBe("revoked");
    const list = await call(t.app, adminAuth, "GET", "/api/v1/invitations");
    expect(list.json().items).toEqual([expect.objectContaining({ id: invitation.id, status: "revoked" })]);

    const auth = await signIn(t.app, invitee.email);
    const accept = await call(t.app, auth, "POST", `/api/v1/invitations/by-token/${token}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().detail).toBe("This invitation is revoked.");
    const session = await call(t.app, auth, "GET", "/api/v1/auth/session");
    expect(session.json().memberships).toEqual([]);
  });

  it("refuses to invite someone who is already a member (409 on email)", async () => {
    const { viewer, adminAuth } = await team();
    const response = await call(t.app, adminAuth, "POST", "/api/v1/invitations", {
      email: viewer.email.toUpperCase(),
      role: "admin",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "conflict",
      errors: [{ path: "body.email", message: "is already a member" }],
    });
  });

  it("does not let an admin of another workspace revoke this workspace's invitation (404)", async () => {
    const { adminAuth } = await team();
    const { invitation, token } = await invite(adminAuth, "target@example.test", "viewer");
    const outsider = await team();
    const response = await call(t.app, outsider.adminAuth, "DELETE", `/api/v1/invitations/${invitation.id}`);
    expect(response.statusCode).toBe(404);
    const lookup = await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
    expect(lookup.json().status).toBe("pending");
  });
});
