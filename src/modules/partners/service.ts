/**
 * Partners of a workspace: the companies of the ecosystem, classified by stack layer, type,
 * region, industry, tier and lifecycle stage, each with the alliance view of the relationship.
 * The API, the CLI and the strategy modules (coverage, the matrix, recommendations) call these.
 */
import { arrayOverlaps, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { listKeysetPage, nameOrDomainContains, someOf } from "../accounts/keyset-list.ts";
import { isWebsite, registrableDomain } from "../accounts/website.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import type { StrategyPartner } from "../strategy/coverage.ts";
import {
  type LifecycleStage,
  lifecycleStages,
  type StackLayer,
  stackLayers,
} from "../strategy/vocabulary.ts";
import { isForeignKeyViolation, referencedByPlays } from "./references.ts";
import type {
  PartnerCreateInput,
  PartnerListQuery,
  PartnerUpdateInput,
  RelationshipInput,
  relationshipPriorities,
} from "./schemas.ts";
import { type PartnerRelationship, partners } from "./tables.ts";

type PartnerRow = typeof partners.$inferSelect;

export type Relationship = {
  priority: (typeof relationshipPriorities)[number] | null;
  vision: string | null;
  goals: string[];
  vendorSponsors: string[];
  partnerSponsors: string[];
  stage: string | null;
  nextReviewDate: string | null;
};

export type Partner = {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  description: string | null;
  layers: StackLayer[];
  types: string[];
  regions: string[];
  industries: string[];
  capabilities: string[];
  tier: string | null;
  lifecycle: LifecycleStage;
  relationship: Relationship;
  createdAt: Date;
  updatedAt: Date;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asLifecycle(value: string): LifecycleStage {
  return lifecycleStages.find((stage) => stage === value) ?? "prospect";
}

function asLayers(values: readonly string[]): StackLayer[] {
  return stackLayers.filter((layer) => values.includes(layer));
}

function toPartner(row: PartnerRow): Partner {
  const r = row.relationship;
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    domain: row.domain,
    description: row.description,
    layers: asLayers(row.layers),
    types: row.types,
    regions: row.regions,
    industries: row.industries,
    capabilities: row.capabilities,
    tier: row.tier,
    lifecycle: asLifecycle(row.lifecycle),
    relationship: {
      priority: r.priority ?? null,
      vision: r.vision ?? null,
      goals: r.goals ?? [],
      vendorSponsors: r.vendorSponsors ?? [],
      partnerSponsors: r.partnerSponsors ?? [],
      stage: r.stage ?? null,
      nextReviewDate: r.nextReviewDate ?? null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
const blankToNull = (value: string | null | undefined) => (value ? value : null);

/** The stored relationship: `patch` over `current`, null clearing a key, empty keys dropped. */
function mergeRelationship(current: PartnerRelationship, patch: RelationshipInput): PartnerRelationship {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || value === "") delete merged[key];
    else merged[key] = Array.isArray(value) ? distinct(value) : value;
  }
  return merged as PartnerRelationship;
}

function websiteFields(website: string | null | undefined): {
  website: string | null;
  domain: string | null;
} {
  const trimmed = blankToNull(website);
  if (trimmed === null) return { website: null, domain: null };
  if (!isWebsite(trimmed)) throw invalid("website", "is not a website address (for example acme.com)");
  return { website: trimmed, domain: registrableDomain(trimmed) };
}

/** Column values of a create or update; keys absent from the input stay absent. */
function columnsOf(input: PartnerUpdateInput, current: PartnerRelationship) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.website !== undefined ? websiteFields(input.website) : {}),
    ...(input.description !== undefined ? { description: blankToNull(input.description) } : {}),
    ...(input.layers !== undefined ? { layers: asLayers(input.layers) } : {}),
    ...(input.types !== undefined ? { types: distinct(input.types) } : {}),
    ...(input.regions !== undefined ? { regions: distinct(input.regions) } : {}),
    ...(input.industries !== undefined ? { industries: distinct(input.industries) } : {}),
    ...(input.capabilities !== undefined ? { capabilities: distinct(input.capabilities) } : {}),
    ...(input.tier !== undefined ? { tier: blankToNull(input.tier) } : {}),
    ...(input.lifecycle !== undefined ? { lifecycle: input.lifecycle } : {}),
    ...(input.relationship !== undefined
      ? { relationship: mergeRelationship(current, input.relationship) }
      : {}),
  };
}

export async function createPartner(
  db: Db,
  ctx: WorkspaceContext,
  input: PartnerCreateInput,
): Promise<Partner> {
  const [row] = await db
    .insert(partners)
    .values({ workspaceId: ctx.workspaceId, name: input.name, ...columnsOf(input, {}) })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toPartner(row);
}

