/** Role × route matrix entries of the solution routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import {
  deletesSample,
  type Entry,
  listsSample,
  type MatrixEnv,
  readsSample,
  renamesSample,
} from "../../test/matrix.ts";
import { createSolution, getSolution, listSolutions } from "./service.ts";

export function solutionsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const makeTarget = () => createSolution(db(), env.ownerCtxA(), { name: `Matrix Solution ${env.uniq()}` });
  const read = (id: string) => getSolution(db(), env.ownerCtxA(), id);

  return {
    "GET /api/v1/solutions": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: listsSample(makeTarget, "200"),
    },
    "POST /api/v1/solutions": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix New Solution ${env.uniq()}`;
        return {
          body: { name, description: "Analytics for plants" },
          succeeded: (r) => expect(r.json()).toMatchObject({ name, description: "Analytics for plants" }),
          async unchanged() {
            const all = await listSolutions(db(), env.ownerCtxA());
            expect(all.map((s) => s.name)).not.toContain(name);
          },
        };
      },
    },
    "GET /api/v1/solutions/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: readsSample(makeTarget),
    },
    "PATCH /api/v1/solutions/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      prepare: renamesSample(makeTarget, read, () => `Renamed Solution ${env.uniq()}`),
    },
    "DELETE /api/v1/solutions/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeTarget, read),
    },
  };
}
