/**
 * The Value Chain of the Customer of an ICP: its ordered links, the partners assigned to each,
 * and the coverage figures computed by the pure strategy core.
 */
import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { type VcocCoverage, type VcocLink, vcocCoverage } from "../strategy/coverage.ts";
import { type ChannelKind, channelKinds } from "../strategy/vocabulary.ts";
import {
  type ArcStage,
  type IcpRef,
  loadJourneyArc,
  loadPartners,
  type PartnerRef,
  requireIcp,
  requirePartners,
} from "./references.ts";
import type { CreateLinkInput, UpdateLinkInput } from "./schemas.ts";
import { vcocLinkPartners, vcocLinks } from "./tables.ts";

export interface ValueChainLink {
  id: string;
  icpId: string;
  name: string;
  description: string | null;
  channelKind: ChannelKind;
  position: number;
  stageWeights: Record<string, number>;
  partners: PartnerRef[];
}

export interface ValueChain {
  icp: IcpRef;
  stages: ArcStage[];
  links: ValueChainLink[];
  coverage: VcocCoverage;
}

type LinkRow = typeof vcocLinks.$inferSelect;

const asChannelKind = (value: string): ChannelKind => channelKinds.find((k) => k === value) ?? "selling";

/** Weights of the arc's stages only: keys of stages that left the arc are not shown or counted. */
function arcWeights(stored: Record<string, number>, stages: readonly ArcStage[]): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const stage of stages) {
    const value = stored[stage.key];
    if (typeof value === "number" && value > 0) weights[stage.key] = value;
  }
  return weights;
}

function checkStageKeys(weights: Record<string, number>, stages: readonly ArcStage[]) {
  const keys = new Set(stages.map((s) => s.key));
  for (const key of Object.keys(weights)) {
    if (!keys.has(key))
      throw invalid(`stageWeights.${key}`, "is not a stage of this workspace's journey arc");
  }
}

async function partnerIdsByLink(db: Db, ctx: WorkspaceContext, linkIds: readonly string[]) {
  const byLink = new Map<string, string[]>();
  if (linkIds.length === 0) return byLink;
  const rows = await db
    .select({ linkId: vcocLinkPartners.linkId, partnerId: vcocLinkPartners.partnerId })
    .from(vcocLinkPartners)
    .where(inWorkspace(vcocLinkPartners, ctx, inArray(vcocLinkPartners.linkId, [...linkIds])));
  for (const row of rows) byLink.set(row.linkId, [...(byLink.get(row.linkId) ?? []), row.partnerId]);
  return byLink;
}

async function linkRows(db: Db, ctx: WorkspaceContext, icpId: string): Promise<LinkRow[]> {
  return db
    .select()
    .from(vcocLinks)
    .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.icpId, icpId)))
    .orderBy(asc(vcocLinks.position), asc(vcocLinks.id));
}

/** The ICP's links as the strategy functions take them (for the stack matrix and exports). */
export async function listVcocLinks(db: Db, ctx: WorkspaceContext, icpId: string): Promise<VcocLink[]> {
  const rows = await linkRows(db, ctx, icpId);
  const partnerIds = await partnerIdsByLink(
    db,
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    channelKind: asChannelKind(row.channelKind),
    stageWeights: row.stageWeights,
    partnerIds: partnerIds.get(row.id) ?? [],
  }));
}

export async function getValueChain(db: Db, ctx: WorkspaceContext, icpId: string): Promise<ValueChain> {
  const icp = await requireIcp(db, ctx, icpId);
  const stages = await loadJourneyArc(db, ctx);
  const rows = await linkRows(db, ctx, icpId);
  const idsByLink = await partnerIdsByLink(
    db,
    ctx,
    rows.map((r) => r.id),
  );
  const partners = await loadPartners(db, ctx, [...idsByLink.values()].flat());
  const partnersById = new Map(partners.map((p) => [p.id, p]));
  const links = rows.map(
    (row): ValueChainLink => ({
      id: row.id,
      icpId: row.icpId,
      name: row.name,
      description: row.description,
      channelKind: asChannelKind(row.channelKind),
      position: row.position,
      stageWeights: arcWeights(row.stageWeights, stages),
      partners: (idsByLink.get(row.id) ?? [])
        .map((id) => partnersById.get(id))
        .filter((p): p is PartnerRef => p !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name, "en")),
    }),
  );
  const coverage = vcocCoverage(
    links.map((link) => ({ ...link, partnerIds: link.partners.map((p) => p.id) })),
    partners,
    stages,
  );
  return { icp, stages, links, coverage };
}

