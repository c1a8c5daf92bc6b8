/**
 * Imports as use cases: register a file (its header read and checked, a mapping chosen), start
 * its preview or commit as a job, change its mapping, cancel it, list and read it. The HTTP
 * routes, the CLI (through importFile) and the benchmark all come through here.
 */
import fs from "node:fs";
import path from "node:path";
import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { AppError, conflict, invalid } from "../../http/problem.ts";
import { recordAudit } from "../audit/service.ts";
import { cancelJob, enqueueJob, getJob, type Job } from "../jobs/service.ts";
import { getPartner } from "../partners/service.ts";
import { IMPORT_COMMIT } from "./commit-job.ts";
import { defaultSource, type ImportEntity, type ImportStatus } from "./fields.ts";
import {
  checkMapping,
  defaultMapping,
  type MappingEntry,
  type MappingInput,
  mappingFromTemplate,
} from "./mapping.ts";
import type { ImportLimits } from "./pipeline.ts";
import { IMPORT_PREVIEW } from "./preview-job.ts";
import type { CsvFileError } from "./reader/errors.ts";
import { detectPreset, type ImportPreset, importPresets } from "./reader/presets.ts";
import { readCsv } from "./reader/read.ts";
import { findImport, type ImportRecord, setImportState, storedMapping, toImport } from "./store.ts";
import { imports } from "./tables.ts";
import { findTemplate } from "./templates.ts";

export type PresetChoice = ImportPreset | "auto";
export const presetChoices = ["auto", ...importPresets] as const;

export type FileFacts = { encoding: string; delimiter: string; headers: string[]; rows: number | null };

/** Files up to this size are read to the end on upload, so late problems (an unclosed quote) are a 400 too. */
export const FULL_CHECK_BYTES = 32 * 1024 * 1024;

/** A whole-file problem as the API answers it: 400 invalid_file naming line / byte where known. */
export function fileProblem(error: CsvFileError): AppError {
  const where = [
    error.details.line === undefined ? null : `line ${error.details.line}`,
    error.details.byteOffset === undefined ? null : `byte ${error.details.byteOffset}`,
  ].filter(Boolean);
  const message = `${error.message}${where.length > 0 && !/line \d/.test(error.message) ? ` (${where.join(", ")})` : ""}`;
  // Over a configured limit (bytes, rows, columns) is "too large", like the upload size.
  if (error.code === "limit_exceeded") return new AppError("payload_too_large", message);
  return new AppError("invalid_file", message, [{ path: "file", message: `${error.code}: ${message}` }]);
}

/**
 * Reads the header (and, for files up to `fullCheckBytes`, every row) so a bad file is refused
 * before anything is recorded. Throws the reader's CsvFileError.
 */
export async function inspectFile(
  filePath: string,
  limits: ImportLimits & { maxBytes?: number },
  fullCheckBytes = FULL_CHECK_BYTES,
): Promise<FileFacts> {
  const size = fs.statSync(filePath).size;
  const stream = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  try {
    const reader = await readCsv(stream, {
      maxRows: limits.maxRows,
      maxColumns: limits.maxColumns,
      ...(limits.maxBytes === undefined ? {} : { maxBytes: limits.maxBytes }),
    });
    let rows: number | null = null;
    if (size <= fullCheckBytes) {
      rows = 0;
      for await (const _row of reader.rows) rows++;
    } else await reader.rows.return();
    return { encoding: reader.encoding.encoding, delimiter: reader.delimiter, headers: reader.headers, rows };
  } finally {
    stream.destroy();
  }
}

export type NewImport = {
  entity: ImportEntity;
  partnerId?: string | null | undefined;
  preset?: PresetChoice | undefined;
  source?: string | undefined;
  mapping?: readonly MappingInput[] | undefined;
  templateId?: string | undefined;
  file: { path: string; name: string; bytes: number; sha256: string };
  facts: FileFacts;
};

