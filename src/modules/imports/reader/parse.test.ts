import { parse } from "csv-parse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvFileError } from "./errors.ts";
import { CsvRecordParser, type ParsedRecord } from "./parse.ts";

type Outcome = { records: ParsedRecord[]; unterminatedAt: number | null };

/** The reader's former parsing path (csv-parse 7 with its options), kept here as the oracle. */
async function csvParseOutcome(input: string, delimiter: string): Promise<Outcome> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const records: ParsedRecord[] = [];
  let nextStart = 1;
  parser.on("data", (fields: string[]) => {
    records.push({ line: nextStart, record: fields });
    for (const field of fields) nextStart += field.match(/\r\n|\n|\r/g)?.length ?? 0;
    nextStart++;
  });
  const error = await new Promise<unknown>((resolve) => {
    parser.on("error", resolve);
    parser.on("end", () => resolve(null));
    parser.end(input);
  });
  if (error === null) return { records, unterminatedAt: null };
  if ((error as { code?: string }).code !== "CSV_QUOTE_NOT_CLOSED") throw error;
  return { records, unterminatedAt: nextStart };
}

function fastParserOutcome(chunks: string[], delimiter: string): Outcome {
  const parser = new CsvRecordParser(delimiter);
  const records: ParsedRecord[] = [];
  try {
    for (const chunk of chunks) parser.write(chunk, records);
    parser.end(records);
  } catch (error) {
    if (!(error instanceof CsvFileError) || error.code !== "unterminated_quote") throw error;
    return { records, unterminatedAt: error.details.line ?? null };
  }
  return { records, unterminatedAt: null };
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

// Few distinct characters, so quotes, delimiters and line breaks meet in every combination.
const csvCharacters = ["a", "é", " ", '"', '"', ",", ";", "\t", "\n", "\r", "\r\n"];
const csvText = fc.array(fc.constantFrom(...csvCharacters), { maxLength: 40 }).map((parts) => parts.join(""));

describe("CsvRecordParser", () => {
  it("matches csv-parse (records, start lines, unterminated quotes) however the text is chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.constantFrom(",", ";", "\t"),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, delimiter, cuts) => {
          const expected = await csvParseOutcome(text, delimiter);
          expect(fastParserOutcome(splitAt(text, cuts), delimiter)).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("keeps text after a closing quote as csv-parse's relax_quotes does", () => {
    const records: ParsedRecord[] = [];
    const parser = new CsvRecordParser(",");
    parser.write('"a"b,c"d",""""\n"x\r\ny",z', records);
    parser.end(records);
    expect(records).toEqual([
      { line: 1, record: ['"a"b', 'c"d"', '"'] },
      { line: 2, record: ["x\r\ny", "z"] },
    ]);
  });

  it("counts a CRLF split across chunks inside quotes as one line break", () => {
    const records: ParsedRecord[] = [];
    const parser = new CsvRecordParser(",");
    for (const chunk of ['"one\r', '\ntwo"', ",x\n", "next,y\n"]) parser.write(chunk, records);
    parser.end(records);
    expect(records).toEqual([
      { line: 1, record: ["one\r\ntwo", "x"] },
      { line: 3, record: ["next", "y"] },
    ]);
  });
});
