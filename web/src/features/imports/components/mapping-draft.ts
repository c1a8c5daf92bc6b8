import type { ImportField } from "../api/import-fields";
import type { MappingEntry } from "../api/import-schema";

/** What one column's picker holds: a target field, a custom attribute, or nothing. */
export const CUSTOM_ATTRIBUTE = "__custom__";
export const IGNORE = "__ignore__";

/** The keys the server accepts for custom attributes. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export function choiceOf(entry: MappingEntry): string {
  if (entry.field) return entry.field;
  if (entry.attribute !== null) return CUSTOM_ATTRIBUTE;
  return IGNORE;
}

/** A suggested attribute key from a header: "Lead Source" → "lead_source". */
export function attributeKeyFor(header: string): string {
  const key = header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return (key || "column").slice(0, 64);
}

export function withChoice(entry: MappingEntry, choice: string): MappingEntry {
  if (choice === IGNORE) return { ...entry, field: null, attribute: null };
  if (choice === CUSTOM_ATTRIBUTE)
    return { ...entry, field: null, attribute: entry.attribute ?? attributeKeyFor(entry.header) };
  return { ...entry, field: choice, attribute: null };
}

export function sameMapping(a: readonly MappingEntry[], b: readonly MappingEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        entry.column === other.column &&
        entry.field === other.field &&
        (entry.attribute ?? null) === (other.attribute ?? null)
      );
    })
  );
}

/** Problems the server would refuse or that lose data, said before the mapping is sent. */
export function mappingProblems(mapping: readonly MappingEntry[], fields: readonly ImportField[]): string[] {
  const problems: string[] = [];
  const byField = new Map<string, string[]>();
  for (const entry of mapping) {
    if (entry.field) byField.set(entry.field, [...(byField.get(entry.field) ?? []), entry.header]);
    if (entry.field === null && entry.attribute !== null && !ATTRIBUTE_KEY.test(entry.attribute))
      problems.push(
        `Give the custom attribute from "${entry.header}" a key of letters, digits, "_", "." or "-" (up to 64), or ignore the column.`,
      );
  }
  for (const field of fields) {
    if (field.required && !byField.has(field.field))
      problems.push(`Map a column to ${field.label} (required).`);
  }
  for (const [field, headers] of byField) {
    if (headers.length > 1) {
      const label = fields.find((f) => f.field === field)?.label ?? field;
      problems.push(`${headers.map((h) => `"${h}"`).join(" and ")} both go to ${label}; keep one.`);
    }
  }
  return problems;
}
