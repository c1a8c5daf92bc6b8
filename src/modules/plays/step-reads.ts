/** Reading play steps with their stage and named partners, in board order. */
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import {
  type CoMotion,
  coMotions,
  type MotionFamily,
  motionFamilies,
  type StackLayer,
  stackLayers,
} from "../strategy/vocabulary.ts";
import { loadJourneyArc, loadPartners } from "./references.ts";
import { type LeadKind, leadKinds } from "./schemas.ts";
import { playStepPartners, playSteps } from "./tables.ts";

export interface PlayStep {
  id: string;
  playId: string;
  stage: { id: string; key: string; name: string };
  position: number;
  description: string;
  lead: { kind: LeadKind; layer: StackLayer | null; partners: { id: string; name: string }[] };
  coMotion: CoMotion;
  motionFamily: MotionFamily;
  assets: { title: string; url: string }[];
  kpis: { name: string; target: string }[];
}

const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

/** Partner ids named on each step. */
export async function partnerIdsByStep(db: Db, ctx: WorkspaceContext, stepIds: readonly string[]) {
  const byStep = new Map<string, string[]>();
  if (stepIds.length === 0) return byStep;
  const rows = await db
    .select({ stepId: playStepPartners.stepId, partnerId: playStepPartners.partnerId })
    .from(playStepPartners)
    .where(inWorkspace(playStepPartners, ctx, inArray(playStepPartners.stepId, [...stepIds])));
  for (const row of rows) byStep.set(row.stepId, [...(byStep.get(row.stepId) ?? []), row.partnerId]);
  return byStep;
}

/** Steps of the given plays, ordered by stage position, then step position. */
export async function loadSteps(
  db: Db,
  ctx: WorkspaceContext,
  playIds: readonly string[],
): Promise<PlayStep[]> {
  if (playIds.length === 0) return [];
  const rows = await db
    .select()
    .from(playSteps)
    .where(inWorkspace(playSteps, ctx, inArray(playSteps.playId, [...playIds])))
    .orderBy(asc(playSteps.position), asc(playSteps.id));
  const stages = await loadJourneyArc(db, ctx);
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const idsByStep = await partnerIdsByStep(
    db,
    ctx,
    rows.map((r) => r.id),
  );
  const partners = new Map(
    (await loadPartners(db, ctx, [...idsByStep.values()].flat())).map((p) => [p.id, p.name]),
  );
  return rows
    .flatMap((row): PlayStep[] => {
      const stage = stages.find((s) => s.id === row.stageId);
      if (!stage) return [];
      return [
        {
          id: row.id,
          playId: row.playId,
          stage: { id: stage.id, key: stage.key, name: stage.name },
          position: row.position,
          description: row.description,
          lead: {
            kind: pick(leadKinds, row.leadKind, "vendor"),
            layer: row.leadLayer ? pick(stackLayers, row.leadLayer, "alliance") : null,
            partners: (idsByStep.get(row.id) ?? [])
              .flatMap((id) => {
                const name = partners.get(id);
                return name === undefined ? [] : [{ id, name }];
              })
              .sort((a, b) => a.name.localeCompare(b.name, "en")),
          },
          coMotion: pick(coMotions, row.coMotion, "co_sell"),
          motionFamily: pick(motionFamilies, row.motionFamily, "partner_selling"),
          assets: row.assets,
          kpis: row.kpis,
        },
      ];
    })
    .sort(
      (a, b) =>
        (stageIndex.get(a.stage.id) ?? 0) - (stageIndex.get(b.stage.id) ?? 0) ||
        a.position - b.position ||
        (a.id < b.id ? -1 : 1),
    );
}
