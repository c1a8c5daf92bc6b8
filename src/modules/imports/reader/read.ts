import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { type CsvDelimiter, detectDelimiter } from "./dialect.ts";
import { type DecodeOptions, type DetectedEncoding, decodeCsvStream } from "./encoding.ts";
import { CsvFileError } from "./errors.ts";

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

interface ParsedRecord {
  line: number;
  fields: string[];
}

function isFields(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((field) => typeof field === "string");
}

// csv-parse's info.lines counts a quoted CRLF as two lines, so line breaks are counted here, in
// the field values: only quoted fields can hold one.
const lineBreak = /\r\n|\n|\r/g;

function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) breaks += field.match(lineBreak)?.length ?? 0;
  return breaks;
}

async function* bytesOf(source: Readable | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    // A Readable in string mode would yield strings; the reader only accepts bytes.
    if (!(chunk instanceof Uint8Array)) throw new TypeError("readCsv expects a byte stream");
    yield chunk;
  }
}

function toFileError(error: unknown, startLine: number): unknown {
  if (!(error instanceof CsvError)) return error;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CsvFileError(
      "unterminated_quote",
      `A quoted field opened on line ${startLine} is never closed`,
      { line: startLine },
    );
  }
  return new CsvFileError("malformed", `Malformed CSV on line ${startLine}: ${error.message}`, {
    line: startLine,
  });
}

/**
 * Feeds text chunks to csv-parse and yields records with their starting physical line.
 * csv-parse emits records synchronously inside write(), so at most one chunk's records are held.
 */
async function* parseRecords(
  text: AsyncIterable<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<ParsedRecord, void, undefined> {
  const parser = parse({
    delimiter,
    // Ragged rows are reported per line by the reader, not thrown by the parser.
    relax_column_count: true,
    // Any line ending ends a record, as in Python's csv: exports mixing CRLF and LF exist.
    record_delimiter: ["\r\n", "\n", "\r"],
    // A stray quote inside an unquoted cell (`5" drive`) is kept as text, as spreadsheets do.
    relax_quotes: true,
    // Blank lines stay records so line numbers can be derived from the previous record's end.
    skip_empty_lines: false,
  });
  const pending: ParsedRecord[] = [];
  let failure: unknown = null;
  let nextStart = 1;
  parser.on("data", (fields: unknown) => {
    if (!isFields(fields)) return;
    pending.push({ line: nextStart, fields });
    nextStart += lineBreaksIn(fields) + 1;
  });
  const finished = new Promise<void>((resolve) => {
    parser.on("error", (error: unknown) => {
      failure ??= error;
      resolve();
    });
    parser.on("end", () => resolve());
    parser.on("close", () => resolve());
  });
  try {
    for await (const chunk of text) {
      if (failure === null) parser.write(chunk);
      yield* pending.splice(0, pending.length);
      if (failure !== null) throw toFileError(failure, nextStart);
    }
    parser.end();
    await finished;
    yield* pending.splice(0, pending.length);
    if (failure !== null) throw toFileError(failure, nextStart);
  } finally {
    parser.destroy();
  }
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
  const next = async () => {
    for (;;) {
      const item = await records.next();
      if (item.done || !isBlank(item.value.fields)) return item.done ? null : item.value;
    }
  };
  let firstRow: ParsedRecord | null;
  let headers: string[];
  try {
    const header = await next();
    if (header === null) throw new CsvFileError("empty", "The file is empty");
    headers = checkHeaders(header.fields, header.line, options.maxColumns);
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
      for (let row = firstRow; row !== null; row = await next()) {
        count++;
        if (count > maxRows) {
          throw new CsvFileError(
            "limit_exceeded",
            `The file has more than ${maxRows} rows (maxRows); row ${count} is on line ${row.line}`,
            { limit: "maxRows", line: row.line },
          );
        }
        if (row.fields.length === headers.length) yield { line: row.line, record: row.fields };
        else {
          const error = `expected ${headers.length} fields, found ${row.fields.length}`;
          yield { line: row.line, error };
        }
      }
    } finally {
      await records.return();
    }
  }
  return { encoding: decoded.encoding, delimiter, headers, rows: rows() };
}
