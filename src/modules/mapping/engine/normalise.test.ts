import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consumerDomains, isConsumerDomain, normaliseCompanyName, normaliseDomain } from "./normalise.ts";

describe("normaliseDomain", () => {
  it.each([
    ["https://WWW.Acme.com:8080/about?x=1", "acme.com"],
    ["acme.com.", "acme.com"],
    ["http://shop.acme.co.uk/", "acme.co.uk"],
    ["jane.doe@Sales.Acme.de", "acme.de"],
    ["www2.acme.io", "acme.io"],
    ["mailto:sales@acme.fr", "acme.fr"],
    ["https://acme.com/contact@team", "acme.com"],
    ["https://user:pw@www.acme.com", "acme.com"],
    ["a.github.io", "a.github.io"],
    ["https://foo.wixsite.com/site", "foo.wixsite.com"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it("keeps sites on private suffixes apart", () => {
    expect(normaliseDomain("a.github.io")).not.toBe(normaliseDomain("b.github.io"));
  });

  it.each([
    "192.168.0.1",
    "http://10.0.0.1:8080/x",
    "[::1]",
    "not a domain",
    "localhost",
    "",
    "joe@gmail.com",
    "https://mail.yahoo.co.jp",
    "someone@hotmail.fr",
    "gmx.at",
    "https://mybakery.wordpress.com",
    "shop.squarespace.com",
  ])("returns null for %j (IP, invalid, consumer or shared hosting)", (input) => {
    expect(normaliseDomain(input)).toBeNull();
  });

  it("treats every listed consumer domain as consumer", () => {
    for (const domain of consumerDomains) expect(isConsumerDomain(domain)).toBe(true);
    expect(isConsumerDomain("acme.com")).toBe(false);
  });
});

describe("normaliseCompanyName", () => {
  const core = (name: string) => normaliseCompanyName(name).core;

  it.each([
    ["COSTCO WHOLESALE CORP /NEW", "costco wholesale"],
    ["BERKSHIRE HATHAWAY INC /DE/", "berkshire hathaway"],
    ["Viridian Therapeutics, Inc.DE", "viridian therapeutics"],
    ["TOYOTA MOTOR CORP/", "toyota motor"],
    ["Novo Nordisk A/S", "novo nordisk"],
    ["ASML Holding N.V.", "asml"],
    ["Fomento Economico Mexicano S.A.B. de C.V.", "fomento economico mexicano"],
    ["Banco Santander, S.A. Sponsored ADR (Spain)", "banco santander"],
    ["SAP  SE ADS", "sap"],
    ["Unum Group 6.250% Junior Subordinated Notes due 2058", "unum"],
    [
      "KNOT Offshore Partners LP Common Units representing Limited Partner Interests",
      "knot offshore partners",
    ],
    ["Shopify Inc. Class A Subordinate Voting Shares", "shopify"],
    ["Société Générale S.A.", "societe generale"],
    ["Nestlé S.A.", "nestle"],
    ["JPMorgan Chase & Co.", "jpmorgan chase"],
    ["Gabelli Equity Trust, Inc. (The)", "gabelli equity trust"],
    ["The Container Store Company", "container store"],
    ["Acme GmbH", "acme"],
    ["Acme Pty Ltd", "acme"],
    ["Acme S.p.A.", "acme"],
    ["Acme Oyj", "acme"],
    ["Acme L.L.C.", "acme"],
    ["Service Corp International", "service corp international"],
    ["BP p.l.c.", "bp"],
  ])("%s → core %j", (input, expected) => {
    expect(core(input)).toBe(expected);
  });

  it("records the legal forms it stripped", () => {
    expect(normaliseCompanyName("Fomento Economico Mexicano S.A.B. de C.V.").legalForms).toEqual([
      "sab",
      "decv",
    ]);
    expect(normaliseCompanyName("Acme Pty Ltd").legalForms).toEqual(["pty", "ltd"]);
  });

  it("keeps a legal-form word that is the whole name or not at the end", () => {
    expect(core("Co Diagnostics Inc")).toBe("co diagnostics");
    expect(core("The Company")).toBe("co");
    expect(core("AG")).toBe("ag");
  });

  it("keeps meaningful words such as Trust, Fund and Bancorp", () => {
    expect(core("First Bancorp")).toBe("first bancorp");
    expect(core("Eaton Vance Municipal Income Trust")).toBe("eaton vance municipal income trust");
  });

  it("gives reversed EDGAR personal names the same tokens", () => {
    const sort = (name: string) => normaliseCompanyName(name).core.split(" ").sort();
    expect(sort("SMITH A O CORP")).toEqual(sort("A. O. Smith Corporation"));
    expect(sort("HUNT J B TRANSPORT SERVICES INC")).toEqual(sort("J.B. Hunt Transport Services"));
  });

  it("folds case, accents, ampersands and punctuation", () => {
    expect(normaliseCompanyName("Procter & Gamble").folded).toBe("procter and gamble");
    expect(normaliseCompanyName("McDonald’s Corp.").folded).toBe("mcdonalds corp");
    expect(normaliseCompanyName("ÅRHUS Ñandú Öl").folded).toBe("arhus nandu ol");
  });

  it("is idempotent (property)", () => {
    const word = fc.oneof(
      fc.constantFrom(
        "Inc.",
        "Corp",
        "S.A.",
        "A/S",
        "/DE/",
        "&",
        "Class A",
        "ADS",
        "Holdings",
        "The",
        "de",
        "C.V.",
        "and",
        "common",
        "stock",
        "Co",
        "the",
        "Group",
        "Ltd",
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (words) => {
        const once = normaliseCompanyName(words.join(" "));
        expect(normaliseCompanyName(once.folded)).toEqual(once);
        expect(normaliseCompanyName(once.core).core).toBe(once.core);
      }),
      { numRuns: 5_000 },
    );
  });

  it("normalising a domain twice changes nothing (property)", () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const once = normaliseDomain(url);
        if (once !== null) expect(normaliseDomain(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
