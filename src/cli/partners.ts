/** `ecostack partner …`: list and add partners from the command line, through the partner service. */
import type { Command } from "commander";
import type { ZodType } from "zod";
import { AppError } from "../http/problem.ts";
import { partnerCreateInput, partnerListQuery } from "../modules/partners/schemas.ts";
import { createPartner, listPartners, type Partner } from "../modules/partners/service.ts";
import { lifecycleStages, stackLayerLabels, stackLayers } from "../modules/strategy/vocabulary.ts";
import { CliError, cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";

/** Repeatable option values, each possibly comma-separated: `--layer a --layer b,c`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  ];
}

/**
 * Parses with the API's own schema, so the CLI accepts exactly what the API does; the first
 * problem is reported as the option that carried it (`layers.1` → `--layer`).
 */
export function parseOptions<T>(schema: ZodType<T>, value: unknown, optionOf: Record<string, string>): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  throw new CliError(`--${optionOf[field] ?? field}: ${issue?.message ?? "is invalid"}`);
}

/** A service's field error, reported as the option that carried the field. */
export async function asOptionErrors<T>(optionOf: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const field = error instanceof AppError ? error.errors?.[0] : undefined;
    if (field) throw new CliError(`--${optionOf[field.path] ?? field.path}: ${field.message}`);
    throw error;
  }
}

function describePartner(p: Partner): string {
  const layers = p.layers.map((l) => stackLayerLabels[l]).join(", ") || "no layer";
  return `${p.id}  ${p.name}  [${layers}]  ${p.lifecycle}${p.domain ? `  ${p.domain}` : ""}`;
}

const partnerJson = (p: Partner) => ({
  id: p.id,
  name: p.name,
  website: p.website,
  domain: p.domain,
  layers: p.layers,
  types: p.types,
  lifecycle: p.lifecycle,
  tier: p.tier,
  regions: p.regions,
  industries: p.industries,
});

export function registerPartnerCommands(program: Command) {
  const partner = program.command("partner").description("Manage partners");

  partner
    .command("list")
    .description("List partners by name (all pages)")
    .option("--layer <layer>", `only partners in this layer (${stackLayers.join(", ")}); repeatable`, collect)
    .option("--lifecycle <stage>", `only partners at this stage (${lifecycleStages.join(", ")})`, collect)
    .option("--search <text>", "name or domain contains")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(
      async (opts: {
        layer?: string[];
        lifecycle?: string[];
        search?: string;
        workspace?: string;
        json?: boolean;
      }) => {
        const query = parseOptions(
          partnerListQuery,
          { layer: opts.layer, lifecycle: opts.lifecycle, q: opts.search, limit: 200 },
          { layer: "layer", lifecycle: "lifecycle", q: "search" },
        );
        await withDatabase(async (database) => {
          const ws = await resolveWorkspace(database, opts.workspace);
          const all: Partner[] = [];
          let cursor: string | undefined;
          do {
            const page = await listPartners(database.db, cliContext(ws), { ...query, cursor });
            all.push(...page.items);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          print(!!opts.json, all.map(partnerJson), all.map(describePartner).join("\n") || "No partners.");
        });
      },
    );

  partner
    .command("create")
    .description("Add a partner")
    .requiredOption("--name <name>", "company name")
    .option("--website <url>", "website (its domain is kept alongside)")
    .option("--layer <layer>", `stack layer (${stackLayers.join(", ")}); repeatable`, collect)
    .option("--type <type>", "partner type, built-in (var, msp, si, isv, …) or your own; repeatable", collect)
    .option("--lifecycle <stage>", `lifecycle stage (${lifecycleStages.join(", ")})`)
    .option("--tier <tier>", "program tier")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(
      async (opts: {
        name: string;
        website?: string;
        layer?: string[];
        type?: string[];
        lifecycle?: string;
        tier?: string;
        workspace?: string;
        json?: boolean;
      }) => {
        const input = parseOptions(
          partnerCreateInput,
          {
            name: opts.name,
            website: opts.website,
            layers: opts.layer,
            types: opts.type,
            lifecycle: opts.lifecycle,
            tier: opts.tier,
          },
          { layers: "layer", types: "type" },
        );
        await withDatabase(async (database) => {
          const ws = await resolveWorkspace(database, opts.workspace);
          const created = await asOptionErrors({ layers: "layer", types: "type" }, () =>
            createPartner(database.db, cliContext(ws), input),
          );
          print(!!opts.json, partnerJson(created), `Created partner ${describePartner(created)}.`);
        });
      },
    );
}
