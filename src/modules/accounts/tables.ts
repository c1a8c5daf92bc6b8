import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { solutions } from "../solutions/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/** The vendor's own CRM accounts. */
export const accounts = pgTable(
  "accounts",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    website: text("website"),
    domain: text("domain"),
    industry: text("industry"),
    employees: bigint("employees", { mode: "number" }),
    annualRevenue: numeric("annual_revenue", { precision: 20, scale: 2, mode: "number" }),
    country: text("country"),
    region: text("region"),
    technologies: text("technologies").array().notNull().default(sql`'{}'::text[]`),
    status: text("status").notNull().default("prospect"),
    owner: text("owner"),
    /** Custom attributes (imported columns without a home, ICP custom rules). */
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
    index("accounts_workspace_idx").on(t.workspaceId, t.id),
    index("accounts_workspace_name_idx").on(t.workspaceId, t.name),
    index("accounts_workspace_domain_idx").on(t.workspaceId, t.domain),
    uniqueIndex("accounts_external_key").on(t.workspaceId, t.externalSource, t.externalId),
  ],
);

export const opportunities = pgTable(
  "opportunities",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    amount: numeric("amount", { precision: 20, scale: 2, mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    /** The CRM's sales stage (free text, e.g. "Prospecting", "Closed Won"). */
    stage: text("stage"),
    /** open | won | lost: only open opportunities count as pipeline. */
    status: text("status").notNull().default("open"),
    closeDate: date("close_date", { mode: "string" }),
    sourceRoute: text("source_route").notNull().default("direct"),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    solutionId: uuid("solution_id").references(() => solutions.id, { onDelete: "set null" }),
    /** Where in the buyer's journey this deal is, for pipeline per stack cell. */
    journeyStageId: uuid("journey_stage_id").references(() => journeyStages.id, { onDelete: "set null" }),
    externalSource: text("external_source"),
    externalId: text("external_id"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("opportunities_workspace_idx").on(t.workspaceId, t.id),
    index("opportunities_account_idx").on(t.accountId),
    index("opportunities_partner_idx").on(t.partnerId),
    uniqueIndex("opportunities_external_key").on(t.workspaceId, t.externalSource, t.externalId),
  ],
);

/** People at the vendor's accounts (imported from the CRM; account may be unknown). */
export const contacts = pgTable(
  "contacts",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    title: text("title"),
    phone: text("phone"),
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
    index("contacts_workspace_idx").on(t.workspaceId, t.id),
    index("contacts_account_idx").on(t.accountId),
    uniqueIndex("contacts_external_key").on(t.workspaceId, t.externalSource, t.externalId),
  ],
);
