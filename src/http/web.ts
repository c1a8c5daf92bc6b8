/** Serves the built web app (web/dist) and falls back to index.html for client-side routes. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export async function registerWebApp(
  app: FastifyInstance,
): Promise<{ sendIndex(reply: FastifyReply): FastifyReply } | undefined> {
  const index = path.join(webDist, "index.html");
  if (!fs.existsSync(index)) {
    app.log.warn(`web app not built (${index} missing): run "npm run build:web"`);
    return undefined;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, serve: true });
  // Read per request: a rebuild of the web app while the server runs must not leave it pointing at old assets.
  const sendIndex = (reply: FastifyReply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(fs.readFileSync(index, "utf8"));
  app.get("/", { config: { policy: { access: "public" } }, schema: { hide: true } }, (_request, reply) =>
    sendIndex(reply),
  );
  return { sendIndex };
}
