/**
 * Every failure is an RFC 9457 problem with a stable code: malformed or oversized bodies, unknown
 * routes, wrong content types, validation (naming the field), unexpected errors (no stack, no
 * SQL), an unreachable or closed database (503 + Retry-After); plus cursor pagination.
 */
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { openPostgres } from "../db/client.ts";
import { createApiKey } from "../modules/apikeys/service.ts";
import { openSession, type User } from "../modules/identity/service.ts";
import { createInvitation } from "../modules/workspaces/invitations.ts";
import type { Workspace } from "../modules/workspaces/service.ts";
import { memberships } from "../modules/workspaces/tables.ts";
import { createTestApp, type TestApp } from "../test/app.ts";
import { makeApiKey, makeMember, makeUser, makeWorkspace, TEST_PASSWORD } from "../test/factories.ts";
import { buildApp } from "./app.ts";
import { problemCodes } from "./problem.ts";

type Response = LightMyRequestResponse;
type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
};

const BODY_LIMIT = 1024;

/** The codes clients may rely on, with their statuses. Changing this list is a breaking change. */
const stableCodes = {
  validation_failed: 400,
  invalid_file: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

/** Asserts a problem+json response with the given status and code, and no internals in it. */
function expectProblem(response: Response, status: number, code: keyof typeof stableCodes): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = response.json<Problem>();
  expect(problem).toMatchObject({ status, code, type: `/api/docs#problem-${code}` });
  expect(typeof problem.title).toBe("string");
  expect(typeof problem.detail).toBe("string");
  expectNoInternals(response.body);
  return problem;
}

function expectNoInternals(body: string) {
  expect(body).not.toMatch(/\bstack\b/i);
  expect(body).not.toMatch(/\bat\s+\S+\s+\(\S*:\d+:\d+\)|\bat\s+(?:file|node):|\n\s+at\s/);
  expect(body).not.toMatch(/\bSELECT\b|\bINSERT\b|\bUPDATE\b|\bfrom\s+"/i);
  expect(body).not.toMatch(/drizzle|pglite|node_modules|\.ts:\d+/i);
}

let t: TestApp;
let workspace: Workspace;
let owner: User;
let session: { cookie: string; csrfToken: string };
let apiKey: string;

async function sessionOf(user: User, workspaceId: string | null) {
  const { token, session: s } = await openSession(t.database.db, user.id, workspaceId);
  return { cookie: `ecostack_session=${token}`, csrfToken: s.csrfToken };
}

beforeAll(async () => {
  t = await createTestApp({ bodyLimit: BODY_LIMIT });
  ({ workspace, owner } = await makeWorkspace(t.database.db));
  session = await sessionOf(owner, workspace.id);
  apiKey = await makeApiKey(t.database.db, workspace, "admin");
});

afterAll(async () => {
  await t?.close();
});

const asOwner = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" = "GET") => ({
  cookie: session.cookie,
  ...(method === "GET" ? {} : { "x-csrf-token": session.csrfToken }),
});

describe("the problem codes", () => {
  it("are exactly the stable list, with their statuses and titles", () => {
    expect(Object.keys(problemCodes).sort()).toEqual(Object.keys(stableCodes).sort());
    for (const [code, { status, title }] of Object.entries(problemCodes)) {
      expect(status, code).toBe(stableCodes[code as keyof typeof stableCodes]);
      expect(title.length, code).toBeGreaterThan(0);
    }
  });
});

