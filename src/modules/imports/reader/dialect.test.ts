import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./dialect.ts";
import { decodeAll, fixture } from "./test-helpers.ts";

describe("delimiter detection", () => {
  it("detects comma, semicolon and tab", () => {
    expect(detectDelimiter("name,website,country\nAcme,acme.com,FR\n")).toBe(",");
    expect(detectDelimiter("name;website;country\nAcme;acme.com;FR\nBeta;beta.io;DE\n")).toBe(";");
    expect(detectDelimiter("name\twebsite\tcountry\r\nAcme\tacme.com\tFR\r\n")).toBe("\t");
  });

  it("ignores delimiters inside quotes, including quoted newlines and doubled quotes", () => {
    const sample = 'name;note\n"Acme, Inc.";"says ""hi"", then\nmore, more, more"\n"Beta, Ltd";ok\n';
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("prefers the delimiter with a consistent count over one that only appears in values", () => {
    const sample = "name;amount\nAcme;1,5\nBeta;2,75\nGamma;3\n";
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("falls back to comma for a single-column file", () => {
    expect(detectDelimiter("name\nAcme\nBeta\n")).toBe(",");
  });

  it("detects the real exports as comma-separated", async () => {
    for (const name of [
      "salesforce_dataloader_sample_accounts_cp1252.csv",
      "salesforce_report_export_style_accounts_contacts_lwc_recipes.csv",
      "aws_ace_opportunity_fields.csv",
    ]) {
      const { text } = await decodeAll(fixture(name), {}, 65536);
      expect(detectDelimiter(text.slice(0, 8192))).toBe(",");
    }
  });
});
