import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { partners } from "../partners/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/**
 * Sharing settings for account mapping, per partner, per side and per population. `side` says whose
 * data the rule governs: `vendor` (what the vendor shares with this partner) or `partner` (what the
 * partner shares with the vendor). `population` is a saved filter (customers, open opportunities,
 * prospects with ICP fit ≥ N, …) described by `filter`.
 */
export const sharingRules = pgTable(
  "sharing_rules",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    side: text("side").notNull(),
    population: text("population").notNull(),
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull().default({}),
    /** hidden | counts | overlaps | all */
    level: text("level").notNull().default("hidden"),
    /** With level = overlaps: the fields shown. */
    fields: text("fields").array().notNull().default([]),
    /** With level = counts: no cell under this count is shown. */
    minCount: integer("min_count").notNull().default(5),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sharing_rules_key").on(t.partnerId, t.side, t.population),
    index("sharing_rules_workspace_idx").on(t.workspaceId, t.partnerId),
  ],
);
