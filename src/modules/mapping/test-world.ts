/**
 * Test data for the mapping module: a workspace with vendor accounts, partners with account lists
 * (known overlaps under varied spellings), opportunities and ICP fit scores. Used by the mapping
 * tests and the route matrix; never by product code.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { makeWorkspace } from "../../test/factories.ts";
import { accounts, opportunities } from "../accounts/tables.ts";
import { accountIcpScores, icps } from "../icps/tables.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";

export type VendorSeed = {
  key: string;
  name: string;
  website?: string | null;
  country?: string | null;
  status?: string;
  externalId?: string;
  /** Open pipeline on the account (one open opportunity of this amount). */
  openAmount?: number;
  /** Fit band for the world's ICP (score 85 / 55 / 20). */
  band?: "A" | "B" | "C";
};

export type PartnerAccountSeed = {
  key: string;
  name: string;
  website?: string | null;
  country?: string | null;
  status?: string;
  externalId?: string;
};

export const vendorSeeds: VendorSeed[] = [
  {
    key: "acme",
    name: "Acme Robotics GmbH",
    website: "https://www.acme-robotics.de",
    country: "DE",
    status: "prospect",
    band: "A",
    externalId: "V-1",
  },
  {
    key: "borealis",
    name: "Borealis Bank AB",
    website: "borealis.se",
    country: "SE",
    status: "customer",
    band: "B",
    externalId: "V-2",
  },
  {
    key: "cobalt",
    name: "Cobalt Freight Inc.",
    website: null,
    country: "US",
    status: "opportunity",
    openAmount: 120_000,
    band: "A",
    externalId: "V-3",
  },
  {
    key: "delta",
    name: "Delta Air Lines, Inc.",
    website: "delta.com",
    country: "US",
    status: "prospect",
    openAmount: 50_000,
    band: "C",
    externalId: "V-4",
  },
  {
    key: "evergreen",
    name: "Evergreen Tools Ltd",
    website: "evergreen-tools.co.uk",
    country: "GB",
    status: "customer",
    band: "A",
    externalId: "V-5",
  },
  {
    key: "fjord",
    name: "Fjordline Energy AS",
    website: "fjordline-energy.no",
    country: "NO",
    status: "prospect",
    band: "A",
    externalId: "V-6",
  },
  {
    key: "granite",
    name: "Granite Insurance",
    website: null,
    country: "US",
    status: "churned",
    band: "B",
    externalId: "V-7",
  },
];

export const partnerSeeds: PartnerAccountSeed[] = [
  {
    key: "acme",
    name: "ACME ROBOTICS",
    website: "http://acme-robotics.de/kontakt",
    country: "DE",
    status: "customer",
    externalId: "P-1",
  },
  {
    key: "borealis",
    name: "Borealis Bank",
    website: null,
    country: "SE",
    status: "prospect",
    externalId: "P-2",
  },
  {
    key: "cobalt",
    name: "Cobalt Freight",
    website: "cobaltfreight.com",
    country: "US",
    status: "opportunity",
    externalId: "P-3",
  },
  {
    key: "deltaFaucet",
    name: "Delta Faucet Company",
    website: "deltafaucet.com",
    country: "US",
    status: "customer",
    externalId: "P-4",
  },
  {
    key: "evergreen",
    name: "Evergreen Tools Limited",
    website: "www.evergreen-tools.co.uk",
    country: "GB",
    status: "customer",
    externalId: "P-5",
  },
  {
    key: "fjordSub",
    name: "Fjordline Energy Offshore AS",
    website: null,
    country: "NO",
    status: "customer",
    externalId: "P-6",
  },
  {
    key: "unrelated",
    name: "Quillstone Analytics",
    website: "quillstone.example",
    country: "FR",
    status: "customer",
    externalId: "P-7",
  },
];

export type MappingWorld = Awaited<ReturnType<typeof makeMappingWorld>>;

export async function makeMappingWorld(db: Db) {
  const { workspace, owner } = await makeWorkspace(db);
  const ctx: WorkspaceContext = {
    workspaceId: workspace.id,
    role: "owner",
    actor: { kind: "user", userId: owner.id },
  };
  const [icp] = await db
    .insert(icps)
    .values({ workspaceId: workspace.id, name: "Mid-market", criteria: [] })
    .returning({ id: icps.id });
  if (!icp) throw new Error("no icp");
  const vendorRows = await db
    .insert(accounts)
    .values(
      vendorSeeds.map((s) => ({
        workspaceId: workspace.id,
        name: s.name,
        website: s.website ?? null,
        country: s.country ?? null,
        status: s.status ?? "prospect",
        externalSource: "test",
        externalId: s.externalId ?? null,
      })),
    )
    .returning({ id: accounts.id });
  const vendor = new Map(vendorSeeds.map((s, i) => [s.key, vendorRows[i]?.id ?? ""]));
  const deals = vendorSeeds.flatMap((s) =>
    s.openAmount
      ? [
          {
            workspaceId: workspace.id,
            accountId: vendor.get(s.key) ?? "",
            name: `${s.name} deal`,
            amount: s.openAmount,
            status: "open",
          },
        ]
      : [],
  );
  if (deals.length > 0) await db.insert(opportunities).values(deals);
  const scoreOf = { A: 85, B: 55, C: 20 } as const;
  await db.insert(accountIcpScores).values(
    vendorSeeds.flatMap((s) =>
      s.band
        ? [
            {
              workspaceId: workspace.id,
              icpId: icp.id,
              accountId: vendor.get(s.key) ?? "",
              score: scoreOf[s.band],
              band: s.band,
            },
          ]
        : [],
    ),
  );
  const [partner, other] = await db
    .insert(partners)
    .values([
      { workspaceId: workspace.id, name: "Nordic Cloud Partners", tier: "Gold", layers: ["reseller_msp"] },
      { workspaceId: workspace.id, name: "Empty Partner", tier: null, layers: ["alliance"] },
    ])
    .returning({ id: partners.id, name: partners.name });
  if (!partner || !other) throw new Error("no partner");
  const partnerRows = await db
    .insert(partnerAccounts)
    .values(
      partnerSeeds.map((s) => ({
        workspaceId: workspace.id,
        partnerId: partner.id,
        name: s.name,
        website: s.website ?? null,
        country: s.country ?? null,
        status: s.status ?? "prospect",
        externalSource: "test",
        externalId: s.externalId ?? null,
      })),
    )
    .returning({ id: partnerAccounts.id });
  const theirs = new Map(partnerSeeds.map((s, i) => [s.key, partnerRows[i]?.id ?? ""]));
  return { workspace, owner, ctx, icpId: icp.id, partner, otherPartner: other, vendor, theirs };
}
