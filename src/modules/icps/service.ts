/**
 * Ideal Customer Profiles: named sets of weighted criteria. Creating an ICP or changing its
 * criteria starts a rescore job (rescore.ts) that persists every account's fit; reads of scores
 * live in fit-queries.ts.
 */
import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { conflict, notFound } from "../../http/problem.ts";
import type { Job } from "../jobs/service.ts";
import { plays } from "../plays/tables.ts";
import { cancelIcpRescores, enqueueIcpRescore } from "./rescore.ts";
import { type FitBand, fitBands, type IcpCriterion } from "./scoring.ts";
import { accountIcpScores, icps } from "./tables.ts";

export type Icp = {
  id: string;
  name: string;
  description: string | null;
  criteria: IcpCriterion[];
  createdAt: Date;
  updatedAt: Date;
};

export type BandCounts = Record<FitBand, number>;
export type IcpWithBands = Icp & { bands: BandCounts; scoredAccounts: number };

type IcpRow = typeof icps.$inferSelect;

const toIcp = (row: IcpRow): Icp => ({
  id: row.id,
  name: row.name,
  description: row.description,
  criteria: row.criteria,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Every ICP of the workspace, oldest first (for the stack and other modules). */
export async function listIcps(db: Db, ctx: WorkspaceContext): Promise<Icp[]> {
  const rows = await db.select().from(icps).where(inWorkspace(icps, ctx)).orderBy(asc(icps.id));
  return rows.map(toIcp);
}

export async function getIcp(db: Db, ctx: WorkspaceContext, id: string): Promise<Icp> {
  const [row] = await db
    .select()
    .from(icps)
    .where(inWorkspace(icps, ctx, eq(icps.id, id)));
  if (!row) throw notFound("ICP");
  return toIcp(row);
}

/** A case-insensitive name or an id (the CLI's --icp). */
export async function findIcpByRef(db: Db, ctx: WorkspaceContext, ref: string): Promise<Icp[]> {
  const all = await listIcps(db, ctx);
  const byId = all.filter((icp) => icp.id === ref);
  return byId.length > 0 ? byId : all.filter((icp) => icp.name.toLowerCase() === ref.trim().toLowerCase());
}

/** Persisted band counts per ICP (ICPs without scores get zeros). */
export async function bandCounts(
  db: Db,
  ctx: WorkspaceContext,
  icpIds: readonly string[],
): Promise<Map<string, BandCounts>> {
  const counts = new Map<string, BandCounts>(icpIds.map((id) => [id, { A: 0, B: 0, C: 0 }]));
  if (icpIds.length === 0) return counts;
  const rows = await db
    .select({
      icpId: accountIcpScores.icpId,
      band: accountIcpScores.band,
      n: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(accountIcpScores)
    .where(inWorkspace(accountIcpScores, ctx, inArray(accountIcpScores.icpId, [...icpIds])))
    .groupBy(accountIcpScores.icpId, accountIcpScores.band);
  for (const row of rows) {
    const entry = counts.get(row.icpId);
    const band = fitBands.find((b) => b === row.band);
    if (entry && band) entry[band] = row.n;
  }
  return counts;
}

async function withBands(db: Db, ctx: WorkspaceContext, list: Icp[]): Promise<IcpWithBands[]> {
  const counts = await bandCounts(
    db,
    ctx,
    list.map((icp) => icp.id),
  );
  return list.map((icp) => {
    const bands = counts.get(icp.id) ?? { A: 0, B: 0, C: 0 };
    return { ...icp, bands, scoredAccounts: bands.A + bands.B + bands.C };
  });
}

export async function listIcpPage(
  db: Db,
  ctx: WorkspaceContext,
  page: PageQuery,
): Promise<Page<IcpWithBands>> {
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select()
    .from(icps)
    .where(inWorkspace(icps, ctx, after ? gt(icps.id, after) : undefined))
    .orderBy(asc(icps.id))
    .limit(page.limit + 1);
  const icpPage = toPage(rows, page.limit, (r) => r.id, toIcp);
  return { items: await withBands(db, ctx, icpPage.items), nextCursor: icpPage.nextCursor };
}

export async function getIcpWithBands(db: Db, ctx: WorkspaceContext, id: string): Promise<IcpWithBands> {
  const [icp] = await withBands(db, ctx, [await getIcp(db, ctx, id)]);
  if (!icp) throw notFound("ICP");
  return icp;
}

/** JSON with sorted object keys: jsonb does not keep the key order a client sent. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export type IcpInput = { name: string; description?: string | null | undefined; criteria: IcpCriterion[] };

/** Creates the ICP and starts scoring every account against it. */
export async function createIcp(
  db: Db,
  ctx: WorkspaceContext,
  input: IcpInput,
): Promise<{ icp: Icp; job: Job }> {
  const [row] = await db
    .insert(icps)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      description: input.description ?? null,
      criteria: input.criteria,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const job = await enqueueIcpRescore(db, ctx, row.id);
  return { icp: toIcp(row), job };
}

/** Changing the criteria starts a rescore (superseding one still running); a rename does not. */
export async function updateIcp(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: Partial<IcpInput>,
): Promise<{ icp: Icp; job: Job | null }> {
  const before = await getIcp(db, ctx, id);
  const criteriaChanged =
    input.criteria !== undefined && canonicalJson(input.criteria) !== canonicalJson(before.criteria);
  const [row] = await db
    .update(icps)
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.criteria === undefined ? {} : { criteria: input.criteria }),
      updatedAt: new Date(),
    })
    .where(inWorkspace(icps, ctx, eq(icps.id, id)))
    .returning();
  if (!row) throw notFound("ICP");
  const job = criteriaChanged ? await enqueueIcpRescore(db, ctx, id) : null;
  return { icp: toIcp(row), job };
}

/** Refused while plays target the ICP; its scores and value chain go with it. */
export async function deleteIcp(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const icp = await getIcp(db, ctx, id);
  const usedBy = await db
    .select({ name: plays.name })
    .from(plays)
    .where(inWorkspace(plays, ctx, eq(plays.icpId, id)))
    .orderBy(asc(plays.name));
  if (usedBy.length > 0) {
    const names = usedBy.map((p) => `'${p.name}'`).join(", ");
    throw conflict(`ICP '${icp.name}' is the target of ${usedBy.length === 1 ? "play" : "plays"} ${names}.`);
  }
  await cancelIcpRescores(db, ctx, id);
  try {
    await db.delete(icps).where(inWorkspace(icps, ctx, eq(icps.id, id)));
  } catch (error) {
    if ((error as { code?: string; cause?: { code?: string } }).cause?.code === "23503")
      throw conflict(`ICP '${icp.name}' is now the target of a play.`);
    throw error;
  }
}
