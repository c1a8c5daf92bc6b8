/**
 * What each entity export contains: its columns and one keyset page of rows. This is the export's
 * read model and reads the CRM tables directly (like src/modules/stack/inputs.ts): an export walks
 * every row in id order, 5,000 at a time, which per-module list functions (sorted by name, 200 per
 * page) are not built for.
 *
 * Headers are the import field names (externalId, name, website, …) so the generic import preset
 * maps an exported file straight back; Ecostack's own ids sit in `ecostackId` columns, because a
 * plain `id` column would be read as the external id on re-import.
 */
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts, contacts, opportunities } from "../accounts/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { solutions } from "../solutions/tables.ts";
import type { CsvValue } from "./csv.ts";

export const exportEntities = ["accounts", "opportunities", "partners", "contacts"] as const;
export type ExportEntity = (typeof exportEntities)[number];

export type EntityExport = {
  headers: readonly string[];
  /** Up to `limit` rows with an id after `afterId`, in id order, as CSV values in header order. */
  page(
    db: Db,
    ctx: WorkspaceContext,
    afterId: string | undefined,
    limit: number,
  ): Promise<{ lastId: string | undefined; rows: CsvValue[][] }>;
};

/** Custom attributes as JSON text; an empty object is an empty cell. */
function attributesText(attributes: Record<string, unknown>): string {
  return Object.keys(attributes).length === 0 ? "" : JSON.stringify(attributes);
}

/** Lists (technologies, partner layers and types) as one cell, `;`-separated as CRMs write multi-picklists. */
const listText = (values: readonly string[]) => values.join(";");

const afterCondition = (id: PgColumn, afterId: string | undefined): SQL | undefined =>
  afterId === undefined ? undefined : gt(id, afterId);

function pageOf<R extends { id: string }>(rows: R[], cells: (row: R) => CsvValue[]) {
  return { lastId: rows[rows.length - 1]?.id, rows: rows.map(cells) };
}

const accountExport: EntityExport = {
  headers: [
    "externalId",
    "name",
    "website",
    "domain",
    "industry",
    "employees",
    "annualRevenue",
    "country",
    "region",
    "status",
    "owner",
    "technologies",
    "attributes",
    "externalSource",
    "ecostackId",
    "createdAt",
    "updatedAt",
  ],
  async page(db, ctx, afterId, limit) {
    const rows = await db
      .select()
      .from(accounts)
      .where(inWorkspace(accounts, ctx, afterCondition(accounts.id, afterId)))
      .orderBy(asc(accounts.id))
      .limit(limit);
    return pageOf(rows, (a) => [
      a.externalId,
      a.name,
      a.website,
      a.domain,
      a.industry,
      a.employees,
      a.annualRevenue === null ? null : Number(a.annualRevenue),
      a.country,
      a.region,
      a.status,
      a.owner,
      listText(a.technologies),
      attributesText(a.attributes),
      a.externalSource,
      a.id,
      a.createdAt,
      a.updatedAt,
    ]);
  },
};

