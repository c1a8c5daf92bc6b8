/**
 * Sharing over HTTP against the real database: settings (defaults, validation paths, audit),
 * the shared view from stored rows (a PUT changes the next GET, no cache), the safe combination
 * of populations, counts suppression, ICP-fit prospects, and scoping by workspace and partner.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { auditEvents } from "../audit/tables.ts";
import { accountIcpScores, icps } from "../icps/tables.ts";
import { makeMatchedPair, makeOverlap, makePartnerAccount, makeSharingPartner } from "./test-data.ts";

let t: TestApp;
let ctx: WorkspaceContext;
let admin: Auth;
let viewer: Auth;
let otherTenant: Auth;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await makeWorkspace(db);
  ctx = { workspaceId: a.workspace.id, role: "owner", actor: { kind: "user", userId: a.owner.id } };
  admin = { kind: "apiKey", secret: await makeApiKey(db, a.workspace, "admin") };
  viewer = await signIn(t.app, (await makeMember(db, a.workspace, "viewer")).email);
  const b = await makeWorkspace(db);
  otherTenant = { kind: "apiKey", secret: await makeApiKey(db, b.workspace, "admin") };
});

afterAll(async () => {
  await t?.close();
});

const put = (auth: Auth, partnerId: string, rules: unknown[]) =>
  call(t.app, auth, "PUT", `/api/v1/partners/${partnerId}/sharing`, { rules });
const sharedView = async (partnerId: string, auth: Auth = viewer) => {
  const r = await call(t.app, auth, "GET", `/api/v1/partners/${partnerId}/shared-view`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ populations: Section[] }>();
};
type Section = {
  side: string;
  population: string;
  level: string;
  counts?: {
    minCount: number;
    cells: { vendorStatus: string; partnerStatus: string; count: number | null }[];
    total: number | null;
  };
  overlaps?: {
    id: string;
    partnerAccount: { id: string; name: string };
    account: Record<string, string | null>;
  }[];
  overlapCount?: number;
};
const section = (view: { populations: Section[] }, side: string, population: string) => {
  const found = view.populations.find((s) => s.side === side && s.population === population);
  if (!found) throw new Error(`no section ${side}/${population}`);
  return found;
};

describe("sharing settings", () => {
  it("lists every population of both sides, hidden and unset by default", async () => {
    const partner = await makeSharingPartner(t.database.db, ctx);
    const r = await call(t.app, viewer, "GET", `/api/v1/partners/${partner.id}/sharing`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.levels).toEqual(["hidden", "counts", "overlaps", "all"]);
    expect(body.fields).toContain("owner");
    expect(body.rules.map((x: { side: string; population: string }) => `${x.side}/${x.population}`)).toEqual([
      "vendor/customers",
      "vendor/open_opportunities",
      "vendor/prospects",
      "vendor/icp_fit_prospects",
      "partner/customers",
      "partner/open_opportunities",
      "partner/prospects",
    ]);
    for (const rule of body.rules) expect(rule).toMatchObject({ level: "hidden", set: false, minCount: 5 });
  });

  it("names the field of each invalid rule", async () => {
    const partner = await makeSharingPartner(t.database.db, ctx);
    const cases: [unknown[], string][] = [
      [[{ side: "vendor", population: "customers", level: "public" }], "body.rules.0.level"],
      [[{ side: "partner", population: "icp_fit_prospects", level: "counts" }], "body.rules.0.population"],
      [
        [
          { side: "vendor", population: "customers", level: "counts" },
          { side: "vendor", population: "customers", level: "all" },
        ],
        "body.rules.1.population",
      ],
      [
        [{ side: "vendor", population: "customers", level: "counts", filter: { minScore: 50 } }],
        "body.rules.0.filter",
      ],
      [
        [{ side: "vendor", population: "icp_fit_prospects", level: "counts", filter: { icpId: partner.id } }],
        "body.rules.0.filter.icpId",
      ],
      [[{ side: "vendor", population: "customers", level: "counts", minCount: 0 }], "body.rules.0.minCount"],
      [
        [{ side: "vendor", population: "customers", level: "overlaps", fields: ["secret"] }],
        "body.rules.0.fields.0",
      ],
    ];
    for (const [rules, path] of cases) {
      const r = await put(admin, partner.id, rules);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const after = await call(t.app, viewer, "GET", `/api/v1/partners/${partner.id}/sharing`);
    expect(after.json().rules.every((x: { set: boolean }) => !x.set)).toBe(true);
  });

  it("is changed by admins only, replaces the whole set, and audits before and after", async () => {
    const partner = await makeSharingPartner(t.database.db, ctx);
    const refused = await put(viewer, partner.id, [
      { side: "vendor", population: "customers", level: "all" },
    ]);
    expect(refused.statusCode).toBe(403);

    const first = await put(admin, partner.id, [
      { side: "vendor", population: "customers", level: "overlaps", fields: ["owner", "name", "name"] },
      { side: "partner", population: "customers", level: "counts", minCount: 7 },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().rules[0]).toMatchObject({ level: "overlaps", fields: ["name", "owner"], set: true });
    expect(first.json().rules[4]).toMatchObject({ level: "counts", minCount: 7, set: true });

    const second = await put(admin, partner.id, [
      { side: "vendor", population: "prospects", level: "counts" },
    ]);
    const rules = second.json().rules as { population: string; side: string; set: boolean }[];
    expect(rules.filter((x) => x.set).map((x) => `${x.side}/${x.population}`)).toEqual(["vendor/prospects"]);

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sharing.changed"), eq(auditEvents.subjectId, partner.id)));
    expect(events).toHaveLength(2);
    const last = events.find((e) => (e.details.after as unknown[]).length === 1);
    expect(last?.details.before).toEqual([
      {
        side: "vendor",
        population: "customers",
        level: "overlaps",
        fields: ["name", "owner"],
        minCount: 5,
        filter: {},
      },
      { side: "partner", population: "customers", level: "counts", fields: [], minCount: 7, filter: {} },
    ]);
    expect(last?.details.after).toEqual([
      { side: "vendor", population: "prospects", level: "counts", fields: [], minCount: 5, filter: {} },
    ]);
    expect(last?.subjectType).toBe("partner");
  });

  it("is a 404 for another workspace's partner, and nothing changes", async () => {
    const partner = await makeSharingPartner(t.database.db, ctx);
    for (const [method, path] of [
      ["GET", "sharing"],
      ["PUT", "sharing"],
      ["GET", "shared-view"],
    ] as const) {
      const r = await call(
        t.app,
        otherTenant,
        method,
        `/api/v1/partners/${partner.id}/${path}`,
        method === "PUT" ? { rules: [{ side: "vendor", population: "customers", level: "all" }] } : undefined,
      );
      expect(r.statusCode, `${method} ${path}`).toBe(404);
      expect(r.body).not.toContain(partner.name);
    }
    const settings = await call(t.app, viewer, "GET", `/api/v1/partners/${partner.id}/sharing`);
    expect(settings.json().rules.every((x: { set: boolean }) => !x.set)).toBe(true);
  });
});

describe("the shared view", () => {
  it("follows a PUT on the very next request", async () => {
    const db = t.database.db;
    const partner = await makeSharingPartner(db, ctx);
    const pair = await makeMatchedPair(
      db,
      ctx,
      partner.id,
      { status: "prospect", name: "Quillmark Prospect GmbH" },
      { status: "customer" },
    );
    await put(admin, partner.id, [
      { side: "vendor", population: "prospects", level: "counts", minCount: 1 },
      { side: "partner", population: "customers", level: "all" },
    ]);
    const before = section(await sharedView(partner.id), "vendor", "prospects");
    expect(before.level).toBe("counts");
    expect(before.overlaps).toBeUndefined();
    expect(
      before.counts?.cells.find((c) => c.vendorStatus === "prospect" && c.partnerStatus === "customer")
        ?.count,
    ).toBe(1);
    expect(JSON.stringify(before)).not.toContain("Quillmark");

    await put(admin, partner.id, [
      { side: "vendor", population: "prospects", level: "overlaps", fields: ["name", "status"] },
      { side: "partner", population: "customers", level: "all" },
    ]);
    const after = section(await sharedView(partner.id), "vendor", "prospects");
    expect(after.overlaps).toEqual([
      expect.objectContaining({
        id: pair.overlap.id,
        partnerAccount: expect.objectContaining({ id: pair.partnerAccount.id }),
        account: { name: "Quillmark Prospect GmbH", status: "prospect" },
      }),
    ]);
    expect(after.overlapCount).toBe(1);
  });

  it("shows rows only as far as the partner shares back (reciprocity)", async () => {
    const db = t.database.db;
    const partner = await makeSharingPartner(db, ctx);
    await makeMatchedPair(db, ctx, partner.id, { status: "customer" }, { status: "prospect" });
    await put(admin, partner.id, [
      { side: "vendor", population: "customers", level: "all", minCount: 1 },
      { side: "partner", population: "prospects", level: "counts" },
    ]);
    const customers = section(await sharedView(partner.id), "vendor", "customers");
    expect(customers.overlaps).toEqual([]);
    expect(
      customers.counts?.cells.find((c) => c.vendorStatus === "customer" && c.partnerStatus === "prospect")
        ?.count,
    ).toBe(1);
  });

  it("applies the least permissive rule of an account's populations: an explicit hidden wins", async () => {
    const db = t.database.db;
    const partner = await makeSharingPartner(db, ctx);
    // A customer with an open upsell deal belongs to customers AND open_opportunities.
    await makeMatchedPair(
      db,
      ctx,
      partner.id,
      { status: "customer", openOpportunity: true },
      { status: "customer" },
    );
    const plain = await makeMatchedPair(db, ctx, partner.id, { status: "customer" }, { status: "customer" });
    await put(admin, partner.id, [
      { side: "vendor", population: "customers", level: "all" },
      { side: "vendor", population: "open_opportunities", level: "hidden" },
      { side: "partner", population: "customers", level: "all" },
    ]);
    const customers = section(await sharedView(partner.id), "vendor", "customers");
    expect(customers.overlaps?.map((o) => o.id)).toEqual([plain.overlap.id]);
  });

  it("suppresses cells under minCount and the total that would reveal them", async () => {
    const db = t.database.db;
    const partner = await makeSharingPartner(db, ctx);
    for (let i = 0; i < 3; i++)
      await makeMatchedPair(db, ctx, partner.id, { status: "customer" }, { status: "customer" });
    await makeMatchedPair(db, ctx, partner.id, { status: "customer" }, { status: "prospect" });
    await put(admin, partner.id, [
      { side: "vendor", population: "customers", level: "counts", minCount: 3 },
      { side: "partner", population: "customers", level: "counts" },
      { side: "partner", population: "prospects", level: "counts" },
    ]);
    const counts = section(await sharedView(partner.id), "vendor", "customers").counts;
    expect(
      counts?.cells.find((c) => c.vendorStatus === "customer" && c.partnerStatus === "customer")?.count,
    ).toBe(3);
    expect(
      counts?.cells.find((c) => c.vendorStatus === "customer" && c.partnerStatus === "prospect")?.count,
    ).toBeNull();
    expect(counts?.total).toBeNull();
    expect(counts?.minCount).toBe(3);
  });

  it("selects ICP-fit prospects from the persisted scores", async () => {
    const db = t.database.db;
    const partner = await makeSharingPartner(db, ctx);
    const [icp] = await db
      .insert(icps)
      .values({ workspaceId: ctx.workspaceId, name: `Sharing ICP ${Date.now()}` })
      .returning();
    if (!icp) throw new Error("no ICP");
    const fit = await makeMatchedPair(db, ctx, partner.id, { status: "prospect" }, { status: "customer" });
    const unfit = await makeMatchedPair(db, ctx, partner.id, { status: "prospect" }, { status: "customer" });
    await db.insert(accountIcpScores).values([
      { workspaceId: ctx.workspaceId, icpId: icp.id, accountId: fit.account.id, score: 82, band: "A" },
      { workspaceId: ctx.workspaceId, icpId: icp.id, accountId: unfit.account.id, score: 40, band: "C" },
    ]);
    await put(admin, partner.id, [
      {
        side: "vendor",
        population: "icp_fit_prospects",
        level: "overlaps",
        fields: ["name"],
        filter: { icpId: icp.id, minScore: 70 },
      },
      { side: "partner", population: "customers", level: "overlaps", fields: ["name", "domain"] },
    ]);
    const view = await sharedView(partner.id);
    const icpFit = section(view, "vendor", "icp_fit_prospects");
    expect(icpFit.overlaps?.map((o) => [o.id, o.account])).toEqual([
      [fit.overlap.id, { name: fit.account.name }],
    ]);
    expect(section(view, "vendor", "prospects").level).toBe("hidden");
  });

  it("never shows another partner's accounts, even for a vendor account both partners match", async () => {
    const db = t.database.db;
    const mine = await makeSharingPartner(db, ctx);
    const theirs = await makeSharingPartner(db, ctx);
    const pair = await makeMatchedPair(db, ctx, mine.id, { status: "customer" }, { status: "customer" });
    const theirAccount = await makePartnerAccount(db, ctx, theirs.id, {
      status: "customer",
      name: "Theirs Only Ltd",
    });
    await makeOverlap(db, ctx, theirs.id, pair.account.id, theirAccount.id);
    const rules = [
      { side: "vendor", population: "customers", level: "all" },
      { side: "partner", population: "customers", level: "all" },
    ];
    await put(admin, mine.id, rules);
    await put(admin, theirs.id, rules);
    const r = await call(t.app, viewer, "GET", `/api/v1/partners/${mine.id}/shared-view`);
    expect(r.body).toContain(pair.partnerAccount.id);
    expect(r.body).not.toContain(theirAccount.id);
    expect(r.body).not.toContain("Theirs Only Ltd");
    expect(section(r.json(), "vendor", "customers").overlaps).toHaveLength(1);
  });
});
