/**
 * Test data for the VCOC and plays tests and route matrix: partners, solutions and ICPs written
 * straight into their tables, so these tests do not depend on the other modules' services.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { icps } from "../icps/tables.ts";
import { partners } from "../partners/tables.ts";
import { solutions } from "../solutions/tables.ts";
import type { LifecycleStage, StackLayer } from "../strategy/vocabulary.ts";

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export async function insertPartner(
  db: Db,
  ctx: WorkspaceContext,
  overrides: Partial<{ name: string; lifecycle: LifecycleStage; layers: StackLayer[] }> = {},
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .insert(partners)
    .values({
      workspaceId: ctx.workspaceId,
      name: overrides.name ?? `Partner ${unique()}`,
      lifecycle: overrides.lifecycle ?? "active",
      layers: overrides.layers ?? ["alliance"],
    })
    .returning({ id: partners.id, name: partners.name });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function insertSolution(db: Db, ctx: WorkspaceContext, name = `Solution ${unique()}`) {
  const [row] = await db
    .insert(solutions)
    .values({ workspaceId: ctx.workspaceId, name })
    .returning({ id: solutions.id, name: solutions.name });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function insertIcp(db: Db, ctx: WorkspaceContext, name = `ICP ${unique()}`) {
  const [row] = await db
    .insert(icps)
    .values({ workspaceId: ctx.workspaceId, name })
    .returning({ id: icps.id, name: icps.name });
  if (!row) throw new Error("insert returned no row");
  return row;
}
