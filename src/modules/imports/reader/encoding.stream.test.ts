import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decodeCsvStream } from "./encoding.ts";

const rowCount = 200_000;
const rowsPerChunk = 1_000;

/** Generates a ~25 MB account CSV lazily, in 1 000-row chunks, so the test itself holds no file. */
function generatedAccounts(): { stream: Readable; totalBytes: () => number } {
  let bytes = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from("externalId,name,website,country,employees,annualRevenue,note\n");
    for (let start = 0; start < rowCount; start += rowsPerChunk) {
      let text = "";
      for (let i = start; i < start + rowsPerChunk; i++) {
        text += `ACC-${i},"Société Générale ${i}, S.A.",https://example-${i}.com,FR,${i % 5000},${i * 1000},"line one\nline ""two"""\n`;
      }
      const chunk = Buffer.from(text, "utf8");
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), totalBytes: () => bytes };
}

describe("streaming decode", () => {
  it("decodes 200k rows without holding the file in memory", async () => {
    const { stream, totalBytes } = generatedAccounts();
    const { encoding, text } = await decodeCsvStream(stream);
    expect(encoding.encoding).toBe("utf-8");
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peakGrowth = 0;
    let newlines = 0;
    let chunks = 0;
    for await (const part of text) {
      for (let i = part.indexOf("\n"); i >= 0; i = part.indexOf("\n", i + 1)) newlines++;
      if (++chunks % 50 === 0) {
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    // Each row holds one quoted newline: 2 physical lines per row, plus the header line.
    expect(newlines).toBe(rowCount * 2 + 1);
    expect(totalBytes()).toBeGreaterThan(20_000_000);
    // Loose bound (observed ~7 MB for ~23 MB): garbage accumulates between collections, but holding
    // the decoded file would cost about twice its size as a two-byte JS string.
    expect(peakGrowth).toBeLessThan(totalBytes());
  });
});
