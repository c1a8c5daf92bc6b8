import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { workspaces } from "../workspaces/tables.ts";

/** The workspace's Buyer's Journey Arc: ordered stages (default Identify → Expand). */
export const journeyStages = pgTable(
  "journey_stages",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Stable key used in VCOC stage weights (identify, reach, … or a slug of a custom stage). */
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    position: integer("position").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("journey_stages_key_unique").on(t.workspaceId, t.key),
    index("journey_stages_workspace_idx").on(t.workspaceId, t.position),
  ],
);
