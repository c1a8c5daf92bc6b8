/** `ecostack account …`: list the vendor's accounts from the command line, through the account service. */
import type { Command } from "commander";
import { accountListQuery } from "../modules/accounts/schemas.ts";
import { type Account, listAccounts } from "../modules/accounts/service.ts";
import { accountStatuses } from "../modules/strategy/vocabulary.ts";
import { cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";
import { collect, parseOptions } from "./partners.ts";

const accountJson = (a: Account) => ({
  id: a.id,
  name: a.name,
  domain: a.domain,
  industry: a.industry,
  employees: a.employees,
  country: a.country,
  status: a.status,
});

export function registerAccountCommands(program: Command) {
  const account = program.command("account").description("Manage the vendor's accounts");

  account
    .command("list")
    .description("List accounts by name (all pages)")
    .option(
      "--status <status>",
      `only accounts with this status (${accountStatuses.join(", ")}); repeatable`,
      collect,
    )
    .option("--search <text>", "name or domain contains")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(async (opts: { status?: string[]; search?: string; workspace?: string; json?: boolean }) => {
      const query = parseOptions(
        accountListQuery,
        { status: opts.status, q: opts.search, limit: 200 },
        { status: "status", q: "search" },
      );
      await withDatabase(async (database) => {
        const ws = await resolveWorkspace(database, opts.workspace);
        const all: Account[] = [];
        let cursor: string | undefined;
        do {
          const page = await listAccounts(database.db, cliContext(ws), { ...query, cursor });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const human = all
          .map((a) => `${a.id}  ${a.name}  ${a.status}${a.domain ? `  ${a.domain}` : ""}`)
          .join("\n");
        print(!!opts.json, all.map(accountJson), human || "No accounts.");
      });
    });
}
