/** Role × route matrix entries of the sharing routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { getSharingSettings, replaceSharingSettings } from "./service.ts";
import { makeMatchedPair, makeSharingPartner } from "./test-data.ts";

export function sharingMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const setRulesOf = async (partnerId: string) =>
    (await getSharingSettings(db(), env.ownerCtxA(), partnerId)).rules.filter((r) => r.set);

  return {
    "GET /api/v1/partners/:id/sharing": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const partner = await makeSharingPartner(db(), env.ownerCtxA());
        await replaceSharingSettings(db(), env.ownerCtxA(), partner.id, {
          rules: [{ side: "vendor", population: "customers", level: "counts", minCount: 3 }],
        });
        return {
          params: { id: partner.id },
          succeeded(r) {
            const body = r.json();
            expect(body.partner).toEqual({ id: partner.id, name: partner.name });
            expect(body.rules).toHaveLength(7);
            expect(body.rules[0]).toMatchObject({
              side: "vendor",
              population: "customers",
              level: "counts",
              minCount: 3,
              set: true,
            });
          },
        };
      },
    },
    "PUT /api/v1/partners/:id/sharing": {
      policy: policy.workspace(roles.admins),
      ok: 200,
      async prepare() {
        const partner = await makeSharingPartner(db(), env.ownerCtxA());
        return {
          params: { id: partner.id },
          body: {
            rules: [
              { side: "vendor", population: "prospects", level: "overlaps", fields: ["name", "status"] },
            ],
          },
          async succeeded(r) {
            expect(r.json().rules[2]).toMatchObject({
              population: "prospects",
              level: "overlaps",
              set: true,
            });
            expect(await setRulesOf(partner.id)).toHaveLength(1);
          },
          async unchanged() {
            expect(await setRulesOf(partner.id)).toEqual([]);
          },
        };
      },
    },
    "GET /api/v1/partners/:id/shared-view": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const ctx = env.ownerCtxA();
        const partner = await makeSharingPartner(db(), ctx);
        const { partnerAccount, account } = await makeMatchedPair(
          db(),
          ctx,
          partner.id,
          { status: "customer" },
          { status: "prospect" },
        );
        await replaceSharingSettings(db(), ctx, partner.id, {
          rules: [
            { side: "vendor", population: "customers", level: "overlaps", fields: ["status"] },
            { side: "partner", population: "prospects", level: "all" },
          ],
        });
        return {
          params: { id: partner.id },
          succeeded(r) {
            const customers = r.json().populations[0];
            expect(customers.overlaps).toEqual([
              expect.objectContaining({
                partnerAccount: expect.objectContaining({ id: partnerAccount.id }),
                account: { status: "customer" },
              }),
            ]);
            expect(r.body).not.toContain(account.name);
          },
        };
      },
    },
  };
}
