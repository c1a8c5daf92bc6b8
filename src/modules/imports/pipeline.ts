/**
 * The read side shared by preview and commit: the stored file streamed through the reader,
 * converted row by row into batches, and each batch made ready to write (duplicate keys within
 * the batch resolved, account references looked up). Parsing the next batch overlaps writing the
 * current one (`overlapped`), and the time of each phase is summed for the job result.
 */
import fs from "node:fs";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Db } from "../../db/client.ts";
import {
  type BatchShape,
  type BatchTarget,
  batchShape,
  type ReadyRow,
  resolveAccountRefs,
} from "./batch-sql.ts";
import { readCsv } from "./reader/read.ts";
import { createRowConverter, type ImportRow, type RowError } from "./rows.ts";
import type { ImportRecord } from "./store.ts";

export type PhaseTimes = { parse: number; validate: number; write: number };

export type Batch = {
  rows: ImportRow[];
  errors: RowError[];
  /** Data rows consumed from the file for this batch (valid, rejected and ragged alike). */
  consumed: number;
};

export type ReadyBatch = {
  rows: ReadyRow[];
  errors: RowError[];
  consumed: number;
  /** Repeats of a later row of the batch with the same values: neither written nor rejected. */
  merged: number;
};

export type ImportLimits = { maxRows: number; maxColumns: number };

export type BatchSource = {
  shape: BatchShape;
  target: BatchTarget;
  next(): Promise<Batch | null>;
  /** Bytes of the file read so far (progress estimate before the row total is known). */
  bytesRead(): number;
  close(): Promise<void>;
};

/**
 * Opens the import's file and returns a batch iterator that starts after `skip` data rows (a
 * resumed commit re-reads the file and skips the batches already applied).
 */
export async function openBatches(
  record: ImportRecord,
  options: { batchSize: number; skip: number; limits: ImportLimits; times: PhaseTimes },
): Promise<BatchSource> {
  let bytes = 0;
  const stream = fs.createReadStream(record.filePath, { highWaterMark: 1024 * 1024 });
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const reader = await readCsv(counted(), {
    maxRows: options.limits.maxRows,
    maxColumns: options.limits.maxColumns,
  }).catch((error: unknown) => {
    stream.destroy();
    throw error;
  });
  const convert = createRowConverter(record.entity, record.mapping, {
    exportedCells: record.preset === "ecostack",
  });
  const mapped = new Set(record.mapping.flatMap((m) => (m.field === null ? [] : [m.field])));
  const hasAttributes =
    record.entity !== "partner" && record.mapping.some((m) => m.field === null && m.attribute !== null);
  const shape = batchShape(record.entity, mapped, hasAttributes);
  const target: BatchTarget = {
    entity: record.entity,
    workspaceId: record.workspaceId,
    partnerId: record.partnerId,
    source: record.source,
  };
  const rows = reader.rows;
  let toSkip = options.skip;
  let finished = false;

  async function next(): Promise<Batch | null> {
    if (finished) return null;
    const started = performance.now();
    let validating = 0;
    // Time given to the writer while reading ahead: not parsing.
    let yielded = 0;
    const batch: Batch = { rows: [], errors: [], consumed: 0 };
    while (batch.consumed < options.batchSize) {
      // Reading ahead runs while the batch before is written: let the database's answers through
      // every few hundred rows, or the writer waits (and the server idles) until a batch is read.
      if (batch.consumed % 500 === 499) {
        const paused = performance.now();
        await yieldToEventLoop();
        yielded += performance.now() - paused;
      }
      const item = await rows.next();
      if (item.done) {
        finished = true;
        break;
      }
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      batch.consumed++;
      const row = item.value;
      if ("error" in row) {
        batch.errors.push({ line: row.line, column: null, value: null, reason: `ragged row: ${row.error}` });
        continue;
      }
      const before = performance.now();
      const converted = convert(row.line, row.record);
      validating += performance.now() - before;
      if ("row" in converted) batch.rows.push(converted.row);
      else batch.errors.push(...converted.errors);
    }
    options.times.validate += validating;
    options.times.parse += performance.now() - started - validating - yielded;
    return batch.consumed > 0 ? batch : null;
  }

  return {
    shape,
    target,
    next,
    bytesRead: () => bytes,
    async close() {
      finished = true;
      await rows.return();
      stream.destroy();
    },
  };
}

