/** Sign-up, login, logout and the current session. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiApp } from "../../http/app.ts";
import { CSRF_COOKIE, SESSION_COOKIE, userOf } from "../../http/auth.ts";
import { policy } from "../../http/policy.ts";
import { AppError } from "../../http/problem.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  emailSchema,
  passwordSchema,
  personNameSchema,
  sessionView,
  workspaceNameSchema,
} from "./schemas.ts";
import {
  authenticate,
  closeSession,
  describeSession,
  openSession,
  SESSION_TTL_MS,
  switchWorkspace,
} from "./service.ts";
import { signUp } from "./signup.ts";

const signupBody = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    workspaceName: workspaceNameSchema.optional(),
    inviteToken: z.string().min(1).max(200).optional(),
  })
  .refine((b) => b.workspaceName !== undefined || b.inviteToken !== undefined, {
    message: "is required (the name of your company's workspace)",
    path: ["workspaceName"],
  });

const loginBody = z.object({ email: emailSchema, password: z.string().min(1).max(256) });

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) {
  const secure = request.protocol === "https";
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: "/", httpOnly: false, sameSite: "lax", secure, maxAge });
}

export function registerIdentityRoutes(app: ApiApp) {
  const { db, config } = app.deps;
  const perIp = app.createRateLimit({
    max: config.login.maxPerIp,
    timeWindow: config.login.windowSeconds * 1000,
    keyGenerator: (request) => `ip:${request.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: config.login.maxPerAccount,
    timeWindow: config.login.windowSeconds * 1000,
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `account:${typeof email === "string" ? email.trim().toLowerCase() : ""}`;
    },
  });

  app.post(
    "/auth/signup",
    {
      config: { policy: policy.public },
      schema: {
        tags: ["auth"],
        summary: "Create an account (and a workspace, or join one with an invitation token)",
        body: signupBody,
        response: { 201: sessionView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { user, workspaceId } = await signUp(db, request.body);
      const { token, session } = await openSession(db, user.id, workspaceId);
      setSessionCookies(request, reply, token, session.csrfToken);
      return reply.status(201).send(await describeSession(db, session.id));
    },
  );

  app.post(
    "/auth/login",
    {
      config: { policy: policy.public },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password",
        body: loginBody,
        response: { 200: sessionView, ...problemResponses },
      },
    },
    async (request, reply) => {
      for (const limiter of [perIp, perAccount]) {
        const limit = await limiter(request);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header("retry-after", String(Math.ceil(limit.ttlInSeconds ?? config.login.windowSeconds)));
          throw new AppError("rate_limited", "Too many sign-in attempts; wait a few minutes and try again.");
        }
      }
      const user = await authenticate(db, request.body.email, request.body.password);
      const { token, session } = await openSession(db, user.id, null);
      setSessionCookies(request, reply, token, session.csrfToken);
      return describeSession(db, session.id);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { policy: policy.user },
      schema: {
        tags: ["auth"],
        summary: "End the current session",
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await closeSession(db, userOf(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { policy: policy.user },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, their workspaces and the CSRF token",
        response: { 200: sessionView, ...problemResponses },
      },
    },
    async (request) => describeSession(db, userOf(request).sessionId),
  );

  app.put(
    "/auth/session/workspace",
    {
      config: { policy: policy.user },
      schema: {
        tags: ["auth"],
        summary: "Switch the session's current workspace",
        body: z.object({ workspaceId: z.uuid() }),
        response: { 200: sessionView, ...problemResponses },
      },
    },
    async (request) => {
      const principal = userOf(request);
      await switchWorkspace(db, principal.sessionId, principal.userId, request.body.workspaceId);
      return describeSession(db, principal.sessionId);
    },
  );
}
