/**
 * The product side of the mapping benchmark: the same two CSV files stored as a workspace's
 * accounts and one partner's account list in PostgreSQL, then `mapPartner` from stored accounts to
 * stored overlaps (full), and again after 1% of the records on each side changed (incremental): once
 * with the warm index the full run left in this process, once cold (the same change again, with the
 * warm index dropped, as after a restart).
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
  /** Re-map after 1% changed, warm (the process's warm index) and cold (after a restart). */
  remapMs: number | null;
  remapColdMs?: number | null;
  /** A second warm re-map (both sides indexed by then). */
  remapAgainMs?: number | null;
  /** CPU time (user + system) of the full run and the two re-maps. */
  cpuMs?: { total: number; remap: number; remapCold: number };
  changedRecords: number;
  same: number | null;
  related: number | null;
  error: string | null;
}

/**
 * Ids as the product gives them (UUIDv7, src/db/columns.ts): time-ordered, so that rows imported
 * together lie in id order on disk, as they do after a real import. Random ids would scatter the
 * job's id-ordered reads over the whole table, which no imported list looks like. Built in SQL
 * (PostgreSQL 15 has no uuidv7()): 48 bits of milliseconds plus the row number, version 7, random rest.
 */
const timeOrderedId = `(lpad(to_hex((extract(epoch from now()) * 1000)::bigint + n), 12, '0') || '7' ||
  substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid`;

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
     select ${timeOrderedId}, $1, name, nullif(website, ''), nullif(country, ''), status, 'bench', id
     from (select *, row_number() over () as n from vendor_csv) s`,
    [workspace.id],
  );
  await client.query(
    `insert into partner_accounts (id, workspace_id, partner_id, name, website, country, status, external_source, external_id)
     select ${timeOrderedId}, $1, $2, name, nullif(website, ''), nullif(country, ''), status, 'bench', id
     from (select *, row_number() over () as n from partner_csv) s`,
    [workspace.id, partner.id],
  );
  await client.query("analyze accounts; analyze partner_accounts");
  const { clearWarmIndexes } = await import("../src/modules/mapping/warm-cache.ts");
  const timed = async <T>(work: () => Promise<T>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await work();
    const used = process.cpuUsage(cpu);
    return {
      value,
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round((used.user + used.system) / 1000),
    };
  };
  const full = await timed(() => mapPartner(database.db, ctx, partner.id, { full: true }));
  // 1% of each side changes: a renamed company (a typo fixed, a suffix added) or a new website.
  const changeOnePercent = () =>
    client.query(
      `with v as (update accounts set name = name || ' Group', updated_at = now()
        where workspace_id = $1 and id in (select id from accounts where workspace_id = $1 order by id limit (select count(*) / 100 from accounts where workspace_id = $1)) returning 1),
     p as (update partner_accounts set website = null, updated_at = now()
        where partner_id = $2 and id in (select id from partner_accounts where partner_id = $2 order by id limit (select count(*) / 100 from partner_accounts where partner_id = $2)) returning 1)
     select (select count(*) from v)::int + (select count(*) from p)::int as n`,
      [workspace.id, partner.id],
    );
  const changed = await changeOnePercent();
  // Warm: the same process mapped the partner last, so the re-map reads and prepares only the changes
  // (the first one also builds the vendor side's index, which the full run leaves to it).
  const warm = await timed(() => mapPartner(database.db, ctx, partner.id));
  // Warm again, with both sides indexed: the steady state of a server re-mapping now and then.
  await changeOnePercent();
  const warmAgain = await timed(() => mapPartner(database.db, ctx, partner.id));
  // Cold: the same 1% changed again, with the warm index dropped (as after a restart).
  await changeOnePercent();
  clearWarmIndexes();
  const cold = await timed(() => mapPartner(database.db, ctx, partner.id));
  clearWarmIndexes();
  process.stderr.write(
    `job phases (ms): full ${JSON.stringify(full.value.phasesMs)}; warm re-map ${JSON.stringify(warm.value.phasesMs)}; warm again ${JSON.stringify(warmAgain.value.phasesMs)}; cold re-map ${JSON.stringify(cold.value.phasesMs)}\n` +
      `job wall (ms): full ${full.ms}, warm re-map ${warm.ms}, warm again ${warmAgain.ms}, cold re-map ${cold.ms}\n` +
      `job CPU (ms): full ${full.cpuMs}, warm re-map ${warm.cpuMs}, warm again ${warmAgain.cpuMs}, cold re-map ${cold.cpuMs}\n`,
  );
  if (!warm.value.warmIndex || !warmAgain.value.warmIndex || cold.value.warmIndex)
    process.stderr.write(
      `job: WARNING the re-maps did not go the expected ways (warm ${warm.value.warmIndex}, warm again ${warmAgain.value.warmIndex}, cold ${cold.value.warmIndex})\n`,
    );
  return {
    totalMs: full.ms,
    remapMs: warm.ms,
    remapColdMs: cold.ms,
    cpuMs: { total: full.cpuMs, remap: warm.cpuMs, remapCold: cold.cpuMs },
    remapAgainMs: warmAgain.ms,
    changedRecords: Number(changed.rows[0]?.n ?? 0),
    same: full.value.same,
    related: full.value.related,
    error: null,
  };
}
