import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { type DecodeOptions, decodeCsvStream } from "./encoding.ts";
import { type CsvRow, type ReadCsvOptions, readCsv } from "./read.ts";

export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Splits a buffer in small chunks so multi-byte characters straddle chunk boundaries. */
export function chunked(bytes: Uint8Array, size = 7): Readable {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

export async function decodeAll(bytes: Uint8Array, options: DecodeOptions = {}, chunkSize = 7) {
  const { encoding, text } = await decodeCsvStream(chunked(bytes, chunkSize), options);
  let out = "";
  for await (const part of text) out += part;
  return { encoding, text: out };
}

/** Header cells of a simple (no embedded delimiter) first line, enough to test presets. */
export function simpleHeaderCells(text: string, delimiter = ","): string[] {
  const firstLine = text.split(/\r?\n/)[0] ?? "";
  return firstLine.split(delimiter).map((cell) => cell.replace(/^"|"$/g, ""));
}

/** Reads a whole CSV through readCsv in small chunks and collects its rows (small inputs only). */
export async function readAllRows(input: string | Uint8Array, options: ReadCsvOptions = {}, chunkSize = 7) {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const reader = await readCsv(chunked(bytes, chunkSize), options);
  const rows: CsvRow[] = [];
  for await (const row of reader.rows) rows.push(row);
  return { encoding: reader.encoding, delimiter: reader.delimiter, headers: reader.headers, rows };
}

export function validRows(rows: CsvRow[]) {
  return rows.flatMap((row) => ("record" in row ? [row] : []));
}

export function errorRows(rows: CsvRow[]) {
  return rows.flatMap((row) => ("error" in row ? [row] : []));
}
