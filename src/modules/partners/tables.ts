import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { workspaces } from "../workspaces/tables.ts";

/** The alliance view of a partnership: why it matters and who owns it on both sides. */
export type PartnerRelationship = {
  priority?: "low" | "medium" | "high" | "critical";
  vision?: string;
  goals?: string[];
  vendorSponsors?: string[];
  partnerSponsors?: string[];
  stage?: string;
  nextReviewDate?: string;
};

export const partners = pgTable(
  "partners",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    website: text("website"),
    /** Registrable domain derived from the website (acme.com), for matching and search. */
    domain: text("domain"),
    description: text("description"),
    layers: text("layers").array().notNull().default(sql`'{}'::text[]`),
    types: text("types").array().notNull().default(sql`'{}'::text[]`),
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    capabilities: text("capabilities").array().notNull().default(sql`'{}'::text[]`),
    tier: text("tier"),
    lifecycle: text("lifecycle").notNull().default("prospect"),
    relationship: jsonb("relationship").$type<PartnerRelationship>().notNull().default({}),
    externalSource: text("external_source"),
    externalId: text("external_id"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("partners_workspace_idx").on(t.workspaceId, t.id),
    index("partners_workspace_name_idx").on(t.workspaceId, t.name),
    uniqueIndex("partners_external_key").on(t.workspaceId, t.externalSource, t.externalId),
  ],
);
