/** Role × route matrix entries of the mapping routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { accounts } from "../accounts/tables.ts";
import { jobs } from "../jobs/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { mapPartner } from "./run.ts";

export function mappingMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  /** A partner of A whose account list overlaps one vendor account, mapped. */
  const makeTarget = async (map = true) => {
    const workspaceId = env.workspaceA().id;
    const word = `Matrixco${env.uniq().replace(/[^a-z0-9]/gi, "")}`;
    const [partner] = await db()
      .insert(partners)
      .values({ workspaceId, name: `Matrix Mapping Partner ${word}`, tier: "Gold" })
      .returning({ id: partners.id, name: partners.name });
    if (!partner) throw new Error("no partner");
    const [account] = await db()
      .insert(accounts)
      .values({
        workspaceId,
        name: `${word} Industries GmbH`,
        website: `https://${word.toLowerCase()}.example`,
      })
      .returning({ id: accounts.id });
    await db()
      .insert(partnerAccounts)
      .values({
        workspaceId,
        partnerId: partner.id,
        name: `${word.toUpperCase()} INDUSTRIES`,
        website: `${word.toLowerCase()}.example`,
        status: "customer",
      });
    if (map) await mapPartner(db(), env.ownerCtxA(), partner.id);
    return { partner, accountId: account?.id ?? "" };
  };
  const jobsOf = async (partnerId: string) =>
    (await db().select({ id: jobs.id, input: jobs.input }).from(jobs)).filter(
      (j) => j.input.partnerId === partnerId,
    );

  return {
    "POST /api/v1/mapping/runs": {
      policy: policy.workspace(roles.editors),
      ok: 202,
      async prepare() {
        const { partner } = await makeTarget(false);
        return {
          body: { partnerId: partner.id },
          async succeeded(r) {
            expect(r.json()).toMatchObject({ kind: "mapping.run", status: "queued" });
            expect(await jobsOf(partner.id)).toHaveLength(1);
          },
          async unchanged() {
            expect(await jobsOf(partner.id)).toHaveLength(0);
          },
        };
      },
    },
    "GET /api/v1/mapping/partners": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { partner } = await makeTarget();
        return {
          succeeded(r) {
            const item = r.json().items.find((i: { partner: { id: string } }) => i.partner.id === partner.id);
            expect(item).toMatchObject({ partnerAccounts: 1, overlaps: { same: 1, related: 0 } });
          },
        };
      },
    },
    "GET /api/v1/partners/:id/overlaps/matrix": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { partner } = await makeTarget();
        return {
          params: { id: partner.id },
          succeeded: (r) => expect(r.json()).toMatchObject({ total: 1 }),
        };
      },
    },
    "GET /api/v1/partners/:id/overlaps": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { partner, accountId } = await makeTarget();
        return {
          params: { id: partner.id },
          succeeded: (r) =>
            expect(r.json().items.map((o: { account: { id: string } }) => o.account.id)).toEqual([accountId]),
        };
      },
    },
    "GET /api/v1/partners/:id/overlaps/export": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { partner } = await makeTarget();
        return {
          params: { id: partner.id },
          query: { format: "csv" },
          succeeded: (r) => expect(r.body.trimEnd().split("\r\n")).toHaveLength(2),
        };
      },
    },
    "GET /api/v1/recommendations": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { partner } = await makeTarget();
        return {
          query: { partnerId: partner.id },
          succeeded: (r) =>
            expect(r.json().items.map((i: { action: string }) => i.action)).toEqual(["warm_intro"]),
        };
      },
    },
  };
}
