/**
 * Sales plays: for a solution × ICP, an objective and a status; their steps per journey stage
 * live in steps.ts. Reading a play returns every stage of the arc, each with its steps in order.
 */
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import {
  type ArcStage,
  icpNames,
  loadJourneyArc,
  requireIcpField,
  requireSolutionField,
  solutionNames,
} from "./references.ts";
import type { CreatePlayInput, ListPlaysQuery, PlayStatus, UpdatePlayInput } from "./schemas.ts";
import { playStatuses } from "./schemas.ts";
import { loadSteps, type PlayStep } from "./step-reads.ts";
import { playSteps, plays } from "./tables.ts";

type PlayRow = typeof plays.$inferSelect;
type NamedRef = { id: string; name: string } | null;

export interface PlaySummary {
  id: string;
  name: string;
  objective: string | null;
  status: PlayStatus;
  solution: NamedRef;
  icp: NamedRef;
  stepCounts: { stageKey: string; stageName: string; count: number }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PlayDetail extends Omit<PlaySummary, "stepCounts"> {
  stages: (Omit<ArcStage, "position"> & { steps: PlayStep[] })[];
}

export const asPlayStatus = (value: string): PlayStatus => playStatuses.find((s) => s === value) ?? "draft";

const ref = (id: string | null, names: Map<string, string>): NamedRef =>
  id ? { id, name: names.get(id) ?? "" } : null;

async function namesFor(db: Db, ctx: WorkspaceContext, rows: readonly PlayRow[]) {
  const solutionIds = rows.flatMap((r) => (r.solutionId ? [r.solutionId] : []));
  const icpIds = rows.flatMap((r) => (r.icpId ? [r.icpId] : []));
  return { solutions: await solutionNames(db, ctx, solutionIds), icps: await icpNames(db, ctx, icpIds) };
}

export async function requirePlayRow(db: Db, ctx: WorkspaceContext, id: string): Promise<PlayRow> {
  const [row] = await db
    .select()
    .from(plays)
    .where(inWorkspace(plays, ctx, eq(plays.id, id)));
  if (!row) throw notFound("Play");
  return row;
}

export async function listPlays(
  db: Db,
  ctx: WorkspaceContext,
  query: ListPlaysQuery,
): Promise<Page<PlaySummary>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(plays)
    .where(
      inWorkspace(
        plays,
        ctx,
        after ? gt(plays.id, after) : undefined,
        query.solutionId ? eq(plays.solutionId, query.solutionId) : undefined,
        query.icpId ? eq(plays.icpId, query.icpId) : undefined,
        query.status ? eq(plays.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(plays.id))
    .limit(query.limit + 1);
  const kept = rows.slice(0, query.limit);
  const stages = await loadJourneyArc(db, ctx);
  const names = await namesFor(db, ctx, kept);
  const counts =
    kept.length === 0
      ? []
      : await db
          .select({ playId: playSteps.playId, stageId: playSteps.stageId, n: count() })
          .from(playSteps)
          .where(
            inWorkspace(
              playSteps,
              ctx,
              inArray(
                playSteps.playId,
                kept.map((r) => r.id),
              ),
            ),
          )
          .groupBy(playSteps.playId, playSteps.stageId);
  const countOf = (playId: string, stageId: string) =>
    counts.find((c) => c.playId === playId && c.stageId === stageId)?.n ?? 0;
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r): PlaySummary => ({
      ...summaryFields(r, names),
      stepCounts: stages.map((s) => ({ stageKey: s.key, stageName: s.name, count: countOf(r.id, s.id) })),
    }),
  );
}

function summaryFields(r: PlayRow, names: { solutions: Map<string, string>; icps: Map<string, string> }) {
  return {
    id: r.id,
    name: r.name,
    objective: r.objective,
    status: asPlayStatus(r.status),
    solution: ref(r.solutionId, names.solutions),
    icp: ref(r.icpId, names.icps),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function getPlay(db: Db, ctx: WorkspaceContext, id: string): Promise<PlayDetail> {
  const row = await requirePlayRow(db, ctx, id);
  const stages = await loadJourneyArc(db, ctx);
  const steps = await loadSteps(db, ctx, [id]);
  return {
    ...summaryFields(row, await namesFor(db, ctx, [row])),
    stages: stages.map((stage) => ({
      id: stage.id,
      key: stage.key,
      name: stage.name,
      steps: steps.filter((step) => step.stage.id === stage.id),
    })),
  };
}

export async function createPlay(db: Db, ctx: WorkspaceContext, input: CreatePlayInput): Promise<string> {
  await requireSolutionField(db, ctx, input.solutionId, "solutionId");
  await requireIcpField(db, ctx, input.icpId, "icpId");
  const [row] = await db
    .insert(plays)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      solutionId: input.solutionId,
      icpId: input.icpId,
      objective: input.objective ?? null,
      status: input.status ?? "draft",
    })
    .returning({ id: plays.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updatePlay(db: Db, ctx: WorkspaceContext, id: string, input: UpdatePlayInput) {
  await requirePlayRow(db, ctx, id);
  if (input.solutionId) await requireSolutionField(db, ctx, input.solutionId, "solutionId");
  if (input.icpId) await requireIcpField(db, ctx, input.icpId, "icpId");
  const changes: Partial<typeof plays.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) changes.name = input.name;
  if (input.solutionId !== undefined) changes.solutionId = input.solutionId;
  if (input.icpId !== undefined) changes.icpId = input.icpId;
  if (input.objective !== undefined) changes.objective = input.objective;
  if (input.status !== undefined) changes.status = input.status;
  await db
    .update(plays)
    .set(changes)
    .where(inWorkspace(plays, ctx, eq(plays.id, id)));
}

/** Deletes the play with its steps (and their partner rows), which belong to nothing else. */
export async function deletePlay(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const deleted = await db
    .delete(plays)
    .where(inWorkspace(plays, ctx, and(eq(plays.id, id))))
    .returning({ id: plays.id });
  if (deleted.length === 0) throw notFound("Play");
}
