/** Workspace API keys. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { apiKeyRoles, policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { type ApiKey, createApiKey, listApiKeys, revokeApiKey } from "./service.ts";

const isoDate = z.iso.datetime();
export const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(apiKeyRoles),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const presentApiKey = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  createdBy: k.createdBy,
});

export function registerApiKeyRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/api-keys",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["api-keys"],
        summary: "API keys of the current workspace (secrets are never shown again)",
        querystring: pageQuery,
        response: { 200: pageOf(apiKeyView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listApiKeys(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentApiKey), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/api-keys",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["api-keys"],
        summary: "Create an API key; the secret is in this response only",
        body: z.object({ name: z.string().trim().min(1).max(120), role: z.enum(apiKeyRoles) }),
        response: { 201: z.object({ apiKey: apiKeyView, secret: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { apiKey, secret } = await createApiKey(db, workspaceOf(request), request.body);
      return reply.status(201).send({ apiKey: presentApiKey(apiKey), secret });
    },
  );

  app.delete(
    "/api-keys/:id",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiKey(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
