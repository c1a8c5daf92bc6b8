/**
 * The one error shape of the API: RFC 9457 problem details with a stable `code`.
 * Services throw AppError; the HTTP error handler turns everything into a Problem.
 */
export const problemCodes = {
  validation_failed: { status: 400, title: "Validation failed" },
  /** An uploaded file that cannot be read as CSV (empty, binary, unclosed quote…). */
  invalid_file: { status: 400, title: "Invalid file" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ProblemCode = keyof typeof problemCodes;

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  instance?: string;
  errors?: FieldError[];
};

export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }

  get status(): number {
    return problemCodes[this.code].status;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const conflict = (why: string, path?: string) =>
  new AppError("conflict", why, path ? [{ path, message: why }] : undefined);
export const invalid = (path: string, message: string) =>
  new AppError("validation_failed", `${path}: ${message}`, [{ path, message }]);

export function toProblem(
  code: ProblemCode,
  detail: string,
  extra?: { instance?: string; errors?: FieldError[] },
): Problem {
  const { status, title } = problemCodes[code];
  return {
    type: `/api/docs#problem-${code}`,
    title,
    status,
    code,
    detail,
    ...(extra?.instance ? { instance: extra.instance } : {}),
    ...(extra?.errors ? { errors: extra.errors } : {}),
  };
}
