import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryCode, storedCountry } from "./country.ts";

describe("countryCode", () => {
  it.each([
    ["US", "US"],
    ["us", "US"],
    ["USA", "US"],
    ["United States", "US"],
    ["United States of America", "US"],
    ["U.S.A.", "US"],
    ["  united   states ", "US"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["England", "GB"],
    ["Deutschland", "DE"],
    ["DEU", "DE"],
    ["Österreich", "AT"],
    ["Schweiz", "CH"],
    ["España", "ES"],
    ["México", "MX"],
    ["Brasil", "BR"],
    ["Holland", "NL"],
    ["The Netherlands", "NL"],
    ["Czech Republic", "CZ"],
    ["Korea", "KR"],
    ["Viet Nam", "VN"],
    ["UAE", "AE"],
  ])("reads %j as %s", (raw, code) => {
    expect(countryCode(raw)).toBe(code);
  });

  it.each([["EMEA"], ["XX"], ["Atlantis"], [""], ["   "], ["__proto__"], ["constructor"]])(
    "names no country in %j",
    (raw) => {
      expect(countryCode(raw)).toBeNull();
    },
  );

  it("is idempotent: a code reads as itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const code = countryCode(raw);
        if (code !== null) expect(countryCode(code)).toBe(code);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("storedCountry", () => {
  it("stores the code of a country and keeps other text as given, trimmed", () => {
    expect(storedCountry("United States")).toBe("US");
    expect(storedCountry(" EMEA ")).toBe("EMEA");
    expect(storedCountry("")).toBeNull();
    expect(storedCountry(null)).toBeNull();
  });
});
