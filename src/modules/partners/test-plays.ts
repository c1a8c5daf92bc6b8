/**
 * Test-only rows of other modules' tables: a journey stage, and a play whose step names a partner
 * (or which is for a solution), inserted directly so that the delete conflicts of partners and
 * solutions can be tested without depending on the plays API.
 */
import type { Db } from "../../db/client.ts";
import { journeyStages } from "../journey/tables.ts";
import { playStepPartners, playSteps, plays } from "../plays/tables.ts";

export async function createJourneyStageRow(db: Db, workspaceId: string): Promise<string> {
  const key = `stage-${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(journeyStages)
    .values({ workspaceId, key, name: "Reach", position: 1 })
    .returning({ id: journeyStages.id });
  if (!row) throw new Error("no stage row");
  return row.id;
}

export async function insertPlayNaming(
  db: Db,
  workspaceId: string,
  stageId: string,
  partnerId: string,
  playName: string,
  solutionId: string | null = null,
): Promise<string> {
  const [play] = await db
    .insert(plays)
    .values({ workspaceId, name: playName, solutionId })
    .returning({ id: plays.id });
  if (!play) throw new Error("no play row");
  const [step] = await db
    .insert(playSteps)
    .values({
      workspaceId,
      playId: play.id,
      stageId,
      description: "Partner introduces us",
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    })
    .returning({ id: playSteps.id });
  if (!step) throw new Error("no step row");
  await db.insert(playStepPartners).values({ workspaceId, stepId: step.id, partnerId });
  return play.id;
}

export async function insertPlayForSolution(
  db: Db,
  workspaceId: string,
  solutionId: string,
  playName: string,
): Promise<string> {
  const [play] = await db
    .insert(plays)
    .values({ workspaceId, name: playName, solutionId })
    .returning({ id: plays.id });
  if (!play) throw new Error("no play row");
  return play.id;
}
