/**
 * Mapping use cases the routes and the CLI share beyond the run itself: ranked co-sell
 * recommendations over the stored overlaps.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { accounts } from "../accounts/tables.ts";
import { readRecommendationContext, readRecommendationOverlaps } from "./inputs.ts";
import { requirePartner } from "./overlaps.ts";
import { type Recommendation, recommend } from "./recommendations.ts";

export type RecommendationQuery = {
  partnerId?: string | undefined;
  accountId?: string | undefined;
  limit: number;
};

export async function listRecommendations(
  db: Db,
  ctx: WorkspaceContext,
  query: RecommendationQuery,
): Promise<Recommendation[]> {
  if (query.partnerId) await requirePartner(db, ctx, query.partnerId);
  if (query.accountId) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(inWorkspace(accounts, ctx, eq(accounts.id, query.accountId)));
    if (!account) throw notFound("Account");
  }
  const overlaps = await readRecommendationOverlaps(db, ctx, query);
  const context = await readRecommendationContext(db, ctx);
  return recommend(overlaps, context).slice(0, query.limit);
}
