/**
 * The stack of one solution × ICP: the matrix of stack layers × journey stages with coverage and
 * pipeline, the ranked gaps with plain-language reasons and, for each gap, the partners already in
 * the workspace that could fill it. The API, the CLI and the exports all call `getStack`.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import type { VcocCoverage } from "../strategy/coverage.ts";
import { type PartnerRecommendation, recommendPartnersForGap } from "../strategy/recommendations.ts";
import { buildStackMatrix, findStackGaps, type StackCell, type StackGap } from "../strategy/stack-matrix.ts";
import { type JourneyStageRef, type StackLayer, stackLayerLabels } from "../strategy/vocabulary.ts";
import { loadStackInputs, type NamedRef, type StackPlay, type StackRefs } from "./inputs.ts";

/** How many partners each gap recommends: enough to choose, few enough to read. */
export const recommendationsPerGap = 3;

export type StackGapWithRecommendations = StackGap & { recommendations: PartnerRecommendation[] };

export interface Stack {
  solution: NamedRef;
  icp: NamedRef;
  stages: JourneyStageRef[];
  layers: { key: StackLayer; label: string }[];
  cells: StackCell[];
  gaps: StackGapWithRecommendations[];
  vcoc: VcocCoverage;
  plays: StackPlay[];
  totals: { pipeline: number; coveredCells: number; emptyCells: number };
}

export async function getStack(db: Db, ctx: WorkspaceContext, refs: StackRefs = {}): Promise<Stack> {
  const inputs = await loadStackInputs(db, ctx, refs);
  const matrix = buildStackMatrix({
    stages: inputs.stages,
    playSteps: inputs.playSteps,
    partners: inputs.partners,
    links: inputs.links,
    openOpportunities: inputs.openOpportunities,
  });
  const gaps = findStackGaps(matrix, inputs.icp.name).map(
    (gap): StackGapWithRecommendations => ({
      ...gap,
      recommendations: recommendPartnersForGap(gap, inputs.partners, inputs.icp, {
        limit: recommendationsPerGap,
      }),
    }),
  );
  return {
    solution: inputs.solution,
    icp: { id: inputs.icp.id, name: inputs.icp.name },
    stages: matrix.stages,
    layers: matrix.layers.map((key) => ({ key, label: stackLayerLabels[key] })),
    cells: matrix.cells,
    gaps,
    vcoc: matrix.vcoc,
    plays: inputs.plays,
    totals: {
      // A partner in two layers counts in both cells; the total counts each stage × partner once.
      pipeline: inputs.openOpportunities.reduce(
        (sum, o) => sum + (Number.isFinite(o.amount) ? Math.max(0, o.amount) : 0),
        0,
      ),
      coveredCells: matrix.cells.filter((c) => c.level === "covered" || c.level === "strong").length,
      emptyCells: matrix.cells.filter((c) => c.level === "empty").length,
    },
  };
}
