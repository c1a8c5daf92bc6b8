import { useState } from "react";
import type { z } from "zod";
import { splitErrors, validateForm } from "./form-errors";

/** What a form needs of its mutation to show, and forget, the last submission's problem. */
interface Submission {
  error: unknown;
  isError: boolean;
  reset: () => void;
}

/**
 * The messages under a form's fields: the browser's own check of the values first, else what the
 * API said of the last submission. `showAlert` when that problem names none of the form's fields.
 */
export function useFormErrors<F extends string>(submission: Submission, fields: readonly F[]) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { fieldErrors, showAlert } = splitErrors(submission.error, fields);
  return {
    showAlert,
    errorOf: (field: F): string | undefined => clientErrors[field] ?? fieldErrors[field],
    /** Checks the values with the API's rules: the valid input, or null with the messages shown. */
    check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
      const checked = validateForm(schema, values);
      setClientErrors(checked.ok ? {} : checked.errors);
      return checked.ok ? checked.data : null;
    },
    /** Shows messages of a rule the schema cannot express (one field depending on another). */
    setClientErrors,
    /** A server error describes the last submission; editing starts a new one. */
    clearServerError: () => {
      if (submission.isError) submission.reset();
    },
  };
}