describe("request bodies", () => {
  it("answers malformed JSON with 400 validation_failed", async () => {
    for (const payload of ['{"email": "a@example.test", ', "{'a':1}", "[1,]", "nul", "{}{}"]) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload,
      });
      const problem = expectProblem(r, 400, "validation_failed");
      expect(problem.detail).toBe("The request body is not valid JSON.");
      expect(problem.instance).toBe("/api/v1/auth/login");
    }
  });

  it("answers an empty body declared as JSON with 400 validation_failed", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/workspaces",
      headers: { ...asOwner("POST"), "content-type": "application/json" },
      payload: "",
    });
    expectProblem(r, 400, "validation_failed");
  });

  it("answers a body over bodyLimit with 413 payload_too_large, with or without Content-Length", async () => {
    const big = { email: "big@example.test", password: "x".repeat(BODY_LIMIT) };
    const declared = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: big });
    expectProblem(declared, 413, "payload_too_large");
    // Streamed without a Content-Length: the limit is enforced while reading.
    const streamed = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: Readable.from([Buffer.from(JSON.stringify(big))]),
    });
    expectProblem(streamed, 413, "payload_too_large");
    // Authenticated routes too.
    const authed = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { authorization: `Bearer ${apiKey}` },
      payload: { name: "y".repeat(BODY_LIMIT), role: "viewer" },
    });
    expectProblem(authed, 413, "payload_too_large");
    // Just under the limit is parsed (and then validated).
    const under = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "big@example.test", password: "x".repeat(BODY_LIMIT - 100) },
    });
    expectProblem(under, 400, "validation_failed");
  });

  it("answers a text/plain body on a JSON route with a 400 problem naming the body", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "email=a@example.test&password=whatever",
    });
    const problem = expectProblem(r, 400, "validation_failed");
    expect(problem.errors?.[0]?.path).toBe("body");
  });

  it("answers other content types with 415 unsupported_media_type", async () => {
    for (const contentType of [
      "application/xml",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/workspaces",
        headers: { ...asOwner("POST"), "content-type": contentType },
        payload: "name=Acme",
      });
      expectProblem(r, 415, "unsupported_media_type");
    }
  });

  it("refuses prototype-polluting JSON", async () => {
    const r = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/workspace",
      headers: { ...asOwner("PATCH"), "content-type": "application/json" },
      payload: '{"name":"Polluted","__proto__":{"role":"owner"}}',
    });
    expectProblem(r, 400, "validation_failed");
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

describe("unknown routes", () => {
  it("answers an unknown /api route or method with a 404 problem", async () => {
    const cases: { method: "GET" | "POST" | "PUT" | "DELETE"; url: string; instance: string }[] = [
      { method: "GET", url: "/api/v1/nothing-here", instance: "/api/v1/nothing-here" },
      { method: "GET", url: "/api/v1/nothing-here?token=secret", instance: "/api/v1/nothing-here" },
      { method: "POST", url: "/api/v2/auth/login", instance: "/api/v2/auth/login" },
      { method: "PUT", url: "/api/v1/members", instance: "/api/v1/members" },
      { method: "DELETE", url: "/api/v1/workspace", instance: "/api/v1/workspace" },
      { method: "GET", url: "/api", instance: "/api" },
    ];
    for (const c of cases) {
      const r = await t.app.inject({ method: c.method, url: c.url, headers: asOwner(c.method) });
      const problem = expectProblem(r, 404, "not_found");
      expect(problem.instance).toBe(c.instance);
      expect(problem.detail).toBe(`No route ${c.method} ${c.instance}.`);
      expect(r.body).not.toContain("secret");
    }
  });
});

describe("malformed URLs", () => {
  it("answer over-long and malformed path parameters with problems, not the router's own JSON", async () => {
    // Within the token schema (≤ 200 characters): simply not found.
    expectProblem(
      await t.app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${"x".repeat(150)}` }),
      404,
      "not_found",
    );
    // Over the schema: the parameter is named.
    const overSchema = await t.app.inject({
      method: "GET",
      url: `/api/v1/invitations/by-token/${"x".repeat(201)}`,
    });
    expect(expectProblem(overSchema, 400, "validation_failed").errors?.[0]?.path).toBe("params.token");
    // Far over anything the router accepts, on a public and on a protected route.
    for (const url of [
      `/api/v1/invitations/by-token/${"x".repeat(5_000)}`,
      `/api/v1/members/${"y".repeat(5_000)}`,
    ]) {
      const r = await t.app.inject({ method: "DELETE", url, headers: { authorization: `Bearer ${apiKey}` } });
      expect(r.statusCode, url.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expectProblem(r, r.statusCode, r.statusCode === 404 ? "not_found" : "validation_failed");
      expect(r.body).not.toContain("FST_ERR");
    }
    // A broken percent-escape.
    for (const url of ["/api/v1/invitations/by-token/%E0%A4%A", "/api/v1/members/%zz", "/api/v1/no-such/%"]) {
      const r = await t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${apiKey}` } });
      expectProblem(r, 400, "validation_failed");
      expect(r.body, url).not.toContain("FST_ERR");
    }
  });
});

