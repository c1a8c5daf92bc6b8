/**
 * Read-only look-ups the plays validate against. Journey arc, partners and ICPs are shared with
 * the VCOC (one place seeds a missing arc); solutions are only needed here.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid } from "../../http/problem.ts";
import { solutions } from "../solutions/tables.ts";
import { findIcp } from "../vcoc/references.ts";

export {
  type ArcStage,
  icpNames,
  loadJourneyArc,
  loadPartners,
  type PartnerRef,
  requirePartners,
} from "../vcoc/references.ts";

/** A solution or ICP named in a body must be this workspace's: otherwise 400 on that field. */
export async function requireSolutionField(db: Db, ctx: WorkspaceContext, id: string, path: string) {
  const [row] = await db
    .select({ id: solutions.id })
    .from(solutions)
    .where(inWorkspace(solutions, ctx, eq(solutions.id, id)));
  if (!row) throw invalid(path, "is not a solution of this workspace");
}

export async function requireIcpField(db: Db, ctx: WorkspaceContext, id: string, path: string) {
  if (!(await findIcp(db, ctx, id))) throw invalid(path, "is not an ICP of this workspace");
}

export async function solutionNames(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: solutions.id, name: solutions.name })
    .from(solutions)
    .where(inWorkspace(solutions, ctx, inArray(solutions.id, unique)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
