import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";

/** The base URL people reach this server at: ECOSTACK_PUBLIC_URL, else the request's own origin. */
export function publicUrlOf(request: FastifyRequest, config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, "");
  return `${request.protocol}://${request.host}`;
}
