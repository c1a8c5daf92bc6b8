/**
 * The workspace's Buyer's Journey Arc: ordered stages (default Identify → Reach → Influence →
 * Develop → Expand). Stage keys are stable (VCOC stage weights refer to them); names, descriptions
 * and order can change, and a stage used by a play cannot be deleted.
 */
import { asc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { conflict, invalid, notFound } from "../../http/problem.ts";
import { playSteps, plays } from "../plays/tables.ts";
import { defaultJourneyStages } from "../strategy/vocabulary.ts";
import { journeyStages } from "./tables.ts";

export type JourneyStage = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  position: number;
  createdAt: Date;
};

type StageRow = typeof journeyStages.$inferSelect;

const toStage = (row: StageRow): JourneyStage => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  position: row.position,
  createdAt: row.createdAt,
});

/** "Land & Expand!" → "land_expand": the stable key of a custom stage. */
export function stageKeyOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
}

async function selectStages(db: Db, ctx: WorkspaceContext): Promise<StageRow[]> {
  return db
    .select()
    .from(journeyStages)
    .where(inWorkspace(journeyStages, ctx))
    .orderBy(asc(journeyStages.position), asc(journeyStages.id));
}

/**
 * The arc in order. A workspace that has never had stages gets the five defaults (idempotent:
 * the unique (workspace, key) index absorbs a concurrent second insert).
 */
export async function listJourneyStages(db: Db, ctx: WorkspaceContext): Promise<JourneyStage[]> {
  const existing = await selectStages(db, ctx);
  if (existing.length > 0) return existing.map(toStage);
  await db
    .insert(journeyStages)
    .values(
      defaultJourneyStages.map((stage, position) => ({
        workspaceId: ctx.workspaceId,
        key: stage.key,
        name: stage.name,
        position,
      })),
    )
    .onConflictDoNothing({ target: [journeyStages.workspaceId, journeyStages.key] });
  return (await selectStages(db, ctx)).map(toStage);
}

export async function getJourneyStage(db: Db, ctx: WorkspaceContext, id: string): Promise<JourneyStage> {
  const [row] = await db
    .select()
    .from(journeyStages)
    .where(inWorkspace(journeyStages, ctx, eq(journeyStages.id, id)));
  if (!row) throw notFound("Journey stage");
  return toStage(row);
}

export type NewJourneyStage = {
  name: string;
  key?: string | undefined;
  description?: string | null | undefined;
};

/** Appends a stage at the end of the arc. */
export async function createJourneyStage(
  db: Db,
  ctx: WorkspaceContext,
  input: NewJourneyStage,
): Promise<JourneyStage> {
  const stages = await listJourneyStages(db, ctx);
  const key = stageKeyOf(input.key ?? input.name);
  const keyPath = input.key === undefined ? "body.name" : "body.key";
  if (!key) throw invalid(keyPath, "needs at least one letter or digit to make a stage key");
  const taken = stages.find((s) => s.key === key);
  if (taken) throw conflict(`A stage with key '${key}' already exists ('${taken.name}').`, "body.key");
  const [last] = await db
    .select({ position: max(journeyStages.position) })
    .from(journeyStages)
    .where(inWorkspace(journeyStages, ctx));
  try {
    const [row] = await db
      .insert(journeyStages)
      .values({
        workspaceId: ctx.workspaceId,
        key,
        name: input.name,
        description: input.description ?? null,
        position: (last?.position ?? -1) + 1,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return toStage(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A stage with key '${key}' already exists.`, "body.key");
    throw error;
  }
}

export async function updateJourneyStage(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: { name?: string | undefined; description?: string | null | undefined },
): Promise<JourneyStage> {
  const changes = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.description === undefined ? {} : { description: input.description }),
  };
  if (Object.keys(changes).length === 0) return getJourneyStage(db, ctx, id);
  const [row] = await db
    .update(journeyStages)
    .set(changes)
    .where(inWorkspace(journeyStages, ctx, eq(journeyStages.id, id)))
    .returning();
  if (!row) throw notFound("Journey stage");
  return toStage(row);
}

/** Puts the stages in the given order; `ids` must name every stage of the workspace exactly once. */
export async function reorderJourneyStages(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<JourneyStage[]> {
  const stages = await listJourneyStages(db, ctx);
  const known = new Set(stages.map((s) => s.id));
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (!known.has(id)) throw invalid(`body.ids.${index}`, "is not a journey stage of this workspace");
    if (seen.has(id)) throw invalid(`body.ids.${index}`, "appears twice");
    seen.add(id);
  }
  if (seen.size !== known.size)
    throw invalid("body.ids", `must list all ${known.size} stages of the arc, each once (got ${seen.size})`);
  await db.transaction(async (tx) => {
    for (const [position, id] of ids.entries()) {
      await tx
        .update(journeyStages)
        .set({ position })
        .where(inWorkspace(journeyStages, ctx, eq(journeyStages.id, id)));
    }
  });
  return listJourneyStages(db, ctx);
}

/** Refused (409) while plays use the stage, or when it is the last stage of the arc. */
export async function deleteJourneyStage(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const stage = await getJourneyStage(db, ctx, id);
  const usedBy = await db
    .selectDistinct({ name: plays.name })
    .from(playSteps)
    .innerJoin(plays, eq(plays.id, playSteps.playId))
    .where(inWorkspace(playSteps, ctx, eq(playSteps.stageId, id)))
    .orderBy(asc(plays.name));
  if (usedBy.length > 0) {
    const names = usedBy.map((p) => `'${p.name}'`).join(", ");
    throw conflict(
      `Stage '${stage.name}' is used by the steps of ${usedBy.length === 1 ? "play" : "plays"} ${names}; move or delete those steps first.`,
    );
  }
  const stages = await selectStages(db, ctx);
  if (stages.length <= 1) throw conflict("The journey arc needs at least one stage; this is the last one.");
  try {
    await removeStage(db, ctx, id, stages);
  } catch (error) {
    // A play step added to the stage since the check above: the foreign key refuses the delete.
    if (isForeignKeyViolation(error)) throw conflict(`Stage '${stage.name}' is now used by a play.`);
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: string; cause?: unknown };
    if (e.code === "23503") return true;
    current = e.cause;
  }
  return false;
}

async function removeStage(db: Db, ctx: WorkspaceContext, id: string, stages: StageRow[]) {
  await db.transaction(async (tx) => {
    await tx.delete(journeyStages).where(inWorkspace(journeyStages, ctx, eq(journeyStages.id, id)));
    // Close the gap so positions stay 0..n-1.
    const rest = stages.filter((s) => s.id !== id);
    for (const [position, row] of rest.entries()) {
      if (row.position !== position)
        await tx
          .update(journeyStages)
          .set({ position })
          .where(inWorkspace(journeyStages, ctx, inArray(journeyStages.id, [row.id])));
    }
  });
}
