/**
 * Writes the demo strategy (solutions, ICPs, journey arc, partners, value chains, plays) and CRM
 * (accounts, opportunities, ICP fit scores) into a workspace, inside the caller's transaction.
 * Multi-row inserts keep the whole seed to a handful of statements, so it stays fast on PGlite.
 */

import type { Db } from "../../db/client.ts";
import { storedCountry } from "../accounts/country.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { createIcpScorer } from "../icps/scoring.ts";
import { accountIcpScores, icps } from "../icps/tables.ts";
import { journeyStages } from "../journey/tables.ts";
import { partners } from "../partners/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";
import { solutions } from "../solutions/tables.ts";
import { defaultJourneyStages, isActiveLifecycle } from "../strategy/vocabulary.ts";
import { vcocLinkPartners, vcocLinks } from "../vcoc/tables.ts";
import { generateDemoAccounts, generateDemoOpportunities } from "./accounts.ts";
import { demoPlays } from "./plays-catalog.ts";
import { demoIcps, demoPartners, demoSolutions, demoValueChains } from "./strategy-catalog.ts";

export const DEMO_ACCOUNT_COUNT = 320;

/** Splits rows so one INSERT never carries more bind parameters than PostgreSQL allows (65,535). */
function chunks<T>(rows: readonly T[], size = 250): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function idOf(map: ReadonlyMap<string, string>, name: string, what: string): string {
  const id = map.get(name);
  if (!id) throw new Error(`demo data names an unknown ${what}: ${name}`);
  return id;
}

export async function seedDemoStrategy(tx: Db, workspaceId: string): Promise<void> {
  const solutionRows = await tx
    .insert(solutions)
    .values(demoSolutions.map((s) => ({ workspaceId, name: s.name, description: s.description })))
    .returning({ id: solutions.id, name: solutions.name });
  const solutionId = new Map(solutionRows.map((r) => [r.name, r.id]));

  const icpRows = await tx
    .insert(icps)
    .values(
      demoIcps.map((i) => ({ workspaceId, name: i.name, description: i.description, criteria: i.criteria })),
    )
    .returning({ id: icps.id, name: icps.name });
  const icpId = new Map(icpRows.map((r) => [r.name, r.id]));

  const stageRows = await tx
    .insert(journeyStages)
    .values(defaultJourneyStages.map((s, position) => ({ workspaceId, key: s.key, name: s.name, position })))
    .returning({ id: journeyStages.id, key: journeyStages.key });
  const stageId = new Map(stageRows.map((r) => [r.key, r.id]));

  const partnerRows = await tx
    .insert(partners)
    .values(
      demoPartners.map((p) => {
        const slug = p.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/-+$/, "");
        return {
          workspaceId,
          name: p.name,
          website: `https://www.${slug}.example`,
          domain: `${slug}.example`,
          description: p.description,
          layers: p.layers,
          types: p.types,
          regions: p.regions,
          industries: p.industries,
          capabilities: p.capabilities,
          tier: p.tier,
          lifecycle: p.lifecycle,
          relationship:
            p.lifecycle === "strategic"
              ? {
                  priority: "critical" as const,
                  vision: `Make ${p.name} the default route for Bluefjord in its market.`,
                  goals: ["Joint pipeline of $2M", "Two co-marketing campaigns a quarter"],
                  vendorSponsors: ["Dana Demo"],
                  partnerSponsors: ["Alliance lead"],
                  stage: "growing",
                  nextReviewDate: "2026-06-30",
                }
              : {},
        };
      }),
    )
    .returning({ id: partners.id, name: partners.name });
  const partnerId = new Map(partnerRows.map((r) => [r.name, r.id]));

  for (const [icpName, links] of Object.entries(demoValueChains)) {
    const linkRows = await tx
      .insert(vcocLinks)
      .values(
        links.map((link, position) => ({
          workspaceId,
          icpId: idOf(icpId, icpName, "ICP"),
          name: link.name,
          description: link.description,
          channelKind: link.channelKind,
          position,
          stageWeights: link.stageWeights,
        })),
      )
      .returning({ id: vcocLinks.id, position: vcocLinks.position });
    const assignments = linkRows.flatMap((row) =>
      (links[row.position]?.partners ?? []).map((name) => ({
        workspaceId,
        linkId: row.id,
        partnerId: idOf(partnerId, name, "partner"),
      })),
    );
    if (assignments.length > 0) await tx.insert(vcocLinkPartners).values(assignments);
  }

  const playRows = await tx
    .insert(plays)
    .values(
      demoPlays.map((p) => ({
        workspaceId,
        name: p.name,
        solutionId: idOf(solutionId, p.solution, "solution"),
        icpId: idOf(icpId, p.icp, "ICP"),
        objective: p.objective,
        status: p.status,
      })),
    )
    .returning({ id: plays.id, name: plays.name });
  const playId = new Map(playRows.map((r) => [r.name, r.id]));
  const stepValues = demoPlays.flatMap((play) =>
    play.steps.map((step, position) => ({
      workspaceId,
      playId: idOf(playId, play.name, "play"),
      stageId: idOf(stageId, step.stage, "stage"),
      position,
      description: step.description,
      leadKind: step.leadLayer ? "layer" : step.partners.length > 0 ? "partners" : "vendor",
      leadLayer: step.leadLayer,
      coMotion: step.coMotion,
      motionFamily: step.motionFamily,
      assets: step.assets ?? [],
      kpis: step.kpis ?? [],
    })),
  );
  const stepRows = await tx.insert(playSteps).values(stepValues).returning({ id: playSteps.id });
  const stepPartners = demoPlays
    .flatMap((play) => play.steps)
    .flatMap((step, index) =>
      step.partners.map((name) => ({
        workspaceId,
        stepId: stepRows[index]?.id ?? "",
        partnerId: idOf(partnerId, name, "partner"),
      })),
    );
  if (stepPartners.length > 0) await tx.insert(playStepPartners).values(stepPartners);

  await seedDemoCrm(tx, workspaceId, {
    solutionIds: solutionRows.map((r) => r.id),
    stageId,
    partnerId,
    icpId,
  });
}

