/**
 * The product side of the mapping benchmark: the same two CSV files stored as a workspace's
 * accounts and one partner's account list in PostgreSQL, then `mapPartner` from stored accounts to
 * stored overlaps (full), and again after 1% of the records on each side changed (incremental).
 */
import { createReadStream } from "node:fs";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../src/db/client.ts";
import { makeWorkspace } from "../src/test/factories.ts";

export interface JobRun {
  totalMs: number | null;
  remapMs: number | null;
  changedRecords: number;
  same: number | null;
  related: number | null;
  error: string | null;
}

async function stage(client: pg.Client, table: string, path: string) {
  await client.query(
    `create temp table ${table} (id text, name text, website text, country text, status text)`,
  );
  await pipeline(
    createReadStream(path),
    client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)),
  );
}

export async function runJob(
  database: Database,
  client: pg.Client,
  vendorPath: string,
  partnerPath: string,
): Promise<JobRun> {
  const { mapPartner } = await import("../src/modules/mapping/run.ts");
  const { workspace } = await makeWorkspace(database.db);
  const ctx = { workspaceId: workspace.id, role: "owner" as const, actor: { kind: "cli" as const } };
  const {
    rows: [partner],
  } = await client.query<{ id: string }>(
    "insert into partners (id, workspace_id, name) values (gen_random_uuid(), $1, 'Benchmark partner') returning id",
    [workspace.id],
  );
  if (!partner) throw new Error("no partner row");
  await stage(client, "vendor_csv", vendorPath);
  await stage(client, "partner_csv", partnerPath);
  await client.query(
    `insert into accounts (id, workspace_id, name, website, country, status, external_source, external_id)
     select gen_random_uuid(), $1, name, nullif(website, ''), nullif(country, ''), status, 'bench', id from vendor_csv`,
    [workspace.id],
  );
  await client.query(
    `insert into partner_accounts (id, workspace_id, partner_id, name, website, country, status, external_source, external_id)
     select gen_random_uuid(), $1, $2, name, nullif(website, ''), nullif(country, ''), status, 'bench', id from partner_csv`,
    [workspace.id, partner.id],
  );
  await client.query("analyze accounts; analyze partner_accounts");
  let started = performance.now();
  const full = await mapPartner(database.db, ctx, partner.id, { full: true });
  const totalMs = Math.round(performance.now() - started);
  // 1% of each side changes: a renamed company (a typo fixed, a suffix added) or a new website.
  const changed = await client.query(
    `with v as (update accounts set name = name || ' Group', updated_at = now()
        where workspace_id = $1 and id in (select id from accounts where workspace_id = $1 order by id limit (select count(*) / 100 from accounts where workspace_id = $1)) returning 1),
     p as (update partner_accounts set website = null, updated_at = now()
        where partner_id = $2 and id in (select id from partner_accounts where partner_id = $2 order by id limit (select count(*) / 100 from partner_accounts where partner_id = $2)) returning 1)
     select (select count(*) from v)::int + (select count(*) from p)::int as n`,
    [workspace.id, partner.id],
  );
  started = performance.now();
  await mapPartner(database.db, ctx, partner.id);
  const remapMs = Math.round(performance.now() - started);
  return {
    totalMs,
    remapMs,
    changedRecords: Number(changed.rows[0]?.n ?? 0),
    same: full.same,
    related: full.related,
    error: null,
  };
}
