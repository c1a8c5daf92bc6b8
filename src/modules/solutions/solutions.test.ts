import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeApiKey, makeWorkspace } from "../../test/factories.ts";
import { createPartner, findPartnerIdsNotInWorkspace, listPartnersForStrategy } from "../partners/service.ts";
import { insertPlayForSolution } from "../partners/test-plays.ts";
import { listSolutions } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function editor() {
  const { workspace } = await makeWorkspace(t.database.db);
  const auth: Auth = {
    kind: "apiKey",
    secret: await makeApiKey(t.database.db, workspace, "partner_manager"),
  };
  const ctx: WorkspaceContext = { workspaceId: workspace.id, role: "owner", actor: { kind: "cli" } };
  return { workspace, auth, ctx };
}

describe("solutions", () => {
  it("creates, lists in creation order, renames and deletes", async () => {
    const { auth, ctx } = await editor();
    const made = [];
    for (const name of ["Plant Analytics", "Edge Gateway"]) {
      const r = await call(t.app, auth, "POST", "/api/v1/solutions", {
        name,
        description: `${name} for plants`,
      });
      expect(r.statusCode, r.body).toBe(201);
      made.push(r.json<{ id: string; name: string }>());
    }
    const list = await call(t.app, auth, "GET", "/api/v1/solutions");
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual([
      "Plant Analytics",
      "Edge Gateway",
    ]);
    const [first, second] = made;
    if (!first || !second) throw new Error("not created");
    const renamed = await call(t.app, auth, "PATCH", `/api/v1/solutions/${first.id}`, { description: null });
    expect(renamed.json()).toMatchObject({ name: "Plant Analytics", description: null });
    expect((await call(t.app, auth, "DELETE", `/api/v1/solutions/${second.id}`)).statusCode).toBe(204);
    expect((await listSolutions(t.database.db, ctx)).map((s) => s.name)).toEqual(["Plant Analytics"]);
  });

  it("refuses to delete a solution plays are drawn for (409 naming the play)", async () => {
    const { workspace, auth, ctx } = await editor();
    const r = await call(t.app, auth, "POST", "/api/v1/solutions", { name: "Referenced" });
    const solution = r.json<{ id: string }>();
    await insertPlayForSolution(t.database.db, workspace.id, solution.id, "Land via cloud marketplace");
    const refused = await call(t.app, auth, "DELETE", `/api/v1/solutions/${solution.id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toContain('"Land via cloud marketplace"');
    expect((await listSolutions(t.database.db, ctx)).map((s) => s.id)).toEqual([solution.id]);
  });

  it("validates names and hides other workspaces' solutions", async () => {
    const a = await editor();
    const b = await editor();
    const bad = await call(t.app, a.auth, "POST", "/api/v1/solutions", { name: " " });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("body.name");
    const made = (await call(t.app, a.auth, "POST", "/api/v1/solutions", { name: "A only" })).json<{
      id: string;
    }>();
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const r = await call(
        t.app,
        b.auth,
        method,
        `/api/v1/solutions/${made.id}`,
        method === "PATCH" ? { name: "x" } : undefined,
      );
      expect(r.statusCode).toBe(404);
    }
    expect(await listSolutions(t.database.db, b.ctx)).toEqual([]);
  });
});

describe("partner functions other modules call", () => {
  it("listPartnersForStrategy gives this workspace's partners with their strategy attributes", async () => {
    const a = await editor();
    const b = await editor();
    await createPartner(t.database.db, a.ctx, {
      name: "Cloud One",
      layers: ["cloud_market"],
      types: ["hyperscaler_marketplace"],
      lifecycle: "active",
      regions: ["NA"],
      industries: ["Retail"],
      tier: "Gold",
    });
    await createPartner(t.database.db, b.ctx, { name: "Not mine" });
    expect(await listPartnersForStrategy(t.database.db, a.ctx)).toEqual([
      {
        id: expect.any(String),
        name: "Cloud One",
        layers: ["cloud_market"],
        types: ["hyperscaler_marketplace"],
        lifecycle: "active",
        regions: ["NA"],
        industries: ["Retail"],
        tier: "Gold",
      },
    ]);
  });

  it("findPartnerIdsNotInWorkspace names unknown, foreign and malformed ids once each", async () => {
    const a = await editor();
    const b = await editor();
    const mine = await createPartner(t.database.db, a.ctx, { name: "Mine" });
    const theirs = await createPartner(t.database.db, b.ctx, { name: "Theirs" });
    const unknown = randomUUID();
    expect(await findPartnerIdsNotInWorkspace(t.database.db, a.ctx, [mine.id])).toEqual([]);
    expect(await findPartnerIdsNotInWorkspace(t.database.db, a.ctx, [])).toEqual([]);
    expect(
      await findPartnerIdsNotInWorkspace(t.database.db, a.ctx, [
        mine.id,
        theirs.id,
        unknown,
        "nope",
        theirs.id,
      ]),
    ).toEqual([theirs.id, unknown, "nope"]);
    expect(await findPartnerIdsNotInWorkspace(t.database.db, a.ctx, [mine.id.toUpperCase()])).toEqual([]);
  });
});

describe("empty changes", () => {
  it("an empty PATCH answers with the solution unchanged", async () => {
    const { auth } = await editor();
    const made = (await call(t.app, auth, "POST", "/api/v1/solutions", { name: "Same" })).json<{
      id: string;
    }>();
    const r = await call(t.app, auth, "PATCH", `/api/v1/solutions/${made.id}`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: made.id, name: "Same" });
  });
});
