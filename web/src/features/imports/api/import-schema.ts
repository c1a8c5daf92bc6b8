import { z } from "zod";

/** The vocabulary of the Imports API, matching the server's values. */
export const IMPORT_ENTITIES = ["account", "opportunity", "partner", "contact", "partner_account"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_PRESETS = [
  "auto",
  "salesforce",
  "salesforce-report",
  "hubspot",
  "ecostack",
  "generic",
] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export const IMPORT_STATUSES = [
  "uploaded",
  "previewing",
  "previewed",
  "committing",
  "committed",
  "failed",
  "cancelled",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const mappingEntrySchema = z.object({
  column: z.number(),
  header: z.string(),
  field: z.string().nullable(),
  attribute: z.string().nullable(),
});
export type MappingEntry = z.infer<typeof mappingEntrySchema>;

export const rowErrorSchema = z.object({
  line: z.number(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const previewSchema = z.object({
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  reject: z.number(),
  sample: z.array(
    z.object({
      line: z.number(),
      action: z.enum(["create", "update", "unchanged"]),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
  errors: z.array(rowErrorSchema),
});
export type ImportPreview = z.infer<typeof previewSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  progress: z.object({
    done: z.number(),
    total: z.number().nullable(),
    percent: z.number().nullable(),
  }),
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

const countsSchema = z.object({
  created: z.number().catch(0),
  updated: z.number().catch(0),
  unchanged: z.number().catch(0),
  rejected: z.number().catch(0),
});

/** Who started the import: not in the contract's presenter, shown when the server sends it. */
const actorSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
  })
  .nullable()
  .optional()
  .catch(null);

export const importSchema = z.object({
  id: z.string(),
  entity: z.enum(IMPORT_ENTITIES),
  partner: z.object({ id: z.string(), name: z.string() }).nullable(),
  source: z.string(),
  fileName: z.string(),
  fileBytes: z.number(),
  preset: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(mappingEntrySchema),
  status: z.enum(IMPORT_STATUSES),
  preview: previewSchema.nullable(),
  counts: countsSchema,
  rowsTotal: z.number().nullable(),
  rowsApplied: z.number(),
  error: z.string().nullable(),
  job: importJobSchema.nullable(),
  createdBy: actorSchema,
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type Import = z.infer<typeof importSchema>;

/** Everything under "imports" refreshes when an import changes (history, the open import). */
export const importsQueryKey = ["imports"] as const;
export const importQueryKey = (id: string) => [...importsQueryKey, "detail", id] as const;

/** A job runs on the server while the import is in one of these states: keep polling. */
export function isImportWorking(status: ImportStatus): boolean {
  return status === "uploaded" || status === "previewing" || status === "committing";
}

/** The mapping as PATCH /imports/{id} and POST /imports take it. */
export function mappingInput(mapping: readonly MappingEntry[]) {
  return mapping.map(({ column, field, attribute }) => ({ column, field, attribute }));
}

/** A stored value as one line of text for tables (attributes may arrive as an object). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A sample row's value for a field or a custom attribute key. */
export function sampleValue(values: Record<string, unknown>, key: string): unknown {
  if (key in values) return values[key];
  const attributes = values.attributes;
  if (attributes && typeof attributes === "object" && key in attributes)
    return (attributes as Record<string, unknown>)[key];
  return values[`attributes.${key}`];
}