export async function getPartner(db: Db, ctx: WorkspaceContext, id: string): Promise<Partner> {
  const [row] = await db
    .select()
    .from(partners)
    .where(inWorkspace(partners, ctx, eq(partners.id, id)));
  if (!row) throw notFound("Partner");
  return toPartner(row);
}

export async function updatePartner(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  input: PartnerUpdateInput,
): Promise<Partner> {
  return db.transaction(async (tx) => {
    // Lock the row: the relationship is merged from its current value.
    const [current] = await tx
      .select()
      .from(partners)
      .where(inWorkspace(partners, ctx, eq(partners.id, id)))
      .for("update");
    if (!current) throw notFound("Partner");
    const [row] = await tx
      .update(partners)
      .set({ ...columnsOf(input, current.relationship), updatedAt: new Date() })
      .where(inWorkspace(partners, ctx, eq(partners.id, id)))
      .returning();
    if (!row) throw notFound("Partner");
    return toPartner(row);
  });
}

/** Names of the plays whose steps name the partner (those keep it from being deleted). */
async function playsNamingPartner(db: Db, ctx: WorkspaceContext, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: plays.name })
    .from(playStepPartners)
    .innerJoin(playSteps, eq(playSteps.id, playStepPartners.stepId))
    .innerJoin(plays, eq(plays.id, playSteps.playId))
    .where(inWorkspace(playStepPartners, ctx, eq(playStepPartners.partnerId, partnerId)))
    .orderBy(plays.name);
  return rows.map((r) => r.name);
}

export async function deletePartner(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  await getPartner(db, ctx, id);
  const names = await playsNamingPartner(db, ctx, id);
  if (names.length > 0) throw referencedByPlays("This partner", names);
  try {
    const deleted = await db
      .delete(partners)
      .where(inWorkspace(partners, ctx, eq(partners.id, id)))
      .returning({ id: partners.id });
    if (deleted.length === 0) throw notFound("Partner");
  } catch (error) {
    // A play step named the partner between the check and the delete.
    if (isForeignKeyViolation(error))
      throw referencedByPlays("This partner", await playsNamingPartner(db, ctx, id));
    throw error;
  }
}

function filtersOf(query: PartnerListQuery): (SQL | undefined)[] {
  const layers = someOf(query.layer);
  const types = someOf(query.type);
  const lifecycles = someOf(query.lifecycle);
  const regions = someOf(query.region);
  const industries = someOf(query.industry);
  const tiers = someOf(query.tier);
  return [
    nameOrDomainContains(query.q, partners),
    layers ? arrayOverlaps(partners.layers, layers) : undefined,
    types ? arrayOverlaps(partners.types, types) : undefined,
    lifecycles ? inArray(partners.lifecycle, lifecycles) : undefined,
    regions ? arrayOverlaps(partners.regions, regions) : undefined,
    industries ? arrayOverlaps(partners.industries, industries) : undefined,
    tiers ? inArray(partners.tier, tiers) : undefined,
  ];
}

/** A page of partners matching every given filter (values of one filter are alternatives). */
export async function listPartners(db: Db, ctx: WorkspaceContext, query: PartnerListQuery) {
  return listKeysetPage(db, ctx, partners, query, filtersOf(query), toPartner);
}

/** Every partner of the workspace as the strategy functions (coverage, matrix, recommendations) see it. */
export async function listPartnersForStrategy(db: Db, ctx: WorkspaceContext): Promise<StrategyPartner[]> {
  const rows = await db.select().from(partners).where(inWorkspace(partners, ctx)).orderBy(partners.name);
  return rows.map((row) => {
    const p = toPartner(row);
    return {
      id: p.id,
      name: p.name,
      layers: p.layers,
      types: p.types,
      lifecycle: p.lifecycle,
      regions: p.regions,
      industries: p.industries,
      tier: p.tier,
    };
  });
}

/**
 * The ids among `ids` that are not partners of this workspace (unknown, another tenant's, or
 * not an id at all), in the order given, without repeats. Empty means all are valid references.
 */
export async function findPartnerIdsNotInWorkspace(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<string[]> {
  const wanted = distinct(ids);
  const wellFormed = wanted.filter((id) => uuidPattern.test(id)).map((id) => id.toLowerCase());
  const found =
    wellFormed.length === 0
      ? []
      : await db
          .select({ id: partners.id })
          .from(partners)
          .where(inWorkspace(partners, ctx, inArray(partners.id, wellFormed)));
  const known = new Set(found.map((r) => r.id));
  return wanted.filter((id) => !known.has(id.toLowerCase()));
}

/** Partner names by id, for lists that show who an opportunity or step names. */
export async function partnerNamesById(
  db: Db,
  ctx: WorkspaceContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(inWorkspace(partners, ctx, inArray(partners.id, distinct(ids))));
  return new Map(rows.map((r) => [r.id, r.name]));
}
