/**
 * The `imports` row as the module works with it (typed mapping, preview and counts), and the
 * per-row problems (`import_row_errors`) written in batches beside the work that found them.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { newId } from "../../db/columns.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import type { CellValue } from "./cells.ts";
import { type ImportEntity, type ImportStatus, importEntities, importStatuses } from "./fields.ts";
import type { MappingEntry } from "./mapping.ts";
import type { RowError } from "./rows.ts";
import { textArrayLiteral } from "./sql-arrays.ts";
import { importRowErrors, imports } from "./tables.ts";

export type ImportCounts = { created: number; updated: number; unchanged: number; rejected: number };
export type SampleRow = {
  line: number;
  action: "create" | "update" | "unchanged";
  values: Record<string, CellValue>;
};
export type PreviewFigures = {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
  sample: SampleRow[];
};

export type ImportRecord = {
  id: string;
  workspaceId: string;
  entity: ImportEntity;
  partnerId: string | null;
  source: string;
  fileName: string;
  filePath: string;
  fileBytes: number;
  fileSha256: string;
  preset: string;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  mapping: MappingEntry[];
  status: ImportStatus;
  preview: PreviewFigures | null;
  counts: ImportCounts;
  rowsTotal: number | null;
  rowsApplied: number;
  error: string | null;
  jobId: string | null;
  createdBy: string | null;
  createdAt: Date;
  committedAt: Date | null;
};

export const zeroCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

type ImportRow = typeof imports.$inferSelect;

export function toImport(row: ImportRow): ImportRecord {
  const entity = importEntities.find((e) => e === row.entity);
  const status = importStatuses.find((s) => s === row.status);
  if (!entity || !status)
    throw new Error(`Unknown import entity or status stored: ${row.entity}/${row.status}`);
  const mapping = (row.mapping as { columns?: MappingEntry[] }).columns ?? [];
  return {
    ...row,
    entity,
    status,
    mapping,
    preview: (row.preview as PreviewFigures | null) ?? null,
    counts: { ...zeroCounts(), ...row.counts },
  };
}

export const storedMapping = (mapping: readonly MappingEntry[]) => ({ columns: [...mapping] });

export async function findImport(db: Db, ctx: WorkspaceContext, id: string): Promise<ImportRecord> {
  const [row] = await db
    .select()
    .from(imports)
    .where(inWorkspace(imports, ctx, eq(imports.id, id)));
  if (!row) throw notFound("Import");
  return toImport(row);
}

export async function setImportState(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  changes: Partial<typeof imports.$inferInsert>,
  onlyIf?: readonly ImportStatus[],
): Promise<ImportRecord | undefined> {
  const [row] = await db
    .update(imports)
    .set(changes)
    .where(
      inWorkspace(
        imports,
        ctx,
        eq(imports.id, id),
        onlyIf
          ? sql`${imports.status} in (${sql.join(
              onlyIf.map((s) => sql`${s}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .returning();
  return row ? toImport(row) : undefined;
}

export async function insertRowErrors(
  db: Db,
  ctx: WorkspaceContext,
  importId: string,
  phase: "preview" | "commit",
  errors: readonly RowError[],
): Promise<void> {
  if (errors.length === 0) return;
  await db.execute(sql`
    insert into ${importRowErrors} (id, workspace_id, import_id, phase, line, "column", value, reason)
    select e.id, ${ctx.workspaceId}::uuid, ${importId}::uuid, ${phase}, e.line, e.col, e.value, e.reason
    from unnest(${textArrayLiteral(errors.map(() => newId()))}::uuid[],
      ${textArrayLiteral(errors.map((e) => e.line))}::int[],
      ${textArrayLiteral(errors.map((e) => e.column))}::text[],
      ${textArrayLiteral(errors.map((e) => e.value))}::text[],
      ${textArrayLiteral(errors.map((e) => e.reason))}::text[]) as e(id, line, col, value, reason)`);
}

export async function clearRowErrors(
  db: Db,
  ctx: WorkspaceContext,
  importId: string,
  phase: "preview" | "commit",
) {
  await db
    .delete(importRowErrors)
    .where(
      inWorkspace(
        importRowErrors,
        ctx,
        eq(importRowErrors.importId, importId),
        eq(importRowErrors.phase, phase),
      ),
    );
}

/** Row errors in line order, a page at a time (the CSV download walks them all). */
export async function rowErrorsPage(
  db: Db,
  ctx: WorkspaceContext,
  importId: string,
  phase: "preview" | "commit",
  options: { afterId?: string; limit: number },
) {
  return db
    .select({
      id: importRowErrors.id,
      line: importRowErrors.line,
      column: importRowErrors.column,
      value: importRowErrors.value,
      reason: importRowErrors.reason,
    })
    .from(importRowErrors)
    .where(
      inWorkspace(
        importRowErrors,
        ctx,
        and(
          eq(importRowErrors.importId, importId),
          eq(importRowErrors.phase, phase),
          options.afterId ? sql`${importRowErrors.id} > ${options.afterId}::uuid` : undefined,
        ),
      ),
    )
    .orderBy(asc(importRowErrors.id))
    .limit(options.limit);
}
