/**
 * The stack's read model: the ONE place the stack reads other modules' tables (partners,
 * solutions, ICPs, journey stages, VCOC links, plays, opportunities) and maps rows to the plain
 * inputs of the pure strategy functions (stack-matrix.ts, coverage.ts, recommendations.ts).
 *
 * It queries the tables directly rather than the modules' services because those modules are
 * written in parallel; when they land, only this file needs to change. What it reads:
 * - the workspace's journey stages in order, or the default arc when the workspace has none yet
 *   (the journey module inserts them on first use);
 * - every partner of the workspace (recommendations look beyond the cell's own partners);
 * - the VCOC links of the ICP with their assigned partners;
 * - the steps of the plays for this solution × ICP that are not retired (a play without a
 *   solution or ICP applies to all); draft plays count, so a step shows as soon as it is designed;
 * - open opportunities (status 'open') with a partner and a journey stage, of this solution or of
 *   none. Amounts are summed as they are: the demo and most CRMs use one currency.
 */
import { asc, eq, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { opportunities } from "../accounts/tables.ts";
import { type IcpCriterion, icpCriterionSchema } from "../icps/scoring.ts";
import { icps } from "../icps/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import { solutions } from "../solutions/tables.ts";
import type { StrategyPartner, VcocLink } from "../strategy/coverage.ts";
import type { OpenOpportunityInput, PlayStepInput } from "../strategy/stack-matrix.ts";
import {
  type ChannelKind,
  type CoMotion,
  channelKinds,
  coMotions,
  defaultJourneyStages,
  type JourneyStageRef,
  type LifecycleStage,
  lifecycleStages,
  type StackLayer,
  stackLayers,
} from "../strategy/vocabulary.ts";
import { vcocLinkPartners, vcocLinks } from "../vcoc/tables.ts";

export interface NamedRef {
  id: string;
  name: string;
}

export interface StackIcp extends NamedRef {
  criteria: IcpCriterion[];
}

export interface StackPlay {
  id: string;
  name: string;
  status: string;
  objective: string | null;
  /** Stage keys the play has steps for, in arc order. */
  stageKeys: string[];
  steps: { stageKey: string; description: string; coMotion: CoMotion }[];
}

export interface StackInputs {
  solution: NamedRef;
  icp: StackIcp;
  stages: JourneyStageRef[];
  partners: StrategyPartner[];
  links: VcocLink[];
  playSteps: PlayStepInput[];
  plays: StackPlay[];
  openOpportunities: OpenOpportunityInput[];
}

/** Which solution and ICP: an id or a name each (the CLI passes names); the first by name when absent. */
export interface StackRefs {
  solution?: string | undefined;
  icp?: string | undefined;
}

const idsOf = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | null | undefined): value is T =>
    value !== null && value !== undefined && (values as readonly string[]).includes(value);
const isLayer = isOneOf<StackLayer>(stackLayers);
const isLifecycle = isOneOf<LifecycleStage>(lifecycleStages);
const isChannelKind = isOneOf<ChannelKind>(channelKinds);
const isCoMotion = isOneOf<CoMotion>(coMotions);

