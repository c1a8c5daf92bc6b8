import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsv } from "./read.ts";
import { readAllRows } from "./test-helpers.ts";

const rowCount = 200_000;
const rowsPerChunk = 1_000;

/** Generates a ~25 MB account CSV lazily, so the test itself never holds the file. */
function generatedAccounts(): { stream: Readable; totalBytes: () => number } {
  let bytes = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from("externalId;name;website;country;employees;note\n");
    for (let start = 0; start < rowCount; start += rowsPerChunk) {
      let text = "";
      for (let i = start; i < start + rowsPerChunk; i++) {
        text += `ACC-${i};"Société Générale ${i}; S.A.";https://example-${i}.com;FR;${i % 5000};"line one\nline ""two"""\n`;
      }
      const chunk = Buffer.from(text, "utf8");
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), totalBytes: () => bytes };
}

describe("streaming read", () => {
  it("reads 200k multi-line records through the row iterator with bounded memory", async () => {
    const { stream, totalBytes } = generatedAccounts();
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    const reader = await readCsv(stream);
    expect(reader.delimiter).toBe(";");
    expect(reader.headers).toHaveLength(6);
    let peakGrowth = 0;
    let valid = 0;
    let lastLine = 0;
    let lastRecord: string[] = [];
    for await (const row of reader.rows) {
      if (!("record" in row)) throw new Error(`line ${row.line}: ${row.error}`);
      valid++;
      // Each record spans two physical lines, after the header line.
      if (row.line !== valid * 2) throw new Error(`row ${valid} reported on line ${row.line}`);
      lastLine = row.line;
      lastRecord = row.record;
      if (valid % 10_000 === 0) {
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(valid).toBe(rowCount);
    expect(lastLine).toBe(rowCount * 2);
    expect(lastRecord).toEqual([
      `ACC-${rowCount - 1}`,
      `Société Générale ${rowCount - 1}; S.A.`,
      `https://example-${rowCount - 1}.com`,
      "FR",
      `${(rowCount - 1) % 5000}`,
      'line one\nline "two"',
    ]);
    expect(totalBytes()).toBeGreaterThan(20_000_000);
    // Loose bound: garbage piles up between collections, but holding the decoded file (or its
    // 200k parsed records) would cost well over its byte size.
    expect(peakGrowth).toBeLessThan(totalBytes());
  }, 60_000);

  it("reads a big source chunk (cut into pieces inside) exactly like small chunks", async () => {
    // ~300 KB in one chunk: pieces are cut mid-character, mid-quote and mid-CRLF somewhere.
    let text = "name;city;note\r\n";
    for (let i = 0; i < 4_000; i++) text += `"Zürich Präzision ${i}";São Paulo;"a ""q"" ;\r\nb ${i}"\r\n`;
    const bytes = Buffer.from(text, "utf8");
    expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
    const whole = await readAllRows(bytes, {}, bytes.length);
    const small = await readAllRows(bytes, {}, 997);
    expect(whole.rows).toEqual(small.rows);
    expect(whole.rows).toHaveLength(4_000);
    expect(whole.rows[3_999]).toEqual({
      line: 2 + 3_999 * 2,
      record: ["Zürich Präzision 3999", "São Paulo", 'a "q" ;\r\nb 3999'],
    });
  });
});
