/** Role × route matrix entries of the value chain routes (see src/test/matrix.ts). */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { insertIcp, insertPartner } from "./fixtures.ts";
import { createLink } from "./service.ts";
import { vcocLinkPartners, vcocLinks } from "./tables.ts";

export function vcocMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  const linkRow = async (id: string) => {
    const [row] = await db().select().from(vcocLinks).where(eq(vcocLinks.id, id));
    return row;
  };
  const assigned = async (linkId: string) =>
    (await db().select().from(vcocLinkPartners).where(eq(vcocLinkPartners.linkId, linkId))).map(
      (r) => r.partnerId,
    );
  const sampleLink = async (name = `Link ${env.uniq()}`) => {
    const icp = await insertIcp(db(), env.ownerCtxA());
    const link = await createLink(db(), env.ownerCtxA(), icp.id, {
      name,
      channelKind: "influencer",
      stageWeights: { identify: 3 },
    });
    return { icp, link, name };
  };

  return {
    "GET /api/v1/icps/:icpId/value-chain": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const { icp, name } = await sampleLink();
        return {
          params: { icpId: icp.id },
          succeeded(r) {
            expect(r.json().links.map((l: { name: string }) => l.name)).toEqual([name]);
            expect(r.json().coverage.gaps).toHaveLength(1);
          },
        };
      },
    },
    "POST /api/v1/icps/:icpId/value-chain/links": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const icp = await insertIcp(db(), env.ownerCtxA());
        const name = `New link ${env.uniq()}`;
        const links = () => db().select().from(vcocLinks).where(eq(vcocLinks.icpId, icp.id));
        return {
          params: { icpId: icp.id },
          body: { name, channelKind: "referral", stageWeights: { reach: 2 } },
          async succeeded(r) {
            expect(r.json()).toMatchObject({ name, channelKind: "referral", stageWeights: { reach: 2 } });
            expect(await links()).toHaveLength(1);
          },
          async unchanged() {
            expect(await links()).toEqual([]);
          },
        };
      },
    },
    "PATCH /api/v1/value-chain/links/:id": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const { link, name } = await sampleLink();
        return {
          params: { id: link.id },
          body: { name: `${name} renamed` },
          async succeeded(r) {
            expect(r.json().name).toBe(`${name} renamed`);
            expect((await linkRow(link.id))?.name).toBe(`${name} renamed`);
          },
          async unchanged() {
            expect((await linkRow(link.id))?.name).toBe(name);
          },
        };
      },
    },
    "DELETE /api/v1/value-chain/links/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      async prepare() {
        const { link } = await sampleLink();
        return {
          params: { id: link.id },
          async succeeded() {
            expect(await linkRow(link.id)).toBeUndefined();
          },
          async unchanged() {
            expect(await linkRow(link.id)).toBeDefined();
          },
        };
      },
    },
    "PUT /api/v1/value-chain/links/:id/partners": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const { link } = await sampleLink();
        const partner = await insertPartner(db(), env.ownerCtxA());
        return {
          params: { id: link.id },
          body: { partnerIds: [partner.id] },
          async succeeded(r) {
            expect(r.json().partners.map((p: { id: string }) => p.id)).toEqual([partner.id]);
            expect(await assigned(link.id)).toEqual([partner.id]);
          },
          async unchanged() {
            expect(await assigned(link.id)).toEqual([]);
          },
        };
      },
    },
    "PUT /api/v1/icps/:icpId/value-chain/order": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const { icp, link: first } = await sampleLink();
        const second = await createLink(db(), env.ownerCtxA(), icp.id, {
          name: "Second",
          channelKind: "selling",
          stageWeights: {},
        });
        return {
          params: { icpId: icp.id },
          body: { ids: [second.id, first.id] },
          async succeeded(r) {
            expect(r.json().links.map((l: { id: string }) => l.id)).toEqual([second.id, first.id]);
            expect((await linkRow(second.id))?.position).toBe(0);
          },
          async unchanged() {
            expect((await linkRow(first.id))?.position).toBe(0);
            expect((await linkRow(second.id))?.position).toBe(1);
          },
        };
      },
    },
  };
}
