/** Liveness and database state, for people, load balancers and the e2e harness. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { policy } from "../../http/policy.ts";

const healthView = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({
    status: z.enum(["up", "down"]),
    driver: z.enum(["pglite", "postgres"]),
    latencyMs: z.number(),
  }),
});

const PING_TIMEOUT_MS = 2_000;

export function registerHealthRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  app.get(
    "/api/health",
    {
      config: { policy: policy.public },
      schema: {
        tags: ["health"],
        summary: "Server and database state (503 with Retry-After when the database is down)",
        response: { 200: healthView, 503: healthView },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      let up = true;
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("ping timeout")), PING_TIMEOUT_MS).unref(),
          ),
        ]);
      } catch {
        up = false;
      }
      const body: z.infer<typeof healthView> = {
        status: up ? "ok" : "degraded",
        database: {
          status: up ? "up" : "down",
          driver: database.driver,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
      };
      if (!up) reply.header("retry-after", "5");
      return reply.status(up ? 200 : 503).send(body);
    },
  );
}
