/** Role × route matrix entries of the export routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { createAccount } from "../accounts/service.ts";

export function exportsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  return {
    "GET /api/v1/exports/:entity": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const account = await createAccount(db(), env.ownerCtxA(), { name: `Matrix Export ${env.uniq()}` });
        return {
          params: { entity: "accounts" },
          query: { format: "csv" },
          succeeded(r) {
            expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
            expect(r.body).toContain(account.name);
            expect(r.body).toContain(account.id);
          },
        };
      },
    },
  };
}
