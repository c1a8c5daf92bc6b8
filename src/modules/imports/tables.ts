import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { users } from "../identity/tables.ts";
import { jobs } from "../jobs/tables.ts";
import { partners } from "../partners/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/**
 * One CSV file on its way in: uploaded → previewed (dry run) → committed. The file itself stays on
 * disk (`file_path`) so a committing job can resume after a restart by re-reading it from the row
 * after the last recorded batch (`rows_applied`, updated in the same transaction as each batch).
 */
export const imports = pgTable(
  "imports",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** account | opportunity | partner | contact | partner_account */
    entity: text("entity").notNull(),
    /** Whose records these are when entity = partner_account. */
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    /** The external-id namespace of the upsert key (e.g. salesforce, hubspot, csv). */
    source: text("source").notNull(),
    fileName: text("file_name").notNull(),
    filePath: text("file_path").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    fileSha256: text("file_sha256").notNull(),
    preset: text("preset").notNull(),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    headers: jsonb("headers").$type<string[]>().notNull().default([]),
    /** Column → field mapping in use; unmapped columns may go to custom attributes. */
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull().default({}),
    /** uploaded | previewing | previewed | committing | committed | failed | cancelled */
    status: text("status").notNull().default("uploaded"),
    /** Dry-run figures: rows, create, update, unchanged, reject, sample rows. */
    preview: jsonb("preview").$type<Record<string, unknown>>(),
    /** Commit figures so far: created, updated, unchanged, rejected (written with each batch). */
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    rowsTotal: integer("rows_total"),
    /** Data rows whose batch has been applied (committed with the batch itself). */
    rowsApplied: integer("rows_applied").notNull().default(0),
    error: text("error"),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    committedAt: timestamp("committed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("imports_workspace_idx").on(t.workspaceId, t.id)],
);

/** Per-row problems found by a preview or a commit (line, column, value, reason). */
export const importRowErrors = pgTable(
  "import_row_errors",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** preview | commit */
    phase: text("phase").notNull(),
    line: integer("line").notNull(),
    column: text("column"),
    value: text("value"),
    reason: text("reason").notNull(),
  },
  (t) => [index("import_row_errors_import_idx").on(t.importId, t.phase, t.line)],
);

/** A saved column mapping, reusable for files with the same headers. */
export const importTemplates = pgTable(
  "import_templates",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    entity: text("entity").notNull(),
    preset: text("preset").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("import_templates_workspace_idx").on(t.workspaceId, t.id)],
);