/** Criteria as stored; one a newer version wrote that this one cannot read is left out, not fatal. */
export function readCriteria(stored: unknown): IcpCriterion[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw) => {
    const parsed = icpCriterionSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

async function resolveNamed(
  db: Db,
  ctx: WorkspaceContext,
  table: typeof solutions | typeof icps,
  ref: string | undefined,
  what: { label: string; field: string; createHint: string },
): Promise<{ id: string; name: string; criteria?: unknown }> {
  const columns = { id: table.id, name: table.name };
  if (ref === undefined || ref.trim() === "") {
    const [first] = await db
      .select(columns)
      .from(table)
      .where(inWorkspace(table, ctx))
      .orderBy(asc(table.name), asc(table.id))
      .limit(1);
    if (!first)
      throw new AppError("not_found", `This workspace has no ${what.label} yet. ${what.createHint}`);
    return first;
  }
  const trimmed = ref.trim();
  const byId = uuidPattern.test(trimmed)
    ? await db
        .select(columns)
        .from(table)
        .where(inWorkspace(table, ctx, eq(table.id, trimmed.toLowerCase())))
    : [];
  if (byId[0]) return byId[0];
  const all = await db.select(columns).from(table).where(inWorkspace(table, ctx));
  const matches = all.filter((row) => row.name.toLowerCase() === trimmed.toLowerCase());
  if (matches.length > 1)
    throw new AppError(
      "validation_failed",
      `${what.field}: several ${what.label}s are named "${trimmed}"; pass its id instead.`,
      [{ path: what.field, message: `several ${what.label}s are named "${trimmed}"` }],
    );
  if (!matches[0]) throw notFound(`The ${what.label} "${trimmed}"`);
  return matches[0];
}

export async function resolveSolution(db: Db, ctx: WorkspaceContext, ref?: string): Promise<NamedRef> {
  const row = await resolveNamed(db, ctx, solutions, ref, {
    label: "solution",
    field: "solution",
    createHint: "Create a solution first (Strategy → Solutions, or POST /api/v1/solutions).",
  });
  return { id: row.id, name: row.name };
}

export async function resolveIcp(db: Db, ctx: WorkspaceContext, ref?: string): Promise<StackIcp> {
  const row = await resolveNamed(db, ctx, icps, ref, {
    label: "ICP",
    field: "icp",
    createHint: "Create an Ideal Customer Profile first (Strategy → ICPs, or POST /api/v1/icps).",
  });
  const [full] = await db
    .select({ criteria: icps.criteria })
    .from(icps)
    .where(inWorkspace(icps, ctx, eq(icps.id, row.id)));
  return { id: row.id, name: row.name, criteria: readCriteria(full?.criteria) };
}

/** The journey arc with the id of each stored stage (defaults have none). */
export async function loadStages(
  db: Db,
  ctx: WorkspaceContext,
): Promise<{ stages: JourneyStageRef[]; keyById: Map<string, string> }> {
  const rows = await db
    .select({ id: journeyStages.id, key: journeyStages.key, name: journeyStages.name })
    .from(journeyStages)
    .where(inWorkspace(journeyStages, ctx))
    .orderBy(asc(journeyStages.position), asc(journeyStages.id));
  if (rows.length === 0) return { stages: [...defaultJourneyStages], keyById: new Map() };
  return {
    stages: rows.map((r) => ({ key: r.key, name: r.name })),
    keyById: new Map(rows.map((r) => [r.id, r.key])),
  };
}

export async function loadPartners(db: Db, ctx: WorkspaceContext): Promise<StrategyPartner[]> {
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
    .where(inWorkspace(partners, ctx))
    .orderBy(asc(partners.name), asc(partners.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    layers: r.layers.filter(isLayer),
    types: r.types,
    // An unknown stored lifecycle is treated as the most cautious one: it never counts as coverage.
    lifecycle: isLifecycle(r.lifecycle) ? r.lifecycle : "prospect",
    regions: r.regions,
    industries: r.industries,
    tier: r.tier,
  }));
}

export async function loadLinks(db: Db, ctx: WorkspaceContext, icpId: string): Promise<VcocLink[]> {
  const rows = await db
    .select({
      id: vcocLinks.id,
      name: vcocLinks.name,
      channelKind: vcocLinks.channelKind,
      stageWeights: vcocLinks.stageWeights,
    })
    .from(vcocLinks)
    .where(inWorkspace(vcocLinks, ctx, eq(vcocLinks.icpId, icpId)))
    .orderBy(asc(vcocLinks.position), asc(vcocLinks.id));
  if (rows.length === 0) return [];
  const assigned = await db
    .select({ linkId: vcocLinkPartners.linkId, partnerId: vcocLinkPartners.partnerId })
    .from(vcocLinkPartners)
    .where(inWorkspace(vcocLinkPartners, ctx, inArray(vcocLinkPartners.linkId, idsOf(rows))));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    // A link of an unknown kind is still shown; "influencer" is the kind that claims no selling layer.
    channelKind: isChannelKind(r.channelKind) ? r.channelKind : "influencer",
    stageWeights: r.stageWeights ?? {},
    partnerIds: assigned.filter((a) => a.linkId === r.id).map((a) => a.partnerId),
  }));
}

