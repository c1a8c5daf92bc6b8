/**
 * `ecostack map …`: map partners' account lists against the vendor's accounts (in this process,
 * with a progress bar, through the same job handler the server runs), export a partner's overlaps
 * as CSV, and show a partner's overlap matrix.
 */

import { once } from "node:events";
import fs from "node:fs";
import { type Command, Option } from "commander";
import type { Db } from "../db/client.ts";
import type { WorkspaceContext } from "../http/policy.ts";
import "../jobs/handlers.ts";
import { recordAudit } from "../modules/audit/service.ts";
import { csvLine } from "../modules/exports/csv.ts";
import { findIcpByRef } from "../modules/icps/service.ts";
import { presentJob } from "../modules/jobs/presenters.ts";
import { runJob } from "../modules/jobs/run.ts";
import { getJob, isFinished } from "../modules/jobs/service.ts";
import { enqueueMapping } from "../modules/mapping/job.ts";
import {
  allOverlaps,
  fitBands,
  matchKinds,
  overlapMatrix,
  overlapStatuses,
} from "../modules/mapping/overlaps.ts";
import { overlapCsvHeader, overlapCsvValues, presentMatrix } from "../modules/mapping/presenters.ts";
import { getPartner, listPartners } from "../modules/partners/service.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";
import { createProgressPrinter, followJob, requireSucceeded } from "./jobs.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A partner by id or exact name (case-insensitive). */
async function resolvePartner(
  db: Db,
  ctx: WorkspaceContext,
  ref: string,
): Promise<{ id: string; name: string }> {
  if (uuidPattern.test(ref)) {
    const partner = await getPartner(db, ctx, ref).catch(() => undefined);
    if (partner) return { id: partner.id, name: partner.name };
  }
  const page = await listPartners(db, ctx, { q: ref, limit: 200, sort: "name" });
  const named = page.items.filter((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
  if (named.length === 0) throw new CliError(`--partner: no partner named or with id "${ref}".`);
  if (named.length > 1)
    throw new CliError(`--partner: several partners are named "${ref}"; pass its id instead.`);
  const [only] = named;
  if (!only) throw new CliError(`--partner: no partner "${ref}".`);
  return { id: only.id, name: only.name };
}

type MappedPartner = {
  partnerName: string;
  same: number;
  related: number;
  partnerAccounts: number;
  full: boolean;
};

const describeMapped = (p: MappedPartner) =>
  `${p.partnerName}: ${p.same} same, ${p.related} related of ${p.partnerAccounts} partner accounts${p.full ? " (full run)" : ""}`;

export function registerMappingCommands(program: Command) {
  const map = program.command("map").description("Account mapping: overlaps with partners' account lists");

  map
    .command("run")
    .description(
      "Map one partner's account list (or every partner's) against your accounts, here, with progress",
    )
    .option("--partner <ref>", "partner name or id")
    .option("--all", "every partner with an account list")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { partner?: string; all?: boolean; workspace?: string; json?: boolean }) => {
      if (!opts.partner === !opts.all) throw new CliError("Pass either --partner NAME or --all.");
      await withDatabase(async (database) => {
        const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
        const partner = opts.partner ? await resolvePartner(database.db, ctx, opts.partner) : undefined;
        const job = await enqueueMapping(
          database.db,
          ctx,
          partner ? { partnerId: partner.id } : { all: true },
        );
        const printer = opts.json
          ? undefined
          : createProgressPrinter(`Mapping ${partner ? `'${partner.name}'` : "all partners"}`);
        const onProgress = (j: Parameters<NonNullable<typeof printer>["update"]>[0]) => printer?.update(j);
        // A server on the same PostgreSQL may have claimed the job: then follow it there.
        const ran = await runJob(database.db, job.id, { onProgress });
        const final = ran && isFinished(ran) ? ran : await followJob(database, ctx, job.id, onProgress);
        printer?.end(final);
        const current = await getJob(database.db, ctx, final.id);
        if (opts.json) print(true, presentJob(current), "");
        requireSucceeded(current, `Mapping job ${current.id}`);
        if (!opts.json) {
          const mapped = (current.result?.partners ?? []) as MappedPartner[];
          print(false, null, mapped.map(describeMapped).join("\n") || "No partner has an account list yet.");
        }
      });
    });

  map
    .command("export")
    .description("Write a partner's overlaps as CSV (one row per overlap)")
    .requiredOption("--partner <ref>", "partner name or id")
    .addOption(new Option("--format <format>", "file format").choices(["csv"]).default("csv"))
    .requiredOption("--out <file>", "where to write the file")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { partner: string; out: string; workspace?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
        const partner = await resolvePartner(database.db, ctx, opts.partner);
        const out = fs.createWriteStream(opts.out);
        const failed = new Promise<never>((_, reject) =>
          out.on("error", (error) => reject(new CliError(`--out: ${error.message}`))),
        );
        const write = async (line: string) => {
          if (!out.write(line)) await Promise.race([once(out, "drain"), failed]);
        };
        let rows = 0;
        await Promise.race([write(csvLine(overlapCsvHeader)), failed]);
        for await (const overlap of allOverlaps(database.db, ctx, partner.id)) {
          await write(csvLine(overlapCsvValues(overlap)));
          rows += 1;
        }
        out.end();
        await Promise.race([once(out, "finish"), failed]);
        await recordAudit(database.db, ctx, {
          action: "export.downloaded",
          subjectType: "partner_overlaps",
          subjectId: partner.id,
          details: { format: "csv", partnerName: partner.name, rows },
        });
        print(
          !!opts.json,
          { partner, rows, file: opts.out },
          `Wrote ${rows} overlaps with ${partner.name} to ${opts.out}.`,
        );
      });
    });

  map
    .command("show")
    .description("A partner's overlap matrix: your status × the partner's status")
    .requiredOption("--partner <ref>", "partner name or id")
    .addOption(new Option("--kind <kind>", "same or related companies only").choices(matchKinds))
    .option("--icp <ref>", "ICP name or id for --band (default: each account's best fit)")
    .addOption(new Option("--band <band>", "ICP fit band").choices(fitBands))
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(
      async (opts: {
        partner: string;
        kind?: (typeof matchKinds)[number];
        icp?: string;
        band?: (typeof fitBands)[number];
        workspace?: string;
        json?: boolean;
      }) => {
        await withDatabase(async (database) => {
          const ctx = cliContext(await resolveWorkspace(database, opts.workspace));
          const partner = await resolvePartner(database.db, ctx, opts.partner);
          let icpId: string | undefined;
          if (opts.icp) {
            const found = await findIcpByRef(database.db, ctx, opts.icp);
            if (found.length !== 1)
              throw new CliError(
                `--icp: ${found.length === 0 ? "no" : "more than one"} ICP named or with id "${opts.icp}".`,
              );
            icpId = found[0]?.id;
          }
          const matrix = presentMatrix(
            await overlapMatrix(database.db, ctx, partner.id, { kind: opts.kind, icpId, band: opts.band }),
          );
          const count = (v: string, p: string) =>
            matrix.cells.find((c) => c.vendorStatus === v && c.partnerStatus === p)?.count ?? 0;
          const header = ["you \\ partner", ...overlapStatuses].map((h, i) =>
            i === 0 ? h.padEnd(14) : h.padStart(12),
          );
          const lines = overlapStatuses.map((v) =>
            [v.padEnd(14), ...overlapStatuses.map((p) => String(count(v, p)).padStart(12))].join(""),
          );
          const human = [
            `${partner.name}: ${matrix.total} overlaps, last mapped ${matrix.lastMappedAt ?? "never"}`,
            header.join(""),
            ...lines,
          ].join("\n");
          print(!!opts.json, { partner, ...matrix }, human);
        });
      },
    );
}
