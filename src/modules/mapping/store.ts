/**
 * Writes of a mapping run: a partner's overlaps (`account_matches`) replaced set-based — rows
 * travel as a few arrays per statement (unnest), not as bind parameters per row — and the
 * partner's mapping state (when it was last mapped, with which engine settings).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { newId } from "../../db/columns.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import type { Match } from "./engine/match.ts";
import { accountMatches, partnerMappingState } from "./tables.ts";

/** Overlaps per INSERT and ids per DELETE: one statement each, small enough to cancel between. */
export const WRITE_BATCH = 10_000;

export type MappingSettings = { engine: string; sameThreshold: number };

export type MappingState = {
  /** Database timestamp text of the last completed run's start, or null (never, or interrupted). */
  mappedAt: string | null;
  settings: Record<string, unknown>;
};

/** Evidence items are joined with a unit separator for the trip, then split back in SQL. */
const EVIDENCE_SEPARATOR = "\u001f";

/** A PostgreSQL array literal of text values, every element quoted and escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** A PostgreSQL array literal of uuids (no quoting needed). */
const uuidArrayLiteral = (ids: readonly string[]) => `{${ids.join(",")}}`;

export async function readMappingState(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
): Promise<MappingState | null> {
  const [row] = await db
    .select({
      mappedAt: sql<string | null>`${partnerMappingState.mappedAt}::text`,
      settings: partnerMappingState.settings,
    })
    .from(partnerMappingState)
    .where(inWorkspace(partnerMappingState, ctx, eq(partnerMappingState.partnerId, partnerId)));
  return row ?? null;
}

/**
 * Records that a full run is under way: until it completes the partner counts as never mapped,
 * so a run interrupted after its delete starts over in full instead of trusting old stamps.
 */
export async function markFullRunStarted(db: Db, ctx: WorkspaceContext, partnerId: string): Promise<void> {
  await db
    .insert(partnerMappingState)
    .values({ workspaceId: ctx.workspaceId, partnerId, mappedAt: null, settings: {} })
    .onConflictDoUpdate({
      target: [partnerMappingState.workspaceId, partnerMappingState.partnerId],
      set: { mappedAt: null, settings: {} },
    });
}

export async function finishRun(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  state: { mappedAt: string; settings: MappingSettings; stats: Record<string, unknown> },
): Promise<void> {
  await db.execute(sql`
    insert into ${partnerMappingState} (workspace_id, partner_id, mapped_at, settings, stats)
    values (${ctx.workspaceId}::uuid, ${partnerId}::uuid, ${state.mappedAt}::timestamptz,
            ${JSON.stringify(state.settings)}::jsonb, ${JSON.stringify(state.stats)}::jsonb)
    on conflict (workspace_id, partner_id) do update
      set mapped_at = excluded.mapped_at, settings = excluded.settings, stats = excluded.stats`);
}

export async function deleteAllMatches(db: Db, ctx: WorkspaceContext, partnerId: string): Promise<void> {
  await db
    .delete(accountMatches)
    .where(inWorkspace(accountMatches, ctx, eq(accountMatches.partnerId, partnerId)));
}

/** Deletes the partner's overlaps that involve any of the given vendor or partner accounts. */
export async function deleteMatchesOf(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  ids: { vendor: readonly string[]; partner: readonly string[] },
  onBatch?: () => Promise<void> | void,
): Promise<void> {
  const scoped = (condition: ReturnType<typeof sql>) =>
    and(inWorkspace(accountMatches, ctx, eq(accountMatches.partnerId, partnerId)), condition);
  for (let i = 0; i < ids.vendor.length; i += WRITE_BATCH) {
    const batch = uuidArrayLiteral(ids.vendor.slice(i, i + WRITE_BATCH));
    await db.delete(accountMatches).where(scoped(sql`${accountMatches.accountId} = any(${batch}::uuid[])`));
    await onBatch?.();
  }
  for (let i = 0; i < ids.partner.length; i += WRITE_BATCH) {
    const batch = uuidArrayLiteral(ids.partner.slice(i, i + WRITE_BATCH));
    await db
      .delete(accountMatches)
      .where(scoped(sql`${accountMatches.partnerAccountId} = any(${batch}::uuid[])`));
    await onBatch?.();
  }
}

/**
 * Inserts overlaps (leftId = vendor account, rightId = partner account) in batches. A pair already
 * stored (a resumed run writing a batch again) is updated in place, so re-running converges on
 * the same rows.
 */
export async function insertMatches(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  matches: readonly Match[],
  onBatch?: (written: number) => Promise<void> | void,
): Promise<void> {
  for (let i = 0; i < matches.length; i += WRITE_BATCH) {
    const batch = matches.slice(i, i + WRITE_BATCH);
    const ids = uuidArrayLiteral(batch.map(() => newId()));
    const vendorIds = uuidArrayLiteral(batch.map((m) => m.leftId));
    const partnerIds = uuidArrayLiteral(batch.map((m) => m.rightId));
    const kinds = `{${batch.map((m) => m.kind).join(",")}}`;
    const scores = `{${batch.map((m) => m.score).join(",")}}`;
    const evidence = textArrayLiteral(batch.map((m) => m.evidence.join(EVIDENCE_SEPARATOR)));
    await db.execute(sql`
      insert into ${accountMatches} (id, workspace_id, partner_id, account_id, partner_account_id, kind, score, evidence)
      select m.id, ${ctx.workspaceId}::uuid, ${partnerId}::uuid, m.account_id, m.partner_account_id, m.kind, m.score,
             string_to_array(m.evidence, ${EVIDENCE_SEPARATOR})
      from unnest(${ids}::uuid[], ${vendorIds}::uuid[], ${partnerIds}::uuid[], ${kinds}::text[], ${scores}::real[], ${evidence}::text[])
        as m(id, account_id, partner_account_id, kind, score, evidence)
      on conflict (partner_account_id, account_id) do update
        set kind = excluded.kind, score = excluded.score, evidence = excluded.evidence, updated_at = now()`);
    await onBatch?.(Math.min(matches.length, i + batch.length));
  }
}
