import type { z } from "zod";
import { env } from "../config/env";
import { readCsrfToken } from "./csrf";
import { ApiError, codeForStatus, problemSchema } from "./problem";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  method?: Method;
  /** JSON body; omitted entirely (no content-type) when undefined. */
  body?: unknown;
  signal?: AbortSignal;
}

interface ParsedRequestOptions<S extends z.ZodType> extends RequestOptions {
  /** Schema the successful response body is parsed with. */
  schema: S;
}

/**
 * The one way the SPA talks to the API: same-origin cookies, the CSRF header on
 * writes, problem+json errors turned into ApiError, and responses checked by zod.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: ParsedRequestOptions<S>,
): Promise<z.output<S>>;
export async function apiRequest(path: string, options?: RequestOptions): Promise<void>;
export async function apiRequest(
  path: string,
  options: RequestOptions & { schema?: z.ZodType } = {},
): Promise<unknown> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") {
    const csrf = readCsrfToken();
    if (csrf) headers["X-CSRF-Token"] = csrf;
  }
  const init: RequestInit = { method, headers, credentials: "same-origin", signal: options.signal };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}${path}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({
      status: 0,
      code: "network_error",
      title: "Network error",
      detail: "Could not reach the Ecostack server. Check your connection and try again.",
    });
  }

  if (!response.ok) throw await errorFromResponse(response);
  if (!options.schema) return undefined;

  const json: unknown = await response.json().catch(() => undefined);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "invalid_response",
      title: "Unexpected response",
      detail: `The server answered ${method} ${path} with data this version of the app does not understand.`,
    });
  }
  return parsed.data;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => undefined);
  const problem = problemSchema.safeParse(json);
  if (problem.success && (problem.data.detail || problem.data.title)) {
    return ApiError.fromProblem(response.status, problem.data);
  }
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    title: response.statusText || "Request failed",
    detail: `The server answered with status ${response.status}.`,
  });
}