async function seedDemoCrm(
  tx: Db,
  workspaceId: string,
  refs: {
    solutionIds: string[];
    stageId: ReadonlyMap<string, string>;
    partnerId: ReadonlyMap<string, string>;
    icpId: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const generated = generateDemoAccounts(DEMO_ACCOUNT_COUNT);
  const accountIds: string[] = [];
  for (const chunk of chunks(generated)) {
    const rows = await tx
      .insert(accounts)
      // Countries stored as the account API and imports store them: ISO codes.
      .values(
        chunk.map((a) => ({
          workspaceId,
          ...a,
          country: storedCountry(a.country),
          externalSource: "demo-crm",
        })),
      )
      .returning({ id: accounts.id });
    accountIds.push(...rows.map((r) => r.id));
  }

  // Deals come through partners who can sell (not prospects), and marketplace deals through clouds.
  const sellers = demoPartners.filter((p) => p.lifecycle === "onboarding" || isActiveLifecycle(p.lifecycle));
  const deals = generateDemoOpportunities(generated, {
    partner: sellers.filter((p) => !p.layers.includes("cloud_market")).map((p) => p.name),
    marketplace: sellers.filter((p) => p.layers.includes("cloud_market")).map((p) => p.name),
  });
  for (const chunk of chunks(deals)) {
    await tx.insert(opportunities).values(
      chunk.map((o) => ({
        workspaceId,
        accountId: accountIds[o.accountIndex] ?? "",
        name: o.name,
        amount: o.amount,
        currency: "USD",
        stage: o.stage,
        status: o.status,
        closeDate: o.closeDate,
        sourceRoute: o.sourceRoute,
        partnerId: o.partnerName ? idOf(refs.partnerId, o.partnerName, "partner") : null,
        solutionId: refs.solutionIds[o.solutionIndex] ?? null,
        journeyStageId: idOf(refs.stageId, o.journeyStageKey, "stage"),
        externalSource: "demo-crm",
        externalId: o.externalId,
      })),
    );
  }

  // Fit scores now, so the accounts show their fit without waiting for a rescoring job.
  const scores = demoIcps.flatMap((icp) => {
    const score = createIcpScorer(icp);
    const id = idOf(refs.icpId, icp.name, "ICP");
    return generated.map((account, index) => ({
      workspaceId,
      icpId: id,
      accountId: accountIds[index] ?? "",
      ...score(account),
    }));
  });
  for (const chunk of chunks(scores, 500)) await tx.insert(accountIcpScores).values(chunk);
}
