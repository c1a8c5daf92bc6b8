/**
 * PostgreSQL text cannot hold U+0000, so a string carrying it would fail deep in an INSERT.
 * Refuse it at the edge instead, naming the field, for the body, the query and the path.
 */
import type { FastifyRequest } from "fastify";
import { invalid } from "./problem.ts";

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (depth > 64 || value === null || typeof value !== "object") return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes("\u0000")) return `${path}.${key.replaceAll("\u0000", "\\0")}`;
    const found = findNul(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export async function rejectNulCharacters(request: FastifyRequest) {
  // A URL no route serves is answered 404 whatever it carries: nothing was validated, and a
  // caller without credentials learns nothing more than "no such route".
  if (request.is404) return;
  for (const [part, value] of [
    ["body", request.body],
    ["querystring", request.query],
    ["params", request.params],
  ] as const) {
    const path = findNul(value, part);
    if (path) throw invalid(path, "must not contain the NUL character (U+0000)");
  }
}
