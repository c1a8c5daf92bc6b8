/** Role × route matrix entries of the audit routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { recordAudit } from "./service.ts";

export function auditMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  return {
    "GET /api/v1/audit-events": {
      policy: policy.workspace(roles.admins),
      ok: 200,
      async prepare() {
        const subjectId = `matrix-${env.uniq()}`;
        await recordAudit(db(), env.ownerCtxA(), {
          action: "matrix.sampled",
          subjectType: "matrix",
          subjectId,
        });
        return {
          query: { action: "matrix.sampled", limit: "5" },
          succeeded(r) {
            const first = r.json().items[0];
            expect(first).toMatchObject({ action: "matrix.sampled", subjectId });
          },
        };
      },
    },
  };
}
