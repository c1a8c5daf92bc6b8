import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { icps } from "../icps/tables.ts";
import { partners } from "../partners/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/** A link of the Value Chain of the Customer: a party the ICP customer relies on. */
export const vcocLinks = pgTable(
  "vcoc_links",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    icpId: uuid("icp_id")
      .notNull()
      .references(() => icps.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    channelKind: text("channel_kind").notNull(),
    position: integer("position").notNull().default(0),
    /** Importance 0–5 per journey stage key. */
    stageWeights: jsonb("stage_weights").$type<Record<string, number>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("vcoc_links_icp_idx").on(t.workspaceId, t.icpId, t.position)],
);

export const vcocLinkPartners = pgTable(
  "vcoc_link_partners",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    linkId: uuid("link_id")
      .notNull()
      .references(() => vcocLinks.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.partnerId] }),
    index("vcoc_link_partners_partner_idx").on(t.partnerId),
  ],
);
