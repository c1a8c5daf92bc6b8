import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeWorkspace } from "../../test/factories.ts";
import { partners } from "./tables.ts";
import { createJourneyStageRow, insertPlayNaming } from "./test-plays.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type PartnerView = {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  layers: string[];
  types: string[];
  lifecycle: string;
  tier: string | null;
  regions: string[];
  industries: string[];
  relationship: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
};
type Page = { items: PartnerView[]; nextCursor: string | null };

async function editorOfNewWorkspace(role: "admin" | "partner_manager" | "viewer" = "partner_manager") {
  const { workspace } = await makeWorkspace(t.database.db);
  const auth: Auth = { kind: "apiKey", secret: await makeApiKey(t.database.db, workspace, role) };
  return { workspace, auth };
}

async function create(auth: Auth, body: Record<string, unknown>): Promise<PartnerView> {
  const r = await call(t.app, auth, "POST", "/api/v1/partners", body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json<PartnerView>();
}

async function list(auth: Auth, query: string): Promise<Page> {
  const r = await call(t.app, auth, "GET", `/api/v1/partners?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>();
}

describe("partners CRUD", () => {
  it("creates a partner with every field, keeps the domain beside the website, reads it back", async () => {
    const { auth } = await editorOfNewWorkspace();
    const created = await create(auth, {
      name: "  Northwind Integrators ",
      website: "https://www.Northwind.co.uk/about",
      description: "SAP and cloud integrator",
      layers: ["alliance", "reseller_msp", "alliance"],
      types: ["si", "Boutique ERP shop"],
      regions: ["EMEA"],
      industries: ["Manufacturing"],
      capabilities: ["SAP", "Azure"],
      tier: "Gold",
      lifecycle: "active",
      relationship: {
        priority: "high",
        vision: "Own mid-market manufacturing in the UK",
        goals: ["10 co-sell deals"],
        vendorSponsors: ["Ana (CRO)"],
        partnerSponsors: ["Tom (CEO)"],
        stage: "Scaling",
        nextReviewDate: "2027-01-15",
      },
    });
    expect(created).toMatchObject({
      name: "Northwind Integrators",
      website: "https://www.Northwind.co.uk/about",
      domain: "northwind.co.uk",
      layers: ["reseller_msp", "alliance"],
      types: ["si", "Boutique ERP shop"],
      tier: "Gold",
      lifecycle: "active",
      relationship: {
        priority: "high",
        vision: "Own mid-market manufacturing in the UK",
        goals: ["10 co-sell deals"],
        vendorSponsors: ["Ana (CRO)"],
        partnerSponsors: ["Tom (CEO)"],
        stage: "Scaling",
        nextReviewDate: "2027-01-15",
      },
    });
    const read = await call(t.app, auth, "GET", `/api/v1/partners/${created.id}`);
    expect(read.json()).toEqual(created);
  });

  it("defaults: prospect, no layers, an empty relationship record", async () => {
    const { auth } = await editorOfNewWorkspace();
    const created = await create(auth, { name: "Bare" });
    expect(created).toMatchObject({
      website: null,
      domain: null,
      layers: [],
      lifecycle: "prospect",
      relationship: {
        priority: null,
        vision: null,
        goals: [],
        vendorSponsors: [],
        partnerSponsors: [],
        stage: null,
        nextReviewDate: null,
      },
    });
  });

  it("patches only the fields sent and merges the relationship record", async () => {
    const { auth } = await editorOfNewWorkspace();
    const created = await create(auth, {
      name: "Contoso",
      website: "contoso.com",
      relationship: { priority: "low", vision: "Grow", stage: "Exploring" },
    });
    const r = await call(t.app, auth, "PATCH", `/api/v1/partners/${created.id}`, {
      lifecycle: "onboarding",
      website: "https://shop.contoso.de",
      relationship: { priority: "critical", vision: null, vendorSponsors: ["Bo"] },
    });
    expect(r.statusCode, r.body).toBe(200);
    const patched = r.json<PartnerView>();
    expect(patched).toMatchObject({
      name: "Contoso",
      lifecycle: "onboarding",
      domain: "contoso.de",
      relationship: { priority: "critical", vision: null, stage: "Exploring", vendorSponsors: ["Bo"] },
    });
    expect(new Date(patched.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(created.updatedAt).getTime(),
    );
    const cleared = await call(t.app, auth, "PATCH", `/api/v1/partners/${created.id}`, { website: null });
    expect(cleared.json()).toMatchObject({ website: null, domain: null });
  });

  it("deletes a partner: 204, then 404", async () => {
    const { auth } = await editorOfNewWorkspace();
    const created = await create(auth, { name: "Gone Soon" });
    expect((await call(t.app, auth, "DELETE", `/api/v1/partners/${created.id}`)).statusCode).toBe(204);
    const again = await call(t.app, auth, "GET", `/api/v1/partners/${created.id}`);
    expect(again.statusCode).toBe(404);
    expect((await call(t.app, auth, "DELETE", `/api/v1/partners/${created.id}`)).statusCode).toBe(404);
  });

  it("refuses to delete a partner that a play step names, naming the play, and keeps it", async () => {
    const { workspace, auth } = await editorOfNewWorkspace();
    const partner = await create(auth, { name: "Referenced" });
    const stageId = await createJourneyStageRow(t.database.db, workspace.id);
    await insertPlayNaming(t.database.db, workspace.id, stageId, partner.id, "Reach via SI intro");
    const r = await call(t.app, auth, "DELETE", `/api/v1/partners/${partner.id}`);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: "conflict" });
    expect(r.json().detail).toContain('"Reach via SI intro"');
    const rows = await t.database.db.select().from(partners).where(eq(partners.id, partner.id));
    expect(rows).toHaveLength(1);
  });
});

describe("partner validation", () => {
  it.each([
    [{ name: "" }, "body.name"],
    [{ name: "X", layers: ["alliance", "telepathy"] }, "body.layers.1"],
    [{ name: "X", layers: ["nope"] }, "body.layers.0"],
    [{ name: "X", lifecycle: "retired" }, "body.lifecycle"],
    [{ name: "X", website: "not a website" }, "body.website"],
    [{ name: "X", relationship: { priority: "urgent" } }, "body.relationship.priority"],
    [{ name: "X", relationship: { nextReviewDate: "15/01/2027" } }, "body.relationship.nextReviewDate"],
    [{ name: "X", types: [""] }, "body.types.0"],
  ])("%j → 400 at %s", async (body, path) => {
    const { auth } = await editorOfNewWorkspace();
    const r = await call(t.app, auth, "POST", "/api/v1/partners", body);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("refuses unknown filter values and foreign cursors with the query field named", async () => {
    const { auth } = await editorOfNewWorkspace();
    for (const [query, path] of [
      ["layer=alliance,psychic", "querystring.layer.1"],
      ["lifecycle=gone", "querystring.lifecycle.0"],
      ["sort=size", "querystring.sort"],
      ["cursor=bm9wZQ", "querystring.cursor"],
    ] as const) {
      const r = await call(t.app, auth, "GET", `/api/v1/partners?${query}`);
      expect(r.statusCode, `${query}: ${r.body}`).toBe(400);
      expect(r.json().errors[0].path).toBe(path);
    }
  });

  it("a viewer reads but cannot write", async () => {
    const { workspace, auth } = await editorOfNewWorkspace();
    await create(auth, { name: "Visible" });
    const viewer: Auth = { kind: "apiKey", secret: await makeApiKey(t.database.db, workspace, "viewer") };
    expect((await list(viewer, "")).items.map((p) => p.name)).toEqual(["Visible"]);
    const r = await call(t.app, viewer, "POST", "/api/v1/partners", { name: "Nope" });
    expect(r.statusCode).toBe(403);
  });
});

describe("partner list", () => {
  async function seeded() {
    const ctx = await editorOfNewWorkspace();
    const specs: Record<string, unknown>[] = [
      {
        name: "Alpha Cloud",
        website: "alpha.io",
        layers: ["cloud_market"],
        types: ["hyperscaler_marketplace"],
        lifecycle: "active",
        regions: ["NA"],
        tier: "Gold",
      },
      {
        name: "beta Advisors",
        website: "beta-advisors.com",
        layers: ["referral_influencer"],
        types: ["advisor_analyst"],
        lifecycle: "prospect",
        regions: ["EMEA"],
        industries: ["Retail"],
      },
      {
        name: "Gamma SI",
        website: "gamma.de",
        layers: ["alliance"],
        types: ["si"],
        lifecycle: "active",
        regions: ["EMEA"],
        industries: ["Manufacturing"],
        tier: "Silver",
      },
      {
        name: "Delta MSP",
        website: "https://delta-msp.co.uk",
        layers: ["reseller_msp", "alliance"],
        types: ["msp"],
        lifecycle: "onboarding",
        regions: ["EMEA", "NA"],
      },
      {
        name: "Epsilon 100%_Partners",
        website: "epsilon.com",
        layers: ["ecosystem_platform"],
        types: ["community_platform"],
        lifecycle: "strategic",
        tier: "Gold",
      },
    ];
    for (const spec of specs) await create(ctx.auth, spec);
    return ctx;
  }

  it("searches name and domain case-insensitively, with % and _ taken literally", async () => {
    const { auth } = await seeded();
    expect((await list(auth, "q=GAMMA")).items.map((p) => p.name)).toEqual(["Gamma SI"]);
    expect((await list(auth, "q=msp.co")).items.map((p) => p.name)).toEqual(["Delta MSP"]);
    expect((await list(auth, "q=100%25_")).items.map((p) => p.name)).toEqual(["Epsilon 100%_Partners"]);
    expect((await list(auth, "q=a%25a")).items).toEqual([]);
  });

  it("filters by every attribute, repeated or comma-separated values ORed, filters ANDed", async () => {
    const { auth } = await seeded();
    const names = async (query: string) => (await list(auth, query)).items.map((p) => p.name);
    expect(await names("layer=alliance")).toEqual(["Delta MSP", "Gamma SI"]);
    expect(await names("layer=cloud_market,referral_influencer")).toEqual(["Alpha Cloud", "beta Advisors"]);
    expect(await names("layer=cloud_market&layer=referral_influencer")).toEqual([
      "Alpha Cloud",
      "beta Advisors",
    ]);
    expect(await names("lifecycle=active&layer=alliance")).toEqual(["Gamma SI"]);
    expect(await names("type=msp,si")).toEqual(["Delta MSP", "Gamma SI"]);
    expect(await names("region=NA")).toEqual(["Alpha Cloud", "Delta MSP"]);
    expect(await names("industry=Retail")).toEqual(["beta Advisors"]);
    expect(await names("tier=Gold")).toEqual(["Alpha Cloud", "Epsilon 100%_Partners"]);
  });

  it("sorts by name and creation both ways", async () => {
    const { auth } = await seeded();
    const byName = (await list(auth, "sort=name")).items.map((p) => p.name);
    const byNameDesc = (await list(auth, "sort=-name")).items.map((p) => p.name);
    expect(byNameDesc).toEqual([...byName].reverse());
    expect((await list(auth, "sort=created")).items.map((p) => p.name)).toEqual([
      "Alpha Cloud",
      "beta Advisors",
      "Gamma SI",
      "Delta MSP",
      "Epsilon 100%_Partners",
    ]);
    expect((await list(auth, "sort=-created")).items[0]?.name).toBe("Epsilon 100%_Partners");
  });

  it.each(["name", "-name", "created", "-created"])(
    "walks every page sorted by %s: each partner once, in the one-page order",
    async (sort) => {
      const { auth } = await editorOfNewWorkspace();
      // Duplicate names make the id tie-breaker matter.
      for (const name of [
        "Kilo",
        "Alpha",
        "Kilo",
        "Mike",
        "alpha",
        "Zulu",
        "Kilo",
        "Bravo",
        "Mike",
        "Echo",
        "Kilo",
      ])
        await create(auth, { name, layers: ["alliance"] });
      const whole = (await list(auth, `sort=${sort}&limit=200`)).items.map((p) => p.id);
      const walked: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(
          auth,
          `sort=${sort}&limit=3&layer=alliance${cursor ? `&cursor=${cursor}` : ""}`,
        );
        walked.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(4);
      expect(new Set(walked).size).toBe(11);
      expect(walked).toEqual(whole);
    },
  );
});

describe("tenant isolation", () => {
  it("another workspace's partner is absent from every surface", async () => {
    const a = await editorOfNewWorkspace();
    const b = await editorOfNewWorkspace();
    const secret = await create(a.auth, { name: "A Only Partner", website: "a-only.com" });
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: "Stolen" }],
      ["DELETE", undefined],
    ] as const) {
      const r = await call(t.app, b.auth, method, `/api/v1/partners/${secret.id}`, body);
      expect(r.statusCode, `${method}: ${r.body}`).toBe(404);
      expect(r.body).not.toContain("A Only Partner");
    }
    expect((await list(b.auth, "q=a-only")).items).toEqual([]);
    const still = await call(t.app, a.auth, "GET", `/api/v1/partners/${secret.id}`);
    expect(still.json().name).toBe("A Only Partner");
  });
});
