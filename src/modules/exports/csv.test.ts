/**
 * The safe CSV writer, checked the way a reader sees it: every string goes through csvLine /
 * csvRecords, is parsed back with csv-parse, and must come back identical after readSafeCell —
 * while no raw cell ever starts with a character a spreadsheet would run as a formula.
 */
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, csvRecords, readSafeCell, safeCell } from "./csv.ts";

const formulaStart = /^[=+\-@\t\r]/;

/** Strings rich in what breaks CSV and spreadsheets: formula starters, quotes, separators, line ends. */
const trickyText = fc.string({
  unit: fc.constantFrom(
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "'",
    '"',
    ",",
    ";",
    " ",
    "a",
    "1",
    "é",
    "\u2028",
  ),
  maxLength: 12,
});
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), trickyText);

const parseCsv = (text: string): string[][] => parse(text, { bom: true });

function expectNoFormula(rawCell: string, original: string) {
  expect(formulaStart.test(rawCell), JSON.stringify(rawCell)).toBe(false);
  if (formulaStart.test(original)) expect(rawCell.startsWith("'")).toBe(true);
}

describe("safe CSV cells", () => {
  it("any string reads back identical and never starts a formula (property, 1,000 runs)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // Alone, and between other cells (a record of one empty cell is an empty line).
        for (const record of [[text], ["x", text, "y"]]) {
          const rows = parseCsv(csvLine(record));
          expect(rows).toHaveLength(1);
          const raw = rows[0] ?? [];
          expect(raw.map(readSafeCell)).toEqual(record);
          for (const [index, cell] of raw.entries()) expectNoFormula(cell, record[index] ?? "");
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("whole records with commas, quotes, CR and LF round-trip in one file (property, 1,000 runs)", () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
      fc.array(fc.array(anyText, { minLength: columns, maxLength: columns }), {
        minLength: 1,
        maxLength: 8,
      }),
    );
    fc.assert(
      fc.property(table, (rows) => {
        const header = csvLine((rows[0] ?? []).map((_, i) => `column ${i}`));
        const parsed = parseCsv(header + csvRecords(rows));
        expect(parsed.slice(1).map((r) => r.map(readSafeCell))).toEqual(rows);
        for (const [r, row] of parsed.slice(1).entries())
          for (const [c, cell] of row.entries()) expectNoFormula(cell, rows[r]?.[c] ?? "");
      }),
      { numRuns: 1000 },
    );
  });

  it("csvRecords writes exactly what csvLine writes, record by record (property, 1,000 runs)", () => {
    const value = fc.oneof(
      anyText,
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 5 }), (rows) => {
        expect(csvRecords(rows)).toBe(rows.map((row) => csvLine(row)).join(""));
      }),
      { numRuns: 1000 },
    );
  });

  it("prefixes formula starters and a leading quote, and leaves other text alone", () => {
    expect(safeCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '\'=HYPERLINK("http://evil.example","click")',
    );
    expect(safeCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(safeCell("-2+3")).toBe("'-2+3");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("\tTab")).toBe("'\tTab");
    expect(safeCell("\rCR")).toBe("'\rCR");
    expect(safeCell("'quoted")).toBe("''quoted");
    expect(safeCell("Acme = good")).toBe("Acme = good");
    expect(safeCell("")).toBe("");
  });

  it("writes numbers as numbers, dates as ISO text and null as an empty cell", () => {
    expect(csvLine([-5, 1.5, null, undefined, new Date("2026-11-29T13:00:00.000Z"), true])).toBe(
      "-5,1.5,,,2026-11-29T13:00:00.000Z,true\r\n",
    );
  });

  it("quotes per RFC 4180: separators, doubled quotes, line breaks", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", "cr\ronly", "plain"])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\ronly",plain\r\n',
    );
    expect(csvRecords([])).toBe("");
    expect(
      csvRecords([
        ["a", "=1"],
        ["b", "c"],
      ]),
    ).toBe("a,'=1\r\nb,c\r\n");
  });
});
