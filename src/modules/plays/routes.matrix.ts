/** Role × route matrix entries of the plays routes (see src/test/matrix.ts). */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { insertIcp, insertSolution } from "../vcoc/fixtures.ts";
import { loadJourneyArc } from "./references.ts";
import { createPlay } from "./service.ts";
import { createStep } from "./steps.ts";
import { playSteps, plays } from "./tables.ts";

export function playsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const read = policy.workspace(roles.anyMember);
  const write = policy.workspace(roles.editors);
  const playRow = async (id: string) => {
    const [row] = await db().select().from(plays).where(eq(plays.id, id));
    return row;
  };
  const stepRow = async (id: string) => {
    const [row] = await db().select().from(playSteps).where(eq(playSteps.id, id));
    return row;
  };
  const stageOf = async (key: string) => {
    const stage = (await loadJourneyArc(db(), env.ownerCtxA())).find((s) => s.key === key);
    if (!stage) throw new Error(`no stage ${key}`);
    return stage.id;
  };
  const samplePlay = async () => {
    const ctx = env.ownerCtxA();
    const name = `Play ${env.uniq()}`;
    const id = await createPlay(db(), ctx, {
      name,
      solutionId: (await insertSolution(db(), ctx)).id,
      icpId: (await insertIcp(db(), ctx)).id,
    });
    return { id, name };
  };
  const sampleStep = async () => {
    const play = await samplePlay();
    const id = await createStep(db(), env.ownerCtxA(), play.id, {
      stageId: await stageOf("reach"),
      description: "Intro call",
      lead: { kind: "vendor" },
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    });
    return { id, play };
  };

  return {
    "GET /api/v1/plays": {
      policy: read,
      ok: 200,
      async prepare() {
        const play = await samplePlay();
        return {
          query: { limit: "200" },
          succeeded: (r) => expect(r.json().items.map((p: { id: string }) => p.id)).toContain(play.id),
        };
      },
    },
    "POST /api/v1/plays": {
      policy: write,
      ok: 201,
      async prepare() {
        const ctx = env.ownerCtxA();
        const name = `New play ${env.uniq()}`;
        const named = () => db().select().from(plays).where(eq(plays.name, name));
        return {
          body: {
            name,
            solutionId: (await insertSolution(db(), ctx)).id,
            icpId: (await insertIcp(db(), ctx)).id,
          },
          async succeeded(r) {
            expect(r.json()).toMatchObject({ name, status: "draft" });
            expect(await named()).toHaveLength(1);
          },
          async unchanged() {
            expect(await named()).toEqual([]);
          },
        };
      },
    },
    "GET /api/v1/plays/:id": {
      policy: read,
      ok: 200,
      async prepare() {
        const { id, play } = await sampleStep();
        return {
          params: { id: play.id },
          succeeded(r) {
            const reach = r.json().stages.find((s: { key: string }) => s.key === "reach");
            expect(reach.steps.map((s: { id: string }) => s.id)).toEqual([id]);
          },
        };
      },
    },
    "PATCH /api/v1/plays/:id": {
      policy: write,
      ok: 200,
      async prepare() {
        const play = await samplePlay();
        return {
          params: { id: play.id },
          body: { status: "active" },
          async succeeded() {
            expect((await playRow(play.id))?.status).toBe("active");
          },
          async unchanged() {
            expect((await playRow(play.id))?.status).toBe("draft");
          },
        };
      },
    },
    "DELETE /api/v1/plays/:id": {
      policy: write,
      ok: 204,
      async prepare() {
        const { id, play } = await sampleStep();
        return {
          params: { id: play.id },
          async succeeded() {
            expect(await playRow(play.id)).toBeUndefined();
            expect(await stepRow(id)).toBeUndefined();
          },
          async unchanged() {
            expect(await playRow(play.id)).toBeDefined();
          },
        };
      },
    },
    "POST /api/v1/plays/:id/steps": {
      policy: write,
      ok: 201,
      async prepare() {
        const play = await samplePlay();
        const steps = () => db().select().from(playSteps).where(eq(playSteps.playId, play.id));
        return {
          params: { id: play.id },
          body: {
            stageId: await stageOf("influence"),
            description: "Analyst briefing",
            lead: { kind: "layer", layer: "referral_influencer" },
            coMotion: "co_market",
            motionFamily: "marketing",
          },
          async succeeded(r) {
            expect(r.json()).toMatchObject({ stage: { key: "influence" }, description: "Analyst briefing" });
            expect(await steps()).toHaveLength(1);
          },
          async unchanged() {
            expect(await steps()).toEqual([]);
          },
        };
      },
    },
    "PATCH /api/v1/play-steps/:id": {
      policy: write,
      ok: 200,
      async prepare() {
        const { id } = await sampleStep();
        return {
          params: { id },
          body: { description: "Intro call with the SI" },
          async succeeded() {
            expect((await stepRow(id))?.description).toBe("Intro call with the SI");
          },
          async unchanged() {
            expect((await stepRow(id))?.description).toBe("Intro call");
          },
        };
      },
    },
    "DELETE /api/v1/play-steps/:id": {
      policy: write,
      ok: 204,
      async prepare() {
        const { id } = await sampleStep();
        return {
          params: { id },
          async succeeded() {
            expect(await stepRow(id)).toBeUndefined();
          },
          async unchanged() {
            expect(await stepRow(id)).toBeDefined();
          },
        };
      },
    },
  };
}
