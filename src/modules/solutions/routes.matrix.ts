/** Role × route matrix entries of the solution routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { createSolution, getSolution, listSolutions } from "./service.ts";

export function solutionsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const makeTarget = () => createSolution(db(), env.ownerCtxA(), { name: `Matrix Solution ${env.uniq()}` });

  return {
    "GET /api/v1/solutions": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          query: { limit: "200" },
          succeeded: (r) => expect(r.json().items.map((s: { id: string }) => s.id)).toContain(target.id),
        };
      },
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
      async prepare() {
        const target = await makeTarget();
        return { params: { id: target.id }, succeeded: (r) => expect(r.json().name).toBe(target.name) };
      },
    },
    "PATCH /api/v1/solutions/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        const name = `Renamed Solution ${env.uniq()}`;
        return {
          params: { id: target.id },
          body: { name },
          succeeded: (r) => expect(r.json().name).toBe(name),
          async unchanged() {
            expect((await getSolution(db(), env.ownerCtxA(), target.id)).name).toBe(target.name);
          },
        };
      },
    },
    "DELETE /api/v1/solutions/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          async succeeded() {
            await expect(getSolution(db(), env.ownerCtxA(), target.id)).rejects.toThrow("not found");
          },
          async unchanged() {
            expect((await getSolution(db(), env.ownerCtxA(), target.id)).name).toBe(target.name);
          },
        };
      },
    },
  };
}