describe("text containing U+0000", () => {
  // PostgreSQL text cannot hold U+0000: it must be refused as invalid input, never reach an INSERT.
  const cases: {
    name: string;
    method: "POST" | "PATCH";
    url: string;
    field: string;
    payload: () => Record<string, unknown>;
  }[] = [
    {
      name: "workspace name",
      method: "POST",
      url: "/api/v1/workspaces",
      field: "body.name",
      payload: () => ({ name: "a\u0000b" }),
    },
    {
      name: "rename",
      method: "PATCH",
      url: "/api/v1/workspace",
      field: "body.name",
      payload: () => ({ name: "a\u0000b" }),
    },
    {
      name: "API key name",
      method: "POST",
      url: "/api/v1/api-keys",
      field: "body.name",
      payload: () => ({ name: "a\u0000b", role: "viewer" }),
    },
    {
      name: "sign-up name",
      method: "POST",
      url: "/api/v1/auth/signup",
      field: "body.name",
      payload: () => ({
        name: "a\u0000b",
        email: `nul-${Date.now()}@example.test`,
        password: TEST_PASSWORD,
        workspaceName: "W",
      }),
    },
    {
      name: "sign-up workspace name",
      method: "POST",
      url: "/api/v1/auth/signup",
      field: "body.workspaceName",
      payload: () => ({
        name: "N",
        email: `nul-ws-${Date.now()}@example.test`,
        password: TEST_PASSWORD,
        workspaceName: "a\u0000b",
      }),
    },
  ];
  for (const c of cases) {
    it(`is refused with 400 naming the field: ${c.method} ${c.url} (${c.name})`, async () => {
      const r = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: asOwner(c.method),
        payload: c.payload(),
      });
      const problem = expectProblem(r, 400, "validation_failed");
      expect(problem.errors?.[0]?.path).toBe(c.field);
    });
  }

  it("is refused in the query and in path parameters too", async () => {
    const query = await t.app.inject({
      method: "GET",
      url: "/api/v1/members?cursor=a%00b",
      headers: asOwner(),
    });
    expect(expectProblem(query, 400, "validation_failed").errors?.[0]?.path).toMatch(/cursor$/);
    const param = await t.app.inject({ method: "GET", url: "/api/v1/invitations/by-token/a%00b" });
    expect(expectProblem(param, 400, "validation_failed").errors?.[0]?.path).toBe("params.token");
  });

  it("is not looked for on a URL no route serves: that is a 404, with or without credentials", async () => {
    // "/links/./partners" collapses to "/links/partners", which no PUT route serves.
    for (const headers of [{}, asOwner("PUT")]) {
      const r = await t.app.inject({
        method: "PUT",
        url: "/api/v1/value-chain/links/./partners",
        headers,
        payload: { "": "\u0000" },
      });
      expect(r.statusCode, r.body).toBe(404);
    }
  });
});

describe("validation errors", () => {
  it("list every invalid field with its path", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: { name: "", email: "not-an-email", password: "short", workspaceName: "W" },
    });
    const problem = expectProblem(r, 400, "validation_failed");
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.email", "body.password"]));
    for (const e of problem.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
    expect(problem.detail).toBe(`${problem.errors?.[0]?.path}: ${problem.errors?.[0]?.message}`);
  });

  it("name missing fields, wrong types, enums, path parameters and the query", async () => {
    const missing = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} });
    expect(expectProblem(missing, 400, "validation_failed").errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["body.email", "body.password"]),
    );
    const wrongType = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { authorization: `Bearer ${apiKey}` },
      payload: { name: 42, role: "owner" },
    });
    expect(expectProblem(wrongType, 400, "validation_failed").errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["body.name", "body.role"]),
    );
    const param = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/members/not-a-uuid",
      headers: { authorization: `Bearer ${apiKey}` },
      payload: { role: "viewer" },
    });
    expect(expectProblem(param, 400, "validation_failed").errors?.[0]?.path).toBe("params.userId");
    const query = await t.app.inject({
      method: "GET",
      url: "/api/v1/members?limit=many",
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(expectProblem(query, 400, "validation_failed").errors?.[0]?.path).toBe("querystring.limit");
  });
});

