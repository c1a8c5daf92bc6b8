/** Role × route matrix entries of the journey arc routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import { deletesSample, type Entry, type MatrixEnv, renamesSample } from "../../test/matrix.ts";
import { createJourneyStage, getJourneyStage, listJourneyStages } from "./service.ts";

export function journeyMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const makeTarget = () => createJourneyStage(db(), env.ownerCtxA(), { name: `Matrix Stage ${env.uniq()}` });
  const read = (id: string) => getJourneyStage(db(), env.ownerCtxA(), id);
  const stageIds = async () => (await listJourneyStages(db(), env.ownerCtxA())).map((s) => s.id);

  return {
    "GET /api/v1/journey-stages": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const ids = await stageIds();
        return { succeeded: (r) => expect(r.json().items.map((s: { id: string }) => s.id)).toEqual(ids) };
      },
    },
    "POST /api/v1/journey-stages": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix New Stage ${env.uniq()}`;
        return {
          body: { name },
          succeeded: (r) => expect(r.json()).toMatchObject({ name }),
          async unchanged() {
            const names = (await listJourneyStages(db(), env.ownerCtxA())).map((s) => s.name);
            expect(names).not.toContain(name);
          },
        };
      },
    },
    "PUT /api/v1/journey-stages/order": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const before = await stageIds();
        const reversed = [...before].reverse();
        return {
          body: { ids: reversed },
          succeeded: (r) => expect(r.json().items.map((s: { id: string }) => s.id)).toEqual(reversed),
          async unchanged() {
            expect(await stageIds()).toEqual(before);
          },
        };
      },
    },
    "PATCH /api/v1/journey-stages/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      prepare: renamesSample(
        makeTarget,
        read,
        () => `Renamed Stage ${env.uniq()}`,
        (target, name) => ({ id: target.id, key: target.key, name }),
      ),
    },
    "DELETE /api/v1/journey-stages/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeTarget, read),
    },
  };
}
