/**
 * Reading the benchmark's account CSVs (id,name,website,country,status) into match records: one pass
 * over the file's text with RFC 4180 quoting, no per-row allocations beyond the record itself.
 */
import { readFileSync } from "node:fs";
import type { MatchRecord } from "../src/modules/mapping/engine/match.ts";

export interface AccountRow extends MatchRecord {
  status: string;
}

/** Rows of a CSV file as arrays of cells (header included). */
export function readCsvRows(path: string, onRow: (cells: string[]) => void): void {
  const text = readFileSync(path, "utf8");
  let cells: string[] = [];
  let at = 0;
  const length = text.length;
  while (at < length) {
    let cell: string;
    if (text.charCodeAt(at) === 34 /* " */) {
      let end = at + 1;
      let value = "";
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw new Error(`${path}: unterminated quote`);
        value += text.slice(end, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          end = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      cell = value;
    } else {
      let end = at;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === 44 || code === 10 || code === 13) break;
        end += 1;
      }
      cell = text.slice(at, end);
      at = end;
    }
    cells.push(cell);
    const code = text.charCodeAt(at);
    if (code === 44) at += 1;
    else {
      if (code === 13) at += 1;
      if (text.charCodeAt(at) === 10) at += 1;
      onRow(cells);
      cells = [];
    }
  }
}

export function readAccounts(path: string): AccountRow[] {
  const rows: AccountRow[] = [];
  let header = true;
  readCsvRows(path, (cells) => {
    if (header) {
      header = false;
      return;
    }
    const [id = "", name = "", website = "", country = "", status = ""] = cells;
    rows.push({ id, name, website: website || null, country: country || null, status });
  });
  return rows;
}
