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

/**
 * A partner's own account list (their CRM, shared for account mapping). The records belong to the
 * partner, not to the vendor: they never mix with `accounts`, and what the vendor may see of them
 * is decided by the sharing settings. `status` is the partner's view: customer | opportunity | prospect.
 */
export const partnerAccounts = pgTable(
  "partner_accounts",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    website: text("website"),
    domain: text("domain"),
    industry: text("industry"),
    country: text("country"),
    region: text("region"),
    status: text("status").notNull().default("prospect"),
    owner: text("owner"),
    attributes: jsonb("attributes")
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    externalSource: text("external_source"),
    externalId: text("external_id"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("partner_accounts_partner_idx").on(t.workspaceId, t.partnerId, t.id),
    index("partner_accounts_updated_idx").on(t.partnerId, t.updatedAt),
    uniqueIndex("partner_accounts_external_key").on(t.partnerId, t.externalSource, t.externalId),
  ],
);
