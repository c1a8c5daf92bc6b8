import {
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { accounts } from "../accounts/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { workspaces } from "../workspaces/tables.ts";

/**
 * Overlaps: a vendor account and a partner's account found to be the same company (or related:
 * subsidiary, sibling), with the score and the evidence that explains it.
 */
export const accountMatches = pgTable(
  "account_matches",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    partnerAccountId: uuid("partner_account_id")
      .notNull()
      .references(() => partnerAccounts.id, { onDelete: "cascade" }),
    /** same | related */
    kind: text("kind").notNull(),
    score: real("score").notNull(),
    evidence: text("evidence").array().notNull(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("account_matches_pair_key").on(t.partnerAccountId, t.accountId),
    index("account_matches_partner_idx").on(t.workspaceId, t.partnerId, t.kind),
    index("account_matches_account_idx").on(t.accountId),
  ],
);

/** Per partner: when it was last mapped, so a re-map only looks at records changed since. */
export const partnerMappingState = pgTable(
  "partner_mapping_state",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    mappedAt: timestamp("mapped_at", { withTimezone: true, mode: "date" }),
    /** Engine version and threshold used: a change forces a full re-map. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    stats: jsonb("stats").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.partnerId] })],
);
