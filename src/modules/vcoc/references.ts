/**
 * Read-only look-ups of other modules' data that the VCOC (and the plays) validate against: the
 * workspace's journey arc, its partners and ICPs. Kept in one file so that, as those modules grow
 * their own read functions, only this file changes.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { icps } from "../icps/tables.ts";
import { listJourneyStages } from "../journey/service.ts";
import { partners } from "../partners/tables.ts";
import type { StrategyPartner } from "../strategy/coverage.ts";
import {
  type LifecycleStage,
  lifecycleStages,
  type StackLayer,
  stackLayers,
} from "../strategy/vocabulary.ts";

export interface ArcStage {
  id: string;
  key: string;
  name: string;
  position: number;
}

/**
 * The workspace's journey arc in order, through the journey module (which seeds the default five
 * stages for a workspace that has none yet).
 */
export async function loadJourneyArc(db: Db, ctx: WorkspaceContext): Promise<ArcStage[]> {
  const stages = await listJourneyStages(db, ctx);
  return stages.map((s) => ({ id: s.id, key: s.key, name: s.name, position: s.position }));
}

const isLayer = (value: string): value is StackLayer => (stackLayers as readonly string[]).includes(value);
const asLifecycle = (value: string): LifecycleStage =>
  lifecycleStages.find((stage) => stage === value) ?? "prospect";

export type PartnerRef = StrategyPartner;

/** Partners of this workspace among `ids` (unknown or foreign ids are simply absent). */
export async function loadPartners(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<PartnerRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      id: partners.id,
      name: partners.name,
      layers: partners.layers,
      types: partners.types,
      lifecycle: partners.lifecycle,
      regions: partners.regions,
      industries: partners.industries,
      tier: partners.tier,
    })
    .from(partners)
    .where(inWorkspace(partners, ctx, inArray(partners.id, unique)));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    layers: row.layers.filter(isLayer),
    types: row.types,
    lifecycle: asLifecycle(row.lifecycle),
    regions: row.regions,
    industries: row.industries,
    tier: row.tier,
  }));
}

/**
 * Refuses a list of partner ids naming anything that is not a partner of this workspace: the
 * error names the first offending index (`<path>.<i>`), so a client can point at the entry.
 */
export async function requirePartners(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
  path: string,
): Promise<PartnerRef[]> {
  const found = await loadPartners(db, ctx, ids);
  const known = new Set(found.map((p) => p.id));
  const badIndex = ids.findIndex((id) => !known.has(id));
  if (badIndex >= 0) throw invalid(`${path}.${badIndex}`, "is not a partner of this workspace");
  return found;
}

export interface IcpRef {
  id: string;
  name: string;
}

export async function findIcp(db: Db, ctx: WorkspaceContext, icpId: string): Promise<IcpRef | undefined> {
  const [row] = await db
    .select({ id: icps.id, name: icps.name })
    .from(icps)
    .where(inWorkspace(icps, ctx, eq(icps.id, icpId)));
  return row;
}

/** The ICP named in the URL; another workspace's ICP does not exist here. */
export async function requireIcp(db: Db, ctx: WorkspaceContext, icpId: string): Promise<IcpRef> {
  const icp = await findIcp(db, ctx, icpId);
  if (!icp) throw notFound("ICP");
  return icp;
}

/** Names of ICPs by id, for presenting lists. */
export async function icpNames(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: icps.id, name: icps.name })
    .from(icps)
    .where(and(inWorkspace(icps, ctx), inArray(icps.id, unique)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
