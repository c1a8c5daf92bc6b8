/** What the vendor sells. Plays and the stack matrix are drawn per solution × ICP. */
import { asc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { decodeCursor, type Page, type PageQuery, toPage } from "../../db/pagination.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { isForeignKeyViolation, referencedByPlays } from "../partners/references.ts";
import { plays } from "../plays/tables.ts";
import { solutions } from "./tables.ts";

export type Solution = { id: string; name: string; description: string | null; createdAt: Date };
export type SolutionInput = { name: string; description?: string | null | undefined };

const toSolution = (row: typeof solutions.$inferSelect): Solution => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: row.createdAt,
});

export async function createSolution(db: Db, ctx: WorkspaceContext, input: SolutionInput): Promise<Solution> {
  const [row] = await db
    .insert(solutions)
    .values({ workspaceId: ctx.workspaceId, name: input.name, description: input.description || null })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toSolution(row);
}

/** Every solution of the workspace in creation order (a workspace sells a handful, not thousands). */
export async function listSolutions(db: Db, ctx: WorkspaceContext): Promise<Solution[]> {
  const rows = await db
    .select()
    .from(solutions)
    .where(inWorkspace(solutions, ctx))
    .orderBy(asc(solutions.id));
  return rows.map(toSolution);
}

export async function listSolutionsPage(
  db: Db,
  ctx: WorkspaceContext,
  page: PageQuery,
): Promise<Page<Solution>> {
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select()
    .from(solutions)
    .where(inWorkspace(solutions, ctx, after ? gt(solutions.id, after) : undefined))
    .orderBy(asc(solutions.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => r.id, toSolution);
}

export async function getSolution(db: Db, ctx: WorkspaceContext, id: string): Promise<Solution> {
  const [row] = await db
    .select()
    .from(solutions)
    .where(inWorkspace(solutions, ctx, eq(solutions.id, id)));
  if (!row) throw notFound("Solution");
  return toSolution(row);
}

/** Whether the id is a solution of this workspace (for references from opportunities and plays). */
export async function solutionExists(db: Db, ctx: WorkspaceContext, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: solutions.id })
    .from(solutions)
    .where(inWorkspace(solutions, ctx, eq(solutions.id, id)));
  return rows.length > 0;
}

export async function updateSolution(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: Partial<SolutionInput>,
): Promise<Solution> {
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
  };
  // Nothing to change (an empty PATCH) still answers with the solution, or 404.
  if (Object.keys(changes).length === 0) return getSolution(db, ctx, id);
  const [row] = await db
    .update(solutions)
    .set(changes)
    .where(inWorkspace(solutions, ctx, eq(solutions.id, id)))
    .returning();
  if (!row) throw notFound("Solution");
  return toSolution(row);
}

async function playsForSolution(db: Db, ctx: WorkspaceContext, solutionId: string): Promise<string[]> {
  const rows = await db
    .select({ name: plays.name })
    .from(plays)
    .where(inWorkspace(plays, ctx, eq(plays.solutionId, solutionId)))
    .orderBy(plays.name);
  return rows.map((r) => r.name);
}

/** Deletes a solution; refused (409, naming the plays) while plays are drawn for it. */
export async function deleteSolution(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  await getSolution(db, ctx, id);
  const names = await playsForSolution(db, ctx, id);
  if (names.length > 0) throw referencedByPlays("This solution", names);
  try {
    const deleted = await db
      .delete(solutions)
      .where(inWorkspace(solutions, ctx, eq(solutions.id, id)))
      .returning({ id: solutions.id });
    if (deleted.length === 0) throw notFound("Solution");
  } catch (error) {
    if (isForeignKeyViolation(error))
      throw referencedByPlays("This solution", await playsForSolution(db, ctx, id));
    throw error;
  }
}
