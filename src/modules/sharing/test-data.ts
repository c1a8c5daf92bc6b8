/**
 * Test factories for sharing: vendor accounts, a partner's accounts and overlaps inserted directly
 * (the mapping job that normally writes overlaps is not what these tests are about).
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountMatches } from "../mapping/tables.ts";
import { createPartner } from "../partners/service.ts";
import { partnerAccounts } from "../partners/tables.ts";

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export async function makeSharingPartner(db: Db, ctx: WorkspaceContext, name = `Sharing Partner ${next()}`) {
  return createPartner(db, ctx, { name, layers: ["alliance"], lifecycle: "active" });
}

export async function makeVendorAccount(
  db: Db,
  ctx: WorkspaceContext,
  overrides: { name?: string; status?: string; openOpportunity?: boolean; owner?: string } = {},
) {
  const id = next();
  const [row] = await db
    .insert(accounts)
    .values({
      workspaceId: ctx.workspaceId,
      name: overrides.name ?? `Vendor Account ${id}`,
      domain: `vendor-${id}.example`,
      status: overrides.status ?? "prospect",
      industry: "Manufacturing",
      country: "DE",
      owner: overrides.owner ?? "Vera Owner",
    })
    .returning();
  if (!row) throw new Error("insert returned no account");
  if (overrides.openOpportunity) {
    await db
      .insert(opportunities)
      .values({ workspaceId: ctx.workspaceId, accountId: row.id, name: `Deal ${id}`, amount: 1000 });
  }
  return row;
}

export async function makePartnerAccount(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  overrides: { name?: string; status?: string } = {},
) {
  const id = next();
  const [row] = await db
    .insert(partnerAccounts)
    .values({
      workspaceId: ctx.workspaceId,
      partnerId,
      name: overrides.name ?? `Partner Account ${id}`,
      domain: `partner-${id}.example`,
      status: overrides.status ?? "customer",
    })
    .returning();
  if (!row) throw new Error("insert returned no partner account");
  return row;
}

export async function makeOverlap(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  accountId: string,
  partnerAccountId: string,
  kind: "same" | "related" = "same",
) {
  const [row] = await db
    .insert(accountMatches)
    .values({
      workspaceId: ctx.workspaceId,
      partnerId,
      accountId,
      partnerAccountId,
      kind,
      score: 0.97,
      evidence: ["same domain"],
    })
    .returning();
  if (!row) throw new Error("insert returned no overlap");
  return row;
}

/** A vendor account, the partner's account and their overlap, in one call. */
export async function makeMatchedPair(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  vendor: Parameters<typeof makeVendorAccount>[2] = {},
  partner: Parameters<typeof makePartnerAccount>[3] = {},
) {
  const account = await makeVendorAccount(db, ctx, vendor);
  const partnerAccount = await makePartnerAccount(db, ctx, partnerId, partner);
  const overlap = await makeOverlap(db, ctx, partnerId, account.id, partnerAccount.id);
  return { account, partnerAccount, overlap };
}
