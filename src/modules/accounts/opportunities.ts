/**
 * Opportunities: the vendor's deals on its accounts, with the route they came through (direct,
 * partner-sourced, partner-influenced, marketplace), the partner behind them, the solution and
 * the journey stage. Open opportunities are the pipeline the stack matrix shows per cell.
 */
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { decodeCursor, type Page, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { AppError, conflict, invalid, notFound } from "../../http/problem.ts";
import { getJourneyStage } from "../journey/service.ts";
import { findPartnerIdsNotInWorkspace, partnerNamesById } from "../partners/service.ts";
import { solutionExists } from "../solutions/service.ts";
import { type OpportunitySourceRoute, opportunitySourceRoutes } from "../strategy/vocabulary.ts";
import {
  type OpportunityCreateInput,
  type OpportunityListQuery,
  type OpportunityUpdateInput,
  opportunityStatuses,
} from "./schemas.ts";
import { accountExists } from "./service.ts";
import { accounts, opportunities } from "./tables.ts";

type OpportunityRow = typeof opportunities.$inferSelect;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export type Opportunity = {
  id: string;
  accountId: string;
  accountName: string;
  name: string;
  amount: number;
  currency: string;
  stage: string | null;
  status: OpportunityStatus;
  closeDate: string | null;
  sourceRoute: OpportunitySourceRoute;
  partnerId: string | null;
  partnerName: string | null;
  solutionId: string | null;
  journeyStageId: string | null;
  externalSource: string | null;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Routes whose figures are credited to a partner, so a partner must be named. */
const partnerRoutes: readonly OpportunitySourceRoute[] = ["partner_sourced", "partner_influenced"];

function toOpportunity(row: OpportunityRow, accountName: string, partnerName: string | null): Opportunity {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName,
    name: row.name,
    amount: Number(row.amount),
    currency: row.currency,
    stage: row.stage,
    status: opportunityStatuses.find((s) => s === row.status) ?? "open",
    closeDate: row.closeDate,
    sourceRoute: opportunitySourceRoutes.find((r) => r === row.sourceRoute) ?? "direct",
    partnerId: row.partnerId,
    partnerName,
    solutionId: row.solutionId,
    journeyStageId: row.journeyStageId,
    externalSource: row.externalSource,
    externalId: row.externalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function journeyStageExists(db: Db, ctx: WorkspaceContext, id: string): Promise<boolean> {
  try {
    await getJourneyStage(db, ctx, id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return false;
    throw error;
  }
}

/** Every id the opportunity names must be this workspace's: 400 naming the first field that is not. */
async function checkReferences(
  db: Db,
  ctx: WorkspaceContext,
  refs: {
    accountId?: string;
    partnerId?: string | null;
    solutionId?: string | null;
    journeyStageId?: string | null;
  },
) {
  if (refs.accountId !== undefined && !(await accountExists(db, ctx, refs.accountId)))
    throw invalid("accountId", "is not an account of this workspace");
  if (refs.partnerId && (await findPartnerIdsNotInWorkspace(db, ctx, [refs.partnerId])).length > 0)
    throw invalid("partnerId", "is not a partner of this workspace");
  if (refs.solutionId && !(await solutionExists(db, ctx, refs.solutionId)))
    throw invalid("solutionId", "is not a solution of this workspace");
  if (refs.journeyStageId && !(await journeyStageExists(db, ctx, refs.journeyStageId)))
    throw invalid("journeyStageId", "is not a journey stage of this workspace");
}

function checkPartnerRoute(sourceRoute: OpportunitySourceRoute, partnerId: string | null | undefined) {
  if (partnerRoutes.includes(sourceRoute) && !partnerId)
    throw invalid("partnerId", "is required when the source route is partner-sourced or partner-influenced");
}

/** A reference deleted between the check and the write, or a duplicate external id. */
function writeFailure(error: unknown): never {
  if (isUniqueViolation(error, "opportunities_external_key"))
    throw conflict("Another opportunity already has this external source and id.", "externalId");
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === "23503") {
      const field = ["account", "partner", "solution", "journey_stage"].find((f) =>
        e.constraint?.includes(`_${f}_id_`),
      );
      const path = field === "journey_stage" ? "journeyStageId" : `${field ?? "account"}Id`;
      throw invalid(path, "no longer exists in this workspace");
    }
    current = e.cause;
  }
  throw error;
}

async function withNames(db: Db, ctx: WorkspaceContext, rows: OpportunityRow[]): Promise<Opportunity[]> {
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const accountRows =
    accountIds.length === 0
      ? []
      : await db
          .select({ id: accounts.id, name: accounts.name })
          .from(accounts)
          .where(inWorkspace(accounts, ctx, inArray(accounts.id, accountIds)));
  const accountNames = new Map(accountRows.map((a) => [a.id, a.name]));
  const partnerNames = await partnerNamesById(
    db,
    ctx,
    rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])),
  );
  return rows.map((r) =>
    toOpportunity(
      r,
      accountNames.get(r.accountId) ?? "",
      r.partnerId ? (partnerNames.get(r.partnerId) ?? null) : null,
    ),
  );
}

async function present(db: Db, ctx: WorkspaceContext, row: OpportunityRow): Promise<Opportunity> {
  const [one] = await withNames(db, ctx, [row]);
  if (!one) throw new Error("unreachable: one row in, one out");
  return one;
}

const blankToNull = (value: string | null | undefined) => (value ? value : null);

