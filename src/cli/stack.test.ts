/**
 * `ecostack stack show` and `ecostack export stack` as real child processes on the demo
 * workspace: a fresh data dir, or a throwaway database when TEST_DATABASE_URL is set.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliTarget, createCliTarget, succeeded } from "../test/cli.ts";
import { linesOf, PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

describe("ecostack stack and export stack", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget("cli-stack", { dataSubdir: true });
    succeeded(await cli("demo", "--json"));
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await target?.dispose();
  }, PROCESS_TEST_TIMEOUT);

  it("stack show --json prints the layers, stages, cells, gaps and recommendations", async () => {
    const stack = JSON.parse(succeeded(await cli("stack", "show", "--json")));
    expect(stack.solution.name).toBe("Bluefjord Cloud Analytics");
    expect(stack.icp.name).toBe("Mid-market manufacturing");
    expect(stack.layers).toHaveLength(5);
    expect(stack.stages.map((s: { name: string }) => s.name)).toEqual([
      "Identify",
      "Reach",
      "Influence",
      "Develop",
      "Expand",
    ]);
    expect(stack.cells).toHaveLength(25);
    expect(stack.gaps.length).toBeGreaterThan(0);
    expect(stack.gaps[0].recommendations.length).toBeGreaterThan(0);
  });

  it("stack show prints a compact matrix with level symbols and the gaps", async () => {
    const lines = linesOf(
      succeeded(
        await cli(
          "stack",
          "show",
          "--solution",
          "bluefjord embedded bi",
          "--icp",
          "Regulated financial services",
        ),
      ),
    );
    expect(lines[0]).toBe("Stack: Bluefjord Embedded BI × Regulated financial services");
    expect(lines[3]).toMatch(/^ {22}Identify +Reach +Influence +Develop +Expand/);
    expect(lines.find((l) => l.startsWith("Alliance"))).toMatch(/^Alliance {14}-- 0 /);
    expect(lines).toContain("Legend: -- gap  ~ weak  + covered  ++ strong");
    expect(
      lines.some((l) => l.includes("No active partner covers 'Big-four consultancy' (influencer)")),
    ).toBe(true);
  });

  it("export stack writes the PDF one-pager and the Markdown document", async () => {
    const pdfFile = path.join(target.dir, "stack.pdf");
    const printed = succeeded(await cli("export", "stack", "--format", "pdf", "--out", pdfFile));
    expect(printed).toMatch(/^Wrote the stack of Bluefjord Cloud Analytics × Mid-market manufacturing to /);
    const pdf = fs.readFileSync(pdfFile);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);

    const mdFile = path.join(target.dir, "stack.md");
    const json = JSON.parse(
      succeeded(
        await cli(
          "export",
          "stack",
          "--format",
          "md",
          "--out",
          mdFile,
          "--icp",
          "Regulated financial services",
          "--json",
        ),
      ),
    );
    expect(json).toMatchObject({ file: mdFile, format: "md", icp: "Regulated financial services" });
    const text = fs.readFileSync(mdFile, "utf8");
    expect(text).toContain(
      "# Ecosystem Strategy Stack: Bluefjord Cloud Analytics × Regulated financial services",
    );
    expect(text).toContain("| Layer | Identify | Reach | Influence | Develop | Expand |");
  });

  it("fails with one line for an unknown solution or a missing format", async () => {
    const unknown = await cli("stack", "show", "--solution", "Nothing like it");
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(linesOf(unknown.stderr)).toEqual(['ecostack: The solution "Nothing like it" was not found.']);
    const noFormat = await cli("export", "stack", "--out", path.join(target.dir, "x"));
    expect(noFormat.code).toBe(1);
    expect(linesOf(noFormat.stderr)).toEqual(["ecostack: required option '--format <format>' not specified"]);
  });
});
