/** Turns every error into problem+json: no stack, no SQL, a stable code, and the field when known. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { AppError, type FieldError, type ProblemCode, problemCodes, toProblem } from "./problem.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
) {
  const problem = toProblem(code, detail, {
    instance: request.url.split("?")[0] ?? "/",
    ...(errors ? { errors } : {}),
  });
  if (code === "service_unavailable") reply.header("retry-after", "5");
  return reply.status(problemCodes[code].status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

type ZodIssueLike = {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
};

function fieldErrorsFromValidation(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? "body";
  return (error.validation ?? []).map((issue: ZodIssueLike) => {
    const fromPath = issue.instancePath?.replace(/^\//, "").replaceAll("/", ".");
    const path = fromPath || (issue.params?.issue?.path ?? []).map(String).join(".");
    return { path: path ? `${context}.${path}` : context, message: issue.message ?? "is invalid" };
  });
}

const fastifyCodes: Record<string, { code: ProblemCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "validation_failed", detail: "The request body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "validation_failed",
    detail: "The request body is empty but Content-Type is application/json.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "payload_too_large",
    detail: "The request body is larger than allowed.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    detail: "This Content-Type is not accepted; send application/json.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "validation_failed",
    detail: "Content-Length does not match the body.",
  },
  FST_ERR_CTP_INVALID_TYPE: { code: "validation_failed", detail: "The Content-Type header is invalid." },
};

const requestPart = /^(body|querystring|params|headers)(\.|$)/;

/**
 * Services name domain fields ("email"); over HTTP a field path says where it was sent
 * ("body.email"), like the schema validation errors do.
 */
function locateFieldErrors(error: AppError): { detail: string; errors?: FieldError[] } {
  if (!error.errors) return { detail: error.message };
  const errors = error.errors.map((e) => (requestPart.test(e.path) ? e : { ...e, path: `body.${e.path}` }));
  const first = error.errors[0];
  const detail =
    first && errors[0] && error.message.startsWith(`${first.path}:`)
      ? `${errors[0].path}${error.message.slice(first.path.length)}`
      : error.message;
  return { detail, errors };
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const located = locateFieldErrors(error);
      return sendProblem(request, reply, error.code, located.detail, located.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const errors = fieldErrorsFromValidation(error);
      const first = errors[0];
      return sendProblem(
        request,
        reply,
        "validation_failed",
        first ? `${first.path}: ${first.message}` : "The request is invalid.",
        errors,
      );
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(request, reply, known.code, known.detail);
    if (error.statusCode === 429)
      return sendProblem(request, reply, "rate_limited", "Too many attempts; try again later.");
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return sendProblem(
        request,
        reply,
        "service_unavailable",
        "The database is unavailable; try again shortly.",
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code: ProblemCode =
        error.statusCode === 404
          ? "not_found"
          : error.statusCode === 413
            ? "payload_too_large"
            : "validation_failed";
      return sendProblem(request, reply, code, error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      request,
      reply,
      "internal_error",
      "Something went wrong on our side. It has been logged.",
    );
  });
}

export { sendProblem };
