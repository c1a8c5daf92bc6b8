/**
 * `importFile`: a local CSV file imported in this process, through the same preview / commit job
 * handlers the server runs (the CLI and the benchmark call it). A dry run stops after the
 * preview; otherwise the file is committed directly — a preview pass would read it twice — with
 * the row total estimated from the bytes read until the end. Running the same import again
 * after a crash resumes the unfinished commit of the same file from its last applied batch.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid } from "../../http/problem.ts";
import "./commit-job.ts";
import "./preview-job.ts";
import { runJob } from "../jobs/run.ts";
import { getJob, isFinished, type Job } from "../jobs/service.ts";
import { defaultSource, parseImportEntity } from "./fields.ts";
import type { ImportLimits } from "./pipeline.ts";
import { CsvFileError } from "./reader/errors.ts";
import { detectPreset } from "./reader/presets.ts";
import {
  createImport,
  fileProblem,
  findResumableImport,
  inspectFile,
  type PresetChoice,
  startCommit,
  startPreview,
} from "./service.ts";
import { findImport } from "./store.ts";

export type ImportFileOptions = {
  entity: string;
  filePath: string;
  fileName?: string | undefined;
  partnerId?: string | null | undefined;
  preset?: PresetChoice | undefined;
  source?: string | undefined;
  dryRun?: boolean | undefined;
  batchSize?: number | undefined;
  onProgress?: ((job: Job) => void) | undefined;
  /** Defaults: ECOSTACK_IMPORT_MAX_ROWS / _MAX_COLUMNS. */
  limits?: Partial<ImportLimits> | undefined;
};

export type ImportFileResult = {
  importId: string;
  jobId: string;
  status: string;
  /** The preset the file was read with (detected unless given). */
  preset: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: number;
  /** True when an interrupted commit of the same file was resumed. */
  resumed: boolean;
  error: string | null;
  phasesMs: { parse: number; validate: number; write: number };
};

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function defaultLimits(): ImportLimits {
  const config = loadConfig();
  return { maxRows: config.imports.maxRows, maxColumns: config.imports.maxColumns };
}

const numberOf = (value: unknown) => (typeof value === "number" ? value : 0);

export async function importFile(
  database: Database,
  ctx: WorkspaceContext,
  options: ImportFileOptions,
): Promise<ImportFileResult> {
  const { db } = database;
  const entity = parseImportEntity(options.entity);
  if (!entity)
    throw invalid(
      "entity",
      `unknown entity "${options.entity}" (accounts, opportunities, partners, contacts)`,
    );
  const filePath = path.resolve(options.filePath);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw invalid("file", `no file at ${options.filePath}`);
  const limits = { ...defaultLimits(), ...options.limits };
  const facts = await inspectFile(filePath, limits).catch((error: unknown) => {
    throw error instanceof CsvFileError ? fileProblem(error) : error;
  });
  const sha256 = await sha256Of(filePath);
  const partnerId = options.partnerId ?? null;
  const preset = !options.preset || options.preset === "auto" ? detectPreset(facts.headers) : options.preset;
  const source = options.source?.trim() || defaultSource(preset);
  const jobOptions = { limits, batchSize: options.batchSize };

  let jobId: string;
  let resumed = false;
  const unfinished = options.dryRun
    ? undefined
    : await findResumableImport(db, ctx, { entity, partnerId, source, sha256 });
  if (unfinished) {
    resumed = true;
    const job = unfinished.jobId ? await getJob(db, ctx, unfinished.jobId).catch(() => undefined) : undefined;
    jobId = job && !isFinished(job) ? job.id : (await startCommit(db, ctx, unfinished.id, jobOptions)).job.id;
  } else {
    const record = await createImport(db, ctx, {
      entity,
      partnerId,
      preset,
      source,
      file: { path: filePath, name: options.fileName ?? path.basename(filePath), bytes: stat.size, sha256 },
      facts,
    });
    const started = options.dryRun
      ? await startPreview(db, ctx, record.id, jobOptions)
      : await startCommit(db, ctx, record.id, jobOptions);
    jobId = started.job.id;
  }
  await runJob(db, jobId, { ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const job = await getJob(db, ctx, jobId);
  const importId = String(job.input.importId);
  const record = await findImport(db, ctx, importId);
  const result = job.result ?? {};
  const preview = record.preview;
  const counts = options.dryRun
    ? {
        created: preview?.create ?? 0,
        updated: preview?.update ?? 0,
        unchanged: preview?.unchanged ?? 0,
        rejected: preview?.reject ?? 0,
        rows: preview?.rows ?? 0,
      }
    : { ...record.counts, rows: record.rowsApplied };
  const phases = (result.phasesMs ?? {}) as Record<string, unknown>;
  return {
    importId,
    jobId,
    status: record.status,
    preset: record.preset,
    ...counts,
    resumed,
    error: record.error ?? job.error,
    phasesMs: {
      parse: numberOf(phases.parse),
      validate: numberOf(phases.validate),
      write: numberOf(phases.write),
    },
  };
}
