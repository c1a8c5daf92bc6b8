import { describe, expect, it } from "vitest";
import { errorRows, fixture, readAllRows, validRows } from "./test-helpers.ts";

describe("readCsv on real CRM exports", () => {
  it("reads the Salesforce report export: valid rows kept, ragged rows reported per line", async () => {
    const file = fixture("salesforce_report_export_style_accounts_contacts_lwc_recipes.csv");
    const { encoding, delimiter, headers, rows } = await readAllRows(file);
    expect(encoding).toMatchObject({ encoding: "utf-8", bom: true });
    expect(delimiter).toBe(",");
    expect(headers).toHaveLength(9);
    expect(headers[0]).toBe("Account: Account Name");
    expect(rows).toHaveLength(14);
    expect(validRows(rows).map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(validRows(rows)[0]?.record.slice(0, 5)).toEqual([
      "Alpha Dynamics",
      "Technology Partner",
      "3362227000",
      "Amy",
      "Taylor",
    ]);
    expect(errorRows(rows)).toEqual(
      [8, 9, 10, 11, 12, 13, 14, 15].map((line) => ({
        line,
        error: "expected 9 fields, found 3",
      })),
    );
  });

  it("reads the AWS ACE field list with multi-line cells and their physical start lines", async () => {
    const { headers, rows } = await readAllRows(fixture("aws_ace_opportunity_fields.csv"), {}, 4096);
    expect(headers).toHaveLength(17);
    expect(headers[0]).toBe("Field Name - APN CRM JSON Name");
    expect(rows).toHaveLength(88);
    expect(errorRows(rows)).toEqual([]);
    // Start lines measured with Python's csv.reader (line_num of the previous record + 1).
    expect(rows.slice(0, 8).map((row) => row.line)).toEqual([2, 6, 7, 14, 15, 16, 17, 18]);
    // 177 line breaks and no final newline: the last record starts on physical line 178.
    expect(rows.at(-1)?.line).toBe(178);
    expect(validRows(rows).some((row) => row.record.some((field) => field.includes("\n")))).toBe(true);
  });

  it("gives the same records whatever the chunk size", async () => {
    const file = fixture("aws_ace_opportunity_fields.csv");
    const tiny = await readAllRows(file, {}, 1);
    const large = await readAllRows(file, {}, 1 << 20);
    expect(tiny.rows).toEqual(large.rows);
  });

  it("reads the Windows-1252 Salesforce accounts with accents intact", async () => {
    const { encoding, headers, rows } = await readAllRows(
      fixture("salesforce_dataloader_sample_accounts_cp1252.csv"),
      {},
      1000,
    );
    expect(encoding).toEqual({ encoding: "windows-1252", bom: false, reason: "invalid-utf8-fallback" });
    expect(headers).toHaveLength(38);
    expect(headers.slice(0, 4)).toEqual(["ID", "ISDELETED", "MASTERRECORDID", "NAME"]);
    expect(rows).toHaveLength(423);
    expect(errorRows(rows)).toEqual([]);
    const valid = validRows(rows);
    expect(valid.find((row) => row.line === 87)?.record[3]).toBe("Crédito Inmobiliario Terras");
    expect(valid.find((row) => row.line === 72)?.record[6]).toBe("00045844 c/ San Romualdo, 26 5º");
    expect(valid.at(-1)?.line).toBe(424);
  });

  it("reads the Salesforce opportunities export", async () => {
    const { headers, rows } = await readAllRows(fixture("salesforce_dataloader_sample_opportunities.csv"));
    expect(headers).toHaveLength(31);
    expect(headers[2]).toBe("ACCOUNTID");
    expect(rows).toHaveLength(38);
    expect(errorRows(rows)).toEqual([]);
    expect(validRows(rows)[0]?.record[3]).toBe("George Foundation - 5000 Widgets");
  });
});

describe("readCsv on built inputs", () => {
  it("detects semicolons and keeps commas inside values", async () => {
    const text = 'name;amount;country\nAcme;1,5;FR\n"Beta; Ltd";2,75;DE\n';
    const { delimiter, headers, rows } = await readAllRows(text);
    expect(delimiter).toBe(";");
    expect(headers).toEqual(["name", "amount", "country"]);
    expect(rows).toEqual([
      { line: 2, record: ["Acme", "1,5", "FR"] },
      { line: 3, record: ["Beta; Ltd", "2,75", "DE"] },
    ]);
  });

  it("detects tabs with CRLF line endings", async () => {
    const text = "name\twebsite\r\nAcme\tacme.com\r\nBeta\tbeta.io\r\n";
    const { delimiter, rows } = await readAllRows(text);
    expect(delimiter).toBe("\t");
    expect(rows).toEqual([
      { line: 2, record: ["Acme", "acme.com"] },
      { line: 3, record: ["Beta", "beta.io"] },
    ]);
  });

  it("ends records on CRLF, LF or a lone CR, even mixed in one file", async () => {
    const { rows } = await readAllRows('a,b\r\n1,2\n3,4\r5,"6\r7"\r\n8,9', {}, 2);
    expect(rows).toEqual([
      { line: 2, record: ["1", "2"] },
      { line: 3, record: ["3", "4"] },
      { line: 4, record: ["5", "6\r7"] },
      { line: 6, record: ["8", "9"] },
    ]);
  });

  it("honours an explicit delimiter", async () => {
    const { delimiter, rows } = await readAllRows("a;b,c\n1;2,3\n", { delimiter: "," });
    expect(delimiter).toBe(",");
    expect(rows).toEqual([{ line: 2, record: ["1;2", "3"] }]);
  });

  it("unescapes doubled quotes", async () => {
    const { rows } = await readAllRows('name,note\nAcme,"She said ""hi"", twice"\n"""Q"" Inc",x\n');
    expect(rows).toEqual([
      { line: 2, record: ["Acme", 'She said "hi", twice'] },
      { line: 3, record: ['"Q" Inc', "x"] },
    ]);
  });

  it("numbers the record after embedded newlines by its physical line", async () => {
    const text = 'name,note\nAcme,"line one\nline two\r\nline three"\nBeta,single\n"Gamma\nCo",x\nDelta,y';
    const { rows } = await readAllRows(text, {}, 3);
    expect(rows).toEqual([
      { line: 2, record: ["Acme", "line one\nline two\r\nline three"] },
      { line: 5, record: ["Beta", "single"] },
      { line: 6, record: ["Gamma\nCo", "x"] },
      { line: 8, record: ["Delta", "y"] },
    ]);
  });

  it("skips blank lines without shifting line numbers", async () => {
    const { rows } = await readAllRows("name,web\n\nAcme,a.com\n\n\nBeta,b.io\n\n");
    expect(rows).toEqual([
      { line: 3, record: ["Acme", "a.com"] },
      { line: 6, record: ["Beta", "b.io"] },
    ]);
  });

  it("trims header names and reports rows with too many fields", async () => {
    const { headers, rows } = await readAllRows(" Name , Website \nAcme,acme.com,extra\nBeta,beta.io\n");
    expect(headers).toEqual(["Name", "Website"]);
    expect(rows).toEqual([
      { line: 2, error: "expected 2 fields, found 3" },
      { line: 3, record: ["Beta", "beta.io"] },
    ]);
  });

  it("reads UTF-16LE with a BOM", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Name;Ville\nÉcole;Zürich\n", "utf16le"),
    ]);
    const { encoding, delimiter, rows } = await readAllRows(bytes);
    expect(encoding.encoding).toBe("utf-16le");
    expect(delimiter).toBe(";");
    expect(rows).toEqual([{ line: 2, record: ["École", "Zürich"] }]);
  });
});
