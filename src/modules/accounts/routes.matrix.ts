/** Role × route matrix entries of the account and opportunity routes (see src/test/matrix.ts). */
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import { deletesSample, type Entry, type MatrixEnv, readsSample } from "../../test/matrix.ts";
import { createOpportunity, getOpportunity, listOpportunities } from "./opportunities.ts";
import { createAccount, getAccount, listAccounts } from "./service.ts";

export function accountsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const ctx = () => env.ownerCtxA();
  const makeAccount = () =>
    createAccount(db(), ctx(), { name: `Matrix Account ${env.uniq()}`, status: "prospect", employees: 120 });
  const makeOpportunity = async () => {
    const account = await makeAccount();
    return createOpportunity(db(), ctx(), {
      accountId: account.id,
      name: `Matrix Deal ${env.uniq()}`,
      amount: 5000,
      currency: "EUR",
      sourceRoute: "direct",
    });
  };
  const readAccount = (id: string) => getAccount(db(), ctx(), id);
  const readOpportunity = (id: string) => getOpportunity(db(), ctx(), id);
  const accountNamed = async (name: string) =>
    (await listAccounts(db(), ctx(), { q: name, limit: 10, sort: "name" })).items;

  return {
    "GET /api/v1/accounts": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeAccount();
        return {
          query: { q: target.name, status: "prospect" },
          succeeded: (r) => expect(r.json().items.map((a: { id: string }) => a.id)).toEqual([target.id]),
        };
      },
    },
    "POST /api/v1/accounts": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix New Account ${env.uniq()}`;
        return {
          body: { name, website: "https://www.newaccount.example.org", status: "customer" },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({ name, domain: "example.org", status: "customer" }),
          async unchanged() {
            expect(await accountNamed(name)).toEqual([]);
          },
        };
      },
    },
    "GET /api/v1/accounts/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: readsSample(makeAccount),
    },
    "PATCH /api/v1/accounts/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeAccount();
        return {
          params: { id: target.id },
          body: { status: "customer", employees: 800 },
          succeeded: (r) => expect(r.json()).toMatchObject({ status: "customer", employees: 800 }),
          async unchanged() {
            expect(await readAccount(target.id)).toMatchObject({
              status: "prospect",
              employees: 120,
            });
          },
        };
      },
    },
    "DELETE /api/v1/accounts/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeAccount, readAccount),
    },
    "GET /api/v1/opportunities": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeOpportunity();
        return {
          query: { accountId: target.accountId },
          succeeded: (r) => expect(r.json().items.map((o: { id: string }) => o.id)).toEqual([target.id]),
        };
      },
    },
    "POST /api/v1/opportunities": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const account = await makeAccount();
        const name = `Matrix New Deal ${env.uniq()}`;
        return {
          body: { accountId: account.id, name, amount: 1200.5, currency: "USD", sourceRoute: "marketplace" },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({
              name,
              amount: 1200.5,
              accountName: account.name,
              status: "open",
            }),
          async unchanged() {
            const page = await listOpportunities(db(), ctx(), { accountId: account.id, limit: 10 });
            expect(page.items).toEqual([]);
          },
        };
      },
    },
    "GET /api/v1/opportunities/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      prepare: readsSample(makeOpportunity),
    },
    "PATCH /api/v1/opportunities/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeOpportunity();
        return {
          params: { id: target.id },
          body: { status: "won", amount: 9000 },
          succeeded: (r) => expect(r.json()).toMatchObject({ status: "won", amount: 9000 }),
          async unchanged() {
            expect(await readOpportunity(target.id)).toMatchObject({
              status: "open",
              amount: 5000,
            });
          },
        };
      },
    },
    "DELETE /api/v1/opportunities/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      prepare: deletesSample(makeOpportunity, readOpportunity),
    },
  };
}
