/**
 * Resolves who is calling (API key, session cookie or nobody) and enforces the route's Policy.
 * This is the single gate every request passes; handlers read `request.principal` and, on
 * workspace routes, `request.workspace`.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import { authenticateApiKey } from "../modules/apikeys/service.ts";
import { safeEqual } from "../modules/identity/secrets.ts";
import { findSessionByToken } from "../modules/identity/service.ts";
import { requireMembership } from "../modules/workspaces/service.ts";
import type { Policy, Principal, WorkspaceContext } from "./policy.ts";
import { AppError, forbidden, notFound } from "./problem.ts";

export const SESSION_COOKIE = "ecostack_session";
export const CSRF_COOKIE = "ecostack_csrf";
export const WORKSPACE_HEADER = "x-ecostack-workspace";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal;
    workspace: WorkspaceContext | null;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolvePrincipal(db: Db, request: FastifyRequest): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const key = match?.[1] ? await authenticateApiKey(db, match[1]) : undefined;
    if (!key) throw new AppError("unauthenticated", "The API key is invalid or has been revoked.");
    return { kind: "api_key", apiKeyId: key.id, workspaceId: key.workspaceId, role: key.role };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const session = await findSessionByToken(db, token);
    if (session) {
      return {
        kind: "user",
        userId: session.userId,
        sessionId: session.id,
        csrfToken: session.csrfToken,
        currentWorkspaceId: session.currentWorkspaceId,
      };
    }
  }
  return { kind: "anonymous" };
}

/** Cookie-authenticated writes must echo the session's CSRF token; anonymous writes must be same-origin. */
function checkCsrf(request: FastifyRequest, principal: Principal) {
  if (!unsafeMethods.has(request.method)) return;
  if (principal.kind === "user") {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !safeEqual(sent, principal.csrfToken)) {
      throw forbidden("Missing or invalid CSRF token (send the X-CSRF-Token header).");
    }
  } else if (principal.kind === "anonymous") {
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw forbidden("Cross-origin request refused.");
      }
      if (originHost !== request.headers.host) throw forbidden("Cross-origin request refused.");
    }
  }
}

async function resolveWorkspace(db: Db, request: FastifyRequest, principal: Principal, policy: Policy) {
  if (policy.access !== "workspace") return null;
  const header = request.headers[WORKSPACE_HEADER];
  const requested = typeof header === "string" && header !== "" ? header.toLowerCase() : undefined;
  if (requested !== undefined && !uuidPattern.test(requested)) throw notFound("Workspace");
  let context: WorkspaceContext;
  if (principal.kind === "api_key") {
    if (requested !== undefined && requested !== principal.workspaceId) throw notFound("Workspace");
    context = {
      workspaceId: principal.workspaceId,
      role: principal.role,
      actor: { kind: "api_key", apiKeyId: principal.apiKeyId },
    };
  } else if (principal.kind === "user") {
    const workspaceId = requested ?? principal.currentWorkspaceId;
    if (!workspaceId) throw notFound("Workspace");
    const role = await requireMembership(db, workspaceId, principal.userId);
    context = { workspaceId, role, actor: { kind: "user", userId: principal.userId } };
  } else {
    throw new AppError("unauthenticated", "Sign in or send an API key.");
  }
  if (!policy.roles.includes(context.role)) {
    throw forbidden(
      `Your role (${context.role}) may not do this; it needs one of: ${policy.roles.join(", ")}.`,
    );
  }
  return context;
}

export function authGate(db: Db) {
  return async function gate(request: FastifyRequest, _reply: FastifyReply) {
    request.principal = { kind: "anonymous" };
    request.workspace = null;
    const policy = request.routeOptions.config.policy;
    // Unknown routes (404 handler) carry no policy and reach nothing.
    if (!policy) return;
    const principal = await resolvePrincipal(db, request);
    request.principal = principal;
    if (policy.access === "public") {
      checkCsrf(request, principal);
      return;
    }
    if (principal.kind === "anonymous") throw new AppError("unauthenticated", "Sign in or send an API key.");
    if (policy.access === "user" && principal.kind !== "user") {
      throw forbidden("This endpoint is for signed-in people, not API keys.");
    }
    checkCsrf(request, principal);
    request.workspace = await resolveWorkspace(db, request, principal, policy);
  };
}

/** For handlers on workspace routes: the gate has set the context. */
export function workspaceOf(request: FastifyRequest): WorkspaceContext {
  if (!request.workspace) throw new Error("workspaceOf() used on a route without a workspace policy");
  return request.workspace;
}

export function userOf(request: FastifyRequest): Extract<Principal, { kind: "user" }> {
  if (request.principal.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  return request.principal;
}
