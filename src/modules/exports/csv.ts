/**
 * Safe CSV out: RFC 4180 quoting (csv-stringify) plus formula-injection protection. A cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by a
 * spreadsheet, so it is written with a leading `'` — the documented rule; `readSafeCell` undoes it.
 */
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null | undefined | Date;

const formulaStart = /^[=+\-@\t\r]/;

/** The text written for one cell (before quoting). */
export function safeCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Numbers are written as they are: -5 is a number, not a formula.
  if (typeof value === "number") return text;
  return formulaStart.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/**
 * Reverses `safeCell` for a cell read back from an export: one leading `'` is removed when the
 * exporter added it (text that started with a formula character or with `'`).
 */
export function readSafeCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** One CSV record, CRLF-terminated, every cell protected. */
export function csvLine(values: readonly CsvValue[]): string {
  return stringify([values.map(safeCell)], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

const needsQuotes = /[",\r\n]/;

/** RFC 4180 quoting of one protected cell, exactly as csv-stringify does it in `csvLine`. */
function quoted(text: string): string {
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Many CSV records at once, byte for byte what `csvLine` writes for each (a property test holds
 * them equal). Exports write millions of cells, and csv-stringify's per-call set-up made it the
 * larger half of an export's time, so pages are quoted here directly.
 */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
  let out = "";
  for (const values of rows) {
    let line = "";
    for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : ",") + quoted(safeCell(values[i]));
    out += `${line}\r\n`;
  }
  return out;
}
