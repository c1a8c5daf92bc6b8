import { isApiError } from "../../../shared/api/problem";

/** API field errors under body.criteria, keyed "<index>.<field>" for the criteria editor. */
export function criteriaErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const byPath: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const match = /^body\.criteria\.(\d+)\.(.+)$/.exec(fieldError.path);
    if (match?.[1] !== undefined && match[2] !== undefined)
      byPath[`${match[1]}.${match[2]}`] = fieldError.message;
  }
  return byPath;
}
