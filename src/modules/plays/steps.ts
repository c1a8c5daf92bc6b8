/**
 * Writing play steps. A step and the partners it names are written in one transaction, after
 * every reference was checked inside it: one bad partner id among good ones stores nothing.
 */
import { and, eq, gte, max, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { loadJourneyArc, requirePartners } from "./references.ts";
import type { CreateStepInput, LeadInput, UpdateStepInput } from "./schemas.ts";
import { requirePlayRow } from "./service.ts";
import { loadSteps, type PlayStep } from "./step-reads.ts";
import { playStepPartners, playSteps, plays } from "./tables.ts";

type StepRow = typeof playSteps.$inferSelect;

async function requireArcStage(db: Db, ctx: WorkspaceContext, stageId: string) {
  const stage = (await loadJourneyArc(db, ctx)).find((s) => s.id === stageId);
  if (!stage) throw invalid("stageId", "is not a stage of this workspace's journey arc");
  return stage;
}

async function requireStepRow(db: Db, ctx: WorkspaceContext, id: string): Promise<StepRow> {
  const [row] = await db
    .select()
    .from(playSteps)
    .where(inWorkspace(playSteps, ctx, eq(playSteps.id, id)));
  if (!row) throw notFound("Play step");
  return row;
}

/** The step as the API shows it. */
export async function readStep(db: Db, ctx: WorkspaceContext, id: string): Promise<PlayStep> {
  const row = await requireStepRow(db, ctx, id);
  const step = (await loadSteps(db, ctx, [row.playId])).find((s) => s.id === id);
  if (!step) throw notFound("Play step");
  return step;
}

/**
 * The position a step takes in a play's stage column: the requested one (steps at or after it
 * move down by one) or, by default, after the last.
 */
async function claimPosition(
  tx: Db,
  ctx: WorkspaceContext,
  where: { playId: string; stageId: string; exceptStepId?: string },
  requested: number | undefined,
): Promise<number> {
  const inColumn = (extra?: ReturnType<typeof gte>) =>
    inWorkspace(
      playSteps,
      ctx,
      eq(playSteps.playId, where.playId),
      eq(playSteps.stageId, where.stageId),
      where.exceptStepId ? ne(playSteps.id, where.exceptStepId) : undefined,
      extra,
    );
  if (requested === undefined) {
    const [last] = await tx
      .select({ position: max(playSteps.position) })
      .from(playSteps)
      .where(inColumn());
    return (last?.position ?? -1) + 1;
  }
  await tx
    .update(playSteps)
    .set({ position: sql`${playSteps.position} + 1` })
    .where(inColumn(gte(playSteps.position, requested)));
  return requested;
}

/** Throws (rolling the whole transaction back) when any named partner is not this workspace's. */
async function writePartners(tx: Db, ctx: WorkspaceContext, stepId: string, lead: LeadInput) {
  const ids = [...new Set(lead.partnerIds ?? [])];
  await requirePartners(tx, ctx, lead.partnerIds ?? [], "lead.partnerIds");
  await tx
    .delete(playStepPartners)
    .where(inWorkspace(playStepPartners, ctx, eq(playStepPartners.stepId, stepId)));
  if (ids.length > 0) {
    await tx
      .insert(playStepPartners)
      .values(ids.map((partnerId) => ({ workspaceId: ctx.workspaceId, stepId, partnerId })));
  }
}

async function touchPlay(tx: Db, ctx: WorkspaceContext, playId: string) {
  await tx
    .update(plays)
    .set({ updatedAt: new Date() })
    .where(inWorkspace(plays, ctx, eq(plays.id, playId)));
}

export async function createStep(db: Db, ctx: WorkspaceContext, playId: string, input: CreateStepInput) {
  await requirePlayRow(db, ctx, playId);
  await requireArcStage(db, ctx, input.stageId);
  return db.transaction(async (tx) => {
    const position = await claimPosition(tx, ctx, { playId, stageId: input.stageId }, input.position);
    const [row] = await tx
      .insert(playSteps)
      .values({
        workspaceId: ctx.workspaceId,
        playId,
        stageId: input.stageId,
        position,
        description: input.description,
        leadKind: input.lead.kind,
        leadLayer: input.lead.kind === "layer" ? (input.lead.layer ?? null) : null,
        coMotion: input.coMotion,
        motionFamily: input.motionFamily,
        assets: input.assets ?? [],
        kpis: input.kpis ?? [],
      })
      .returning({ id: playSteps.id });
    if (!row) throw new Error("insert returned no row");
    await writePartners(tx, ctx, row.id, input.lead);
    await touchPlay(tx, ctx, playId);
    return row.id;
  });
}

export async function updateStep(db: Db, ctx: WorkspaceContext, id: string, input: UpdateStepInput) {
  const row = await requireStepRow(db, ctx, id);
  if (input.stageId !== undefined) await requireArcStage(db, ctx, input.stageId);
  await db.transaction(async (tx) => {
    const changes: Partial<typeof playSteps.$inferInsert> = {};
    const stageId = input.stageId ?? row.stageId;
    if (input.position !== undefined || stageId !== row.stageId) {
      changes.stageId = stageId;
      changes.position = await claimPosition(
        tx,
        ctx,
        { playId: row.playId, stageId, exceptStepId: id },
        input.position,
      );
    }
    if (input.description !== undefined) changes.description = input.description;
    if (input.coMotion !== undefined) changes.coMotion = input.coMotion;
    if (input.motionFamily !== undefined) changes.motionFamily = input.motionFamily;
    if (input.assets !== undefined) changes.assets = input.assets;
    if (input.kpis !== undefined) changes.kpis = input.kpis;
    if (input.lead) {
      changes.leadKind = input.lead.kind;
      changes.leadLayer = input.lead.kind === "layer" ? (input.lead.layer ?? null) : null;
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(playSteps)
        .set(changes)
        .where(inWorkspace(playSteps, ctx, and(eq(playSteps.id, id))));
    }
    if (input.lead) await writePartners(tx, ctx, id, input.lead);
    await touchPlay(tx, ctx, row.playId);
  });
}

export async function deleteStep(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const deleted = await db
    .delete(playSteps)
    .where(inWorkspace(playSteps, ctx, eq(playSteps.id, id)))
    .returning({ playId: playSteps.playId });
  const [first] = deleted;
  if (!first) throw notFound("Play step");
  await touchPlay(db, ctx, first.playId);
}
