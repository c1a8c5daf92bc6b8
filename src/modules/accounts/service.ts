/**
 * The vendor's own CRM accounts: create, edit, search and list them. Imports (a later module) and
 * ICP scoring read the same rows; opportunities hang off an account (opportunities.ts).
 */
import { eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { conflict, invalid, notFound } from "../../http/problem.ts";
import { type AccountStatus, accountStatuses } from "../strategy/vocabulary.ts";
import { storedCountry } from "./country.ts";
import { listKeysetPage, nameOrDomainContains, someOf } from "./keyset-list.ts";
import type { AccountCreateInput, AccountListQuery, AccountUpdateInput } from "./schemas.ts";
import { accounts } from "./tables.ts";
import { isWebsite, registrableDomain } from "./website.ts";

type AccountRow = typeof accounts.$inferSelect;

export type Account = {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  country: string | null;
  region: string | null;
  technologies: string[];
  status: AccountStatus;
  owner: string | null;
  attributes: Record<string, string | number | boolean | null>;
  externalSource: string | null;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    domain: row.domain,
    industry: row.industry,
    employees: row.employees,
    // numeric arrives as a string from some drivers despite mode "number".
    annualRevenue: row.annualRevenue === null ? null : Number(row.annualRevenue),
    country: row.country,
    region: row.region,
    technologies: row.technologies,
    status: accountStatuses.find((s) => s === row.status) ?? "prospect",
    owner: row.owner,
    attributes: row.attributes,
    externalSource: row.externalSource,
    externalId: row.externalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const blankToNull = (value: string | null | undefined) => (value ? value : null);

function websiteFields(website: string | null | undefined) {
  const trimmed = blankToNull(website);
  if (trimmed === null) return { website: null, domain: null };
  if (!isWebsite(trimmed)) throw invalid("website", "is not a website address (for example acme.com)");
  return { website: trimmed, domain: registrableDomain(trimmed) };
}

function columnsOf(input: AccountUpdateInput) {
  const text = (key: "industry" | "region" | "owner" | "externalSource" | "externalId") =>
    input[key] !== undefined ? { [key]: blankToNull(input[key]) } : {};
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.website !== undefined ? websiteFields(input.website) : {}),
    ...text("industry"),
    // Stored as its ISO code when it names a country (see country.ts).
    ...(input.country !== undefined ? { country: storedCountry(input.country) } : {}),
    ...text("region"),
    ...text("owner"),
    ...text("externalSource"),
    ...text("externalId"),
    ...(input.employees !== undefined ? { employees: input.employees } : {}),
    ...(input.annualRevenue !== undefined ? { annualRevenue: input.annualRevenue } : {}),
    ...(input.technologies !== undefined ? { technologies: [...new Set(input.technologies)] } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.attributes !== undefined ? { attributes: input.attributes } : {}),
  };
}

function duplicateExternalId(error: unknown): never {
  if (isUniqueViolation(error, "accounts_external_key"))
    throw conflict("Another account already has this external source and id.", "externalId");
  throw error;
}

export async function createAccount(
  db: Db,
  ctx: WorkspaceContext,
  input: AccountCreateInput,
): Promise<Account> {
  try {
    const [row] = await db
      .insert(accounts)
      .values({ workspaceId: ctx.workspaceId, name: input.name, ...columnsOf(input) })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return toAccount(row);
  } catch (error) {
    return duplicateExternalId(error);
  }
}

export async function getAccount(db: Db, ctx: WorkspaceContext, id: string): Promise<Account> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(inWorkspace(accounts, ctx, eq(accounts.id, id)));
  if (!row) throw notFound("Account");
  return toAccount(row);
}

export async function updateAccount(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: AccountUpdateInput,
): Promise<Account> {
  try {
    const [row] = await db
      .update(accounts)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(inWorkspace(accounts, ctx, eq(accounts.id, id)))
      .returning();
    if (!row) throw notFound("Account");
    return toAccount(row);
  } catch (error) {
    return duplicateExternalId(error);
  }
}

/** Deletes the account and, with it, its opportunities. */
export async function deleteAccount(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const deleted = await db
    .delete(accounts)
    .where(inWorkspace(accounts, ctx, eq(accounts.id, id)))
    .returning({ id: accounts.id });
  if (deleted.length === 0) throw notFound("Account");
}

/** Whether the id is an account of this workspace (for references from opportunities). */
export async function accountExists(db: Db, ctx: WorkspaceContext, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(inWorkspace(accounts, ctx, eq(accounts.id, id)));
  return rows.length > 0;
}

function filtersOf(query: AccountListQuery): (SQL | undefined)[] {
  const statuses = someOf(query.status);
  const industries = someOf(query.industry);
  // "United States" finds the accounts stored as US.
  const countries = someOf(query.country?.map((c) => storedCountry(c) ?? c));
  return [
    nameOrDomainContains(query.q, accounts),
    statuses ? inArray(accounts.status, statuses) : undefined,
    industries ? inArray(accounts.industry, industries) : undefined,
    countries ? inArray(accounts.country, countries) : undefined,
  ];
}

export async function listAccounts(db: Db, ctx: WorkspaceContext, query: AccountListQuery) {
  return listKeysetPage(db, ctx, accounts, query, filtersOf(query), toAccount);
}
