import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { insertIcp, insertPartner } from "./fixtures.ts";
import { listVcocLinks } from "./service.ts";
import { vcocLinkPartners, vcocLinks } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxPerIp: 10_000, maxPerAccount: 1_000, windowSeconds: 300 } });
});
afterAll(async () => t.close());

type Link = {
  id: string;
  name: string;
  description: string | null;
  channelKind: string;
  position: number;
  stageWeights: Record<string, number>;
  partners: { id: string; name: string; lifecycle: string; layers: string[] }[];
};
type Chain = {
  icp: { id: string; name: string };
  stages: { id: string; key: string; name: string }[];
  links: Link[];
  coverage: {
    overall: number;
    stages: { stageKey: string; coverage: number | null }[];
    gaps: { linkId: string; reason: string; topStageKey: string | null }[];
  };
};

async function tenant() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const ctx: WorkspaceContext = { workspaceId: workspace.id, role: "owner", actor: { kind: "cli" } };
  const viewer = await makeMember(t.database.db, workspace, "viewer");
  const icp = await insertIcp(t.database.db, ctx, "Mid-market manufacturing");
  return {
    workspace,
    ctx,
    icp,
    auth: await signIn(t.app, owner.email),
    viewerAuth: await signIn(t.app, viewer.email),
  };
}