async function loadPlays(
  db: Db,
  ctx: WorkspaceContext,
  solutionId: string,
  icpId: string,
  stages: JourneyStageRef[],
  keyById: Map<string, string>,
): Promise<{ plays: StackPlay[]; playSteps: PlayStepInput[] }> {
  const playRows = await db
    .select({ id: plays.id, name: plays.name, status: plays.status, objective: plays.objective })
    .from(plays)
    .where(
      inWorkspace(
        plays,
        ctx,
        ne(plays.status, "retired"),
        or(eq(plays.solutionId, solutionId), isNull(plays.solutionId)),
        or(eq(plays.icpId, icpId), isNull(plays.icpId)),
      ),
    )
    .orderBy(asc(plays.name), asc(plays.id));
  if (playRows.length === 0) return { plays: [], playSteps: [] };
  const stepRows = await db
    .select({
      id: playSteps.id,
      playId: playSteps.playId,
      stageId: playSteps.stageId,
      description: playSteps.description,
      leadLayer: playSteps.leadLayer,
      coMotion: playSteps.coMotion,
    })
    .from(playSteps)
    .where(inWorkspace(playSteps, ctx, inArray(playSteps.playId, idsOf(playRows))))
    .orderBy(asc(playSteps.position), asc(playSteps.id));
  const stepPartnerRows =
    stepRows.length === 0
      ? []
      : await db
          .select({ stepId: playStepPartners.stepId, partnerId: playStepPartners.partnerId })
          .from(playStepPartners)
          .where(inWorkspace(playStepPartners, ctx, inArray(playStepPartners.stepId, idsOf(stepRows))));
  const stageOrder = new Map(stages.map((s, i) => [s.key, i]));
  const playName = new Map(playRows.map((p) => [p.id, p.name]));
  const stepInputs: PlayStepInput[] = [];
  const stepsByPlay = new Map<string, StackPlay["steps"]>();
  for (const step of stepRows) {
    const stageKey = keyById.get(step.stageId);
    // Steps of stages outside the arc (or an unreadable co-motion) cannot sit in a cell.
    if (!stageKey || !isCoMotion(step.coMotion)) continue;
    stepInputs.push({
      playId: step.playId,
      playName: playName.get(step.playId) ?? "",
      stepId: step.id,
      stageKey,
      leadLayer: isLayer(step.leadLayer) ? step.leadLayer : null,
      partnerIds: stepPartnerRows.filter((p) => p.stepId === step.id).map((p) => p.partnerId),
      coMotion: step.coMotion,
    });
    const list = stepsByPlay.get(step.playId) ?? [];
    list.push({ stageKey, description: step.description, coMotion: step.coMotion });
    stepsByPlay.set(step.playId, list);
  }
  const rank = (key: string) => stageOrder.get(key) ?? Number.MAX_SAFE_INTEGER;
  const playsOut = playRows.map((p): StackPlay => {
    const steps = [...(stepsByPlay.get(p.id) ?? [])].sort((a, b) => rank(a.stageKey) - rank(b.stageKey));
    return {
      id: p.id,
      name: p.name,
      status: p.status,
      objective: p.objective,
      stageKeys: [...new Set(steps.map((s) => s.stageKey))],
      steps,
    };
  });
  return { plays: playsOut, playSteps: stepInputs };
}

async function loadOpenOpportunities(
  db: Db,
  ctx: WorkspaceContext,
  solutionId: string,
  keyById: Map<string, string>,
): Promise<OpenOpportunityInput[]> {
  if (keyById.size === 0) return [];
  // Summed per partner × stage in the database: the matrix only needs these sums, and a CRM may
  // hold millions of deals. Negative amounts (data errors) count as 0, as the matrix would.
  const rows = await db
    .select({
      amount: sql<string>`sum(greatest(${opportunities.amount}, 0))`,
      partnerId: opportunities.partnerId,
      stageId: opportunities.journeyStageId,
    })
    .from(opportunities)
    .where(
      inWorkspace(
        opportunities,
        ctx,
        eq(opportunities.status, "open"),
        isNotNull(opportunities.partnerId),
        isNotNull(opportunities.journeyStageId),
        or(eq(opportunities.solutionId, solutionId), isNull(opportunities.solutionId)),
      ),
    )
    .groupBy(opportunities.partnerId, opportunities.journeyStageId);
  return rows.flatMap((r) =>
    r.partnerId && r.stageId && keyById.has(r.stageId)
      ? [{ amount: Number(r.amount), partnerId: r.partnerId, stageKey: keyById.get(r.stageId) ?? null }]
      : [],
  );
}

/** Everything the stack of one solution × ICP is computed from. */
export async function loadStackInputs(db: Db, ctx: WorkspaceContext, refs: StackRefs): Promise<StackInputs> {
  const solution = await resolveSolution(db, ctx, refs.solution);
  const icp = await resolveIcp(db, ctx, refs.icp);
  const { stages, keyById } = await loadStages(db, ctx);
  const [partnerList, links, playData, openOpportunities] = await Promise.all([
    loadPartners(db, ctx),
    loadLinks(db, ctx, icp.id),
    loadPlays(db, ctx, solution.id, icp.id, stages, keyById),
    loadOpenOpportunities(db, ctx, solution.id, keyById),
  ]);
  return {
    solution,
    icp,
    stages,
    partners: partnerList,
    links,
    playSteps: playData.playSteps,
    plays: playData.plays,
    openOpportunities,
  };
}

/** The ICP's value chain for the graph: the ICP, its links and every partner they name. */
export async function loadValueChain(db: Db, ctx: WorkspaceContext, icpId: string) {
  const [row] = await db
    .select({ id: icps.id, name: icps.name })
    .from(icps)
    .where(inWorkspace(icps, ctx, eq(icps.id, icpId)));
  if (!row) throw notFound("The ICP");
  const { stages } = await loadStages(db, ctx);
  const [links, partnerList] = await Promise.all([loadLinks(db, ctx, row.id), loadPartners(db, ctx)]);
  return { icp: { id: row.id, name: row.name }, stages, links, partners: partnerList };
}
