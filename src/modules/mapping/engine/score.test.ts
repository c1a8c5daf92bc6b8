import { describe, expect, it } from "vitest";
import { type MatchRecord, matchAccounts } from "./match.ts";

const pair = (left: Omit<MatchRecord, "id">, right: Omit<MatchRecord, "id">) =>
  matchAccounts([{ id: "l", ...left }], [{ id: "r", ...right }]);

describe("scoring rules", () => {
  it("calls a typo inside a longer word of a multi-word name the same company", () => {
    const { same } = pair(
      { name: "Baker Supply Corp", country: "US" },
      { name: "Bakor Supply Corp.", country: "US" },
    );
    expect(same).toHaveLength(1);
    expect(same[0]?.evidence).toContain("name 0.93");
  });

  it("keeps short words, first letters and one-word names apart", () => {
    for (const [a, b] of [
      ["CNA Financial Corp", "CNB Financial Corporation"],
      ["Hope Bancorp Inc", "Home Bancorp, Inc."],
      ["Vos Insurance", "Bos Insurance B.V."],
      ["Lutyon", "Lutyo Inc."],
    ] as const) {
      expect(pair({ name: a }, { name: b }).same, `${a} / ${b}`).toEqual([]);
    }
  });

  it("reports siblings under one group as related", () => {
    const { same, related } = pair({ name: "Ameren Illinois Co" }, { name: "Ameren Missouri" });
    expect(same).toEqual([]);
    expect(related[0]?.evidence.at(-1)).toBe('siblings under "ameren"');
  });

  it("finds a subsidiary abroad through the group's domain label and a region word", () => {
    const { related } = pair(
      { name: "Zentrova Logistics Inc.", website: "zentrova.com", country: "US" },
      { name: "Zentrova Logistics Deutschland GmbH", website: "zentrova.de", country: "DE" },
    );
    expect(related).toHaveLength(1);
    expect(related[0]?.evidence).toContain('"zentrova logistics" is the start of the other name');
  });

  it("does not relate one brand in two industries", () => {
    expect(pair({ name: "Delta Air Lines, Inc." }, { name: "Delta Faucet Company" })).toEqual({
      same: [],
      related: [],
    });
    expect(pair({ name: "Hartmann Logistics GmbH" }, { name: "Hartmann Energy GmbH" })).toEqual({
      same: [],
      related: [],
    });
  });

  it("treats the same words in another order as the same company, not as relatives", () => {
    const { same, related } = pair(
      { name: "Eastern Delta Systems Digital SE" },
      { name: "Eastern Delta Digital Systems SE" },
    );
    expect(same).toHaveLength(1);
    expect(related).toEqual([]);
  });

  it("accepts an acronym only with the company domain to back it", () => {
    const withDomain = pair(
      { name: "IBM", website: "ibm.com" },
      { name: "International Business Machines Corp", website: "https://www.ibm.com" },
    );
    expect(withDomain.same[0]?.evidence).toEqual(["same domain ibm.com", "name 0.85", "acronym IBM"]);
    expect(pair({ name: "IBM" }, { name: "International Business Machines Corp" }).same).toEqual([]);
  });

  it("folds letters decomposition leaves alone and agrees on legal-form spellings", () => {
    expect(pair({ name: "Groß Steel Services AG" }, { name: "GROSS STEEL SERVICES AG" }).same).toHaveLength(
      1,
    );
    expect(pair({ name: "Åkesson Foods AB" }, { name: "AKESSON FOODS AKTIEBOLAG" }).same[0]?.score).toBe(1);
    expect(pair({ name: "Summit Star Electric K.K." }, { name: "Summit Star Electric" }).same).toHaveLength(
      1,
    );
  });
});
