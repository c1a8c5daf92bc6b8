/**
 * The set-based SQL of an import batch: the batch is copied (COPY) into a temporary staging table,
 * and ONE statement classifies it (preview, read-only) or upserts it (commit). Only the columns the
 * file maps are written, so an import never blanks a field it does not carry; a row whose mapped
 * values equal the stored ones is not rewritten (`… DO UPDATE … WHERE … IS DISTINCT FROM …`), and
 * `xmax = 0` in RETURNING tells inserted rows from updated ones.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { newId } from "../../db/columns.ts";
import { copyLines, copyTextValue } from "../../db/copy.ts";
import type { CellValue } from "./cells.ts";
import type { ImportEntity } from "./fields.ts";
import type { ImportRow } from "./rows.ts";
import { textArrayLiteral } from "./sql-arrays.ts";

type ColumnSpec = {
  column: string;
  /** The row value it is filled from (a field, or accountId / attributes). */
  source: string;
  /** SQL of the stored value from the staged text column `x`. */
  value: (x: string) => string;
  /** Whether the column is written: the mapped fields decide. */
  present: (mapped: ReadonlySet<string>, hasAttributes: boolean) => boolean;
};

const text = (column: string, source = column): ColumnSpec => ({
  column,
  source,
  value: (x) => x,
  present: (mapped) => mapped.has(source),
});
const cast = (column: string, source: string, type: string, fallback?: string): ColumnSpec => ({
  column,
  source,
  value: (x) => (fallback ? `coalesce(${x}::${type}, ${fallback})` : `${x}::${type}`),
  present: (mapped) => mapped.has(source),
});
const domain: ColumnSpec = {
  ...text("domain"),
  present: (mapped) => mapped.has("website") || mapped.has("domain"),
};
const attributes: ColumnSpec = {
  column: "attributes",
  source: "attributes",
  value: (x) => `coalesce(${x}::jsonb, '{}'::jsonb)`,
  present: (_, hasAttributes) => hasAttributes,
};
const accountId: ColumnSpec = {
  column: "account_id",
  source: "accountId",
  value: (x) => `${x}::uuid`,
  present: (mapped) => mapped.has("accountExternalId"),
};

type TableSpec = { table: string; byPartner: boolean; columns: ColumnSpec[] };

const tables: Record<ImportEntity, TableSpec> = {
  account: {
    table: "accounts",
    byPartner: false,
    columns: [
      text("name"),
      text("website"),
      domain,
      text("industry"),
      cast("employees", "employees", "bigint"),
      cast("annual_revenue", "annualRevenue", "numeric(20,2)"),
      text("country"),
      text("region"),
      cast("status", "status", "text", "'prospect'"),
      text("owner"),
      attributes,
    ],
  },
  opportunity: {
    table: "opportunities",
    byPartner: false,
    columns: [
      accountId,
      text("name"),
      cast("amount", "amount", "numeric(20,2)", "0"),
      cast("currency", "currency", "text", "'USD'"),
      text("stage"),
      { ...cast("status", "status", "text", "'open'"), present: (mapped) => mapped.has("stage") },
      cast("close_date", "closeDate", "date"),
    ],
  },
  partner: {
    table: "partners",
    byPartner: false,
    columns: [
      text("name"),
      text("website"),
      domain,
      {
        column: "types",
        source: "type",
        value: (x) => `case when ${x} is null then '{}'::text[] else array[${x}] end`,
        present: (mapped) => mapped.has("type"),
      },
    ],
  },
  contact: {
    table: "contacts",
    byPartner: false,
    columns: [
      accountId,
      text("first_name", "firstName"),
      text("last_name", "lastName"),
      text("email"),
      text("title"),
      text("phone"),
      attributes,
    ],
  },
  partner_account: {
    table: "partner_accounts",
    byPartner: true,
    columns: [
      text("name"),
      text("website"),
      domain,
      text("industry"),
      text("country"),
      text("region"),
      cast("status", "status", "text", "'prospect'"),
      text("owner"),
      attributes,
    ],
  },
};

export type BatchTarget = {
  entity: ImportEntity;
  workspaceId: string;
  partnerId: string | null;
  source: string;
};

export type BatchShape = { columns: ColumnSpec[]; spec: TableSpec };

/** The columns an import writes, from its mapped fields. */
export function batchShape(
  entity: ImportEntity,
  mapped: ReadonlySet<string>,
  hasAttributes: boolean,
): BatchShape {
  const spec = tables[entity];
  return { spec, columns: spec.columns.filter((c) => c.present(mapped, hasAttributes)) };
}

export function entityTable(entity: ImportEntity): string {
  return tables[entity].table;
}

/** Rows ready to write: the account ids resolved (by key order) where the entity links one. */
export type ReadyRow = ImportRow & { accountId?: string | null };

