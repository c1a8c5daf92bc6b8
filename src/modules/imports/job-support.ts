/**
 * What the preview and commit jobs share: their input, the import they work on, and how a failure
 * or a cancellation is written onto the import (the job row says the same in its own terms).
 */
import { JobCancelledError, type JobRun } from "../jobs/registry.ts";
import type { ImportLimits, PhaseTimes } from "./pipeline.ts";
import { CsvFileError } from "./reader/errors.ts";
import { setImportState } from "./store.ts";

/** Rows per batch: each commit batch is one transaction (bench/import measures 1M rows). */
export const IMPORT_BATCH = 20_000;

export type ImportJobInput = { importId: string; batchSize: number; limits: ImportLimits };

export function importJobInput(run: JobRun): ImportJobInput {
  const { importId, batchSize, maxRows, maxColumns } = run.input;
  if (typeof importId !== "string") throw new Error("The job names no import (input.importId).");
  return {
    importId,
    batchSize: typeof batchSize === "number" && batchSize >= 1 ? Math.floor(batchSize) : IMPORT_BATCH,
    limits: {
      maxRows: typeof maxRows === "number" ? maxRows : 5_000_000,
      maxColumns: typeof maxColumns === "number" ? maxColumns : 500,
    },
  };
}

export const roundedTimes = (times: PhaseTimes) => ({
  parse: Math.round(times.parse),
  validate: Math.round(times.validate),
  write: Math.round(times.write),
});

/** A whole-file problem found mid-way reads like the upload's 400: the reader's message. */
export function failureText(error: unknown): string {
  if (error instanceof CsvFileError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the job's work; a failure marks the import failed with the reason (and fails the job), a
 * cancellation marks it cancelled. `active` is the import status the job runs under.
 */
export async function guarded<T>(
  run: JobRun,
  importId: string,
  active: "previewing" | "committing",
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JobCancelledError) {
      await setImportState(run.db, run.ctx, importId, { status: "cancelled" }, [active]);
    } else {
      await setImportState(
        run.db,
        run.ctx,
        importId,
        { status: "failed", error: failureText(error).slice(0, 2000) },
        [active],
      );
    }
    throw error;
  }
}

/** Progress total before the row count is known: rows so far scaled by the share of bytes read. */
export function estimatedTotal(done: number, bytesRead: number, fileBytes: number): number | null {
  if (done === 0 || bytesRead === 0) return null;
  return Math.max(done, Math.round((done * fileBytes) / bytesRead));
}