const chainOf = async (auth: Auth, icpId: string) => {
  const response = await call(t.app, auth, "GET", `/api/v1/icps/${icpId}/value-chain`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Chain>();
};

function addLink(auth: Auth, icpId: string, body: Record<string, unknown>) {
  return call(t.app, auth, "POST", `/api/v1/icps/${icpId}/value-chain/links`, body);
}

const linkCount = async (icpId: string) =>
  (await t.database.db.select().from(vcocLinks).where(eq(vcocLinks.icpId, icpId))).length;

describe("value chain of the customer", () => {
  it("starts empty on the workspace's default arc, with no coverage", async () => {
    const { auth, icp } = await tenant();
    const chain = await chainOf(auth, icp.id);
    expect(chain.icp).toEqual({ id: icp.id, name: "Mid-market manufacturing" });
    expect(chain.stages.map((s) => s.key)).toEqual(["identify", "reach", "influence", "develop", "expand"]);
    expect(chain.stages.map((s) => s.name)).toEqual(["Identify", "Reach", "Influence", "Develop", "Expand"]);
    expect(chain.links).toEqual([]);
    expect(chain.coverage.overall).toBe(0);
    // Reading twice does not seed the arc twice.
    expect((await chainOf(auth, icp.id)).stages).toHaveLength(5);
  });

  it("adds links, assigns partners, and coverage follows the active partners", async () => {
    const { auth, ctx, icp } = await tenant();
    const active = await insertPartner(t.database.db, ctx, { name: "Northwind SI", lifecycle: "active" });
    const onboarding = await insertPartner(t.database.db, ctx, {
      name: "Contoso MSP",
      lifecycle: "onboarding",
    });

    const advisors = await addLink(auth, icp.id, {
      name: "Strategy advisors",
      description: "Who the COO calls first",
      channelKind: "influencer",
      stageWeights: { identify: 4, influence: 2 },
    });
    expect(advisors.statusCode, advisors.body).toBe(201);
    const advisorsLink = advisors.json<Link>();
    expect(advisorsLink).toMatchObject({
      name: "Strategy advisors",
      description: "Who the COO calls first",
      channelKind: "influencer",
      position: 0,
      stageWeights: { identify: 4, influence: 2 },
      partners: [],
    });

    const si = await addLink(auth, icp.id, {
      name: "Implementation SI",
      channelKind: "fulfilment",
      stageWeights: { develop: 4, expand: 0 },
      partnerIds: [active.id, active.id],
    });
    expect(si.statusCode, si.body).toBe(201);
    expect(si.json<Link>()).toMatchObject({
      position: 1,
      stageWeights: { develop: 4 },
      partners: [{ id: active.id, name: "Northwind SI", lifecycle: "active", layers: ["alliance"] }],
    });

    let chain = await chainOf(auth, icp.id);
    expect(chain.links.map((l) => l.name)).toEqual(["Strategy advisors", "Implementation SI"]);
    // 4 of 10 weight points are covered.
    expect(chain.coverage.overall).toBeCloseTo(0.4);
    expect(chain.coverage.gaps).toHaveLength(1);
    expect(chain.coverage.gaps[0]).toMatchObject({ linkId: advisorsLink.id, topStageKey: "identify" });
    expect(chain.coverage.gaps[0]?.reason).toContain("No active partner covers 'Strategy advisors'");
    expect(chain.coverage.stages.find((s) => s.stageKey === "identify")?.coverage).toBe(0);
    expect(chain.coverage.stages.find((s) => s.stageKey === "develop")?.coverage).toBe(1);
    expect(chain.coverage.stages.find((s) => s.stageKey === "reach")?.coverage).toBeNull();

    // An onboarding partner is assigned but does not cover the gap yet; the reason says so.
    const waiting = await call(t.app, auth, "PUT", `/api/v1/value-chain/links/${advisorsLink.id}/partners`, {
      partnerIds: [onboarding.id],
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    chain = await chainOf(auth, icp.id);
    expect(chain.coverage.overall).toBeCloseTo(0.4);
    expect(chain.coverage.gaps[0]?.reason).toContain("Contoso MSP (onboarding)");

    // Assigning the active partner to the gap link closes it.
    const assigned = await call(t.app, auth, "PUT", `/api/v1/value-chain/links/${advisorsLink.id}/partners`, {
      partnerIds: [onboarding.id, active.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<Link>().partners.map((p) => p.name)).toEqual(["Contoso MSP", "Northwind SI"]);
    chain = await chainOf(auth, icp.id);
    expect(chain.coverage.overall).toBe(1);
    expect(chain.coverage.gaps).toEqual([]);

    // The stack module's view of the same links.
    const links = await listVcocLinks(t.database.db, ctx, icp.id);
    expect(links.map((l) => [l.name, [...l.partnerIds].sort()])).toEqual([
      ["Strategy advisors", [onboarding.id, active.id].sort()],
      ["Implementation SI", [active.id]],
    ]);
  });

  it("edits, reorders and deletes links", async () => {
    const { auth, icp } = await tenant();
    const a = (
      await addLink(auth, icp.id, { name: "A", channelKind: "selling", stageWeights: {} })
    ).json<Link>();
    const b = (
      await addLink(auth, icp.id, { name: "B", channelKind: "referral", stageWeights: {} })
    ).json<Link>();
    const c = (
      await addLink(auth, icp.id, { name: "C", channelKind: "selling", stageWeights: {} })
    ).json<Link>();

    const patched = await call(t.app, auth, "PATCH", `/api/v1/value-chain/links/${b.id}`, {
      name: "Industry association",
      channelKind: "influencer",
      stageWeights: { reach: 5 },
      description: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Link>()).toMatchObject({
      name: "Industry association",
      channelKind: "influencer",
      stageWeights: { reach: 5 },
      description: null,
    });

    const order = await call(t.app, auth, "PUT", `/api/v1/icps/${icp.id}/value-chain/order`, {
      ids: [c.id, a.id, b.id],
    });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json<Chain>().links.map((l) => [l.name, l.position])).toEqual([
      ["C", 0],
      ["A", 1],
      ["Industry association", 2],
    ]);

    const partial = await call(t.app, auth, "PUT", `/api/v1/icps/${icp.id}/value-chain/order`, {
      ids: [a.id],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0].path).toBe("body.ids");
    const twice = await call(t.app, auth, "PUT", `/api/v1/icps/${icp.id}/value-chain/order`, {
      ids: [a.id, a.id, c.id],
    });
    expect(twice.json().errors[0].path).toBe("body.ids.1");

    expect((await call(t.app, auth, "DELETE", `/api/v1/value-chain/links/${a.id}`)).statusCode).toBe(204);
    expect((await call(t.app, auth, "DELETE", `/api/v1/value-chain/links/${a.id}`)).statusCode).toBe(404);
    expect((await chainOf(auth, icp.id)).links.map((l) => l.name)).toEqual(["C", "Industry association"]);
  });

  it("rejects unknown stages, weights out of range and unknown partners, storing nothing", async () => {
    const { auth, ctx, icp } = await tenant();
    const good = await insertPartner(t.database.db, ctx);
    const other = await tenant();
    const foreign = await insertPartner(t.database.db, other.ctx);

    const cases: [Record<string, unknown>, string][] = [
      [
        { name: "X", channelKind: "selling", stageWeights: { identify: 2, negotiate: 3 } },
        "body.stageWeights.negotiate",
      ],
      [{ name: "X", channelKind: "selling", stageWeights: { reach: 6 } }, "body.stageWeights.reach"],
      [{ name: "X", channelKind: "selling", stageWeights: { reach: 2.5 } }, "body.stageWeights.reach"],
      [{ name: "X", channelKind: "selling", stageWeights: { reach: -1 } }, "body.stageWeights.reach"],
      [{ name: "X", channelKind: "broker", stageWeights: {} }, "body.channelKind"],
      [{ name: " ", channelKind: "selling", stageWeights: {} }, "body.name"],
      [
        { name: "X", channelKind: "selling", stageWeights: {}, partnerIds: [good.id, foreign.id] },
        "body.partnerIds.1",
      ],
    ];
    for (const [body, path] of cases) {
      const response = await addLink(auth, icp.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe("validation_failed");
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await linkCount(icp.id)).toBe(0);

    const link = (
      await addLink(auth, icp.id, { name: "Y", channelKind: "selling", stageWeights: {} })
    ).json<Link>();
    const badAssign = await call(t.app, auth, "PUT", `/api/v1/value-chain/links/${link.id}/partners`, {
      partnerIds: [good.id, foreign.id],
    });
    expect(badAssign.statusCode).toBe(400);
    expect(badAssign.json().errors[0].path).toBe("body.partnerIds.1");
    const badPatch = await call(t.app, auth, "PATCH", `/api/v1/value-chain/links/${link.id}`, {
      name: "Renamed",
      partnerIds: [foreign.id],
    });
    expect(badPatch.statusCode).toBe(400);
    // Neither the name nor the assignment changed.
    const [stored] = await t.database.db.select().from(vcocLinks).where(eq(vcocLinks.id, link.id));
    expect(stored?.name).toBe("Y");
    expect(
      await t.database.db.select().from(vcocLinkPartners).where(eq(vcocLinkPartners.linkId, link.id)),
    ).toEqual([]);
  });

  it("keeps tenants apart and lets viewers read only", async () => {
    const a = await tenant();
    const b = await tenant();
    const link = (
      await addLink(a.auth, a.icp.id, { name: "Cloud provider", channelKind: "selling", stageWeights: {} })
    ).json<Link>();

    expect((await call(t.app, b.auth, "GET", `/api/v1/icps/${a.icp.id}/value-chain`)).statusCode).toBe(404);
    expect(
      (await addLink(b.auth, a.icp.id, { name: "Sneaky", channelKind: "selling", stageWeights: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, b.auth, "PATCH", `/api/v1/value-chain/links/${link.id}`, { name: "Hijacked" }))
        .statusCode,
    ).toBe(404);
    expect((await call(t.app, b.auth, "DELETE", `/api/v1/value-chain/links/${link.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(t.app, b.auth, "PUT", `/api/v1/value-chain/links/${link.id}/partners`, { partnerIds: [] }))
        .statusCode,
    ).toBe(404);

    expect((await chainOf(a.viewerAuth, a.icp.id)).links.map((l) => l.name)).toEqual(["Cloud provider"]);
    expect(
      (await addLink(a.viewerAuth, a.icp.id, { name: "V", channelKind: "selling", stageWeights: {} }))
        .statusCode,
    ).toBe(403);
    expect((await chainOf(a.auth, a.icp.id)).links.map((l) => l.name)).toEqual(["Cloud provider"]);
  });
});
