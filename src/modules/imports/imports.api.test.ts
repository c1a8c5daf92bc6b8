/**
 * The import API end to end in process: multipart upload → preview job → commit job, the errors
 * CSV, mapping changes and templates; and every bad file refused with its problem while the
 * stored data stays byte-for-byte the same and no upload is left on disk.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { makeApiKey, makeWorkspace } from "../../test/factories.ts";
import { runJob } from "../jobs/run.ts";
import { sweepUploads } from "./retention.ts";

const fixtures = path.join(import.meta.dirname, "reader", "fixtures");
const MAX_BYTES = 160 * 1024;

let t: TestApp;
let key: string;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-uploads-"));
  t = await createTestApp({
    imports: { uploadDir, maxBytes: MAX_BYTES, maxRows: 100_000, maxColumns: 50, retentionDays: 7 },
  });
  const { workspace } = await makeWorkspace(t.database.db);
  key = await makeApiKey(t.database.db, workspace, "partner_manager");
});

afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = "----ecostack-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(fields: Record<string, string>, name: string, bytes: Buffer) {
  const body = multipart(fields, { name, bytes });
  return t.app.inject({
    method: "POST",
    url: "/api/v1/imports",
    headers: { authorization: `Bearer ${key}`, "content-type": body.contentType },
    payload: body.payload,
  });
}

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(payload ? { payload } : {}),
  });

async function runImportJob(id: string) {
  const current = (await call("GET", `/api/v1/imports/${id}`)).json();
  await runJob(t.database.db, current.job.id);
  return (await call("GET", `/api/v1/imports/${id}`)).json();
}

/** Row counts and an md5 of every row of the tables an import writes. */
async function storedState() {
  const state: Record<string, unknown> = {};
  for (const table of ["accounts", "opportunities", "partners", "contacts", "partner_accounts"]) {
    const result = (await t.database.db.execute(
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by id), '')) as sum from ${table} t`,
      ),
    )) as unknown as { rows: unknown[] };
    state[table] = result.rows[0];
  }
  return state;
}

describe("upload → preview → commit", () => {
  it("previews and commits the Salesforce account export, reporting the encoding", async () => {
    const bytes = fs.readFileSync(path.join(fixtures, "salesforce_dataloader_sample_accounts_cp1252.csv"));
    // Over the test limit of 160 KiB: this one goes through an app with a larger limit.
    const big = await createTestApp({
      imports: { uploadDir, maxBytes: 1024 * 1024, maxRows: 100_000, maxColumns: 50, retentionDays: 7 },
    });
    try {
      const { workspace } = await makeWorkspace(big.database.db);
      const bigKey = await makeApiKey(big.database.db, workspace, "admin");
      const body = multipart({ entity: "account", preset: "auto" }, { name: "accounts.csv", bytes });
      const response = await big.app.inject({
        method: "POST",
        url: "/api/v1/imports",
        headers: { authorization: `Bearer ${bigKey}`, "content-type": body.contentType },
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(202);
      const created = response.json();
      expect(created).toMatchObject({
        entity: "account",
        status: "previewing",
        preset: "salesforce",
        source: "salesforce",
        encoding: "windows-1252",
        delimiter: ",",
        fileName: "accounts.csv",
        job: { kind: "import.preview", status: "queued" },
      });
      expect(created.mapping[3]).toEqual({ column: 3, header: "NAME", field: "name", attribute: null });
      await runJob(big.database.db, created.job.id);
      const get = (id: string) =>
        big.app.inject({
          method: "GET",
          url: `/api/v1/imports/${id}`,
          headers: { authorization: `Bearer ${bigKey}` },
        });
      const previewed = (await get(created.id)).json();
      expect(previewed.status).toBe("previewed");
      expect(previewed.preview).toMatchObject({
        rows: 423,
        create: 423,
        update: 0,
        unchanged: 0,
        reject: 0,
        errors: [],
      });
      expect(previewed.preview.sample).toHaveLength(20);
      expect(previewed.preview.sample[0]).toMatchObject({
        line: 2,
        action: "create",
        values: { name: "Gravity Investments" },
      });
      expect(previewed.rowsTotal).toBe(423);

      const commit = await big.app.inject({
        method: "POST",
        url: `/api/v1/imports/${created.id}/commit`,
        headers: { authorization: `Bearer ${bigKey}` },
      });
      expect(commit.statusCode, commit.body).toBe(202);
      expect(commit.json()).toMatchObject({ status: "committing", job: { kind: "import.commit" } });
      await runJob(big.database.db, commit.json().job.id);
      const committed = (await get(created.id)).json();
      expect(committed).toMatchObject({
        status: "committed",
        rowsApplied: 423,
        counts: { created: 423, updated: 0, unchanged: 0, rejected: 0 },
        job: { status: "succeeded", progress: { done: 423, total: 423, percent: 100 } },
      });
      expect(committed.committedAt).not.toBeNull();
    } finally {
      await big.close();
    }
  });

  it("reports rejected rows per line in the preview and as CSV, and re-previews after a mapping change", async () => {
    const csv = "Company,Web,Employees\nAcme,acme.example,12\nBeta,beta.example,lots\n=cmd,gamma.example,3\n";
    const response = await upload({ entity: "account" }, "plain.csv", Buffer.from(csv));
    expect(response.statusCode, response.body).toBe(202);
    const previewed = await runImportJob(response.json().id);
    expect(previewed.preview).toMatchObject({ rows: 3, create: 2, reject: 1 });
    expect(previewed.preview.errors).toEqual([
      { line: 3, column: "Employees", value: "lots", reason: "Employees: not a whole number" },
    ]);
    const errors = await call("GET", `/api/v1/imports/${previewed.id}/errors`);
    expect(errors.headers["content-type"]).toMatch(/^text\/csv/);
    expect(errors.body).toBe(
      "line,column,value,reason\r\n3,Employees,lots,Employees: not a whole number\r\n",
    );

    // Employees ignored, the website kept as a custom attribute: nothing is rejected any more.
    const patched = await call("PATCH", `/api/v1/imports/${previewed.id}`, {
      mapping: [
        { column: 0, field: "name" },
        { column: 2, attribute: "headcount" },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(202);
    const again = await runImportJob(previewed.id);
    expect(again.preview).toMatchObject({ rows: 3, create: 3, reject: 0 });
    expect(again.preview.sample[2].values).toEqual({ name: "=cmd" });

    const bad = await call("PATCH", `/api/v1/imports/${previewed.id}`, {
      mapping: [{ column: 7, field: "name" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("body.mapping.0.column");
  });

  it("applies a saved template by header name", async () => {
    const template = await call("POST", "/api/v1/import-templates", {
      name: "Plain accounts",
      entity: "account",
      preset: "generic",
      mapping: [
        { header: "Firm", field: "name", attribute: null },
        { header: "Segment", field: null, attribute: "segment" },
      ],
    });
    expect(template.statusCode, template.body).toBe(201);
    const response = await upload(
      { entity: "account", templateId: template.json().id },
      "firms.csv",
      Buffer.from("Segment,Firm\nSMB,Delta Ltd\n"),
    );
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().mapping).toEqual([
      { column: 0, header: "Segment", field: null, attribute: "segment" },
      { column: 1, header: "Firm", field: "name", attribute: null },
    ]);
  });

  it("answers a JSON body with 415 and a bad text part with 400 naming it", async () => {
    const json = await call("POST", "/api/v1/imports", { entity: "account" });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe("unsupported_media_type");
    const badEntity = await upload({ entity: "planet" }, "x.csv", Buffer.from("Name\nA\n"));
    expect(badEntity.statusCode).toBe(400);
    expect(badEntity.json().errors[0].path).toBe("body.entity");
    const noPartner = await upload({ entity: "partner_account" }, "x.csv", Buffer.from("Name\nA\n"));
    expect(noPartner.statusCode).toBe(400);
    expect(noPartner.json().errors[0].path).toBe("body.partnerId");
  });
});

describe("bad files change nothing", () => {
  const utf8Then = (bad: number) => {
    const valid = `Name,City\n${"Zürich AG,Zürich\n".repeat(5000)}`;
    return Buffer.concat([Buffer.from(valid), Buffer.from([bad]), Buffer.from(",x\n")]);
  };
  const cases: { name: string; bytes: Buffer; status: number; code: string; detail: RegExp }[] = [
    { name: "empty", bytes: Buffer.alloc(0), status: 400, code: "invalid_file", detail: /empty/ },
    {
      name: "header only",
      bytes: Buffer.from("Name,Website\r\n"),
      status: 400,
      code: "invalid_file",
      detail: /no rows/,
    },
    {
      name: "unterminated quote",
      bytes: Buffer.from('Name,Website\nAcme,acme.example\n"Open,quote.example\nMore,x\n'),
      status: 400,
      code: "invalid_file",
      detail: /never closed.*line 3|line 3.*never closed/,
    },
    {
      name: "duplicate headers",
      bytes: Buffer.from("Name,Website,name\nA,a.example,B\n"),
      status: 400,
      code: "invalid_file",
      detail: /Duplicated header names: "Name"/,
    },
    {
      name: "invalid UTF-8 past the sniffed start",
      bytes: utf8Then(0xff),
      status: 400,
      code: "invalid_file",
      detail: /Invalid UTF-8 at byte \d+/,
    },
    {
      name: "binary",
      bytes: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(2000, 0),
      ]),
      status: 400,
      code: "invalid_file",
      detail: /not a CSV file/,
    },
    {
      name: "over the column limit",
      bytes: Buffer.from(`${Array.from({ length: 60 }, (_, i) => `C${i}`).join(",")}\n${"x,".repeat(59)}x\n`),
      status: 413,
      code: "payload_too_large",
      detail: /60 columns, over the limit of 50/,
    },
    {
      name: "over the limit while streaming",
      bytes: Buffer.from(`Name\n${"x".repeat(MAX_BYTES)}\n`),
      status: 413,
      code: "payload_too_large",
      detail: /larger than the import limit/,
    },
    {
      name: "over the limit by Content-Length",
      bytes: Buffer.alloc(MAX_BYTES + 2 * 1024 * 1024, 0x41),
      status: 413,
      code: "payload_too_large",
      detail: /larger than the import limit/,
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const before = await storedState();
      const filesBefore = fs.readdirSync(uploadDir).sort();
      const importsBefore = (await call("GET", "/api/v1/imports?limit=200")).json().items.length;
      const response = await upload({ entity: "account" }, `${c.name}.csv`, c.bytes);
      expect(response.statusCode, response.body).toBe(c.status);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe(c.code);
      expect(response.json().detail).toMatch(c.detail);
      expect(await storedState()).toEqual(before);
      expect((await call("GET", "/api/v1/imports?limit=200")).json().items.length).toBe(importsBefore);
      expect(fs.readdirSync(uploadDir).sort()).toEqual(filesBefore);
    });
  }
});

describe("old uploads", () => {
  it("removes uploads never committed after the retention period, and their import says so", async () => {
    const csv = Buffer.from("Name,Website\nKept Forever Ltd,kept.example\n");
    const stale = (await upload({ entity: "account" }, "stale.csv", csv)).json();
    const fresh = (await upload({ entity: "account" }, "fresh.csv", csv)).json();
    expect((await runImportJob(stale.id)).status).toBe("previewed");
    expect((await runImportJob(fresh.id)).status).toBe("previewed");
    const staleRecord = await t.database.db.execute(
      sql`update imports set created_at = now() - interval '8 days' where id = ${stale.id} returning file_path`,
    );
    const staleFile = String(
      (staleRecord as unknown as { rows: { file_path: string }[] }).rows[0]?.file_path,
    );
    expect(fs.existsSync(staleFile)).toBe(true);
    const oldOrphan = path.join(uploadDir, "left-by-a-crash.csv");
    const newOrphan = path.join(uploadDir, "being-uploaded.csv");
    fs.writeFileSync(oldOrphan, "a,b\n");
    fs.writeFileSync(newOrphan, "a,b\n");
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    fs.utimesSync(oldOrphan, eightDaysAgo, eightDaysAgo);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-outside-"));
    fs.writeFileSync(path.join(outside, "old.csv"), "a,b\n");
    fs.utimesSync(path.join(outside, "old.csv"), eightDaysAgo, eightDaysAgo);

    const swept = await sweepUploads(t.database.db, { uploadDir, retentionDays: 7 });
    expect(swept).toEqual({ expired: 1, orphans: 1 });
    expect(fs.existsSync(staleFile)).toBe(false);
    expect(fs.existsSync(oldOrphan)).toBe(false);
    expect(fs.existsSync(newOrphan)).toBe(true);
    expect(fs.existsSync(path.join(outside, "old.csv"))).toBe(true);
    const after = (await call("GET", `/api/v1/imports/${stale.id}`)).json();
    expect(after.error).toBe("The uploaded file was removed after 7 days without a commit; upload it again.");
    const commit = await call("POST", `/api/v1/imports/${stale.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().detail).toMatch(/removed after 7 days/);
    // The fresh upload is untouched and still commits.
    expect((await call("POST", `/api/v1/imports/${fresh.id}/commit`)).statusCode).toBe(202);
    expect(await sweepUploads(t.database.db, { uploadDir, retentionDays: 7 })).toEqual({
      expired: 0,
      orphans: 0,
    });
    fs.rmSync(newOrphan);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