/**
 * Makes a batch ready to write: when a key appears twice in the batch the later row wins (a
 * report export repeats an account on every contact row); the earlier one counts as unchanged
 * when it carries the same values and is reported when it differs. References to accounts
 * (opportunities, contacts) are resolved, and a row naming an unknown account is rejected naming
 * its column.
 */
export async function readyBatch(
  db: Db,
  record: ImportRecord,
  target: BatchTarget,
  batch: Batch,
): Promise<ReadyBatch> {
  return linkAccounts(db, record, target, dedupeBatch(batch));
}

/** Whether the import's rows name accounts that must be looked up (opportunities, contacts). */
export function linksAccounts(record: ImportRecord): boolean {
  return (
    (record.entity === "opportunity" || record.entity === "contact") &&
    record.mapping.some((m) => m.field === "accountExternalId")
  );
}

/** The first half of readyBatch, without the database: a key repeated in the batch resolved. */
export function dedupeBatch(batch: Batch): ReadyBatch {
  const errors = [...batch.errors];
  const lastOfKey = new Map<string, ImportRow>();
  for (const row of batch.rows) lastOfKey.set(row.key, row);
  const rows: ReadyRow[] = [];
  let merged = 0;
  for (const row of batch.rows) {
    const last = lastOfKey.get(row.key);
    if (!last || last === row) rows.push(row);
    else if (sameContent(row, last)) merged++;
    else
      errors.push({
        line: row.line,
        column: null,
        value: row.key,
        reason: `the same record appears again on line ${last.line} with other values; that row is used`,
      });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, consumed: batch.consumed, merged };
}

async function linkAccounts(
  db: Db,
  record: ImportRecord,
  target: BatchTarget,
  ready: ReadyBatch,
): Promise<ReadyBatch> {
  const refColumn = record.mapping.find((m) => m.field === "accountExternalId");
  if (!refColumn || !linksAccounts(record)) return ready;
  const refs = ready.rows.flatMap((r) =>
    typeof r.values.accountExternalId === "string" ? [r.values.accountExternalId] : [],
  );
  const ids = await resolveAccountRefs(db, target, refs);
  const errors = [...ready.errors];
  const linked: ReadyRow[] = [];
  for (const row of ready.rows) {
    const ref = row.values.accountExternalId;
    if (typeof ref !== "string") {
      linked.push({ ...row, accountId: null });
      continue;
    }
    const accountId = ids.get(ref);
    if (accountId) linked.push({ ...row, accountId });
    else
      errors.push({
        line: row.line,
        column: refColumn.header,
        value: ref,
        reason: `no account with external id "${ref}" (source ${target.source}); import the accounts first`,
      });
  }
  errors.sort((a, b) => a.line - b.line);
  return { ...ready, rows: linked, errors };
}

function sameContent(a: ImportRow, b: ImportRow): boolean {
  return (
    JSON.stringify(a.values) === JSON.stringify(b.values) &&
    JSON.stringify(a.attributes) === JSON.stringify(b.attributes)
  );
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(work: Promise<T>): Promise<Outcome<T>> =>
  work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * Runs `write` on every batch in order while the next batch is being parsed (and, with `prepare`,
 * made ready to write: the client's share of a batch happens while the database applies the one
 * before). Writes never overlap each other: a commit's progress (`rows_applied`) must always be a
 * prefix of the file.
 */
export async function overlapped<T = Batch>(
  source: BatchSource,
  write: (batch: T) => Promise<void>,
  prepare: (batch: Batch) => T = (batch) => batch as T,
): Promise<void> {
  const ahead = () => settle(source.next().then((batch) => (batch === null ? null : prepare(batch))));
  let pending = ahead();
  try {
    for (;;) {
      const read = await pending;
      if (!read.ok) throw read.error;
      if (read.value === null) return;
      pending = ahead();
      await write(read.value);
    }
  } finally {
    await pending;
    await source.close();
  }
}

export function rateMessage(done: number, total: number | null, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  return `${done.toLocaleString("en-US")}${total === null ? "" : ` of ${total.toLocaleString("en-US")}`} rows · ${rate.toLocaleString("en-US")} rows/s`;
}
