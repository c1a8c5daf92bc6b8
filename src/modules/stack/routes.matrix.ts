/** Role × route matrix entries of the stack routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { insertIcp, insertLink, insertSolution } from "./test-data.ts";

export function stackMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  /** One solution and ICP of A for every sample; named uniquely so other modules' rows do not interfere. */
  let target: Promise<{ solutionId: string; icpId: string; icpName: string }> | undefined;
  const targetOfA = () => {
    target ??= (async () => {
      const workspaceId = env.workspaceA().id;
      const solution = await insertSolution(db(), workspaceId, `Matrix Solution ${env.uniq()}`);
      const icp = await insertIcp(db(), workspaceId, { name: `Matrix ICP ${env.uniq()}` });
      await insertLink(db(), workspaceId, icp.id, { name: "Matrix link", stageWeights: { identify: 3 } });
      return { solutionId: solution.id, icpId: icp.id, icpName: icp.name };
    })();
    return target;
  };

  return {
    "GET /api/v1/stack": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { solutionId, icpId } = await targetOfA();
        return {
          query: { solution: solutionId, icp: icpId },
          succeeded(r) {
            const body = r.json();
            expect(body.icp.id).toBe(icpId);
            expect(body.cells.length).toBe(body.layers.length * body.stages.length);
            expect(body.gaps.some((g: { kind: string }) => g.kind === "vcoc_link")).toBe(true);
          },
        };
      },
    },
    "GET /api/v1/stack/export": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { solutionId, icpId, icpName } = await targetOfA();
        return {
          query: { solution: solutionId, icp: icpId, format: "md" },
          succeeded(r) {
            expect(r.headers["content-type"]).toBe("text/markdown; charset=utf-8");
            expect(r.body).toContain(icpName);
          },
        };
      },
    },
    "GET /api/v1/icps/:icpId/value-chain.png": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { icpId } = await targetOfA();
        return {
          params: { icpId },
          succeeded(r) {
            expect(r.headers["content-type"]).toBe("image/png");
            expect(r.rawPayload.subarray(1, 4).toString("latin1")).toBe("PNG");
          },
        };
      },
    },
  };
}
