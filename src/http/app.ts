/**
 * Builds the HTTP application: plugins, the auth gate, error handling, every module's routes
 * under /api/v1, the OpenAPI document and the web app. No port is opened here, so tests drive
 * it in process with `app.inject()`.
 */
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { Database, Db } from "../db/client.ts";
import { registerOpportunityRoutes } from "../modules/accounts/opportunity-routes.ts";
import { registerAccountRoutes } from "../modules/accounts/routes.ts";
import { registerApiKeyRoutes } from "../modules/apikeys/routes.ts";
import { registerAuditRoutes } from "../modules/audit/routes.ts";
import { registerExportRoutes } from "../modules/exports/routes.ts";
import { registerHealthRoutes } from "../modules/health/routes.ts";
import { registerIcpRoutes } from "../modules/icps/routes.ts";
import { registerIdentityRoutes } from "../modules/identity/routes.ts";
import { registerImportRoutes } from "../modules/imports/routes.ts";
import { registerJobRoutes } from "../modules/jobs/routes.ts";
import { registerJourneyRoutes } from "../modules/journey/routes.ts";
import { registerMappingRoutes } from "../modules/mapping/routes.ts";
import { registerPartnerRoutes } from "../modules/partners/routes.ts";
import { registerPlayRoutes } from "../modules/plays/routes.ts";
import { registerSharingRoutes } from "../modules/sharing/routes.ts";
import { registerSolutionRoutes } from "../modules/solutions/routes.ts";
import { registerStackRoutes } from "../modules/stack/routes.ts";
import { registerVcocRoutes } from "../modules/vcoc/routes.ts";
import { registerWorkspaceRoutes } from "../modules/workspaces/routes.ts";
import { authGate } from "./auth.ts";
import { registerDocsRoutes } from "./docs.ts";
import { installErrorHandling, sendProblem } from "./errors.ts";
import { rejectNulCharacters } from "./nul.ts";
import type { Policy } from "./policy.ts";
import { registerWebApp } from "./web.ts";

export type AppDeps = { database: Database; config: Config };

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps & { db: Db };
    /** Every route registered, with its policy: the input of the route-coverage tests. */
    routeTable: { method: string; url: string; policy: Policy | undefined }[];
  }
}

export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

function describePolicy(policy: Policy): string {
  if (policy.access === "public") return "Anyone (no authentication).";
  if (policy.access === "user") return "A signed-in user (session cookie). API keys are refused.";
  return `Members of the current workspace with role: ${policy.roles.join(", ")} (session cookie or API key).`;
}

export async function buildApp(deps: AppDeps, options: { serveWeb?: boolean } = {}): Promise<ApiApp> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    // One structured line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: false,
    routerOptions: { maxParamLength: 500 },
    // Errors the router raises before any route runs get the same problem+json shape.
    frameworkErrors: (error, request, reply) => {
      if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
        return sendProblem(request, reply, "validation_failed", "A path segment of the URL is too long.");
      }
      if (error.code === "FST_ERR_BAD_URL")
        return sendProblem(request, reply, "validation_failed", "The URL is malformed.");
      request.log.error({ err: error }, "router error");
      return sendProblem(
        request,
        reply,
        "internal_error",
        "Something went wrong on our side. It has been logged.",
      );
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("deps", { ...deps, db: deps.database.db });
  app.decorate("routeTable", []);
  // Set on every request by the auth gate (reference-type decorations must start as null).
  app.decorateRequest("principal", null, []);
  app.decorateRequest("workspace", null, []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // A route without a declared policy is a bug: refuse to start rather than serve it open.
  app.addHook("onRoute", (route: RouteOptions) => {
    const config = (route.config ?? {}) as { policy?: Policy; file?: unknown };
    // Files of the built web app (registered by @fastify/static) are public by nature.
    if (!config.policy && typeof config.file === "string") config.policy = { access: "public" };
    route.config = config;
    const policy = config.policy;
    if (!policy)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no policy (config.policy).`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) app.routeTable.push({ method, url: route.url, policy });
    if (policy && route.schema) {
      const schema = route.schema as Record<string, unknown>;
      const who = `**Who may call:** ${describePolicy(policy)}`;
      // GET and its automatic HEAD share one schema object: describe it once.
      const description = schema.description ? String(schema.description) : "";
      if (!description.includes("**Who may call:**"))
        schema.description = description ? `${description}\n\n${who}` : who;
      schema.security =
        policy.access === "public"
          ? []
          : policy.access === "user"
            ? [{ session: [] }]
            : [{ session: [] }, { apiKey: [] }];
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Ecostack API",
        version: "1",
        description:
          "Design and run your partner ecosystem. Errors are RFC 9457 problem+json with a stable `code`. " +
          "Lists are cursor-paginated (`limit`, `cursor` → `nextCursor`). Authenticate with a workspace API key " +
          "(`Authorization: Bearer esk_…`) or a session cookie plus `X-CSRF-Token` on writes.",
      },
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "Workspace API key (esk_…)" },
          session: { type: "apiKey", in: "cookie", name: "ecostack_session" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split("?")[0],
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        principal: request.principal?.kind,
        workspaceId: request.workspace?.workspaceId,
      },
      "request",
    );
  });
  app.addHook("onRequest", authGate(deps.database.db));
  app.addHook("preValidation", rejectNulCharacters);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>() as ApiApp;
      registerIdentityRoutes(typed);
      registerWorkspaceRoutes(typed);
      registerApiKeyRoutes(typed);
      registerJobRoutes(typed);
      registerJourneyRoutes(typed);
      registerIcpRoutes(typed);
      registerStackRoutes(typed);
      registerPartnerRoutes(typed);
      registerSolutionRoutes(typed);
      registerAccountRoutes(typed);
      registerOpportunityRoutes(typed);
      registerVcocRoutes(typed);
      registerPlayRoutes(typed);
      registerImportRoutes(typed);
      registerMappingRoutes(typed);
      registerExportRoutes(typed);
      registerAuditRoutes(typed);
      registerSharingRoutes(typed);
    },
    { prefix: "/api/v1" },
  );
  registerHealthRoutes(app);
  registerDocsRoutes(app);

  const web = options.serveWeb ? await registerWebApp(app) : undefined;
  app.setNotFoundHandler((request, reply) => {
    if (web && request.method === "GET" && !request.url.startsWith("/api")) return web.sendIndex(reply);
    return sendProblem(
      request,
      reply,
      "not_found",
      `No route ${request.method} ${request.url.split("?")[0]}.`,
    );
  });

  await app.ready();
  return app;
}
