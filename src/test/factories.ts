/** Test data with overrides: people, workspaces, sessions and API keys, made through the real services. */
import type { Db } from "../db/client.ts";
import type { ApiApp } from "../http/app.ts";
import type { ApiKeyRole, Role } from "../http/policy.ts";
import { createApiKey } from "../modules/apikeys/service.ts";
import { randomToken } from "../modules/identity/secrets.ts";
import { createUser, type User } from "../modules/identity/service.ts";
import { addMember, createWorkspace, type Workspace } from "../modules/workspaces/service.ts";

export const TEST_PASSWORD = "correct horse battery";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomToken(3).toLowerCase()}`;

export async function makeUser(
  db: Db,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
): Promise<User> {
  const id = unique();
  return createUser(db, {
    email: overrides.email ?? `user-${id}@example.test`,
    name: overrides.name ?? `User ${id}`,
    password: overrides.password ?? TEST_PASSWORD,
  });
}

export async function makeWorkspace(db: Db, overrides: Partial<{ name: string; owner: User }> = {}) {
  const owner = overrides.owner ?? (await makeUser(db));
  const workspace = await createWorkspace(db, {
    name: overrides.name ?? `Vendor ${unique()}`,
    ownerUserId: owner.id,
  });
  return { workspace, owner };
}

export async function makeMember(db: Db, workspace: Workspace, role: Role): Promise<User> {
  const user = await makeUser(db);
  await addMember(db, workspace.id, user.id, role);
  return user;
}

export async function makeApiKey(db: Db, workspace: Workspace, role: ApiKeyRole = "admin"): Promise<string> {
  const { secret } = await createApiKey(
    db,
    { workspaceId: workspace.id, role: "owner", actor: { kind: "cli" } },
    { name: `key ${unique()}`, role },
  );
  return secret;
}

/** Credentials a test request carries: a signed-in session (cookie + CSRF token) or an API key. */
export type Auth =
  | { kind: "session"; cookie: string; csrfToken: string; workspaceId?: string }
  | { kind: "apiKey"; secret: string }
  | { kind: "none" };

export async function signIn(
  app: ApiApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<Auth & { kind: "session" }> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "ecostack_session");
  if (!cookie) throw new Error("no session cookie");
  const body = response.json<{ csrfToken: string }>();
  return { kind: "session", cookie: `ecostack_session=${cookie.value}`, csrfToken: body.csrfToken };
}

export function authHeaders(auth: Auth, method = "GET"): Record<string, string> {
  if (auth.kind === "apiKey") return { authorization: `Bearer ${auth.secret}` };
  if (auth.kind === "none") return {};
  const headers: Record<string, string> = { cookie: auth.cookie };
  if (method !== "GET" && method !== "HEAD") headers["x-csrf-token"] = auth.csrfToken;
  if (auth.workspaceId) headers["x-ecostack-workspace"] = auth.workspaceId;
  return headers;
}

type InjectMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export function call(app: ApiApp, auth: Auth, method: InjectMethod, url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: authHeaders(auth, method),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
