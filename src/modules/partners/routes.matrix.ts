/** Role × route matrix entries of the partner routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import { deletesSample, type Entry, type MatrixEnv, readsSample } from "../../test/matrix.ts";
import { createPartner, getPartner, listPartners } from "./service.ts";

export function partnersMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const makeTarget = (name = `Matrix Partner ${env.uniq()}`) =>
    createPartner(db(), env.ownerCtxA(), { name, layers: ["alliance"], lifecycle: "active" });
  const read = (id: string) => getPartner(db(), env.ownerCtxA(), id);
  const namesOf = async (search: string) => {
    const page = await listPartners(db(), env.ownerCtxA(), { q: search, limit: 10, sort: "name" });
    return page.items.map((p) => p.name);
  };

  return {
    "GET /api/v1/partners": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          query: { q: target.name, layer: "alliance" },
          succeeded: (r) => expect(r.json().items.map((p: { id: string }) => p.id)).toEqual([target.id]),
        };
      },
    },
    "POST /api/v1/partners": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix New Partner ${env.uniq()}`;
        return {
          body: { name, layers: ["cloud_market"], website: "https://www.matrix.example.com" },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({ name, layers: ["cloud_market"], domain: "example.com" }),
          async unchanged() {
            expect(await namesOf(name)).toEqual([]);
          },
        };
      },
    },
    "GET /api/v1/partners/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: readsSample(makeTarget),
    },
    "PATCH /api/v1/partners/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          body: { lifecycle: "strategic", relationship: { priority: "high" } },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({ lifecycle: "strategic", relationship: { priority: "high" } }),
          async unchanged() {
            const after = await read(target.id);
            expect(after.lifecycle).toBe("active");
            expect(after.relationship.priority).toBeNull();
          },
        };
      },
    },
    "DELETE /api/v1/partners/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeTarget, read),
    },
  };
}
