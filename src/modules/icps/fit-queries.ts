/**
 * Reads of ICP fit: the persisted score distribution and top-fit accounts of an ICP, and an
 * account's live fit (with reasons) against every ICP of the workspace.
 */
import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { accountLabels, readAccountFacts } from "./account-facts.ts";
import {
  type FitBand,
  type FitReason,
  fitBands,
  type ScoreBucket,
  scoreAccountFit,
  scoreDistribution,
} from "./scoring.ts";
import { getIcp, listIcps } from "./service.ts";
import { accountIcpScores } from "./tables.ts";

/** Ten buckets of ten (the last is 90–100) counted in the database, shaped like scoreDistribution's. */
export async function icpDistribution(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
): Promise<{ buckets: ScoreBucket[]; total: number }> {
  await getIcp(db, ctx, icpId);
  const bucketOf = sql<number>`least(greatest(${accountIcpScores.score}, 0) / 10, 9)`.mapWith(Number);
  const rows = await db
    .select({ bucket: bucketOf, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(accountIcpScores)
    .where(inWorkspace(accountIcpScores, ctx, eq(accountIcpScores.icpId, icpId)))
    .groupBy(bucketOf);
  const buckets = scoreDistribution([]);
  let total = 0;
  for (const row of rows) {
    const bucket = buckets[row.bucket];
    if (bucket) bucket.count = row.n;
    total += row.n;
  }
  return { buckets, total };
}

export type TopAccount = {
  accountId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  score: number;
  band: FitBand;
  computedAt: Date;
};

/** The cursor of this list is the last (score, account id): scores are not unique. */
const encodeScoreCursor = (score: number, accountId: string) =>
  Buffer.from(`${score}:${accountId}`, "utf8").toString("base64url");

function decodeScoreCursor(cursor: string | undefined): { score: number; accountId: string } | undefined {
  if (!cursor) return undefined;
  const match = /^(\d{1,3}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) throw invalid("querystring.cursor", "is not a cursor returned by this list");
  return { score: Number(match[1]), accountId: match[2] };
}

const asBand = (value: string): FitBand => fitBands.find((b) => b === value) ?? "C";

/** Accounts by persisted score, best first, optionally of one band. */
export async function icpTopAccounts(
  db: Db,
  ctx: WorkspaceContext,
  icpId: string,
  query: { band?: FitBand | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: TopAccount[]; nextCursor: string | null }> {
  await getIcp(db, ctx, icpId);
  const after = decodeScoreCursor(query.cursor);
  const rows = await db
    .select({
      accountId: accountIcpScores.accountId,
      score: accountIcpScores.score,
      band: accountIcpScores.band,
      computedAt: accountIcpScores.computedAt,
    })
    .from(accountIcpScores)
    .where(
      inWorkspace(
        accountIcpScores,
        ctx,
        eq(accountIcpScores.icpId, icpId),
        query.band ? eq(accountIcpScores.band, query.band) : undefined,
        after
          ? or(
              lt(accountIcpScores.score, after.score),
              and(eq(accountIcpScores.score, after.score), gt(accountIcpScores.accountId, after.accountId)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(accountIcpScores.score), asc(accountIcpScores.accountId))
    .limit(query.limit + 1);
  const kept = rows.slice(0, query.limit);
  const labels = await accountLabels(
    db,
    ctx,
    kept.map((r) => r.accountId),
  );
  const last = kept[kept.length - 1];
  return {
    items: kept.map((row) => {
      const label = labels.get(row.accountId);
      return {
        accountId: row.accountId,
        name: label?.name ?? "(deleted account)",
        domain: label?.domain ?? null,
        industry: label?.industry ?? null,
        score: row.score,
        band: asBand(row.band),
        computedAt: row.computedAt,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeScoreCursor(last.score, last.accountId) : null,
  };
}

export type AccountIcpFit = {
  icpId: string;
  icpName: string;
  score: number;
  band: FitBand;
  reasons: FitReason[];
  /** The last rescore's stored score; differs from the live one while a rescore is pending. */
  stored: { score: number; band: FitBand; computedAt: Date } | null;
};

/** The account's live fit to every ICP of the workspace, with the reasons. */
export async function accountFit(db: Db, ctx: WorkspaceContext, accountId: string): Promise<AccountIcpFit[]> {
  const account = await readAccountFacts(db, ctx, accountId);
  if (!account) throw notFound("Account");
  const all = await listIcps(db, ctx);
  const stored = await db
    .select()
    .from(accountIcpScores)
    .where(inWorkspace(accountIcpScores, ctx, eq(accountIcpScores.accountId, accountId)));
  const storedBy = new Map(stored.map((s) => [s.icpId, s]));
  return all.map((icp) => {
    const fit = scoreAccountFit(icp, account);
    const saved = storedBy.get(icp.id);
    return {
      icpId: icp.id,
      icpName: icp.name,
      score: fit.score,
      band: fit.band,
      reasons: fit.reasons,
      stored: saved ? { score: saved.score, band: asBand(saved.band), computedAt: saved.computedAt } : null,
    };
  });
}
