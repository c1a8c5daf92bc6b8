import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellIssue, cellReaders, cellSchemas } from "./cells.ts";

describe("cell readers", () => {
  it("reads CRM partner types and refuses what names none, inherited object keys included", () => {
    expect(cellReaders.partnerType("Value Added Reseller")).toBe("var");
    expect(cellReaders.partnerType("System Integrator")).toBe("si");
    expect(cellReaders.partnerType("MSP")).toBe("msp");
    for (const raw of ["constructor", "__proto__", "toString", "hasOwnProperty", "Wizard"])
      expect(cellReaders.partnerType(raw)).toBeInstanceOf(CellIssue);
  });

  it("stores countries as ISO codes and keeps text that names none", () => {
    expect(cellReaders.country("United States")).toBe("US");
    expect(cellReaders.country("USA")).toBe("US");
    expect(cellReaders.country("Deutschland")).toBe("DE");
    expect(cellReaders.country("EMEA")).toBe("EMEA");
  });

  it("reads the number spellings CRM exports write", () => {
    expect(cellReaders.decimal("500000.0")).toBe("500000.0");
    expect(cellReaders.decimal("$1,200.50")).toBe("1200.50");
    expect(cellReaders.decimal("1.200,50")).toBe("1200.50");
    expect(cellReaders.integer("8.48E10")).toBe(84_800_000_000);
    expect(cellReaders.integer("12.5")).toBeInstanceOf(CellIssue);
    expect(cellReaders.date("03/31/2026")).toBe("2026-03-31");
    expect(cellReaders.date("31.03.2026")).toBe("2026-03-31");
    expect(cellReaders.date("2026-02-30")).toBeInstanceOf(CellIssue);
  });

  it("never throws, and the zod schemas agree with the readers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(cellReaders) as (keyof typeof cellReaders)[])),
        fc.string(),
        (kind, raw) => {
          const value = cellReaders[kind](raw.trim());
          const parsed = cellSchemas[kind].safeParse(raw);
          if (value instanceof CellIssue) expect(parsed.success).toBe(false);
          else expect(parsed).toEqual({ success: true, data: value });
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
