import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeWorkspace } from "../../test/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type AccountView = Record<string, unknown> & { id: string; name: string };
type Page = { items: AccountView[]; nextCursor: string | null };

async function editor(role: "partner_manager" | "viewer" = "partner_manager") {
  const { workspace } = await makeWorkspace(t.database.db);
  return {
    workspace,
    auth: { kind: "apiKey", secret: await makeApiKey(t.database.db, workspace, role) } as Auth,
  };
}

async function create(auth: Auth, body: Record<string, unknown>): Promise<AccountView> {
  const r = await call(t.app, auth, "POST", "/api/v1/accounts", body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json<AccountView>();
}

const names = async (auth: Auth, query: string) => {
  const r = await call(t.app, auth, "GET", `/api/v1/accounts?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>().items.map((a) => a.name);
};

describe("accounts CRUD", () => {
  it("creates an account with every field and reads it back", async () => {
    const { auth } = await editor();
    const created = await create(auth, {
      name: " Hallstatt Werke ",
      website: "http://WWW.hallstatt-werke.at/de",
      industry: "Manufacturing",
      employees: 1400,
      annualRevenue: 320000000.5,
      country: "AT",
      region: "EMEA",
      technologies: ["SAP", "Azure", "SAP"],
      status: "customer",
      owner: "Ana",
      attributes: { plants: 4, listed: false, segment: "Mid-market", note: null },
      externalSource: "salesforce",
      externalId: "001ABC",
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: "Hallstatt Werke",
      website: "http://WWW.hallstatt-werke.at/de",
      domain: "hallstatt-werke.at",
      industry: "Manufacturing",
      employees: 1400,
      annualRevenue: 320000000.5,
      country: "AT",
      region: "EMEA",
      technologies: ["SAP", "Azure"],
      status: "customer",
      owner: "Ana",
      attributes: { plants: 4, listed: false, segment: "Mid-market", note: null },
      externalSource: "salesforce",
      externalId: "001ABC",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await call(t.app, auth, "GET", `/api/v1/accounts/${created.id}`);
    expect(read.json()).toEqual(created);
  });

  it("patches only what is sent, and deletes", async () => {
    const { auth } = await editor();
    const created = await create(auth, { name: "Patch Me", employees: 10, industry: "Retail" });
    expect(created.status).toBe("prospect");
    const r = await call(t.app, auth, "PATCH", `/api/v1/accounts/${created.id}`, {
      status: "churned",
      industry: null,
    });
    expect(r.json()).toMatchObject({ name: "Patch Me", employees: 10, industry: null, status: "churned" });
    expect((await call(t.app, auth, "DELETE", `/api/v1/accounts/${created.id}`)).statusCode).toBe(204);
    expect((await call(t.app, auth, "GET", `/api/v1/accounts/${created.id}`)).statusCode).toBe(404);
  });

  it("refuses a second account with the same external id (409), keeping the first", async () => {
    const { auth } = await editor();
    await create(auth, { name: "First", externalSource: "hubspot", externalId: "42" });
    const r = await call(t.app, auth, "POST", "/api/v1/accounts", {
      name: "Second",
      externalSource: "hubspot",
      externalId: "42",
    });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().errors[0].path).toBe("body.externalId");
    expect(await names(auth, "")).toEqual(["First"]);
  });

  it.each([
    [{ name: "X", employees: -1 }, "body.employees"],
    [{ name: "X", employees: 2.5 }, "body.employees"],
    [{ name: "X", annualRevenue: -10 }, "body.annualRevenue"],
    [{ name: "X", status: "lead" }, "body.status"],
    [{ name: "X", website: "no website here" }, "body.website"],
    [{ name: "X", attributes: { nested: { a: 1 } } }, "body.attributes.nested"],
    [{ name: "" }, "body.name"],
  ])("%j → 400 at %s", async (body, path) => {
    const { auth } = await editor();
    const r = await call(t.app, auth, "POST", "/api/v1/accounts", body);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe("account list", () => {
  it("searches, filters by status, industry and country, and sorts", async () => {
    const { auth } = await editor();
    await create(auth, {
      name: "Orbit Foods",
      website: "orbitfoods.com",
      status: "customer",
      industry: "Food",
      country: "US",
    });
    await create(auth, {
      name: "Nordlicht AG",
      website: "nordlicht.de",
      status: "prospect",
      industry: "Manufacturing",
      country: "DE",
    });
    await create(auth, {
      name: "alpine Tools",
      website: "alpine-tools.ch",
      status: "opportunity",
      industry: "Manufacturing",
      country: "CH",
    });
    await create(auth, {
      name: "Zeta Retail",
      status: "churned",
      industry: "Retail",
      country: "United States",
    });
    expect(await names(auth, "q=NORD")).toEqual(["Nordlicht AG"]);
    expect(await names(auth, "q=tools.ch")).toEqual(["alpine Tools"]);
    expect(await names(auth, "status=customer,churned")).toEqual(["Orbit Foods", "Zeta Retail"]);
    expect(await names(auth, "industry=Manufacturing&country=DE")).toEqual(["Nordlicht AG"]);
    // Countries are stored as ISO codes: "United States" was stored as US, and a filter by name finds it.
    expect(await names(auth, "country=USA")).toEqual(["Orbit Foods", "Zeta Retail"]);
    expect(await names(auth, "country=Deutschland")).toEqual(["Nordlicht AG"]);
    expect(await names(auth, "country=US&country=CH&sort=-name")).toEqual([
      "Zeta Retail",
      "Orbit Foods",
      "alpine Tools",
    ]);
    expect(await names(auth, "sort=created")).toEqual([
      "Orbit Foods",
      "Nordlicht AG",
      "alpine Tools",
      "Zeta Retail",
    ]);
    const bad = await call(t.app, auth, "GET", "/api/v1/accounts?status=lead");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("querystring.status.0");
  });

  it("walks every page by name: each account once, in order", async () => {
    const { auth } = await editor();
    for (const name of ["Beta", "alpha", "Beta", "Gamma", "Delta", "Beta", "Omega"])
      await create(auth, { name });
    const whole = await names(auth, "limit=200");
    const walked: string[] = [];
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const r = await call(
        t.app,
        auth,
        "GET",
        `/api/v1/accounts?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = r.json<Page>();
      for (const a of page.items) ids.add(a.id);
      walked.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids.size).toBe(7);
    expect(walked).toEqual(whole);
  });
});

describe("account isolation and roles", () => {
  it("another workspace's account is 404 on every surface and unchanged", async () => {
    const a = await editor();
    const b = await editor();
    const secret = await create(a.auth, { name: "A Secret Account" });
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const r = await call(
        t.app,
        b.auth,
        method,
        `/api/v1/accounts/${secret.id}`,
        method === "PATCH" ? { name: "x" } : undefined,
      );
      expect(r.statusCode).toBe(404);
    }
    expect(await names(b.auth, "")).toEqual([]);
    expect((await call(t.app, a.auth, "GET", `/api/v1/accounts/${secret.id}`)).json().name).toBe(
      "A Secret Account",
    );
  });

  it("viewers read and cannot write", async () => {
    const { workspace, auth } = await editor();
    await create(auth, { name: "Seen" });
    const viewer: Auth = { kind: "apiKey", secret: await makeApiKey(t.database.db, workspace, "viewer") };
    expect(await names(viewer, "")).toEqual(["Seen"]);
    expect((await call(t.app, viewer, "POST", "/api/v1/accounts", { name: "No" })).statusCode).toBe(403);
  });
});
