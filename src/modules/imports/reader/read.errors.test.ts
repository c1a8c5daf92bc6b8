import { describe, expect, it } from "vitest";
import { CsvFileError } from "./errors.ts";
import { type ReadCsvOptions, readCsv } from "./read.ts";
import { chunked, readAllRows } from "./test-helpers.ts";

async function fileErrorOf(input: string | Uint8Array, options: ReadCsvOptions = {}): Promise<CsvFileError> {
  try {
    await readAllRows(input, options);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error("expected a CsvFileError");
}

describe("readCsv whole-file errors", () => {
  it("rejects an empty file and a file of blank lines", async () => {
    expect((await fileErrorOf("")).code).toBe("empty");
    const blank = await fileErrorOf("\n\n\r\n");
    expect(blank.code).toBe("empty");
    expect(blank.message).toBe("The file is empty");
  });

  it("rejects a header without rows", async () => {
    for (const text of ["name,website", "name,website\n", "name,website\r\n\r\n"]) {
      const error = await fileErrorOf(text);
      expect(error.code).toBe("header_only");
      expect(error.message).toBe("The file has a header but no rows");
    }
  });

  it("names the line where an unterminated quote opens", async () => {
    const error = await fileErrorOf('name,note\nAcme,ok\nBeta,"never closed\nGamma,x\nDelta,y\n');
    expect(error.code).toBe("unterminated_quote");
    expect(error.details.line).toBe(3);
    expect(error.message).toBe("A quoted field opened on line 3 is never closed");
  });

  it("finds an unterminated quote after multi-line records", async () => {
    const error = await fileErrorOf('a,b\n1,"x\ny"\n2,3\n"4\n5,6\n');
    expect(error.code).toBe("unterminated_quote");
    expect(error.details.line).toBe(5);
  });

  it("names duplicated header names, compared trimmed and case-insensitively", async () => {
    const error = await fileErrorOf("Name,Website, name ,Type,WEBSITE\nA,a.com,x,y,z\n");
    expect(error.code).toBe("duplicate_headers");
    expect(error.details.headers).toEqual(["Name", "Website"]);
    expect(error.message).toBe('Duplicated header names: "Name" (columns 1, 3); "Website" (columns 2, 5)');
  });

  it("rejects empty header names with their column positions", async () => {
    const error = await fileErrorOf("Name,,Type,  \nA,b,c,d\n");
    expect(error.code).toBe("empty_headers");
    expect(error.details.columns).toEqual([2, 4]);
    expect(error.message).toBe("The header on line 1 has no name for columns 2, 4");
  });

  it("enforces maxColumns before reading rows", async () => {
    const error = await fileErrorOf("a,b,c,d\n1,2,3,4\n", { maxColumns: 3 });
    expect(error.code).toBe("limit_exceeded");
    expect(error.details.limit).toBe("maxColumns");
    expect(error.message).toBe("The file has 4 columns, over the limit of 3 (maxColumns)");
  });

  it("enforces maxRows while streaming, after yielding the rows within the limit", async () => {
    const reader = await readCsv(chunked(Buffer.from("a,b\n1,2\n3,4\n5,6\n7,8\n")), { maxRows: 2 });
    const lines: number[] = [];
    await expect(async () => {
      for await (const row of reader.rows) lines.push(row.line);
    }).rejects.toThrow("The file has more than 2 rows (maxRows); row 3 is on line 4");
    expect(lines).toEqual([2, 3]);
    const exactlyAtLimit = await readAllRows("a,b\n1,2\n3,4\n", { maxRows: 2 });
    expect(exactlyAtLimit.rows).toHaveLength(2);
  });

  it("enforces maxBytes", async () => {
    const error = await fileErrorOf(`a,b\n${"1,2\n".repeat(100)}`, { maxBytes: 50 });
    expect(error.code).toBe("limit_exceeded");
    expect(error.details.limit).toBe("maxBytes");
  });

  it("rejects binary content", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await fileErrorOf(png)).code).toBe("binary");
  });

  it("rejects invalid UTF-8 in a file that declares UTF-8 with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from("\uFEFFname,city\nA,"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const error = await fileErrorOf(bytes);
    expect(error.code).toBe("invalid_encoding");
    expect(error.details.line).toBe(2);
  });

  it("stops reading the source when the consumer stops early", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from("a,b\n");
      for (let i = 0; i < 1_000; i++) {
        pulled++;
        yield Buffer.from(`${i},x\n`.repeat(1_000));
      }
    }
    const reader = await readCsv(source());
    for await (const row of reader.rows) {
      if (row.line > 3) break;
    }
    expect(pulled).toBeLessThan(1_000);
  });
});
