/** Role × route matrix entries of the ICP routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import { deletesSample, type Entry, listsSample, type MatrixEnv, renamesSample } from "../../test/matrix.ts";
import { accounts } from "../accounts/tables.ts";
import { jobs } from "../jobs/tables.ts";
import type { IcpCriterion } from "./scoring.ts";
import { createIcp, getIcp } from "./service.ts";
import { icps } from "./tables.ts";

const criteria: IcpCriterion[] = [
  { kind: "industry", weight: 60, values: ["Manufacturing"] },
  { kind: "employees", weight: 40, min: 100 },
];

export function icpsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const makeTarget = async () =>
    (await createIcp(db(), env.ownerCtxA(), { name: `Matrix ICP ${env.uniq()}`, criteria })).icp;
  const read = (id: string) => getIcp(db(), env.ownerCtxA(), id);
  const jobsOf = async (icpId: string) =>
    (await db().select({ id: jobs.id, input: jobs.input }).from(jobs)).filter((j) => j.input.icpId === icpId);
  return {
    "GET /api/v1/icps": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: listsSample(makeTarget, "200"),
    },
    "POST /api/v1/icps": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix New ICP ${env.uniq()}`;
        return {
          body: { name, criteria },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({
              name,
              criteria,
              rescoreJob: { kind: "icp.rescore", status: "queued" },
            }),
          async unchanged() {
            const names = (await db().select({ name: icps.name }).from(icps)).map((i) => i.name);
            expect(names).not.toContain(name);
          },
        };
      },
    },
    "GET /api/v1/icps/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          succeeded: (r) => expect(r.json()).toMatchObject({ id: target.id, name: target.name, criteria }),
        };
      },
    },
    "PATCH /api/v1/icps/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      prepare: renamesSample(
        makeTarget,
        read,
        () => `Renamed ICP ${env.uniq()}`,
        (target, name) => ({ id: target.id, name }),
      ),
    },
    "DELETE /api/v1/icps/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeTarget, read),
    },
    "POST /api/v1/icps/:id/rescore": {
      policy: policy.workspace(roles.editors),
      ok: 202,
      async prepare() {
        const target = await makeTarget();
        const before = (await jobsOf(target.id)).length;
        return {
          params: { id: target.id },
          async succeeded(r) {
            expect(r.json().job).toMatchObject({ kind: "icp.rescore", status: "queued" });
            expect((await jobsOf(target.id)).length).toBe(before + 1);
          },
          async unchanged() {
            expect((await jobsOf(target.id)).length).toBe(before);
          },
        };
      },
    },
    "GET /api/v1/icps/:id/distribution": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          succeeded: (r) => expect(r.json()).toMatchObject({ total: 0, buckets: expect.any(Array) }),
        };
      },
    },
    "GET /api/v1/icps/:id/accounts": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          query: { band: "A" },
          succeeded: (r) => expect(r.json()).toEqual({ items: [], nextCursor: null }),
        };
      },
    },
    "GET /api/v1/accounts/:accountId/fit": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        const [account] = await db()
          .insert(accounts)
          .values({
            workspaceId: env.workspaceA().id,
            name: `Matrix Account ${env.uniq()}`,
            industry: "Manufacturing",
          })
          .returning();
        if (!account) throw new Error("no account");
        return {
          params: { accountId: account.id },
          succeeded(r) {
            const fit = r.json().items.find((f: { icpId: string }) => f.icpId === target.id);
            expect(fit).toMatchObject({ score: 60, band: "B" });
          },
        };
      },
    },
  };
}
