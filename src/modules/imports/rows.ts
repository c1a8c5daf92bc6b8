/**
 * One CSV record → one row to store (or the reasons it cannot be): the mapped cells read by their
 * field's zod schema, required fields checked, the website reduced to a domain, and the upsert
 * key chosen. Compiled once per import so the per-row work is a loop over the mapped columns.
 */
import { registrableDomain } from "../accounts/website.ts";
import { readSafeCell } from "../exports/csv.ts";
import { CellIssue, type CellReader, type CellValue, cellReaders, opportunityStatusOf } from "./cells.ts";
import { type FieldSpec, fieldSpec, type ImportEntity } from "./fields.ts";
import type { MappingEntry } from "./mapping.ts";

export type RowError = { line: number; column: string | null; value: string | null; reason: string };

export type ImportRow = {
  line: number;
  /** The upsert key within the import's source: the external id, or a documented stand-in. */
  key: string;
  values: Record<string, CellValue>;
  /** Custom attributes (columns mapped to an attribute), null when the import maps none. */
  attributes: Record<string, string> | null;
};

export type Converted = { row: ImportRow } | { errors: RowError[] };
export type RowConverter = (line: number, record: readonly string[]) => Converted;

type CompiledField = { spec: FieldSpec; column: number; header: string; read: CellReader };

const collapse = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Rows without an external id still need a stable key so re-importing them updates rather than
 * duplicates: companies are keyed by their domain, else their name; opportunities by account and
 * name; contacts by e-mail, else name and account. The prefix keeps these apart from real ids.
 */
function fallbackKey(entity: ImportEntity, values: Record<string, CellValue>): string | null {
  const text = (field: string) => {
    const value = values[field];
    return typeof value === "string" && value !== "" ? value : null;
  };
  switch (entity) {
    case "account":
    case "partner":
    case "partner_account": {
      const domain = text("domain");
      if (domain) return `domain:${domain}`;
      const name = text("name");
      return name ? `name:${collapse(name)}` : null;
    }
    case "opportunity": {
      const name = text("name");
      return name ? `name:${text("accountExternalId") ?? ""}:${collapse(name)}` : null;
    }
    case "contact": {
      const email = text("email");
      if (email) return `email:${email.toLowerCase()}`;
      const name = [text("firstName"), text("lastName")].filter(Boolean).join(" ");
      return name ? `name:${collapse(name)}:${text("accountExternalId") ?? ""}` : null;
    }
  }
}

function requiredMissing(values: Record<string, CellValue>, fields: CompiledField[]) {
  const missing: CompiledField[] = [];
  for (const f of fields) if (f.spec.required && (values[f.spec.field] ?? null) === null) missing.push(f);
  return missing;
}

export type RowConverterOptions = {
  /**
   * The file is an Ecostack export: undo its formula guard (one leading `'`, see
   * exports/csv.ts) so exported values come back exactly as they were stored.
   */
  exportedCells?: boolean;
};

export function createRowConverter(
  entity: ImportEntity,
  mapping: readonly MappingEntry[],
  options: RowConverterOptions = {},
): RowConverter {
  const cell = options.exportedCells
    ? (record: readonly string[], column: number) => readSafeCell((record[column] ?? "").trim())
    : (record: readonly string[], column: number) => (record[column] ?? "").trim();
  const fields: CompiledField[] = [];
  const attributeColumns: { column: number; key: string }[] = [];
  for (const entry of mapping) {
    const spec = entry.field === null ? undefined : fieldSpec(entity, entry.field);
    if (spec) fields.push({ spec, column: entry.column, header: entry.header, read: cellReaders[spec.kind] });
    else if (entry.attribute !== null) attributeColumns.push({ column: entry.column, key: entry.attribute });
  }
  const mapped = new Set(fields.map((f) => f.spec.field));
  const derivesDomain =
    (entity === "account" || entity === "partner" || entity === "partner_account") &&
    (mapped.has("website") || mapped.has("domain"));

  return (line, record) => {
    const values: Record<string, CellValue> = {};
    let errors: RowError[] | null = null;
    for (const f of fields) {
      const raw = cell(record, f.column);
      if (raw === "") {
        values[f.spec.field] = null;
        continue;
      }
      const value = f.read(raw);
      if (!(value instanceof CellIssue)) values[f.spec.field] = value;
      else {
        errors ??= [];
        errors.push({ line, column: f.header, value: raw, reason: `${f.spec.label}: ${value.message}` });
      }
    }
    for (const f of requiredMissing(values, fields)) {
      if (errors?.some((e) => e.column === f.header)) continue;
      errors ??= [];
      errors.push({ line, column: f.header, value: null, reason: `missing ${f.spec.label.toLowerCase()}` });
    }
    if (entity === "contact" && values.firstName == null && values.lastName == null && values.email == null) {
      errors ??= [];
      errors.push({ line, column: null, value: null, reason: "a contact needs a name or an e-mail" });
    }
    if (errors) return { errors };
    if (derivesDomain) {
      const domain = registrableDomain((values.domain as string | null) ?? (values.website as string | null));
      values.domain = domain;
    }
    if (entity === "opportunity" && mapped.has("stage"))
      values.status = opportunityStatusOf(values.stage as string | null);
    let attributes: Record<string, string> | null = null;
    if (attributeColumns.length > 0) {
      attributes = {};
      for (const a of attributeColumns) {
        const raw = cell(record, a.column);
        if (raw !== "") attributes[a.key] = raw;
      }
    }
    const external = values.externalId;
    const key = typeof external === "string" && external !== "" ? external : fallbackKey(entity, values);
    if (key === null)
      return {
        errors: [{ line, column: null, value: null, reason: "no external id and nothing to key the row by" }],
      };
    return { row: { line, key, values, attributes } };
  };
}
