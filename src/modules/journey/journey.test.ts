import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import { playSteps, plays } from "../plays/tables.ts";
import { listJourneyStages, stageKeyOf } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type StageView = { id: string; key: string; name: string; description: string | null; position: number };

async function workspaceWithEditor() {
  const { workspace, owner } = await makeWorkspace(t.database.db);
  const pm = await makeMember(t.database.db, workspace, "partner_manager");
  const viewer = await makeMember(t.database.db, workspace, "viewer");
  return {
    workspace,
    ctx: {
      workspaceId: workspace.id,
      role: "owner" as const,
      actor: { kind: "user" as const, userId: owner.id },
    },
    editor: await signIn(t.app, pm.email),
    viewer: await signIn(t.app, viewer.email),
  };
}

async function stagesOf(auth: Auth): Promise<StageView[]> {
  const response = await call(t.app, auth, "GET", "/api/v1/journey-stages");
  expect(response.statusCode).toBe(200);
  return response.json<{ items: StageView[] }>().items;
}

describe("journey arc", () => {
  it("gives a new workspace the five default stages once, in order", async () => {
    const { viewer, ctx } = await workspaceWithEditor();
    const [first, second] = await Promise.all([stagesOf(viewer), listJourneyStages(t.database.db, ctx)]);
    expect(first.map((s) => [s.key, s.name, s.position])).toEqual([
      ["identify", "Identify", 0],
      ["reach", "Reach", 1],
      ["influence", "Influence", 2],
      ["develop", "Develop", 3],
      ["expand", "Expand", 4],
    ]);
    expect(second.map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect((await stagesOf(viewer)).length).toBe(5);
  });

  it("appends a stage with a slug key; a taken key is a conflict; viewers cannot write", async () => {
    const { editor, viewer } = await workspaceWithEditor();
    const created = await call(t.app, editor, "POST", "/api/v1/journey-stages", {
      name: "Land & Renew!",
      description: "After the first year",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<StageView>()).toMatchObject({
      key: "land_renew",
      name: "Land & Renew!",
      description: "After the first year",
      position: 5,
    });
    const duplicate = await call(t.app, editor, "POST", "/api/v1/journey-stages", {
      name: "Other",
      key: "Reach",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([
      { path: "body.key", message: expect.stringContaining("'reach'") },
    ]);
    const blank = await call(t.app, editor, "POST", "/api/v1/journey-stages", { name: "!!!" });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe("body.name");
    expect((await call(t.app, viewer, "POST", "/api/v1/journey-stages", { name: "Nope" })).statusCode).toBe(
      403,
    );
    expect((await stagesOf(viewer)).map((s) => s.key)).toEqual([
      "identify",
      "reach",
      "influence",
      "develop",
      "expand",
      "land_renew",
    ]);
  });

  it("renames and describes a stage, keeping its key", async () => {
    const { editor } = await workspaceWithEditor();
    const [identify] = await stagesOf(editor);
    const patched = await call(t.app, editor, "PATCH", `/api/v1/journey-stages/${identify?.id}`, {
      name: "Discover",
      description: "Find the accounts",
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<StageView>()).toMatchObject({
      key: "identify",
      name: "Discover",
      description: "Find the accounts",
    });
  });

  it("reorders with a permutation of the stage ids, and refuses anything else naming the field", async () => {
    const { editor } = await workspaceWithEditor();
    const stages = await stagesOf(editor);
    const ids = stages.map((s) => s.id);
    const reversed = [...ids].reverse();
    const done = await call(t.app, editor, "PUT", "/api/v1/journey-stages/order", { ids: reversed });
    expect(done.statusCode).toBe(200);
    expect(done.json<{ items: StageView[] }>().items.map((s) => [s.id, s.position])).toEqual(
      reversed.map((id, position) => [id, position]),
    );
    const missing = await call(t.app, editor, "PUT", "/api/v1/journey-stages/order", { ids: ids.slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe("body.ids");
    const twice = await call(t.app, editor, "PUT", "/api/v1/journey-stages/order", {
      ids: [ids[0], ...ids.slice(0, 4)],
    });
    expect(twice.json().errors[0]).toEqual({ path: "body.ids.1", message: "appears twice" });
    const other = await workspaceWithEditor();
    const foreign = (await stagesOf(other.editor))[0]?.id;
    const stranger = await call(t.app, editor, "PUT", "/api/v1/journey-stages/order", {
      ids: [...ids.slice(0, 4), foreign],
    });
    expect(stranger.json().errors[0].path).toBe("body.ids.4");
    expect((await stagesOf(editor)).map((s) => s.id)).toEqual(reversed);
  });

  it("refuses to delete a stage plays use (naming them) or the last stage; deletes others", async () => {
    const { editor, workspace } = await workspaceWithEditor();
    const stages = await stagesOf(editor);
    const reach = stages.find((s) => s.key === "reach");
    if (!reach) throw new Error("no reach stage");
    const [play] = await t.database.db
      .insert(plays)
      .values({ workspaceId: workspace.id, name: "Partner intro" })
      .returning();
    if (!play) throw new Error("no play");
    await t.database.db.insert(playSteps).values({
      workspaceId: workspace.id,
      playId: play.id,
      stageId: reach.id,
      description: "Intro call",
      coMotion: "co_sell",
      motionFamily: "partner_selling",
    });
    const refused = await call(t.app, editor, "DELETE", `/api/v1/journey-stages/${reach.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      "Stage 'Reach' is used by the steps of play 'Partner intro'; move or delete those steps first.",
    );

    for (const stage of stages.filter((s) => s.id !== reach.id)) {
      expect((await call(t.app, editor, "DELETE", `/api/v1/journey-stages/${stage.id}`)).statusCode).toBe(
        204,
      );
    }
    await t.database.db.delete(plays);
    const last = await call(t.app, editor, "DELETE", `/api/v1/journey-stages/${reach.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toContain("at least one stage");
    expect((await stagesOf(editor)).map((s) => [s.key, s.position])).toEqual([["reach", 0]]);
  });

  it("makes keys from names", () => {
    expect(stageKeyOf("  Évaluer & Décider ")).toBe("evaluer_decider");
    expect(stageKeyOf("***")).toBe("");
  });
});
