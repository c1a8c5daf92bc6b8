/**
 * The `import.preview` job: a dry run over the whole file. Every row is mapped and validated,
 * existing records are looked up read-only by their key to count what a commit would create,
 * update or leave unchanged, the first rows are kept as a sample and every rejected row is
 * recorded (import_row_errors, phase preview). No live table is written.
 */
import { registerJobHandler } from "../jobs/registry.ts";
import { classifyBatch } from "./batch-sql.ts";
import { estimatedTotal, guarded, importJobInput, roundedTimes } from "./job-support.ts";
import { unmappedRequired } from "./mapping.ts";
import { openBatches, overlapped, type PhaseTimes, rateMessage, readyBatch } from "./pipeline.ts";
import { clearRowErrors, findImport, insertRowErrors, type PreviewFigures, setImportState } from "./store.ts";

export const IMPORT_PREVIEW = "import.preview";
const SAMPLE_ROWS = 20;
const actionOf = { c: "create", u: "update", n: "unchanged" } as const;

registerJobHandler(IMPORT_PREVIEW, async (run) => {
  const input = importJobInput(run);
  return guarded(run, input.importId, "previewing", async () => {
    const record = await findImport(run.db, run.ctx, input.importId);
    const missing = unmappedRequired(record.entity, record.mapping);
    if (missing.length > 0) throw new Error(`No column is mapped to: ${missing.join(", ")}.`);
    await clearRowErrors(run.db, run.ctx, record.id, "preview");
    const times: PhaseTimes = { parse: 0, validate: 0, write: 0 };
    const started = performance.now();
    const source = await openBatches(record, {
      batchSize: input.batchSize,
      skip: 0,
      limits: input.limits,
      times,
    });
    const figures: PreviewFigures = { rows: 0, create: 0, update: 0, unchanged: 0, reject: 0, sample: [] };
    await run.reportProgress(0, null, `Previewing ${record.fileName}`);
    await overlapped(source, async (batch) => {
      const before = performance.now();
      const ready = await readyBatch(run.db, record, source.target, batch);
      const actions = await classifyBatch(run.db, source.target, source.shape, ready.rows);
      for (let i = 0; i < ready.rows.length; i++) {
        const action = actionOf[(actions[i] ?? "c") as keyof typeof actionOf] ?? "create";
        figures[action]++;
        const row = ready.rows[i];
        if (row && figures.sample.length < SAMPLE_ROWS)
          figures.sample.push({ line: row.line, action, values: row.values });
      }
      await insertRowErrors(run.db, run.ctx, record.id, "preview", ready.errors);
      times.write += performance.now() - before;
      figures.rows += batch.consumed;
      figures.unchanged += ready.merged;
      figures.reject += batch.consumed - ready.rows.length - ready.merged;
      const total = estimatedTotal(figures.rows, source.bytesRead(), record.fileBytes);
      await run.reportProgress(figures.rows, total, rateMessage(figures.rows, null, started));
    });

    await setImportState(
      run.db,
      run.ctx,
      record.id,
      { status: "previewed", preview: figures, rowsTotal: figures.rows, error: null },
      ["previewing"],
    );
    await run.reportProgress(figures.rows, figures.rows, rateMessage(figures.rows, figures.rows, started));
    const { sample: _sample, ...counts } = figures;
    return { importId: record.id, ...counts, phasesMs: roundedTimes(times) };
  });
});