async function checkPartner(
  db: Db,
  ctx: WorkspaceContext,
  entity: ImportEntity,
  partnerId: string | null | undefined,
) {
  if (entity === "partner_account" && !partnerId)
    throw invalid("partnerId", "a partner's account list needs the partner (partnerId)");
  if (entity !== "partner_account" && partnerId)
    throw invalid("partnerId", "only a partner account list (entity partner_account) belongs to a partner");
  if (partnerId) await getPartner(db, ctx, partnerId);
}

async function chooseMapping(
  db: Db,
  ctx: WorkspaceContext,
  input: Pick<NewImport, "entity" | "mapping" | "templateId">,
  headers: readonly string[],
  preset: ImportPreset,
): Promise<MappingEntry[]> {
  if (input.mapping) return checkMapping(input.entity, headers, input.mapping);
  if (input.templateId) {
    const template = await findTemplate(db, ctx, input.templateId);
    if (template.entity !== input.entity)
      throw invalid("templateId", `the template maps ${template.entity} files, not ${input.entity}`);
    return mappingFromTemplate(input.entity, headers, template.mapping);
  }
  return defaultMapping(input.entity, headers, preset);
}

/** Records an uploaded (or local) file as an import; audit `import.uploaded`. */
export async function createImport(db: Db, ctx: WorkspaceContext, input: NewImport): Promise<ImportRecord> {
  await checkPartner(db, ctx, input.entity, input.partnerId);
  const preset = !input.preset || input.preset === "auto" ? detectPreset(input.facts.headers) : input.preset;
  const mapping = await chooseMapping(db, ctx, input, input.facts.headers, preset);
  const source = input.source?.trim() || defaultSource(preset);
  const [row] = await db
    .insert(imports)
    .values({
      workspaceId: ctx.workspaceId,
      entity: input.entity,
      partnerId: input.partnerId ?? null,
      source,
      fileName: input.file.name,
      filePath: input.file.path,
      fileBytes: input.file.bytes,
      fileSha256: input.file.sha256,
      preset,
      encoding: input.facts.encoding,
      delimiter: input.facts.delimiter,
      headers: input.facts.headers,
      mapping: storedMapping(mapping),
      rowsTotal: input.facts.rows,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, ctx, {
    action: "import.uploaded",
    subjectType: "import",
    subjectId: row.id,
    details: {
      entity: input.entity,
      fileName: input.file.name,
      bytes: input.file.bytes,
      sha256: input.file.sha256,
    },
  });
  return toImport(row);
}

export type JobOptions = {
  limits: ImportLimits;
  batchSize?: number | undefined;
  /** Uploaded files live here: a committed import's file in it is deleted (a local file never is). */
  uploadDir?: string | undefined;
};

async function startJob(
  db: Db,
  ctx: WorkspaceContext,
  record: ImportRecord,
  kind: string,
  status: "previewing" | "committing",
  options: JobOptions,
): Promise<{ record: ImportRecord; job: Job }> {
  // Status first, then the job: a job runtime may pick the job up at once.
  await setImportState(db, ctx, record.id, { status, error: null, jobId: null });
  const job = await enqueueJob(db, ctx, kind, {
    importId: record.id,
    maxRows: options.limits.maxRows,
    maxColumns: options.limits.maxColumns,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(kind === IMPORT_COMMIT &&
    options.uploadDir &&
    record.filePath.startsWith(path.join(options.uploadDir, path.sep))
      ? { deleteFileWhenCommitted: true }
      : {}),
  });
  const updated = await setImportState(db, ctx, record.id, { jobId: job.id });
  return { record: updated ?? record, job };
}

const busy: readonly ImportStatus[] = ["previewing", "committing"];

/** An import whose file is gone (removed after the retention period) cannot run again. */
function assertFileKept(record: ImportRecord) {
  if (!fs.existsSync(record.filePath))
    throw conflict(record.error ?? "The file of this import is no longer kept; upload it again.");
}

export async function startPreview(db: Db, ctx: WorkspaceContext, id: string, options: JobOptions) {
  const record = await findImport(db, ctx, id);
  if (busy.includes(record.status))
    throw conflict(`The import is ${record.status}; wait for it or cancel it.`);
  if (record.status === "committed") throw conflict("The import is already committed.");
  assertFileKept(record);
  return startJob(db, ctx, record, IMPORT_PREVIEW, "previewing", options);
}

export async function startCommit(db: Db, ctx: WorkspaceContext, id: string, options: JobOptions) {
  const record = await findImport(db, ctx, id);
  if (busy.includes(record.status))
    throw conflict(`The import is ${record.status}; wait for it or cancel it.`);
  if (record.status === "committed") throw conflict("The import is already committed.");
  assertFileKept(record);
  return startJob(db, ctx, record, IMPORT_COMMIT, "committing", options);
}

export type ImportChanges = {
  mapping?: readonly MappingInput[] | undefined;
  preset?: PresetChoice | undefined;
  source?: string | undefined;
};

/** A new mapping, preset or source; the preview runs again. Not once rows have been committed. */
export async function changeImport(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  changes: ImportChanges,
  options: JobOptions,
) {
  const record = await findImport(db, ctx, id);
  if (busy.includes(record.status))
    throw conflict(`The import is ${record.status}; wait for it or cancel it.`);
  if (record.status === "committed" || record.rowsApplied > 0)
    throw conflict("Rows of this import are already committed; start a new import to change its mapping.");
  const preset = !changes.preset
    ? record.preset
    : changes.preset === "auto"
      ? detectPreset(record.headers)
      : changes.preset;
  const mapping = changes.mapping
    ? checkMapping(record.entity, record.headers, changes.mapping)
    : changes.preset
      ? defaultMapping(record.entity, record.headers, preset as ImportPreset)
      : record.mapping;
  const source = changes.source?.trim() || (changes.preset ? defaultSource(preset) : record.source);
  await setImportState(db, ctx, id, { preset, mapping: storedMapping(mapping), source, preview: null });
  return startPreview(db, ctx, id, options);
}

/** Stops the running job between batches; committed batches stay, none is half-applied. */
export async function cancelImport(db: Db, ctx: WorkspaceContext, id: string): Promise<ImportRecord> {
  const record = await findImport(db, ctx, id);
  if (record.status === "committed" || record.status === "cancelled")
    throw conflict(`The import is already ${record.status}.`);
  const updated = await setImportState(db, ctx, id, { status: "cancelled" }, [record.status]);
  if (record.jobId) {
    const job = await getJob(db, ctx, record.jobId).catch(() => undefined);
    if (job && (job.status === "queued" || job.status === "running"))
      await cancelJob(db, ctx, record.jobId).catch(() => undefined);
  }
  return updated ?? findImport(db, ctx, id);
}

export async function listImports(
  db: Db,
  ctx: WorkspaceContext,
  page: PageQuery,
): Promise<Page<ImportRecord>> {
  const before = decodeCursor(page.cursor);
  const rows = await db
    .select()
    .from(imports)
    .where(inWorkspace(imports, ctx, before ? lt(imports.id, before) : undefined))
    .orderBy(desc(imports.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => r.id, toImport);
}

/** An unfinished commit of the same file into the same place: running the import again resumes it. */
export async function findResumableImport(
  db: Db,
  ctx: WorkspaceContext,
  key: { entity: ImportEntity; partnerId: string | null; source: string; sha256: string },
): Promise<ImportRecord | undefined> {
  const rows = await db
    .select()
    .from(imports)
    .where(inWorkspace(imports, ctx, eq(imports.fileSha256, key.sha256), eq(imports.status, "committing")))
    .orderBy(desc(imports.id))
    .limit(20);
  return rows
    .map(toImport)
    .find((r) => r.entity === key.entity && r.partnerId === key.partnerId && r.source === key.source);
}
