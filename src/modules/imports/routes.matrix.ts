/** Role × route matrix entries of the import routes (see src/test/matrix.ts). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { policy, roles } from "../../http/policy.ts";
import type { Entry, MatrixEnv } from "../../test/matrix.ts";
import { jobs } from "../jobs/tables.ts";
import { createImport } from "./service.ts";
import { importRowErrors, imports, importTemplates } from "./tables.ts";
import { createTemplate } from "./templates.ts";

const headers = ["Name", "Website"];

export function importsMatrix(env: MatrixEnv): Record<string, Entry> {
  const db = () => env.app().database.db;
  /** An import of a tiny file, previewed with one rejected row (written directly: no job runs here). */
  const makeImport = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-matrix-import-"));
    const file = path.join(dir, "accounts.csv");
    fs.writeFileSync(file, "Name,Website\nAcme,acme.example\n,nameless.example\n");
    const record = await createImport(db(), env.ownerCtxA(), {
      entity: "account",
      file: { path: file, name: "accounts.csv", bytes: fs.statSync(file).size, sha256: "0".repeat(64) },
      facts: { encoding: "utf-8", delimiter: ",", headers, rows: 2 },
    });
    const preview = { rows: 2, create: 1, update: 0, unchanged: 0, reject: 1, sample: [] };
    await db().update(imports).set({ status: "previewed", preview }).where(eq(imports.id, record.id));
    await db().insert(importRowErrors).values({
      workspaceId: env.workspaceA().id,
      importId: record.id,
      phase: "preview",
      line: 3,
      column: "Name",
      value: "",
      reason: "missing account name",
    });
    return record;
  };
  const statusOf = async (id: string) =>
    (await db().select({ status: imports.status }).from(imports).where(eq(imports.id, id)))[0]?.status;
  const jobCount = async () => (await db().select({ id: jobs.id }).from(jobs)).length;

  return {
    "POST /api/v1/imports": {
      policy: policy.workspace(roles.editors),
      ok: 202,
      // The matrix sends JSON; the upload takes multipart, so an allowed caller gets 415 (the
      // multipart success path is covered in imports.api.test.ts).
      override: (caller) =>
        caller.tenant === "A" && (roles.editors as readonly (string | null)[]).includes(caller.role)
          ? 415
          : undefined,
      async prepare() {
        const before = (await db().select({ id: imports.id }).from(imports)).length;
        return {
          body: { entity: "account" },
          async unchanged() {
            expect((await db().select({ id: imports.id }).from(imports)).length).toBe(before);
          },
        };
      },
    },
    "GET /api/v1/imports": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeImport();
        return {
          query: { limit: "200" },
          succeeded: (r) => expect(r.json().items.map((i: { id: string }) => i.id)).toContain(target.id),
        };
      },
    },
    "GET /api/v1/imports/:id": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeImport();
        return {
          params: { id: target.id },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({
              id: target.id,
              status: "previewed",
              preview: { reject: 1, errors: [{ line: 3, column: "Name", reason: "missing account name" }] },
            }),
        };
      },
    },
    "PATCH /api/v1/imports/:id": {
      policy: policy.workspace(roles.editors),
      ok: 202,
      async prepare() {
        const target = await makeImport();
        return {
          params: { id: target.id },
          body: { mapping: [{ column: 0, field: "name" }] },
          succeeded: (r) =>
            expect(r.json()).toMatchObject({
              status: "previewing",
              mapping: [
                { column: 0, field: "name", attribute: null },
                { column: 1, field: null, attribute: null },
              ],
              job: { kind: "import.preview" },
            }),
          async unchanged() {
            expect(await statusOf(target.id)).toBe("previewed");
          },
        };
      },
    },
    "GET /api/v1/imports/:id/errors": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const target = await makeImport();
        return {
          params: { id: target.id },
          succeeded(r) {
            expect(r.headers["content-type"]).toMatch(/^text\/csv/);
            expect(r.body).toBe("line,column,value,reason\r\n3,Name,,missing account name\r\n");
          },
        };
      },
    },
    "POST /api/v1/imports/:id/commit": {
      policy: policy.workspace(roles.editors),
      ok: 202,
      async prepare() {
        const target = await makeImport();
        const before = await jobCount();
        return {
          params: { id: target.id },
          async succeeded(r) {
            expect(r.json()).toMatchObject({
              status: "committing",
              job: { kind: "import.commit", status: "queued" },
            });
            expect(await jobCount()).toBe(before + 1);
          },
          async unchanged() {
            expect(await statusOf(target.id)).toBe("previewed");
            expect(await jobCount()).toBe(before);
          },
        };
      },
    },
    "POST /api/v1/imports/:id/cancel": {
      policy: policy.workspace(roles.editors),
      ok: 200,
      async prepare() {
        const target = await makeImport();
        return {
          params: { id: target.id },
          succeeded: (r) => expect(r.json()).toMatchObject({ id: target.id, status: "cancelled" }),
          async unchanged() {
            expect(await statusOf(target.id)).toBe("previewed");
          },
        };
      },
    },
    "GET /api/v1/import-fields": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        return {
          succeeded: (r) =>
            expect(r.json().partner.map((f: { field: string }) => f.field)).toEqual([
              "name",
              "website",
              "type",
              "externalId",
            ]),
        };
      },
    },
    "GET /api/v1/import-templates": {
      policy: policy.workspace(roles.anyMember),
      ok: 200,
      async prepare() {
        const name = `Matrix template ${env.uniq()}`;
        await createTemplate(db(), env.ownerCtxA(), {
          name,
          entity: "account",
          preset: "generic",
          mapping: [],
        });
        return {
          query: { entity: "account" },
          succeeded: (r) => expect(r.json().items.map((t: { name: string }) => t.name)).toContain(name),
        };
      },
    },
    "POST /api/v1/import-templates": {
      policy: policy.workspace(roles.editors),
      ok: 201,
      async prepare() {
        const name = `Matrix new template ${env.uniq()}`;
        const mapping = [{ header: "Company", field: "name", attribute: null }];
        return {
          body: { name, entity: "account", preset: "generic", mapping },
          succeeded: (r) => expect(r.json()).toMatchObject({ name, entity: "account", mapping }),
          async unchanged() {
            const names = (await db().select({ name: importTemplates.name }).from(importTemplates)).map(
              (t) => t.name,
            );
            expect(names).not.toContain(name);
          },
        };
      },
    },
    "DELETE /api/v1/import-templates/:id": {
      policy: policy.workspace(roles.editors),
      ok: 204,
      async prepare() {
        const template = await createTemplate(db(), env.ownerCtxA(), {
          name: `Matrix doomed template ${env.uniq()}`,
          entity: "partner",
          preset: "generic",
          mapping: [],
        });
        const exists = async () =>
          (await db().select().from(importTemplates).where(eq(importTemplates.id, template.id))).length;
        return {
          params: { id: template.id },
          async succeeded() {
            expect(await exists()).toBe(0);
          },
          async unchanged() {
            expect(await exists()).toBe(1);
          },
        };
      },
    },
  };
}
