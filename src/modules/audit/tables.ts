import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { users } from "../identity/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/** Who did what to the workspace's data, and when (imports, exports, sharing changes, …). Append-only. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** user | api_key | cli | system */
    actorKind: text("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. import.committed, export.downloaded, sharing.changed */
    action: text("action").notNull(),
    /** The kind of thing acted on (accounts, import, partner, …) and its id when there is one. */
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("audit_events_workspace_idx").on(t.workspaceId, t.id)],
);
