import type { z } from "zod";
import { fieldErrorMap } from "../api/problem";

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Splits a failed submission into messages for the form's own fields and whether an
 * alert is still needed (for problems that name no field on this form).
 */
export function splitErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fieldErrors: FieldErrors<F>; showAlert: boolean } {
  if (!error) return { fieldErrors: {}, showAlert: false };
  const byPath = fieldErrorMap(error);
  const fieldErrors: FieldErrors<F> = {};
  for (const field of fields) {
    const message = byPath[field];
    if (message) fieldErrors[field] = message;
  }
  return { fieldErrors, showAlert: Object.keys(fieldErrors).length === 0 };
}

/** Checks form values in the browser with the same rules the API applies. */
export function validateForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
