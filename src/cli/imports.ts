/**
 * `ecostack import <entity> <file>`: imports a CSV in this process through the same preview /
 * commit job handlers the server runs (importFile), with a progress bar. Running the same import
 * again after a crash resumes the unfinished commit of that file.
 */
import type { Command } from "commander";
import type { Db } from "../db/client.ts";
import type { WorkspaceContext } from "../http/policy.ts";
import { parseImportEntity } from "../modules/imports/fields.ts";
import { importFile } from "../modules/imports/import-file.ts";
import { type PresetChoice, presetChoices } from "../modules/imports/service.ts";
import { rowErrorsPage } from "../modules/imports/store.ts";
import { getPartner, listPartners } from "../modules/partners/service.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";
import { createProgressPrinter } from "./jobs.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERRORS_SHOWN = 5;

async function resolvePartnerId(db: Db, ctx: WorkspaceContext, ref: string): Promise<string> {
  if (uuidPattern.test(ref)) {
    const partner = await getPartner(db, ctx, ref).catch(() => undefined);
    if (partner) return partner.id;
  }
  const page = await listPartners(db, ctx, { q: ref, limit: 200, sort: "name" });
  const named = page.items.filter((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
  if (named.length > 1)
    throw new CliError(`--partner: several partners are named "${ref}"; pass its id instead.`);
  const [only] = named;
  if (!only) throw new CliError(`--partner: no partner named or with id "${ref}".`);
  return only.id;
}

type ImportOptions = {
  partner?: string;
  preset: string;
  source?: string;
  dryRun?: boolean;
  json?: boolean;
  workspace?: string;
  batchSize?: string;
};

export function registerImportCommands(program: Command) {
  program
    .command("import")
    .description(
      "Import a CSV: accounts, opportunities, partners, contacts, or a partner's account list (accounts --partner NAME)",
    )
    .argument("<entity>", "accounts | opportunities | partners | contacts (singular too)")
    .argument("<file>", "the CSV file (UTF-8, UTF-16 or Windows-1252; , ; or tab)")
    .option("--partner <ref>", "with accounts: the partner (name or id) whose account list this is")
    .option("--preset <preset>", `column preset: ${presetChoices.join(" | ")}`, "auto")
    .option("--source <source>", "external-id namespace of the upsert key (default: from the preset)")
    .option("--dry-run", "preview only: count creates / updates / unchanged / rejects, write nothing")
    .option("--batch-size <rows>", "rows per committed batch (default 20000)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print one JSON object at the end")
    .action(async (entityName: string, file: string, opts: ImportOptions) => {
      const parsed = parseImportEntity(entityName);
      if (!parsed || parsed === "partner_account")
        throw new CliError(
          `Unknown entity "${entityName}": use accounts, opportunities, partners or contacts.`,
        );
      if (opts.partner && parsed !== "account")
        throw new CliError("--partner: only an account list (accounts --partner NAME) belongs to a partner.");
      const entity = opts.partner ? "partner_account" : parsed;
      const preset = presetChoices.find((p) => p === opts.preset);
      if (!preset) throw new CliError(`--preset: one of ${presetChoices.join(", ")}.`);
      const batchSize = opts.batchSize === undefined ? undefined : Number(opts.batchSize);
      if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1))
        throw new CliError("--batch-size: a whole number of rows, at least 1.");
      await withDatabase(async (database) => {
        const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
        const partnerId = opts.partner ? await resolvePartnerId(database.db, ctx, opts.partner) : null;
        const label = `${opts.dryRun ? "Previewing" : "Importing"} ${file}`;
        const printer = opts.json ? undefined : createProgressPrinter(label);
        const result = await importFile(database, ctx, {
          entity,
          filePath: file,
          partnerId,
          preset: preset as PresetChoice,
          source: opts.source,
          dryRun: opts.dryRun === true,
          batchSize,
          onProgress: (job) => printer?.update(job),
        });
        if (opts.json) print(true, result, "");
        else {
          const errors = await rowErrorsPage(
            database.db,
            ctx,
            result.importId,
            opts.dryRun ? "preview" : "commit",
            {
              limit: ERRORS_SHOWN,
            },
          );
          const verb = opts.dryRun ? "would be" : "";
          const lines = [
            `${result.rows} rows: ${result.created} ${verb} created, ${result.updated} ${verb} updated, ${result.unchanged} unchanged, ${result.rejected} rejected`.replace(
              / {2,}/g,
              " ",
            ),
            ...(result.resumed ? ["(resumed an interrupted import of this file)"] : []),
            ...errors.map((e) => `  line ${e.line}${e.column ? ` (${e.column})` : ""}: ${e.reason}`),
            ...(result.rejected > errors.length
              ? [`  … all rejected rows: GET /api/v1/imports/${result.importId}/errors`]
              : []),
            `import ${result.importId} · job ${result.jobId}`,
          ];
          print(false, null, lines.join("\n"));
        }
        if (result.status === "failed")
          throw new CliError(`Import failed: ${result.error ?? "no reason given"}`);
        if (result.status === "cancelled") throw new CliError("The import was cancelled.");
      });
    });
}
