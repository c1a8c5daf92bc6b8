import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/db.ts";
import type { Database } from "./client.ts";
import { copyLines, copyTextValue } from "./copy.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

type Row = { n: number; a: string | null; b: string | null };

/** Copies rows into a temp table inside one transaction and reads them back in order. */
async function roundTrip(rows: { a: string | null; b: string | null }[]): Promise<Row[]> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`create temp table copy_probe (n int, a text, b text) on commit drop`);
    const lines = rows.map((r, n) => `${n}\t${copyTextValue(r.a)}\t${copyTextValue(r.b)}\n`);
    await copyLines(tx, "copy_probe", ["n", "a", "b"], lines);
    const result = (await tx.execute(sql`select n, a, b from copy_probe order by n`)) as unknown as {
      rows: Row[];
    };
    return result.rows.map((r) => ({ n: Number(r.n), a: r.a, b: r.b }));
  });
}

describe("copyTextValue", () => {
  it("escapes what COPY's text format gives meaning to and writes null as \\N", () => {
    expect(copyTextValue(null)).toBe("\\N");
    expect(copyTextValue(undefined)).toBe("\\N");
    expect(copyTextValue(12.5)).toBe("12.5");
    expect(copyTextValue("plain")).toBe("plain");
    expect(copyTextValue("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyTextValue("\\N")).toBe("\\\\N");
    expect(copyTextValue("nul\0gone")).toBe("nulgone");
  });
});

describe("copyLines", () => {
  it("stores every value exactly, including tabs, line breaks, backslashes, quotes and a literal \\N", async () => {
    const rows = [
      { a: "Crédito Inmobiliario Terras", b: null },
      { a: 'say "hi",\tthen\nleave\r\n', b: "C:\\path\\N" },
      { a: "\\N", b: "" },
      { a: "=SUM(A1)", b: "🚀 ünïcode" },
    ];
    expect(await roundTrip(rows)).toEqual(rows.map((r, n) => ({ n, ...r })));
  });

  it("round-trips any text (NUL aside) across many chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            a: fc.option(
              fc.string({ unit: "binary" }).map((s) => s.replace(/\0/g, "")),
              { nil: null },
            ),
            b: fc.option(fc.string({ minLength: 5_000, maxLength: 20_000 }), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        async (rows) => {
          expect(await roundTrip(rows)).toEqual(rows.map((r, n) => ({ n, ...r })));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuses to run outside a transaction", async () => {
    await expect(copyLines(database.db, "copy_probe", ["n"], ["1\n"])).rejects.toThrow(
      /transaction|connection/,
    );
  });
});
