/**
 * Test data for the stack: rows inserted straight into the tables the read model (inputs.ts)
 * reads, with overrides — so the stack's tests do not depend on the other modules' services.
 */
import type { Db } from "../../db/client.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import type { IcpCriterion } from "../icps/scoring.ts";
import { icps } from "../icps/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import { solutions } from "../solutions/tables.ts";
import {
  type ChannelKind,
  type CoMotion,
  defaultJourneyStages,
  type LifecycleStage,
  type StackLayer,
} from "../strategy/vocabulary.ts";
import { vcocLinkPartners, vcocLinks } from "../vcoc/tables.ts";

let serial = 0;
const next = () => (serial++).toString(36);

export async function insertSolution(db: Db, workspaceId: string, name = `Solution ${next()}`) {
  const [row] = await db.insert(solutions).values({ workspaceId, name }).returning();
  if (!row) throw new Error("no solution inserted");
  return row;
}

export async function insertIcp(
  db: Db,
  workspaceId: string,
  overrides: { name?: string; criteria?: IcpCriterion[] } = {},
) {
  const [row] = await db
    .insert(icps)
    .values({ workspaceId, name: overrides.name ?? `ICP ${next()}`, criteria: overrides.criteria ?? [] })
    .returning();
  if (!row) throw new Error("no ICP inserted");
  return row;
}