async function requireLink(db: Db, ctx: WorkspaceContext, id: string): Promise<LinkRow> {
  const [row] = await db
    .select()
    .from(vcocLinks)
    .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.id, id)));
  if (!row) throw notFound("Value chain link");
  return row;
}

async function replacePartners(db: Db, ctx: WorkspaceContext, linkId: string, partnerIds: readonly string[]) {
  await db
    .delete(vcocLinkPartners)
    .where(inWorkspace(vcocLinkPartners, ctx, eq(vcocLinkPartners.linkId, linkId)));
  const unique = [...new Set(partnerIds)];
  if (unique.length === 0) return;
  await db
    .insert(vcocLinkPartners)
    .values(unique.map((partnerId) => ({ workspaceId: ctx.workspaceId, linkId, partnerId })));
}

/** Returns the link's ICP id, so callers can present the whole value chain after a change. */
export async function createLink(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
  input: CreateLinkInput,
): Promise<{ id: string; icpId: string }> {
  await requireIcp(db, ctx, icpId);
  checkStageKeys(input.stageWeights, await loadJourneyArc(db, ctx));
  const partnerIds = input.partnerIds ?? [];
  return db.transaction(async (tx) => {
    // Checked inside the transaction so the link and its assignment land together or not at all.
    await requirePartners(tx, ctx, partnerIds, "partnerIds");
    const [last] = await tx
      .select({ position: max(vcocLinks.position) })
      .from(vcocLinks)
      .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.icpId, icpId)));
    const [row] = await tx
      .insert(vcocLinks)
      .values({
        workspaceId: ctx.workspaceId,
        icpId,
        name: input.name,
        description: input.description ?? null,
        channelKind: input.channelKind,
        position: (last?.position ?? -1) + 1,
        stageWeights: input.stageWeights,
      })
      .returning({ id: vcocLinks.id });
    if (!row) throw new Error("insert returned no row");
    await replacePartners(tx, ctx, row.id, partnerIds);
    return { id: row.id, icpId };
  });
}

export async function updateLink(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: UpdateLinkInput,
): Promise<{ id: string; icpId: string }> {
  const link = await requireLink(db, ctx, id);
  if (input.stageWeights) checkStageKeys(input.stageWeights, await loadJourneyArc(db, ctx));
  await db.transaction(async (tx) => {
    if (input.partnerIds) await requirePartners(tx, ctx, input.partnerIds, "partnerIds");
    const changes: Partial<typeof vcocLinks.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.channelKind !== undefined) changes.channelKind = input.channelKind;
    if (input.stageWeights !== undefined) changes.stageWeights = input.stageWeights;
    if (Object.keys(changes).length > 0) {
      await tx
        .update(vcocLinks)
        .set(changes)
        .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.id, id)));
    }
    if (input.partnerIds) await replacePartners(tx, ctx, id, input.partnerIds);
  });
  return { id, icpId: link.icpId };
}

export async function setLinkPartners(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  partnerIds: readonly string[],
): Promise<{ id: string; icpId: string }> {
  return updateLink(db, ctx, id, { partnerIds: [...partnerIds] });
}

export async function deleteLink(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const deleted = await db
    .delete(vcocLinks)
    .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.id, id)))
    .returning({ id: vcocLinks.id });
  if (deleted.length === 0) throw notFound("Value chain link");
}

/** Reorders the ICP's links: `ids` must name every link of the chain exactly once. */
export async function reorderLinks(db: Db, ctx: WorkspaceContext, icpId: string, ids: readonly string[]) {
  await requireIcp(db, ctx, icpId);
  const current = new Set((await linkRows(db, ctx, icpId)).map((r) => r.id));
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!current.has(id)) throw invalid(`ids.${index}`, "is not a link of this value chain");
    if (seen.has(id)) throw invalid(`ids.${index}`, "is listed twice");
    seen.add(id);
  });
  if (seen.size !== current.size) throw invalid("ids", "must list every link of the value chain");
  await db.transaction(async (tx) => {
    for (const [position, id] of ids.entries()) {
      await tx
        .update(vcocLinks)
        .set({ position })
        .where(inWorkspace(vcocLinks, ctx, and(eq(vcocLinks.id, id), eq(vcocLinks.icpId, icpId))));
    }
  });
}