function cellOf(row: ReadyRow, source: string): CellValue | undefined {
  if (source === "accountId") return row.accountId ?? null;
  if (source === "attributes") return row.attributes ? JSON.stringify(row.attributes) : null;
  return row.values[source];
}

/** The temporary table a batch is copied into before one statement applies it (dropped at commit). */
const stageTable = "import_stage";

/** A batch as COPY lines for the staging table, with the table's columns. */
export type StagedBatch = { columns: string[]; lines: string[] };

/**
 * The batch as COPY text lines for the staging table (`ord`, optionally a new `id`, `key`, then
 * one text column per written column). Pure: the commit builds the next batch's lines while the
 * database applies the current one.
 */
export function stagingLines(shape: BatchShape, rows: readonly ReadyRow[], withIds: boolean): StagedBatch {
  const columns = ["ord", ...(withIds ? ["id"] : []), "key", ...shape.columns.map((_, i) => `c${i}`)];
  const sources = shape.columns.map((c) => c.source);
  const lines = new Array<string>(rows.length);
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n] as ReadyRow;
    let line = withIds
      ? `${n + 1}\t${newId()}\t${copyTextValue(row.key)}`
      : `${n + 1}\t${copyTextValue(row.key)}`;
    for (const source of sources) line += `\t${copyTextValue(cellOf(row, source))}`;
    lines[n] = `${line}\n`;
  }
  return { columns, lines };
}

/**
 * Copies the batch into a temporary staging table: COPY costs the server and the client far less
 * than a parameter or array element per cell. Runs inside the batch's transaction; the table is
 * dropped at its commit.
 */
async function stageRows(tx: Db, staged: StagedBatch) {
  const types = staged.columns.map((c) => `${c} ${c === "ord" ? "int" : c === "id" ? "uuid" : "text"}`);
  // Each batch (and each preview classification) is its own transaction or savepoint, whose end
  // drops the table: it never exists here already.
  await tx.execute(sql.raw(`create temp table ${stageTable} (${types.join(", ")}) on commit drop`));
  await copyLines(tx, stageTable, staged.columns, staged.lines);
}

const incoming = (shape: BatchShape) => shape.columns.map((c, i) => c.value(`r.c${i}`));

/** For the comparison: stored attributes merged with the file's, as the upsert would store them. */
function comparedIncoming(shape: BatchShape, prefix: string): string {
  return shape.columns
    .map((c, i) =>
      c.column === "attributes"
        ? `t.attributes || ${prefix === "r" ? c.value(`r.c${i}`) : "excluded.attributes"}`
        : prefix === "r"
          ? c.value(`r.c${i}`)
          : `excluded.${c.column}`,
    )
    .join(", ");
}

const stored = (shape: BatchShape) => shape.columns.map((c) => `t.${c.column}`).join(", ");

function keyMatch(shape: BatchShape, target: BatchTarget): SQL {
  const partner = shape.spec.byPartner ? sql` and t.partner_id = ${target.partnerId}::uuid` : sql``;
  return sql`t.workspace_id = ${target.workspaceId}::uuid and t.external_source = ${target.source}
    and t.external_id = r.key${partner}`;
}

type Rows = { rows: Record<string, unknown>[] };

/**
 * Partners added by hand carry no external key, and a partner list imported later names them
 * again: an incoming row claims the one unkeyed partner with its domain or, failing that, its
 * name (case and surrounding spaces aside) by giving it the row's key, so the upsert updates that
 * partner — its relationship, plays and account list stay — instead of adding a duplicate. Only
 * one-to-one matches are claimed (one row, one partner); anything ambiguous is left as it is.
 */
async function claimUnkeyedPartners(tx: Db, target: BatchTarget, shape: BatchShape) {
  if (target.entity !== "partner") return;
  const name = shape.columns.findIndex((c) => c.column === "name");
  if (name < 0) return;
  const domain = shape.columns.findIndex((c) => c.column === "domain");
  // Two equi-joins (a union, not an OR) so that both can be hash joins on a long list.
  const byDomain =
    domain < 0
      ? ""
      : `select r.key, t.id from ${stageTable} r join unkeyed t on t.domain = r.c${domain} union `;
  await tx.execute(sql`
    with unkeyed as (
      select t.id, t.domain, lower(btrim(t.name)) as folded from partners t
      where t.workspace_id = ${target.workspaceId}::uuid and t.external_source is null and t.external_id is null
    ),
    matched as (
      ${sql.raw(byDomain)}select r.key, t.id from ${sql.raw(stageTable)} r
      join unkeyed t on t.folded = lower(btrim(r.c${sql.raw(String(name))}))
    ),
    pairs as (
      select m.key, m.id from matched m
      where not exists (
        select 1 from partners k where k.workspace_id = ${target.workspaceId}::uuid
          and k.external_source = ${target.source} and k.external_id = m.key)
    ),
    one_to_one as (
      select key, id from (
        select key, id, count(*) over (partition by key) as partners, count(*) over (partition by id) as rows
        from pairs) counted
      where partners = 1 and rows = 1
    )
    update partners t set external_source = ${target.source}, external_id = o.key, updated_at = now()
    from one_to_one o
    where t.id = o.id and t.workspace_id = ${target.workspaceId}::uuid`);
}

