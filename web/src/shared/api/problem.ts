import { z } from "zod";

/** RFC 9457 problem details, as every Ecostack API error is shaped. */
export const problemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  code: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type Problem = z.infer<typeof problemSchema>;

export interface FieldError {
  path: string;
  message: string;
}

/** An API call that did not succeed: carries the problem's code, detail and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldError[];

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: FieldError[] }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? init.title;
    this.fieldErrors = init.errors ?? [];
  }

  static fromProblem(status: number, problem: Problem): ApiError {
    return new ApiError({
      status,
      code: problem.code ?? codeForStatus(status),
      title: problem.title ?? "Request failed",
      detail: problem.detail,
      errors: problem.errors,
    });
  }
}

export function codeForStatus(status: number): string {
  if (status === 400 || status === 422) return "validation_failed";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status === 503) return "service_unavailable";
  return "internal_error";
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/**
 * Turns `errors[].path` into a map keyed by form field name. Paths may arrive as
 * "email", "/email", "body.email" or "body/email"; the last segment names the field.
 */
export function fieldErrorMap(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const map: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const segments = path.split(/[./]/).filter((segment) => segment !== "" && segment !== "body");
    const field = segments[segments.length - 1];
    if (field !== undefined && map[field] === undefined) map[field] = message;
  }
  return map;
}

/** A human sentence for any error: the problem's detail, or the message. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isApiError(error)) return { title: error.title, detail: error.detail };
  if (error instanceof Error) return { title: "Something went wrong", detail: error.message };
  return { title: "Something went wrong", detail: "An unexpected error occurred." };
}
