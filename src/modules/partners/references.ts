/** Refusing to delete what plays still use: the conflict message, and the FK error of a lost race. */
import { conflict } from "../../http/problem.ts";

/** PostgreSQL foreign_key_violation (23503), possibly wrapped by drizzle. */
export function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: string; cause?: unknown };
    if (e.code === "23503") return true;
    current = e.cause;
  }
  return false;
}

/** 409 naming the plays that keep `what` (e.g. "This partner") from being deleted. */
export function referencedByPlays(what: string, playNames: readonly string[]) {
  if (playNames.length === 0) return conflict(`${what} is used by a play; remove it from the play first.`);
  const listed = playNames.map((n) => `"${n}"`).join(", ");
  const plural = playNames.length === 1 ? "play" : "plays";
  return conflict(`${what} is used by the ${plural} ${listed}; remove it from them first.`);
}