export async function createOpportunity(
  db: Db,
  ctx: WorkspaceContext,
  input: OpportunityCreateInput,
): Promise<Opportunity> {
  await checkReferences(db, ctx, input);
  checkPartnerRoute(input.sourceRoute, input.partnerId);
  try {
    const [row] = await db
      .insert(opportunities)
      .values({
        workspaceId: ctx.workspaceId,
        accountId: input.accountId,
        name: input.name,
        amount: input.amount,
        currency: input.currency,
        stage: blankToNull(input.stage),
        status: input.status ?? "open",
        closeDate: input.closeDate ?? null,
        sourceRoute: input.sourceRoute,
        partnerId: input.partnerId ?? null,
        solutionId: input.solutionId ?? null,
        journeyStageId: input.journeyStageId ?? null,
        externalSource: blankToNull(input.externalSource),
        externalId: blankToNull(input.externalId),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return present(db, ctx, row);
  } catch (error) {
    return writeFailure(error);
  }
}

async function rowOf(db: Db, ctx: WorkspaceContext, id: string): Promise<OpportunityRow> {
  const [row] = await db
    .select()
    .from(opportunities)
    .where(inWorkspace(opportunities, ctx, eq(opportunities.id, id)));
  if (!row) throw notFound("Opportunity");
  return row;
}

export async function getOpportunity(db: Db, ctx: WorkspaceContext, id: string): Promise<Opportunity> {
  return present(db, ctx, await rowOf(db, ctx, id));
}

export async function updateOpportunity(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: OpportunityUpdateInput,
): Promise<Opportunity> {
  const current = await rowOf(db, ctx, id);
  await checkReferences(db, ctx, input);
  const sourceRoute =
    input.sourceRoute ?? opportunitySourceRoutes.find((r) => r === current.sourceRoute) ?? "direct";
  checkPartnerRoute(sourceRoute, input.partnerId === undefined ? current.partnerId : input.partnerId);
  const set = {
    ...(input.accountId !== undefined ? { accountId: input.accountId } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.amount !== undefined ? { amount: input.amount } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.stage !== undefined ? { stage: blankToNull(input.stage) } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.closeDate !== undefined ? { closeDate: input.closeDate } : {}),
    ...(input.sourceRoute !== undefined ? { sourceRoute: input.sourceRoute } : {}),
    ...(input.partnerId !== undefined ? { partnerId: input.partnerId } : {}),
    ...(input.solutionId !== undefined ? { solutionId: input.solutionId } : {}),
    ...(input.journeyStageId !== undefined ? { journeyStageId: input.journeyStageId } : {}),
    ...(input.externalSource !== undefined ? { externalSource: blankToNull(input.externalSource) } : {}),
    ...(input.externalId !== undefined ? { externalId: blankToNull(input.externalId) } : {}),
  };
  try {
    const [row] = await db
      .update(opportunities)
      .set({ ...set, updatedAt: new Date() })
      .where(inWorkspace(opportunities, ctx, eq(opportunities.id, id)))
      .returning();
    if (!row) throw notFound("Opportunity");
    return present(db, ctx, row);
  } catch (error) {
    return writeFailure(error);
  }
}

export async function deleteOpportunity(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const deleted = await db
    .delete(opportunities)
    .where(inWorkspace(opportunities, ctx, eq(opportunities.id, id)))
    .returning({ id: opportunities.id });
  if (deleted.length === 0) throw notFound("Opportunity");
}

/** Newest first: a CRM user looks for the deal they just added. */
export async function listOpportunities(
  db: Db,
  ctx: WorkspaceContext,
  query: OpportunityListQuery,
): Promise<Page<Opportunity>> {
  const after = decodeCursor(query.cursor);
  const statuses = query.status?.length ? query.status : undefined;
  const routes = query.sourceRoute?.length ? query.sourceRoute : undefined;
  const conditions: (SQL | undefined)[] = [
    after ? lt(opportunities.id, after) : undefined,
    query.accountId ? eq(opportunities.accountId, query.accountId) : undefined,
    query.partnerId ? eq(opportunities.partnerId, query.partnerId) : undefined,
    statuses ? inArray(opportunities.status, statuses) : undefined,
    routes ? inArray(opportunities.sourceRoute, routes) : undefined,
  ];
  const rows = await db
    .select()
    .from(opportunities)
    .where(inWorkspace(opportunities, ctx, ...conditions))
    .orderBy(desc(opportunities.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await withNames(db, ctx, page.items), nextCursor: page.nextCursor };
}

/**
 * The open pipeline as the stack matrix needs it: one entry per open opportunity (optionally of
 * one solution) with its amount, partner and journey stage. Amounts are in each deal's currency;
 * the workspace is assumed to report in one.
 */
export async function listOpenPipeline(
  db: Db,
  ctx: WorkspaceContext,
  filter: { solutionId?: string } = {},
): Promise<{ amount: number; partnerId: string | null; journeyStageId: string | null }[]> {
  const rows = await db
    .select({
      amount: opportunities.amount,
      partnerId: opportunities.partnerId,
      journeyStageId: opportunities.journeyStageId,
    })
    .from(opportunities)
    .where(
      inWorkspace(
        opportunities,
        ctx,
        and(
          eq(opportunities.status, "open"),
          filter.solutionId ? eq(opportunities.solutionId, filter.solutionId) : undefined,
        ),
      ),
    );
  return rows.map((r) => ({
    amount: Number(r.amount),
    partnerId: r.partnerId,
    journeyStageId: r.journeyStageId,
  }));
}
