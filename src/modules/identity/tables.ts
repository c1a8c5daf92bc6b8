import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { workspaces } from "../workspaces/tables.ts";

export const users = pgTable("users", {
  id: idColumn(),
  /** Always stored lower-cased and trimmed: the unique login key. */
  email: text("email").notNull().unique("users_email_unique"),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAtColumn(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: idColumn(),
    /** sha256 of the cookie token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique("sessions_token_hash_unique"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    currentWorkspaceId: uuid("current_workspace_id").references(() => workspaces.id, {
      onDelete: "set null",
    }),
    createdAt: createdAtColumn(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
