/**
 * `ecostack export <accounts|opportunities|partners|contacts> --format csv [--out FILE]`: the same
 * streamed CSV as GET /api/v1/exports/{entity}, to stdout or a file. The subcommands join the
 * `export` group that `export stack` (src/cli/stack.ts) created.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Command, Option } from "commander";
import { type ExportEntity, exportEntities } from "../modules/exports/entities.ts";
import { exportFormats, streamEntityCsv } from "../modules/exports/service.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";

const singular: Record<ExportEntity, string> = {
  accounts: "account",
  opportunities: "opportunity",
  partners: "partner",
  contacts: "contact",
};

type ExportOptions = { format: string; out?: string; workspace?: string; json?: boolean };

/** The `export` group, wherever it was registered first. */
function exportGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "export") ??
    program.command("export").description("Export documents and data")
  );
}

/** A reader that went away (`| head`) is not an error of the export. */
const isClosedPipe = (error: unknown) =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === "EPIPE";

async function runExport(entity: ExportEntity, opts: ExportOptions) {
  if (opts.json && !opts.out)
    throw new CliError("--json: needs --out FILE (without it the CSV itself is printed)");
  await withDatabase(async (database) => {
    const workspace = await resolveWorkspace(database, opts.workspace);
    let rows = 0;
    const csv = Readable.from(
      streamEntityCsv(database.db, cliContext(workspace), entity, {
        onComplete: (count) => {
          rows = count;
        },
      }),
    );
    if (!opts.out) {
      try {
        await pipeline(csv, process.stdout, { end: false });
      } catch (error) {
        if (!isClosedPipe(error)) throw error;
      }
      return;
    }
    // Written beside the target and renamed at the end: a failed export never leaves half a file.
    const partial = `${opts.out}.partial`;
    try {
      await pipeline(csv, fs.createWriteStream(partial));
      fs.renameSync(partial, opts.out);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    const bytes = fs.statSync(opts.out).size;
    print(
      !!opts.json,
      {
        entity,
        format: "csv",
        file: opts.out,
        rows,
        bytes,
        workspace: { id: workspace.id, name: workspace.name },
      },
      `Wrote ${rows} ${entity} of ${workspace.name} to ${opts.out} (${bytes} bytes).`,
    );
  });
}

export function registerExportCommands(program: Command) {
  const group = exportGroup(program);
  for (const entity of exportEntities) {
    group
      .command(entity)
      .description(`Write every ${singular[entity]} of the workspace as CSV (stdout, or --out FILE)`)
      .addOption(new Option("--format <format>", "file format").choices(exportFormats).default("csv"))
      .option("--out <file>", "file to write (default: stdout)")
      .option("--workspace <ref>", "workspace name or id (needed when there are several)")
      .option("--json", "with --out: print a JSON summary (rows, bytes)")
      .action((opts: ExportOptions) => runExport(entity, opts));
  }
}
