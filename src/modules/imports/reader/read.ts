import type { Readable } from "node:stream";
import { type CsvDelimiter, detectDelimiter } from "./dialect.ts";
import { type DecodeOptions, type DetectedEncoding, decodeCsvStream } from "./encoding.ts";
import { CsvFileError } from "./errors.ts";
import { CsvRecordParser, type ParsedRecord } from "./parse.ts";

export interface ReadCsvOptions {
  /** "auto" (default) sniffs BOM / UTF-8 validity, falling back to Windows-1252. */
  encoding?: DecodeOptions["encoding"];
  /** "auto" (default) detects `,` `;` or tab from the first decoded chunk. */
  delimiter?: CsvDelimiter | "auto";
  maxBytes?: number;
  /** Data rows (valid or ragged), header excluded. Checked while streaming. */
  maxRows?: number;
  /** Header columns. Checked before any row is read. */
  maxColumns?: number;
}

/** One data row, with the physical line (1-based) where the record starts. */
export type CsvRow = { line: number; record: string[] } | { line: number; error: string };

export interface CsvReader {
  encoding: DetectedEncoding;
  delimiter: CsvDelimiter;
  /** Header names, trimmed; unique case-insensitively and never empty. */
  headers: string[];
  /**
   * Data rows in file order; single-pass. Blank lines are skipped. Ragged rows come as
   * `{ line, error }`; whole-file problems (unterminated quote, maxRows…) throw CsvFileError.
   */
  rows: AsyncGenerator<CsvRow, void, undefined>;
}

/**
 * Bytes decoded and parsed at a time. Big source chunks (a 1 MB file read) are cut to this size:
 * the records of a piece die young, so the garbage collector's scavenges stay cheap, whereas a
 * whole megabyte of records survives them and runs the reader 3–4× slower.
 */
const pieceBytes = 64 * 1024;

async function* bytesOf(source: Readable | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    // A Readable in string mode would yield strings; the reader only accepts bytes.
    if (!(chunk instanceof Uint8Array)) throw new TypeError("readCsv expects a byte stream");
    if (chunk.length <= pieceBytes) yield chunk;
    else for (let at = 0; at < chunk.length; at += pieceBytes) yield chunk.subarray(at, at + pieceBytes);
  }
}

/**
 * Parses text chunks into records, one batch per chunk: the records of one chunk are held at a
 * time, and iterating a batch synchronously keeps the per-record cost off the async machinery.
 */
async function* parseRecords(
  text: AsyncIterable<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<ParsedRecord[], void, undefined> {
  const parser = new CsvRecordParser(delimiter);
  for await (const chunk of text) {
    const batch: ParsedRecord[] = [];
    parser.write(chunk, batch);
    if (batch.length > 0) yield batch;
  }
  const last: ParsedRecord[] = [];
  parser.end(last);
  if (last.length > 0) yield last;
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === "";
}

function checkHeaders(raw: string[], line: number, maxColumns: number | undefined): string[] {
  if (maxColumns !== undefined && raw.length > maxColumns) {
    throw new CsvFileError(
      "limit_exceeded",
      `The file has ${raw.length} columns, over the limit of ${maxColumns} (maxColumns)`,
      { limit: "maxColumns", line },
    );
  }
  const headers = raw.map((name) => name.trim());
  const empty = headers.flatMap((name, index) => (name === "" ? [index + 1] : []));
  if (empty.length > 0) {
    throw new CsvFileError(
      "empty_headers",
      `The header on line ${line} has no name for column${empty.length > 1 ? "s" : ""} ${empty.join(", ")}`,
      { line, columns: empty },
    );
  }
  const seen = new Map<string, number[]>();
  headers.forEach((name, index) => {
    const key = name.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), index + 1]);
  });
  const duplicated = [...seen.values()].filter((columns) => columns.length > 1);
  if (duplicated.length > 0) {
    const names = duplicated.map((columns) => headers[(columns[0] ?? 1) - 1] ?? "");
    const described = duplicated
      .map((columns, i) => `"${names[i]}" (columns ${columns.join(", ")})`)
      .join("; ");
    throw new CsvFileError("duplicate_headers", `Duplicated header names: ${described}`, {
      line,
      headers: names,
      columns: duplicated.flat(),
    });
  }
  return headers;
}

/** Re-emits a text stream after reading its first chunk (and peeking at the second). */
async function firstChunkOf(text: AsyncGenerator<string, void, undefined>) {
  const first = await text.next();
  const second = first.done ? first : await text.next();
  const head = first.done ? "" : first.value;
  async function* all(): AsyncGenerator<string, void, undefined> {
    try {
      if (!first.done) yield first.value;
      if (second.done) return;
      yield second.value;
      yield* text;
    } finally {
      await text.return();
    }
  }
  return { head, wholeFile: second.done === true, text: all() };
}

/**
 * Streams a CSV file: decodes it (see decodeCsvStream), detects the delimiter, validates the header
 * and reads up to the first data row before resolving, so empty / header-only / bad-header files
 * fail here rather than mid-import. Never holds more than one decoded chunk of records.
 */
export async function readCsv(
  source: Readable | AsyncIterable<Uint8Array>,
  options: ReadCsvOptions = {},
): Promise<CsvReader> {
  const decoded = await decodeCsvStream(bytesOf(source), {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  const { head, wholeFile, text } = await firstChunkOf(decoded.text);
  const delimiter =
    options.delimiter === undefined || options.delimiter === "auto"
      ? detectDelimiter(head, wholeFile)
      : options.delimiter;
  const records = parseRecords(text, delimiter);
  let batch: ParsedRecord[] = [];
  let index = 0;
  /** The next non-blank record of the current batch, without touching the async machinery. */
  const takeBuffered = (): ParsedRecord | undefined => {
    while (index < batch.length) {
      const record = batch[index++];
      if (record !== undefined && !isBlank(record.record)) return record;
    }
    return undefined;
  };
  const next = async (): Promise<ParsedRecord | null> => {
    for (;;) {
      const record = takeBuffered();
      if (record !== undefined) return record;
      const item = await records.next();
      if (item.done) return null;
      batch = item.value;
      index = 0;
    }
  };
  let firstRow: ParsedRecord | null;
  let headers: string[];
  try {
    const header = await next();
    if (header === null) throw new CsvFileError("empty", "The file is empty");
    headers = checkHeaders(header.record, header.line, options.maxColumns);
    firstRow = await next();
    if (firstRow === null) {
      throw new CsvFileError("header_only", "The file has a header but no rows", {
        line: header.line,
      });
    }
  } catch (error) {
    await records.return();
    throw error;
  }
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  async function* rows(): AsyncGenerator<CsvRow, void, undefined> {
    try {
      let count = 0;
      for (let row = firstRow; row !== null; row = takeBuffered() ?? (await next())) {
        count++;
        if (count > maxRows) {
          throw new CsvFileError(
            "limit_exceeded",
            `The file has more than ${maxRows} rows (maxRows); row ${count} is on line ${row.line}`,
            { limit: "maxRows", line: row.line },
          );
        }
        if (row.record.length === headers.length) yield row;
        else {
          const error = `expected ${headers.length} fields, found ${row.record.length}`;
          yield { line: row.line, error };
        }
      }
    } finally {
      await records.return();
    }
  }
  return { encoding: decoded.encoding, delimiter, headers, rows: rows() };
}