const opportunityExport: EntityExport = {
  headers: [
    "externalId",
    "accountExternalId",
    "accountName",
    "name",
    "amount",
    "currency",
    "stage",
    "status",
    "closeDate",
    "sourceRoute",
    "partner",
    "solution",
    "journeyStage",
    "externalSource",
    "ecostackId",
    "accountEcostackId",
    "createdAt",
    "updatedAt",
  ],
  async page(db, ctx, afterId, limit) {
    // Every join also matches the workspace: a name from another tenant can never appear.
    const rows = await db
      .select({
        opportunity: opportunities,
        accountExternalId: accounts.externalId,
        accountName: accounts.name,
        partnerName: partners.name,
        solutionName: solutions.name,
        stageKey: journeyStages.key,
      })
      .from(opportunities)
      .leftJoin(
        accounts,
        and(eq(accounts.id, opportunities.accountId), eq(accounts.workspaceId, opportunities.workspaceId)),
      )
      .leftJoin(
        partners,
        and(eq(partners.id, opportunities.partnerId), eq(partners.workspaceId, opportunities.workspaceId)),
      )
      .leftJoin(
        solutions,
        and(eq(solutions.id, opportunities.solutionId), eq(solutions.workspaceId, opportunities.workspaceId)),
      )
      .leftJoin(
        journeyStages,
        and(
          eq(journeyStages.id, opportunities.journeyStageId),
          eq(journeyStages.workspaceId, opportunities.workspaceId),
        ),
      )
      .where(inWorkspace(opportunities, ctx, afterCondition(opportunities.id, afterId)))
      .orderBy(asc(opportunities.id))
      .limit(limit);
    const flat = rows.map((r) => ({ ...r, id: r.opportunity.id }));
    return pageOf(flat, ({ opportunity: o, ...joined }) => [
      o.externalId,
      joined.accountExternalId,
      joined.accountName,
      o.name,
      Number(o.amount),
      o.currency,
      o.stage,
      o.status,
      o.closeDate,
      o.sourceRoute,
      joined.partnerName,
      joined.solutionName,
      joined.stageKey,
      o.externalSource,
      o.id,
      o.accountId,
      o.createdAt,
      o.updatedAt,
    ]);
  },
};

const partnerExport: EntityExport = {
  headers: [
    "externalId",
    "name",
    "website",
    "domain",
    "type",
    "types",
    "layers",
    "tier",
    "lifecycle",
    "regions",
    "industries",
    "capabilities",
    "description",
    "externalSource",
    "ecostackId",
    "createdAt",
    "updatedAt",
  ],
  async page(db, ctx, afterId, limit) {
    const rows = await db
      .select()
      .from(partners)
      .where(inWorkspace(partners, ctx, afterCondition(partners.id, afterId)))
      .orderBy(asc(partners.id))
      .limit(limit);
    return pageOf(rows, (p) => [
      p.externalId,
      p.name,
      p.website,
      p.domain,
      // The importer takes one type per partner: the first goes to `type`, all of them to `types`.
      p.types[0] ?? null,
      listText(p.types),
      listText(p.layers),
      p.tier,
      p.lifecycle,
      listText(p.regions),
      listText(p.industries),
      listText(p.capabilities),
      p.description,
      p.externalSource,
      p.id,
      p.createdAt,
      p.updatedAt,
    ]);
  },
};

const contactExport: EntityExport = {
  headers: [
    "externalId",
    "firstName",
    "lastName",
    "email",
    "title",
    "phone",
    "accountExternalId",
    "accountName",
    "attributes",
    "externalSource",
    "ecostackId",
    "accountEcostackId",
    "createdAt",
    "updatedAt",
  ],
  async page(db, ctx, afterId, limit) {
    const rows = await db
      .select({ contact: contacts, accountExternalId: accounts.externalId, accountName: accounts.name })
      .from(contacts)
      .leftJoin(
        accounts,
        and(eq(accounts.id, contacts.accountId), eq(accounts.workspaceId, contacts.workspaceId)),
      )
      .where(inWorkspace(contacts, ctx, afterCondition(contacts.id, afterId)))
      .orderBy(asc(contacts.id))
      .limit(limit);
    const flat = rows.map((r) => ({ ...r, id: r.contact.id }));
    return pageOf(flat, ({ contact: c, accountExternalId, accountName }) => [
      c.externalId,
      c.firstName,
      c.lastName,
      c.email,
      c.title,
      c.phone,
      accountExternalId,
      accountName,
      attributesText(c.attributes),
      c.externalSource,
      c.id,
      c.accountId,
      c.createdAt,
      c.updatedAt,
    ]);
  },
};

export const entityExports: Record<ExportEntity, EntityExport> = {
  accounts: accountExport,
  opportunities: opportunityExport,
  partners: partnerExport,
  contacts: contactExport,
};
