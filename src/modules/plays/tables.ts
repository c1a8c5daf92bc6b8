import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { icps } from "../icps/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { solutions } from "../solutions/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/** A sales play: for a solution × ICP, what happens at each journey stage and who does it. */
export const plays = pgTable(
  "plays",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    solutionId: uuid("solution_id").references(() => solutions.id, { onDelete: "restrict" }),
    icpId: uuid("icp_id").references(() => icps.id, { onDelete: "restrict" }),
    objective: text("objective"),
    status: text("status").notNull().default("draft"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("plays_workspace_idx").on(t.workspaceId, t.id)],
);

export const playSteps = pgTable(
  "play_steps",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    playId: uuid("play_id")
      .notNull()
      .references(() => plays.id, { onDelete: "cascade" }),
    /** Restrict: a stage used by a play cannot disappear from under it. */
    stageId: uuid("stage_id")
      .notNull()
      .references(() => journeyStages.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
    description: text("description").notNull(),
    /** vendor | layer | partners */
    leadKind: text("lead_kind").notNull().default("vendor"),
    leadLayer: text("lead_layer"),
    coMotion: text("co_motion").notNull(),
    motionFamily: text("motion_family").notNull(),
    assets: jsonb("assets").$type<{ title: string; url: string }[]>().notNull().default([]),
    kpis: jsonb("kpis").$type<{ name: string; target: string }[]>().notNull().default([]),
    createdAt: createdAtColumn(),
  },
  (t) => [index("play_steps_play_idx").on(t.playId, t.position), index("play_steps_stage_idx").on(t.stageId)],
);

/** Partners named on a step. Restrict: deleting such a partner is refused with a conflict. */
export const playStepPartners = pgTable(
  "play_step_partners",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    stepId: uuid("step_id")
      .notNull()
      .references(() => playSteps.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ columns: [t.stepId, t.partnerId] }),
    index("play_step_partners_partner_idx").on(t.partnerId),
  ],
);
