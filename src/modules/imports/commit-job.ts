/**
 * The `import.commit` job: the idempotent upsert of the file, in batches. Each batch is ONE
 * transaction holding its upsert, its row errors and the advance of `imports.rows_applied` and
 * `imports.counts`, so a crash never leaves half a batch and a resumed job re-reads the file
 * skipping exactly the rows already applied. The advance is conditional on the recorded
 * position, so a second runner of the same import (a stale process) changes nothing.
 */
import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { inWorkspace } from "../../db/scope.ts";
import { recordAudit } from "../audit/service.ts";
import { JobCancelledError, registerJobHandler } from "../jobs/registry.ts";
import { type StagedBatch, stagingLines, upsertBatch } from "./batch-sql.ts";
import { estimatedTotal, guarded, importJobInput, roundedTimes } from "./job-support.ts";
import { unmappedRequired } from "./mapping.ts";
import {
  type Batch,
  dedupeBatch,
  linksAccounts,
  openBatches,
  overlapped,
  type PhaseTimes,
  type ReadyBatch,
  rateMessage,
  readyBatch,
} from "./pipeline.ts";
import { findImport, type ImportCounts, insertRowErrors } from "./store.ts";
import { imports } from "./tables.ts";

export const IMPORT_COMMIT = "import.commit";

class ImportMovedOnError extends Error {}

/** A batch as read, and (when built ahead) its ready rows and staging lines. */
type Prepared = { batch: Batch; ready: ReadyBatch | null; staged: StagedBatch | null };

registerJobHandler(IMPORT_COMMIT, async (run) => {
  const input = importJobInput(run);
  return guarded(run, input.importId, "committing", async () => {
    const record = await findImport(run.db, run.ctx, input.importId);
    const times: PhaseTimes = { parse: 0, validate: 0, write: 0 };
    const result = (counts: ImportCounts, rows: number) => ({
      importId: record.id,
      ...counts,
      rows,
      phasesMs: roundedTimes(times),
    });
    if (record.status === "committed") return result(record.counts, record.rowsApplied);
    const missing = unmappedRequired(record.entity, record.mapping);
    if (missing.length > 0) throw new Error(`No column is mapped to: ${missing.join(", ")}.`);

    let applied = record.rowsApplied;
    let counts = record.counts;
    const total = record.rowsTotal;
    const started = performance.now();
    const source = await openBatches(record, {
      batchSize: input.batchSize,
      skip: applied,
      limits: input.limits,
      times,
    });
    const resuming = applied > 0 ? `Resuming at row ${applied + 1}: ` : "";
    await run.reportProgress(applied, total, `${resuming}importing ${record.fileName}`);

    // Rows that link no account are made ready and turned into COPY lines while the database
    // applies the batch before; account links are looked up inside the batch's transaction.
    const ahead = !linksAccounts(record);
    const prepare = (batch: Batch): Prepared => {
      if (!ahead) return { batch, ready: null, staged: null };
      const building = performance.now();
      const ready = dedupeBatch(batch);
      const staged = stagingLines(source.shape, ready.rows, true);
      times.write += performance.now() - building;
      return { batch, ready, staged };
    };
    await overlapped(
      source,
      async ({ batch, ready: preparedReady, staged }) => {
        const before = performance.now();
        const next: ImportCounts = { ...counts };
        try {
          await run.db.transaction(async (tx) => {
            // The batch and its `rows_applied` commit together, so a commit lost in a server crash
            // loses both and the resumed job redoes the batch: no need to wait for the WAL flush.
            await tx.execute(sql`set local synchronous_commit = off`);
            const ready = preparedReady ?? (await readyBatch(tx, record, source.target, batch));
            const written = await upsertBatch(
              tx,
              source.target,
              source.shape,
              ready.rows,
              staged ?? undefined,
            );
            next.created += written.created;
            next.updated += written.updated;
            next.unchanged += ready.rows.length + ready.merged - written.created - written.updated;
            next.rejected += batch.consumed - ready.rows.length - ready.merged;
            await insertRowErrors(tx, run.ctx, record.id, "commit", ready.errors);
            const moved = await tx
              .update(imports)
              .set({ rowsApplied: applied + batch.consumed, counts: next })
              .where(
                inWorkspace(
                  imports,
                  run.ctx,
                  and(
                    eq(imports.id, record.id),
                    eq(imports.rowsApplied, applied),
                    eq(imports.status, "committing"),
                  ),
                ),
              )
              .returning({ id: imports.id });
            // Cancelled meanwhile, or another runner got here first: this batch must not count.
            if (moved.length === 0) throw new ImportMovedOnError();
          });
        } catch (error) {
          if (error instanceof ImportMovedOnError) throw new JobCancelledError(run.id);
          throw error;
        }
        applied += batch.consumed;
        counts = next;
        times.write += performance.now() - before;
        const estimate = total ?? estimatedTotal(applied, source.bytesRead(), record.fileBytes);
        await run.reportProgress(applied, estimate, rateMessage(applied, estimate, started));
      },
      prepare,
    );

    await run.db.transaction(async (tx) => {
      await tx
        .update(imports)
        .set({ status: "committed", committedAt: new Date(), rowsTotal: applied, error: null })
        .where(inWorkspace(imports, run.ctx, eq(imports.id, record.id)));
      await recordAudit(tx, run.ctx, {
        action: "import.committed",
        subjectType: "import",
        subjectId: record.id,
        details: {
          entity: record.entity,
          fileName: record.fileName,
          source: record.source,
          rows: applied,
          ...counts,
        },
      });
    });
    // The upload has served its purpose; its rows and errors are in the database now.
    if (run.input.deleteFileWhenCommitted === true) fs.rmSync(record.filePath, { force: true });
    await run.reportProgress(applied, applied, rateMessage(applied, applied, started));
    return result(counts, applied);
  });
});
