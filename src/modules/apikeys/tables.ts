import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { users } from "../identity/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** sha256 of the whole key (keys are 256-bit random, so a fast hash is enough). */
    keyHash: text("key_hash").notNull().unique("api_keys_key_hash_unique"),
    role: text("role").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("api_keys_workspace_idx").on(t.workspaceId, t.id)],
);
