/**
 * Reading the audit trail: newest first, optionally one action (`export.downloaded`) or every
 * action of a family (`export.*`). The actor's e-mail comes from a join on users, read-only: the
 * trail names people, and one query per page beats a look-up per event.
 */
import { desc, eq, like, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { users } from "../identity/tables.ts";
import { auditEvents } from "./tables.ts";

export type AuditEvent = {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorKind: string;
  actorUserId: string | null;
  actorEmail: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

export type AuditListQuery = PageQuery & { action?: string };

function actionCondition(action: string | undefined): SQL | undefined {
  if (action === undefined) return undefined;
  if (action.endsWith(".*")) {
    const family = action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`);
    return like(auditEvents.action, `${family}%`);
  }
  return eq(auditEvents.action, action);
}

export async function listAuditEvents(
  db: Db,
  ctx: WorkspaceContext,
  query: AuditListQuery,
): Promise<Page<AuditEvent>> {
  const before = decodeCursor(query.cursor);
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      actorKind: auditEvents.actorKind,
      actorUserId: auditEvents.actorUserId,
      actorEmail: users.email,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      inWorkspace(
        auditEvents,
        ctx,
        before ? lt(auditEvents.id, before) : undefined,
        actionCondition(query.action),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r,
  );
}
