/** Role × route matrix entries of the job routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import { type Entry, listsSample, type MatrixEnv } from "../../test/matrix.ts";
import { enqueueJob, getJob } from "./service.ts";

export function jobsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  // The matrix app runs no job runtime: the job stays queued, which is all these routes need.
  const makeTarget = () => enqueueJob(db(), env.ownerCtxA(), "matrix.sample", { sample: env.uniq() });

  return {
    "GET /api/v1/jobs": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: listsSample(makeTarget, "5"),
    },
    "GET /api/v1/jobs/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({ id: target.id, kind: "matrix.sample", status: "queued" }),
        };
      },
    },
    "POST /api/v1/jobs/:id/cancel": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeTarget();
        return {
          params: { id: target.id },
          async succeeded(r) {
            expect(r.json().status).toBe("cancelled");
            expect((await getJob(db(), env.ownerCtxA(), target.id)).status).toBe("cancelled");
          },
          async unchanged() {
            expect((await getJob(db(), env.ownerCtxA(), target.id)).status).toBe("queued");
          },
        };
      },
    },
  };
}
