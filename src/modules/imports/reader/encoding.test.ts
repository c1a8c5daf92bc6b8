import { describe, expect, it } from "vitest";
import { decodeCsvStream, detectEncoding, looksBinary, scanUtf8 } from "./encoding.ts";
import { CsvFileError } from "./errors.ts";
import { chunked, decodeAll, fixture } from "./test-helpers.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function decodeError(bytes: Uint8Array, options = {}): Promise<CsvFileError> {
  try {
    await decodeAll(bytes, options);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error("expected a CsvFileError");
}

describe("encoding detection", () => {
  it("reads the Salesforce Data Loader export as Windows-1252 with º and é intact", async () => {
    const { encoding, text } = await decodeAll(fixture("salesforce_dataloader_sample_accounts_cp1252.csv"));
    expect(encoding).toEqual({ encoding: "windows-1252", bom: false, reason: "invalid-utf8-fallback" });
    expect(text).toContain("c/ San Romualdo, 26 5º");
    expect(text).toContain("Crédito Inmobiliario Terras");
    expect(text).toContain("Pébéo of America");
    expect(text).toContain("Paseo de la Castellana, Nº 77");
    expect(text).not.toContain("\uFFFD");
  });

  it("strips a UTF-8 BOM and keeps multi-byte characters split across chunks", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Name,City\nZoë,Zürich ☃ 𝄞\n")]);
    const { encoding, text } = await decodeAll(bytes, {}, 1);
    expect(encoding).toEqual({ encoding: "utf-8", bom: true, reason: "bom" });
    expect(text).toBe("Name,City\nZoë,Zürich ☃ 𝄞\n");
  });

  it("reads the AWS ACE field dictionary (UTF-8 BOM) without the BOM in the first header", async () => {
    const { encoding, text } = await decodeAll(fixture("aws_ace_opportunity_fields.csv"), {}, 4096);
    expect(encoding.encoding).toBe("utf-8");
    expect(encoding.bom).toBe(true);
    expect(text.startsWith("Field Name - APN CRM JSON Name,")).toBe(true);
  });

  it("reads plain UTF-8 without BOM as UTF-8", async () => {
    const { encoding, text } = await decodeAll(utf8("name\nCafé\n"));
    expect(encoding).toEqual({ encoding: "utf-8", bom: false, reason: "valid-utf8" });
    expect(text).toBe("name\nCafé\n");
  });

  it("decodes UTF-16 LE and BE with BOM", async () => {
    const content = "Name;Pays\nÉcole;France\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, "utf16le")]);
    const leResult = await decodeAll(le, {}, 3);
    expect(leResult.encoding).toEqual({ encoding: "utf-16le", bom: true, reason: "bom" });
    expect(leResult.text).toBe(content);
    const be = Buffer.from(le);
    be.swap16();
    const beResult = await decodeAll(be, {}, 5);
    expect(beResult.encoding.encoding).toBe("utf-16be");
    expect(beResult.text).toBe(content);
  });

  it("rejects an unpaired surrogate in a UTF-16 file instead of replacing it", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]);
    const error = await decodeError(bytes);
    expect(error.code).toBe("invalid_encoding");
    expect(error.message).toContain("UTF-16LE");
  });

  it("refuses invalid UTF-8 after a UTF-8 BOM, naming the byte offset and line", async () => {
    // BOM (3 bytes) + "a,b\nok,1\n" (9 bytes) + "x" then a lone 0xE9 at offset 13, on line 3.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a,b\nok,1\nx"), 0xe9, ...utf8(",2\n")]);
    const error = await decodeError(bytes);
    expect(error.code).toBe("invalid_encoding");
    expect(error.details).toEqual({ byteOffset: 13, line: 3 });
    expect(error.message).toBe(
      "Invalid UTF-8 at byte 13 (line 3); the file starts with a UTF-8 byte order mark, so it cannot be re-read as Windows-1252",
    );
  });

  it("refuses invalid UTF-8 when UTF-8 was requested explicitly", async () => {
    const error = await decodeError(new Uint8Array([...utf8("name\nCaf"), 0xe9, 0x0a]), {
      encoding: "utf-8",
    });
    expect(error.details).toEqual({ byteOffset: 8, line: 2 });
  });

  it("refuses invalid UTF-8 that appears after the sniff window (text already read as UTF-8)", async () => {
    const bytes = new Uint8Array([...utf8("name\nabc\nabc\n"), 0xc3, 0x28]);
    const error = await decodeError(bytes, { sniffBytes: 8 });
    expect(error.details).toEqual({ byteOffset: 13, line: 4 });
  });

  it("refuses a file that ends in the middle of a UTF-8 character", async () => {
    const error = await decodeError(new Uint8Array([...utf8("name\nab"), 0xe2, 0x82]), { encoding: "utf-8" });
    expect(error.code).toBe("invalid_encoding");
    expect(error.details.byteOffset).toBe(7);
  });

  it("falls back to Windows-1252 when the first bytes are not UTF-8", async () => {
    const { encoding, text } = await decodeAll(new Uint8Array([...utf8("name\nCaf"), 0xe9, 0x0a]));
    expect(encoding.encoding).toBe("windows-1252");
    expect(text).toBe("name\nCafé\n");
  });

  it("rejects binary content (PNG header + zeros)", async () => {
    const png = new Uint8Array(64);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const error = await decodeError(png);
    expect(error.code).toBe("binary");
    expect(error.message).toBe("This is not a CSV file (binary content)");
    expect(looksBinary(utf8("a,b\n1,2\n"))).toBe(false);
    expect(looksBinary(new Uint8Array(40).fill(0x01))).toBe(true);
  });

  it("reports an empty file", async () => {
    const error = await decodeError(new Uint8Array(0));
    expect(error.code).toBe("empty");
    expect(error.message).toBe("The file is empty");
  });

  it("stops at maxBytes while streaming, naming the limit", async () => {
    const bytes = utf8("name\n".repeat(1000));
    const small = await decodeError(bytes, { maxBytes: 100, sniffBytes: 16 });
    expect(small.code).toBe("limit_exceeded");
    expect(small.message).toContain("maxBytes");
    const { text } = await decodeCsvStream(chunked(bytes, 64), { maxBytes: 1000, sniffBytes: 64 });
    await expect(async () => {
      for await (const _ of text) {
        // drain
      }
    }).rejects.toThrow("The file is larger than the limit of 1000 bytes (maxBytes)");
  });

  it("scans UTF-8 precisely", () => {
    expect(scanUtf8(utf8("héllo"))).toEqual({ invalidAt: -1, completeUntil: 6 });
    expect(scanUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toEqual({ invalidAt: -1, completeUntil: 1 });
    expect(scanUtf8(new Uint8Array([0x61, 0xc0, 0x80])).invalidAt).toBe(1);
    expect(scanUtf8(new Uint8Array([0xed, 0xa0, 0x80])).invalidAt).toBe(0);
    expect(detectEncoding(utf8("abc"), "windows-1252").reason).toBe("requested");
  });
});
