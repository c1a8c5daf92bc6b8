/** The demo partners' account lists: their sizes, determinism, and real overlaps under other spellings. */
import { describe, expect, it } from "vitest";
import { matchAccounts } from "../mapping/engine/match.ts";
import { generateDemoAccounts } from "./accounts.ts";
import { generatePartnerList } from "./seed-mapping.ts";
import { DEMO_ACCOUNT_COUNT } from "./seed-strategy.ts";

describe("demo partner account lists", () => {
  const vendor = generateDemoAccounts(DEMO_ACCOUNT_COUNT);
  const records = vendor.map((a, i) => ({
    id: `v${i}`,
    name: a.name,
    website: a.website,
    country: a.country,
  }));

  it("are deterministic, of the asked size, and overlap the vendor under other spellings", () => {
    const list = { size: 180, overlap: 0.5, seed: 11 };
    const rows = generatePartnerList(vendor, list);
    expect(rows).toEqual(generatePartnerList(vendor, list));
    expect(rows).toHaveLength(180);
    const vendorNames = new Set(vendor.map((a) => a.name));
    // Most shared accounts are spelled differently from the vendor's CRM.
    const verbatim = rows.filter((r) => vendorNames.has(r.name)).length;
    expect(verbatim).toBeLessThan(45);
    expect(rows.filter((r) => r.website === null).length).toBeGreaterThan(30);
    const result = matchAccounts(
      records,
      rows.map((r, i) => ({ id: `p${i}`, name: r.name, website: r.website, country: r.country })),
    );
    // 90 shared accounts: most found as the same company, subsidiaries and "… Group" as related.
    expect(result.same.length).toBeGreaterThanOrEqual(55);
    expect(result.related.length).toBeGreaterThanOrEqual(5);
    expect(result.same.length + result.related.length).toBeLessThanOrEqual(95);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["customer", "opportunity", "prospect"]));
  });

  it("fills the longest list with accounts the vendor does not have", () => {
    const rows = generatePartnerList(vendor, { size: 200, overlap: 0.35, seed: 13 });
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.name)).size).toBe(200);
  });
});
