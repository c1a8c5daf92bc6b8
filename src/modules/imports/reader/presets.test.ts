import { describe, expect, it } from "vitest";
import { defaultColumnMapping, detectPreset, mappedColumns, normalizeHeader } from "./presets.ts";
import { decodeAll, fixture, simpleHeaderCells } from "./test-helpers.ts";

async function headersOf(name: string): Promise<string[]> {
  const { text } = await decodeAll(fixture(name), {}, 65536);
  return simpleHeaderCells(text);
}

describe("preset detection and default mapping", () => {
  it("recognises Ecostack's own export by its ecostackId column and maps its field-named headers", () => {
    const headers = [
      "externalId",
      "name",
      "website",
      "domain",
      "country",
      "status",
      "ecostackId",
      "updatedAt",
    ];
    expect(detectPreset(headers)).toBe("ecostack");
    const byField = mappedColumns(defaultColumnMapping("account", headers));
    expect(byField.get("externalId")).toBe(0);
    expect(byField.get("name")).toBe(1);
    expect(byField.get("website")).toBe(2);
    expect(byField.get("country")).toBe(4);
    expect(detectPreset(["externalId", "name", "website"])).toBe("generic");
  });

  it("maps the Salesforce Data Loader account export", async () => {
    const headers = await headersOf("salesforce_dataloader_sample_accounts_cp1252.csv");
    expect(detectPreset(headers)).toBe("salesforce");
    const byField = mappedColumns(defaultColumnMapping("account", headers));
    const headerOf = (field: Parameters<typeof byField.get>[0]) => headers[byField.get(field) ?? -1];
    expect(headerOf("externalId")).toBe("ID");
    expect(headerOf("name")).toBe("NAME");
    expect(headerOf("website")).toBe("WEBSITE");
    expect(headerOf("country")).toBe("BILLINGCOUNTRY");
    expect(headerOf("region")).toBe("BILLINGSTATE");
    expect(headerOf("industry")).toBe("INDUSTRY");
    expect(headerOf("employees")).toBe("NUMBEROFEMPLOYEES");
    expect(headerOf("annualRevenue")).toBe("ANNUALREVENUE");
    expect(headerOf("owner")).toBe("OWNERID");
    expect(byField.has("domain")).toBe(false);
  });

  it("maps the opportunity export's ACCOUNTID to accountExternalId", async () => {
    const headers = await headersOf("salesforce_dataloader_sample_opportunities.csv");
    expect(detectPreset(headers)).toBe("salesforce");
    const mapping = defaultColumnMapping("opportunity", headers);
    const fieldOf = (header: string) => mapping.find((entry) => entry.header === header)?.field;
    expect(fieldOf("ACCOUNTID")).toBe("accountExternalId");
    expect(fieldOf("ID")).toBe("externalId");
    expect(fieldOf("NAME")).toBe("name");
    expect(fieldOf("AMOUNT")).toBe("amount");
    expect(fieldOf("STAGENAME")).toBe("stage");
    expect(fieldOf("CLOSEDATE")).toBe("closeDate");
    expect(fieldOf("EXPECTEDREVENUE")).toBeNull();
  });

  it("maps a Salesforce report export by object prefix, leaving other objects unmapped", async () => {
    const headers = await headersOf("salesforce_report_export_style_accounts_contacts_lwc_recipes.csv");
    expect(headers[0]).toBe("Account: Account Name");
    expect(detectPreset(headers)).toBe("salesforce-report");
    const mapping = defaultColumnMapping("account", headers);
    const fieldOf = (header: string) => mapping.find((entry) => entry.header === header)?.field;
    expect(fieldOf("Account: Account Name")).toBe("name");
    expect(fieldOf("Account: Type")).toBe("status");
    expect(fieldOf("Contact: Email")).toBeNull();
    expect(fieldOf("Contact: First Name")).toBeNull();
  });

  it("maps a HubSpot company export", () => {
    const headers = [
      "Record ID",
      "Company name",
      "Company Domain Name",
      "Website URL",
      "Country/Region",
      "State/Region",
      "Number of Employees",
      "Annual Revenue",
      "Industry",
      "Company owner",
      "Lifecycle Stage",
      "Create Date",
    ];
    expect(detectPreset(headers)).toBe("hubspot");
    const fields = defaultColumnMapping("account", headers).map((entry) => entry.field);
    expect(fields).toEqual([
      "externalId",
      "name",
      "domain",
      "website",
      "country",
      "region",
      "employees",
      "annualRevenue",
      "industry",
      "owner",
      "status",
      null,
    ]);
  });

  it("maps a plain partners file with only Name, Website, Type", () => {
    const headers = ["Name", "Website", "Type"];
    expect(detectPreset(headers)).toBe("generic");
    expect(defaultColumnMapping("partner", headers)).toEqual([
      { column: 0, header: "Name", field: "name" },
      { column: 1, header: "Website", field: "website" },
      { column: 2, header: "Type", field: "type" },
    ]);
  });

  it("never maps two columns to the same field and honours an explicit preset", () => {
    const mapping = defaultColumnMapping("account", ["Name", "Company", "Country"], "generic");
    expect(mapping.map((entry) => entry.field)).toEqual(["name", null, "country"]);
    expect(normalizeHeader("Country/Region")).toBe("countryregion");
    expect(detectPreset([])).toBe("generic");
    expect(detectPreset(["ID", "Name", "Website"])).toBe("generic");
  });
});