describe("unexpected errors", () => {
  it("answer 500 internal_error without a stack or the cause", async () => {
    // A role no code knows, stored behind the API's back: requireMembership() throws a plain Error.
    const { workspace: corrupt } = await makeWorkspace(t.database.db);
    const user = await makeUser(t.database.db);
    await t.database.db
      .insert(memberships)
      .values({ workspaceId: corrupt.id, userId: user.id, role: "superuser" });
    const s = await sessionOf(user, corrupt.id);
    const r = await t.app.inject({ method: "GET", url: "/api/v1/workspace", headers: { cookie: s.cookie } });
    const problem = expectProblem(r, 500, "internal_error");
    expect(problem.detail).toBe("Something went wrong on our side. It has been logged.");
    expect(r.body).not.toContain("superuser");
    expect(r.body).not.toContain("Unknown role");
  });

  it("answer a failing SQL statement with 500 internal_error, showing no SQL", async () => {
    await t.database.db.execute(sql.raw(`ALTER TABLE "invitations" RENAME TO "invitations_hidden"`));
    try {
      const r = await t.app.inject({ method: "GET", url: "/api/v1/invitations", headers: asOwner() });
      expectProblem(r, 500, "internal_error");
      expect(r.body).not.toMatch(/invitations_hidden|relation|does not exist|42P01/i);
    } finally {
      await t.database.db.execute(sql.raw(`ALTER TABLE "invitations_hidden" RENAME TO "invitations"`));
    }
    const after = await t.app.inject({ method: "GET", url: "/api/v1/invitations", headers: asOwner() });
    expect(after.statusCode).toBe(200);
  });
});

describe("database availability", () => {
  it("reports a healthy database", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: "ok",
      database: { status: "up", driver: t.database.driver },
    });
    expect(r.json().database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("answers 503 service_unavailable with Retry-After when the database is unreachable", async () => {
    const database = openPostgres("postgres://root@127.0.0.1:1/nothing");
    const app = await buildApp({ database, config: loadConfig({ ECOSTACK_LOG_LEVEL: "silent" }) });
    try {
      const requests = [
        {
          method: "POST" as const,
          url: "/api/v1/auth/login",
          payload: { email: "someone@example.test", password: TEST_PASSWORD },
        },
        {
          method: "GET" as const,
          url: "/api/v1/workspace",
          headers: { authorization: `Bearer esk_${"a".repeat(43)}` },
        },
        { method: "GET" as const, url: "/api/v1/auth/session", headers: { cookie: "ecostack_session=abc" } },
      ];
      for (const request of requests) {
        const r = await app.inject(request);
        const problem = expectProblem(r, 503, "service_unavailable");
        expect(Number(r.headers["retry-after"]), request.url).toBeGreaterThan(0);
        expect(problem.detail).toBe("The database is unavailable; try again shortly.");
        expect(r.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432|:1\b/);
      }
      const health = await app.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(503);
      expect(Number(health.headers["retry-after"])).toBeGreaterThan(0);
      expect(health.json()).toMatchObject({
        status: "degraded",
        database: { status: "down", driver: "postgres" },
      });
      // Routes that need no database keep working.
      const anonymous = await app.inject({ method: "GET", url: "/api/v1/members" });
      expectProblem(anonymous, 401, "unauthenticated");
    } finally {
      await app.close();
      await database.close();
    }
  });

  it("answers 503 once the database has been closed under a running app", async () => {
    const t2 = await createTestApp();
    try {
      const { workspace: w2 } = await makeWorkspace(t2.database.db);
      const key = await makeApiKey(t2.database.db, w2, "viewer");
      await t2.database.close();
      const r = await t2.app.inject({
        method: "GET",
        url: "/api/v1/workspace",
        headers: { authorization: `Bearer ${key}` },
      });
      expectProblem(r, 503, "service_unavailable");
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
      const health = await t2.app.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(503);
      expect(health.json().database.status).toBe("down");
    } finally {
      await t2.close();
    }
  });
});

