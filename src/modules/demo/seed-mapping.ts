/**
 * The demo's account mapping: five partners share account lists (60–200 accounts each) that
 * overlap the demo vendor's accounts the way real CRM exports do — other spellings (upper case,
 * legal form dropped), website noise (protocol, www, paths, missing), missing countries, a few
 * subsidiaries — next to accounts the vendor does not have. The lists are generated from a seeded
 * PRNG and mapped at seed time, so the mapping pages show real overlaps from the first start.
 */

import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { storedCountry } from "../accounts/country.ts";
import { mapPartner } from "../mapping/run.ts";
import { partnerAccounts, partners } from "../partners/tables.ts";
import { type DemoAccount, generateDemoAccounts, seededRandom } from "./accounts.ts";
import { DEMO_ACCOUNT_COUNT } from "./seed-strategy.ts";

type Random = () => number;

/** Which partners share a list, how long it is and how much of it the vendor also has. */
const sharedLists: { partner: string; size: number; overlap: number; seed: number }[] = [
  { partner: "Fjordline Systems", size: 180, overlap: 0.5, seed: 11 },
  { partner: "Kestrel Managed Services", size: 140, overlap: 0.4, seed: 12 },
  { partner: "Northstar Distribution", size: 200, overlap: 0.35, seed: 13 },
  { partner: "Meridian Digital", size: 90, overlap: 0.45, seed: 14 },
  { partner: "Stratus Cloud Marketplace", size: 60, overlap: 0.5, seed: 15 },
];

/** Stems and words the vendor's generator never uses, so these accounts overlap nothing. */
const ownStems = [
  "Solvang",
  "Tarnby",
  "Umbra",
  "Vesterhavn",
  "Wolfsberg",
  "Ardent",
  "Bramble",
  "Corvid",
  "Dunmore",
];
const ownWords = ["Textiles", "Pharma", "Foods", "Media", "Shipping", "Chemicals", "Hotels", "Telecom"];
const ownRegions = ["Nordic", "Atlantic", "Alpine", "Coastal", "Central", "Highland"];
const ownForms = ["GmbH", "Ltd", "Inc.", "AB", "B.V.", "SA"];
const places = ["Germany", "United Kingdom", "United States", "Sweden", "Netherlands", "France", "Canada"];

const pick = <T>(random: Random, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T;

function partnerStatus(random: Random): string {
  const roll = random();
  return roll < 0.35 ? "customer" : roll < 0.55 ? "opportunity" : "prospect";
}

/** The account as the partner's CRM spells it. */
function respell(account: DemoAccount, random: Random) {
  const base = account.name.split(" ").slice(0, 2).join(" ");
  const slug = account.domain;
  const nameRoll = random();
  const name =
    nameRoll < 0.3
      ? account.name
      : nameRoll < 0.6
        ? base.toUpperCase()
        : nameRoll < 0.85
          ? base
          : `${base} Group`;
  const siteRoll = random();
  const website =
    siteRoll < 0.3
      ? null
      : siteRoll < 0.5
        ? `http://${slug}/contact`
        : siteRoll < 0.75
          ? slug
          : `https://www.${slug}/`;
  return { name, website, country: random() < 0.2 ? null : account.country };
}

type PartnerListRow = {
  name: string;
  website: string | null;
  country: string | null;
  industry: string | null;
  region: string | null;
  status: string;
};

export function generatePartnerList(
  vendor: readonly DemoAccount[],
  list: { size: number; overlap: number; seed: number },
): PartnerListRow[] {
  const random = seededRandom(20260400 + list.seed);
  const shared = Math.round(list.size * list.overlap);
  const chosen = new Set<number>();
  while (chosen.size < shared) chosen.add(Math.floor(random() * vendor.length));
  const rows = [...chosen]
    .sort((a, b) => a - b)
    .map((index): PartnerListRow => {
      const account = vendor[index] as DemoAccount;
      // Every tenth shared account appears as a subsidiary: a related company, not the same one.
      const subsidiary = random() < 0.1;
      const spelled = subsidiary
        ? {
            name: `${account.name.split(" ").slice(0, 2).join(" ")} Services ${pick(random, ["GmbH", "Ltd", "Inc."])}`,
            website: null,
            country: account.country,
          }
        : respell(account, random);
      return {
        ...spelled,
        industry: account.industry,
        region: account.region,
        status: partnerStatus(random),
      };
    });
  const names = new Set<string>();
  while (rows.length < list.size) {
    // Stem × region word × sector word: 9 × 6 × 8 names, enough for the longest list.
    const base = `${pick(random, ownStems)} ${pick(random, ownRegions)} ${pick(random, ownWords)}`;
    if (names.has(base)) continue;
    names.add(base);
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    rows.push({
      name: `${base} ${pick(random, ownForms)}`,
      website: random() < 0.5 ? `https://www.${slug}.example` : null,
      country: pick(random, places),
      industry: null,
      region: null,
      status: partnerStatus(random),
    });
  }
  return rows;
}

export async function seedDemoMapping(tx: Db, workspaceId: string): Promise<void> {
  const vendor = generateDemoAccounts(DEMO_ACCOUNT_COUNT);
  const ctx: WorkspaceContext = { workspaceId, role: "owner", actor: { kind: "cli" } };
  for (const list of sharedLists) {
    const [partner] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(inWorkspace(partners, ctx, eq(partners.name, list.partner)));
    if (!partner) throw new Error(`demo mapping names an unknown partner: ${list.partner}`);
    const rows = generatePartnerList(vendor, list);
    const prefix = list.partner
      .split(" ")
      .map((w) => w[0])
      .join("")
      .toUpperCase();
    for (let i = 0; i < rows.length; i += 250)
      await tx.insert(partnerAccounts).values(
        rows.slice(i, i + 250).map((row, offset) => ({
          workspaceId,
          partnerId: partner.id,
          ...row,
          // Stored as an import stores it: the ISO code.
          country: storedCountry(row.country),
          externalSource: "demo-partner-crm",
          externalId: `${prefix}-${String(i + offset + 1).padStart(4, "0")}`,
        })),
      );
    await mapPartner(tx, ctx, partner.id);
  }
}