/** Marks the work of a read-only preview transaction to be rolled back. */
class PreviewDone extends Error {}

/**
 * What committing these rows would do, read-only: one character per row in batch order —
 * c(reate), u(pdate) or n (unchanged). Runs what the commit runs before its upsert (staging,
 * claiming hand-made partners) in a transaction that is always rolled back.
 */
export async function classifyBatch(
  db: Db,
  target: BatchTarget,
  shape: BatchShape,
  rows: readonly ReadyRow[],
) {
  if (rows.length === 0) return "";
  let actions = "";
  try {
    await db.transaction(async (tx) => {
      await stageRows(tx, stagingLines(shape, rows, false));
      await claimUnkeyedPartners(tx, target, shape);
      const result = (await tx.execute(sql`
        select coalesce(string_agg(case when t.id is null then 'c'
          when (${sql.raw(stored(shape))}) is distinct from (${sql.raw(comparedIncoming(shape, "r"))}) then 'u'
          else 'n' end, '' order by r.ord), '') as actions
        from ${sql.raw(stageTable)} r
        -- One index lookup per staged row whatever the planner believes of the staging table's
        -- size: a hash join would read every record of the workspace for each batch.
        left join lateral (
          select * from ${sql.raw(shape.spec.table)} t where ${keyMatch(shape, target)} limit 1
        ) t on true`)) as unknown as Rows;
      actions = String(result.rows[0]?.actions ?? "");
      throw new PreviewDone();
    });
  } catch (error) {
    if (!(error instanceof PreviewDone)) throw error;
  }
  return actions;
}

/**
 * Upserts the rows (staged by COPY) in one statement; returns how many were created and updated
 * (the rest were unchanged). Must run inside the batch's transaction: the staging table is
 * dropped at its commit.
 */
export async function upsertBatch(
  db: Db,
  target: BatchTarget,
  shape: BatchShape,
  rows: readonly ReadyRow[],
  /** The rows' staging lines when built ahead (stagingLines with ids); built here otherwise. */
  staged?: StagedBatch,
) {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const { spec, columns } = shape;
  const insertColumns = [
    "id",
    "workspace_id",
    ...(spec.byPartner ? ["partner_id"] : []),
    "external_source",
    "external_id",
    ...columns.map((c) => c.column),
  ].join(", ");
  const partner = spec.byPartner ? sql`${target.partnerId}::uuid, ` : sql``;
  const conflict = spec.byPartner
    ? "partner_id, external_source, external_id"
    : "workspace_id, external_source, external_id";
  const updates = columns
    .map((c) =>
      c.column === "attributes"
        ? "attributes = t.attributes || excluded.attributes"
        : `${c.column} = excluded.${c.column}`,
    )
    .join(", ");
  await stageRows(db, staged ?? stagingLines(shape, rows, true));
  await claimUnkeyedPartners(db, target, shape);
  const result = (await db.execute(sql`
    with up as (
      insert into ${sql.raw(spec.table)} as t (${sql.raw(insertColumns)})
      select r.id, ${target.workspaceId}::uuid, ${partner}${target.source}, r.key, ${sql.raw(incoming(shape).join(", "))}
      from ${sql.raw(stageTable)} r
      on conflict (${sql.raw(conflict)}) do update set ${sql.raw(updates)}, updated_at = now()
      where (${sql.raw(stored(shape))}) is distinct from (${sql.raw(comparedIncoming(shape, "excluded"))})
      returning (xmax = 0) as created
    )
    select (count(*) filter (where created))::int as created, (count(*) filter (where not created))::int as updated
    from up`)) as unknown as Rows;
  const counts = result.rows[0] ?? {};
  return { created: Number(counts.created ?? 0), updated: Number(counts.updated ?? 0) };
}

/** External id → account id for the references of a batch (accounts of the same source). */
export async function resolveAccountRefs(
  db: Db,
  target: BatchTarget,
  refs: readonly string[],
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const result = (await db.execute(sql`
    select coalesce(json_object_agg(a.external_id, a.id), '{}')::text as refs
    from accounts a
    where a.workspace_id = ${target.workspaceId}::uuid and a.external_source = ${target.source}
      and a.external_id = any(${textArrayLiteral([...new Set(refs)])}::text[])`)) as unknown as Rows;
  const text = result.rows[0]?.refs;
  const parsed: Record<string, string> = typeof text === "string" ? JSON.parse(text) : {};
  return new Map(Object.entries(parsed));
}