describe("cursor pagination", () => {
  type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

  /** Follows nextCursor from the first page to the end, returning each page's keys. */
  async function walk(url: string, headers: Record<string, string>, key: string, limit: number) {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${limit}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
      const r = await t.app.inject({ method: "GET", url: `${url}?${query}`, headers });
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json<Page>();
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page.items.map((item) => String(item[key])));
      cursor = page.nextCursor;
      expect(pages.length, "the walk does not end").toBeLessThan(100);
    } while (cursor !== null);
    return pages;
  }

  let paged: { workspace: Workspace; owner: User; headers: Record<string, string> };
  beforeAll(async () => {
    const made = await makeWorkspace(t.database.db);
    const s = await sessionOf(made.owner, made.workspace.id);
    paged = { ...made, headers: { cookie: s.cookie } };
  });

  it("walks the members 2 at a time: owner + 5 members, each exactly once, in order", async () => {
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await makeMember(t.database.db, paged.workspace, "viewer"));
    const expected = [paged.owner.id, ...members.map((m) => m.id)].sort();
    const pages = await walk("/api/v1/members", paged.headers, "userId", 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    const seen = pages.flat();
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(6);
    // The same order as one big page.
    const whole = await t.app.inject({
      method: "GET",
      url: "/api/v1/members?limit=200",
      headers: paged.headers,
    });
    expect(whole.json<Page>().items.map((m) => m.userId)).toEqual(seen);
    expect(whole.json<Page>().nextCursor).toBeNull();
  });

  it("walks invitations and API keys the same way", async () => {
    const ctx = { workspaceId: paged.workspace.id, role: "owner" as const, actor: { kind: "cli" as const } };
    const invitationIds: string[] = [];
    const keyIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { invitation } = await createInvitation(t.database.db, ctx, {
        email: `paged-${i}-${Date.now()}@example.test`,
        role: "viewer",
      });
      invitationIds.push(invitation.id);
      keyIds.push((await createApiKey(t.database.db, ctx, { name: `paged ${i}`, role: "viewer" })).apiKey.id);
    }
    for (const [url, ids] of [
      ["/api/v1/invitations", invitationIds],
      ["/api/v1/api-keys", keyIds],
    ] as const) {
      for (const limit of [1, 2, 3, 5, 6]) {
        const seen = (await walk(url, paged.headers, "id", limit)).flat();
        expect(seen, `${url} limit=${limit}`).toEqual([...ids].sort());
      }
    }
  });

  it("answers a garbage cursor with 400 naming the cursor", async () => {
    const garbage = [
      "garbage",
      "!!!",
      Buffer.from("not-a-uuid").toString("base64url"),
      Buffer.from("1; DROP TABLE users").toString("base64url"),
    ];
    for (const list of ["/api/v1/members", "/api/v1/invitations", "/api/v1/api-keys"]) {
      for (const cursor of garbage) {
        const r = await t.app.inject({
          method: "GET",
          url: `${list}?cursor=${encodeURIComponent(cursor)}`,
          headers: paged.headers,
        });
        const problem = expectProblem(r, 400, "validation_failed");
        expect(problem.errors?.[0]?.path, `${list} ${cursor}`).toBe("querystring.cursor");
      }
    }
    const tooLong = await t.app.inject({
      method: "GET",
      url: `/api/v1/members?cursor=${"a".repeat(201)}`,
      headers: paged.headers,
    });
    expect(expectProblem(tooLong, 400, "validation_failed").errors?.[0]?.path).toBe("querystring.cursor");
  });

  it("answers a limit outside 1..200 with 400 naming the limit", async () => {
    for (const limit of ["0", "1000", "201", "-1", "2.5", "abc", ""]) {
      const r = await t.app.inject({
        method: "GET",
        url: `/api/v1/members?limit=${limit}`,
        headers: paged.headers,
      });
      const problem = expectProblem(r, 400, "validation_failed");
      expect(problem.errors?.[0]?.path, `limit=${limit}`).toBe("querystring.limit");
    }
    for (const limit of ["1", "200"]) {
      const r = await t.app.inject({
        method: "GET",
        url: `/api/v1/members?limit=${limit}`,
        headers: paged.headers,
      });
      expect(r.statusCode, `limit=${limit}`).toBe(200);
    }
  });
});
