import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { accounts } from "../accounts/tables.ts";
import { workspaces } from "../workspaces/tables.ts";
import type { IcpCriterion } from "./scoring.ts";

/** Ideal Customer Profiles: named sets of weighted criteria that score real accounts. */
export const icps = pgTable(
  "icps",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    criteria: jsonb("criteria").$type<IcpCriterion[]>().notNull().default([]),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("icps_workspace_idx").on(t.workspaceId, t.id)],
);

/** Persisted fit of every account to every ICP (rescored by a background job after changes). */
export const accountIcpScores = pgTable(
  "account_icp_scores",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    icpId: uuid("icp_id")
      .notNull()
      .references(() => icps.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    band: text("band").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.icpId, t.accountId] }),
    index("account_icp_scores_top_idx").on(t.icpId, t.score),
    index("account_icp_scores_account_idx").on(t.accountId),
  ],
);
