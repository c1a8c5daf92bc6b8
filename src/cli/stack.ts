/**
 * `ecostack stack show` (the matrix and gaps as text or JSON) and `ecostack export stack` (the
 * Markdown or PDF document to a file). `export` is a command group so other exports (CSV of
 * entities) can join it as subcommands.
 */
import fs from "node:fs";
import { type Command, Option } from "commander";
import { compactMoney, percent } from "../modules/stack/export-markdown.ts";
import { type ExportFormat, exportFormats, renderStackExport } from "../modules/stack/exports.ts";
import { presentStack } from "../modules/stack/presenters.ts";
import { getStack, type Stack } from "../modules/stack/service.ts";
import { cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";

/** ASCII symbols: terminals without emoji fonts still show the levels. */
const textSymbols = { empty: "--", weak: "~ ", covered: "+ ", strong: "++" } as const;

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** A compact text matrix: one row per layer, one column per stage, then the gaps. */
export function formatStackText(stack: Stack): string {
  const layerWidth = 22;
  const columnWidth = 16;
  const lines: string[] = [];
  lines.push(`Stack: ${stack.solution.name} × ${stack.icp.name}`);
  lines.push(
    `VCOC coverage ${percent(stack.vcoc.overall)} · ${stack.totals.coveredCells}/${stack.cells.length} cells covered · ` +
      `${stack.gaps.length} gaps · partner pipeline ${compactMoney(stack.totals.pipeline)}`,
  );
  lines.push("");
  lines.push(pad("", layerWidth) + stack.stages.map((s) => pad(s.name, columnWidth)).join(""));
  for (const layer of stack.layers) {
    const row = stack.stages.map((stage) => {
      const cell = stack.cells.find((c) => c.layer === layer.key && c.stageKey === stage.key);
      if (!cell) return pad("", columnWidth);
      const pipeline = cell.pipeline > 0 ? ` ${compactMoney(cell.pipeline)}` : "";
      return pad(`${textSymbols[cell.level]} ${cell.coverageScore}${pipeline}`, columnWidth);
    });
    lines.push(pad(layer.label, layerWidth) + row.join(""));
  }
  lines.push("");
  lines.push(
    `Legend: ${textSymbols.empty} gap  ${textSymbols.weak}weak  ${textSymbols.covered}covered  ${textSymbols.strong} strong`,
  );
  lines.push("");
  lines.push(`Gaps (${stack.gaps.length}):`);
  stack.gaps.forEach((gap, index) => {
    lines.push(`${String(index + 1).padStart(3)}. ${gap.reason}`);
    const names = gap.recommendations.map((r) => `${r.name} (${r.score})`).join(", ");
    if (names) lines.push(`     → recommend: ${names}`);
  });
  return lines.join("\n");
}

interface StackOptions {
  solution?: string;
  icp?: string;
  workspace?: string;
}

async function loadStack(opts: StackOptions, use: (stack: Stack) => Promise<void> | void) {
  await withDatabase(async (database) => {
    const workspace = await resolveWorkspace(database, opts.workspace);
    const stack = await getStack(database.db, cliContext(workspace, "viewer"), {
      solution: opts.solution,
      icp: opts.icp,
    });
    await use(stack);
  });
}

export function registerStackCommands(program: Command) {
  const stack = program.command("stack").description("The stack matrix of layers × journey stages");
  stack
    .command("show")
    .description("Show the stack of a solution × ICP: coverage per layer and stage, gaps, recommendations")
    .option("--solution <ref>", "solution name or id (default: the first by name)")
    .option("--icp <ref>", "ICP name or id (default: the first by name)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON (the API's shape)")
    .action(async (opts: StackOptions & { json?: boolean }) => {
      await loadStack(opts, (result) => {
        print(!!opts.json, presentStack(result), formatStackText(result));
      });
    });

  const exporter = program.command("export").description("Export documents and data");
  exporter
    .command("stack")
    .description("Write the stack of a solution × ICP as Markdown or a one-page PDF")
    .option("--solution <ref>", "solution name or id (default: the first by name)")
    .option("--icp <ref>", "ICP name or id (default: the first by name)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .addOption(
      new Option("--format <format>", "document format").choices(exportFormats).makeOptionMandatory(),
    )
    .requiredOption("--out <file>", "file to write")
    .option("--json", "print JSON")
    .action(async (opts: StackOptions & { format: ExportFormat; out: string; json?: boolean }) => {
      await loadStack(opts, async (result) => {
        const file = await renderStackExport(result, opts.format);
        fs.writeFileSync(opts.out, file.body);
        print(
          !!opts.json,
          {
            file: opts.out,
            format: opts.format,
            bytes: file.body.length,
            solution: result.solution.name,
            icp: result.icp.name,
          },
          `Wrote the stack of ${result.solution.name} × ${result.icp.name} to ${opts.out} (${file.body.length} bytes).`,
        );
      });
    });
}
