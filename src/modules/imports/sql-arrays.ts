/**
 * PostgreSQL array literals for set-based statements over a modest list (a batch's row errors, the
 * account references it names): one text[] per column (unnest in SQL) instead of a parameter per
 * cell. Import rows themselves go in by COPY (src/db/copy.ts).
 */

/** `{"a","b\"c",NULL}`: every element quoted, backslashes and quotes escaped, null as NULL. */
export function textArrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = "NULL";
    else {
      // PostgreSQL text cannot hold NUL; a stray one in a CRM cell is dropped rather than failing the batch.
      const text = String(value).replace(/\0/g, "");
      parts[i] = /["\\]/.test(text) ? `"${text.replace(/[\\"]/g, "\\$&")}"` : `"${text}"`;
    }
  }
  return `{${parts.join(",")}}`;
}