/** The default arc as rows; returns stage id by key. */
export async function insertDefaultStages(db: Db, workspaceId: string): Promise<Record<string, string>> {
  const rows = await db
    .insert(journeyStages)
    .values(defaultJourneyStages.map((s, position) => ({ workspaceId, key: s.key, name: s.name, position })))
    .returning({ id: journeyStages.id, key: journeyStages.key });
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

export async function insertPartner(
  db: Db,
  workspaceId: string,
  overrides: {
    name?: string;
    layers?: StackLayer[];
    types?: string[];
    lifecycle?: LifecycleStage;
    regions?: string[];
    industries?: string[];
  } = {},
) {
  const [row] = await db
    .insert(partners)
    .values({
      workspaceId,
      name: overrides.name ?? `Partner ${next()}`,
      layers: overrides.layers ?? ["alliance"],
      types: overrides.types ?? [],
      lifecycle: overrides.lifecycle ?? "active",
      regions: overrides.regions ?? [],
      industries: overrides.industries ?? [],
    })
    .returning();
  if (!row) throw new Error("no partner inserted");
  return row;
}

export async function insertLink(
  db: Db,
  workspaceId: string,
  icpId: string,
  overrides: {
    name?: string;
    channelKind?: ChannelKind;
    stageWeights?: Record<string, number>;
    partnerIds?: string[];
    position?: number;
  } = {},
) {
  const [row] = await db
    .insert(vcocLinks)
    .values({
      workspaceId,
      icpId,
      name: overrides.name ?? `Link ${next()}`,
      channelKind: overrides.channelKind ?? "selling",
      stageWeights: overrides.stageWeights ?? {},
      position: overrides.position ?? 0,
    })
    .returning();
  if (!row) throw new Error("no link inserted");
  const partnerIds = overrides.partnerIds ?? [];
  if (partnerIds.length > 0)
    await db
      .insert(vcocLinkPartners)
      .values(partnerIds.map((partnerId) => ({ workspaceId, linkId: row.id, partnerId })));
  return row;
}

export interface StepData {
  stageId: string;
  description?: string;
  leadLayer?: StackLayer | null;
  coMotion?: CoMotion;
  partnerIds?: string[];
}

export async function insertPlay(
  db: Db,
  workspaceId: string,
  overrides: {
    name?: string;
    solutionId?: string | null;
    icpId?: string | null;
    status?: "draft" | "active" | "retired";
    steps?: StepData[];
  } = {},
) {
  const [play] = await db
    .insert(plays)
    .values({
      workspaceId,
      name: overrides.name ?? `Play ${next()}`,
      solutionId: overrides.solutionId ?? null,
      icpId: overrides.icpId ?? null,
      status: overrides.status ?? "active",
    })
    .returning();
  if (!play) throw new Error("no play inserted");
  const stepIds: string[] = [];
  for (const [position, step] of (overrides.steps ?? []).entries()) {
    const [row] = await db
      .insert(playSteps)
      .values({
        workspaceId,
        playId: play.id,
        stageId: step.stageId,
        position,
        description: step.description ?? `Step ${position + 1}`,
        leadKind: step.leadLayer ? "layer" : (step.partnerIds?.length ?? 0) > 0 ? "partners" : "vendor",
        leadLayer: step.leadLayer ?? null,
        coMotion: step.coMotion ?? "co_sell",
        motionFamily: "partner_selling",
      })
      .returning({ id: playSteps.id });
    if (!row) throw new Error("no step inserted");
    stepIds.push(row.id);
    const partnerIds = step.partnerIds ?? [];
    if (partnerIds.length > 0)
      await db
        .insert(playStepPartners)
        .values(partnerIds.map((partnerId) => ({ workspaceId, stepId: row.id, partnerId })));
  }
  return { play, stepIds };
}

export async function insertOpportunity(
  db: Db,
  workspaceId: string,
  overrides: {
    amount: number;
    partnerId?: string | null;
    journeyStageId?: string | null;
    solutionId?: string | null;
    status?: "open" | "won" | "lost";
  },
) {
  const [account] = await db
    .insert(accounts)
    .values({ workspaceId, name: `Account ${next()}` })
    .returning({ id: accounts.id });
  if (!account) throw new Error("no account inserted");
  const [row] = await db
    .insert(opportunities)
    .values({
      workspaceId,
      accountId: account.id,
      name: `Deal ${next()}`,
      amount: overrides.amount,
      status: overrides.status ?? "open",
      partnerId: overrides.partnerId ?? null,
      journeyStageId: overrides.journeyStageId ?? null,
      solutionId: overrides.solutionId ?? null,
      sourceRoute: overrides.partnerId ? "partner_sourced" : "direct",
    })
    .returning();
  if (!row) throw new Error("no opportunity inserted");
  return row;
}

/**
 * A small manufacturing ecosystem: one solution and ICP, the default arc, an active alliance SI
 * on the "Implementation SI" link and in a play step at Develop, an active cloud marketplace on
 * "Cloud provider", an unassigned "Industry association" link (a gap), a prospect referral
 * partner to recommend, and open pipeline at Develop.
 */
export async function insertStackWorld(db: Db, workspaceId: string, prefix = "") {
  const solution = await insertSolution(db, workspaceId, `${prefix}Cloud Analytics`);
  const icp = await insertIcp(db, workspaceId, {
    name: `${prefix}Mid-market manufacturing`,
    criteria: [
      { kind: "industry", weight: 40, values: ["Manufacturing"] },
      { kind: "region", weight: 20, values: ["EMEA"] },
    ],
  });
  const stageIds = await insertDefaultStages(db, workspaceId);
  const stage = (key: string) => {
    const id = stageIds[key];
    if (!id) throw new Error(`no stage ${key}`);
    return id;
  };
  const si = await insertPartner(db, workspaceId, {
    name: `${prefix}Fjord Systems Integration`,
    layers: ["alliance"],
    types: ["si"],
    lifecycle: "active",
    industries: ["Manufacturing"],
    regions: ["EMEA"],
  });
  const cloud = await insertPartner(db, workspaceId, {
    name: `${prefix}Nimbus Marketplace`,
    layers: ["cloud_market"],
    types: ["hyperscaler_marketplace"],
    lifecycle: "strategic",
  });
  const association = await insertPartner(db, workspaceId, {
    name: `${prefix}Industrial Makers Association`,
    layers: ["referral_influencer"],
    types: ["association"],
    lifecycle: "prospect",
    industries: ["Manufacturing"],
    regions: ["EMEA"],
  });
  await insertLink(db, workspaceId, icp.id, {
    name: "Implementation SI",
    channelKind: "fulfilment",
    stageWeights: { develop: 5, expand: 3 },
    partnerIds: [si.id],
    position: 0,
  });
  await insertLink(db, workspaceId, icp.id, {
    name: "Cloud provider",
    channelKind: "selling",
    stageWeights: { influence: 2, develop: 4 },
    partnerIds: [cloud.id],
    position: 1,
  });
  const gapLink = await insertLink(db, workspaceId, icp.id, {
    name: "Industry association",
    channelKind: "referral",
    stageWeights: { identify: 4, reach: 3 },
    position: 2,
  });
  const { play, stepIds } = await insertPlay(db, workspaceId, {
    name: `${prefix}Implementation co-sell`,
    solutionId: solution.id,
    icpId: icp.id,
    steps: [{ stageId: stage("develop"), partnerIds: [si.id], coMotion: "co_deliver" }],
  });
  await insertOpportunity(db, workspaceId, {
    amount: 120_000,
    partnerId: si.id,
    journeyStageId: stage("develop"),
    solutionId: solution.id,
  });
  await insertOpportunity(db, workspaceId, {
    amount: 999_999,
    partnerId: si.id,
    journeyStageId: stage("develop"),
    status: "won",
  });
  return { solution, icp, stageIds, si, cloud, association, gapLink, play, stepIds };
}
