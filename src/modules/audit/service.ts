/**
 * The audit trail: who imported, exported or changed sharing for what, and when. Modules call
 * `recordAudit` in the same transaction as the change it describes, so the trail never claims a
 * change that did not happen.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { auditEvents } from "./tables.ts";

export type AuditEntry = {
  /** e.g. import.previewed, import.committed, export.downloaded, sharing.changed */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Db, ctx: WorkspaceContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    workspaceId: ctx.workspaceId,
    actorKind: ctx.actor.kind,
    actorUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: {
      ...(ctx.actor.kind === "api_key" ? { apiKeyId: ctx.actor.apiKeyId } : {}),
      ...(entry.details ?? {}),
    },
  });
}
