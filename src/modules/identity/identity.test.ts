import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { call, makeUser, signIn, TEST_PASSWORD } from "../../test/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxPerIp: 1000, maxPerAccount: 3, windowSeconds: 300 } });
});
afterAll(async () => t.close());

describe("sign-up", () => {
  it("creates the user, a workspace they own, and a session with HttpOnly SameSite cookie", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: {
        name: "Ada Vendor",
        email: "  Ada@Example.TEST ",
        password: TEST_PASSWORD,
        workspaceName: "Acme Cloud",
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user.email).toBe("ada@example.test");
    expect(body.memberships).toEqual([
      { workspace: { id: body.currentWorkspaceId, name: "Acme Cloud", slug: "acme-cloud" }, role: "owner" },
    ]);
    const cookie = response.cookies.find((c) => c.name === "ecostack_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const session = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/session",
      headers: { cookie: `ecostack_session=${cookie?.value}` },
    });
    expect(session.json().user.name).toBe("Ada Vendor");
  });

  it("refuses a duplicate e-mail with 409 naming the field, and short passwords with 400", async () => {
    const user = await makeUser(t.database.db);
    const dup = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: { name: "X", email: user.email, password: TEST_PASSWORD, workspaceName: "Y" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "conflict", errors: [{ path: "body.email" }] });
    const short = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: { name: "X", email: "short@example.test", password: "123", workspaceName: "Y" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers["content-type"]).toContain("application/problem+json");
    expect(short.json().errors).toContainEqual({
      path: "body.password",
      message: "must be at least 10 characters",
    });
    const noWorkspace = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: { name: "X", email: "nows@example.test", password: TEST_PASSWORD },
    });
    expect(noWorkspace.statusCode).toBe(400);
    expect(noWorkspace.json().errors[0].path).toBe("body.workspaceName");
  });
});

describe("login and logout", () => {
  it("answers an unknown user and a wrong password identically", async () => {
    const user = await makeUser(t.database.db);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: "wrong password!" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "nobody@example.test", password: "wrong password!" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body.replace("nobody@example.test", user.email));
    expect(wrong.json().detail).toBe("E-mail or password is incorrect.");
  });

  it("rate-limits sign-in attempts per account with 429", async () => {
    const user = await makeUser(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: user.email, password: "not the password" },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("logout ends the session on the server, not just the cookie", async () => {
    const user = await makeUser(t.database.db);
    const auth = await signIn(t.app, user.email);
    expect((await call(t.app, auth, "GET", "/api/v1/auth/session")).statusCode).toBe(200);
    expect((await call(t.app, auth, "POST", "/api/v1/auth/logout")).statusCode).toBe(204);
    const after = await call(t.app, auth, "GET", "/api/v1/auth/session");
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("unauthenticated");
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const { email } = await makeUser(t.database.db);
    const auth = await signIn(t.app, email);
    const without = await t.app.inject({
      method: "POST",
      url: "/api/v1/workspaces",
      headers: { cookie: auth.cookie },
      payload: { name: "W" },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toContain("CSRF");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/workspaces",
      headers: { cookie: auth.cookie, "x-csrf-token": "nope" },
      payload: { name: "W" },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await call(t.app, auth, "POST", "/api/v1/workspaces", { name: "W" });
    expect(ok.statusCode).toBe(201);
  });

  it("refuses cross-origin anonymous writes", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { email: "a@example.test", password: "whatever12" },
    });
    expect(r.statusCode).toBe(403);
  });
});
