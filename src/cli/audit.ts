/** `ecostack audit list`: the workspace's audit trail, newest first, through the same query as the API. */
import type { Command } from "commander";
import { z } from "zod";
import { listAuditEvents } from "../modules/audit/events.ts";
import { type AuditEventView, presentAuditEvent } from "../modules/audit/presenters.ts";
import { auditListQuery } from "../modules/audit/routes.ts";
import { cliContext, print, resolveWorkspace, withDatabase } from "./context.ts";
import { parseOptions } from "./partners.ts";

const optionsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  action: auditListQuery.shape.action,
});

function describeActor(actor: AuditEventView["actor"]): string {
  if (actor.email) return actor.email;
  if (actor.kind === "api_key") return "an API key";
  if (actor.kind === "cli") return "the command line";
  return actor.kind;
}

function describeEvent(event: AuditEventView): string {
  const when = event.createdAt.replace("T", " ").slice(0, 19);
  const subject = event.subjectId ? `${event.subjectType} ${event.subjectId}` : event.subjectType;
  const rows = typeof event.details.rows === "number" ? `  ${event.details.rows} rows` : "";
  return `${when}  ${event.action}  ${subject}  by ${describeActor(event.actor)}${rows}`;
}

export function registerAuditCommands(program: Command) {
  const audit = program.command("audit").description("The audit trail: imports, exports, sharing changes");
  audit
    .command("list")
    .description("List audit events, newest first")
    .option("--limit <n>", "how many events (default 50)")
    .option("--action <action>", "only this action (export.downloaded) or family (export.*)")
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON (the API's shape)")
    .action(async (opts: { limit?: string; action?: string; workspace?: string; json?: boolean }) => {
      const query = parseOptions(optionsSchema, { limit: opts.limit, action: opts.action }, {});
      await withDatabase(async (database) => {
        const ws = await resolveWorkspace(database, opts.workspace);
        const events: AuditEventView[] = [];
        let cursor: string | undefined;
        do {
          const page = await listAuditEvents(database.db, cliContext(ws), {
            limit: Math.min(200, query.limit - events.length),
            cursor,
            action: query.action,
          });
          events.push(...page.items.map(presentAuditEvent));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && events.length < query.limit);
        print(!!opts.json, events, events.map(describeEvent).join("\n") || "No audit events.");
      });
    });
}
