/**
 * The demo's CRM: a few hundred invented accounts and their opportunities, generated from a
 * seeded PRNG so every demo workspace is the same (tests and screenshots can rely on it).
 * Company names combine invented stems with industry words; websites use `.example`.
 */
import type { AccountStatus, OpportunitySourceRoute } from "../strategy/vocabulary.ts";

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]): T => {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
};
const between = (random: Random, min: number, max: number) => Math.round(min + random() * (max - min));

const stems = [
  "Aalto",
  "Baltic",
  "Cedar",
  "Delta",
  "Elbe",
  "Falcon",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Kobalt",
  "Linden",
  "Moraine",
  "Nordvik",
  "Oakridge",
  "Pioneer",
  "Quarry",
  "Rhein",
  "Silverline",
  "Trondel",
  "Ulmer",
  "Vistula",
  "Westbay",
  "Yarrow",
  "Zenith",
  "Alder",
  "Bergmann",
  "Crestline",
  "Danube",
  "Emberton",
  "Fjellstad",
  "Glacier",
  "Highmoor",
  "Ironwood",
  "Jutland",
  "Kingsford",
  "Lakeshore",
  "Millbrook",
  "Northgate",
  "Orion",
  "Porter",
  "Redfield",
  "Stonebridge",
  "Tamarack",
];

/** Industry words, the industry they imply, and typical size (employees) and revenue per employee. */
const sectors: { words: string[]; industry: string; employees: [number, number]; revenuePerHead: number }[] =
  [
    {
      words: ["Precision", "Metalworks", "Components", "Plastics", "Fabrication"],
      industry: "Manufacturing",
      employees: [120, 2600],
      revenuePerHead: 230_000,
    },
    {
      words: ["Machinery", "Hydraulics", "Robotics", "Tooling"],
      industry: "Industrial Machinery",
      employees: [150, 3200],
      revenuePerHead: 260_000,
    },
    {
      words: ["Drivetrain", "Castings", "Motion Systems"],
      industry: "Automotive Suppliers",
      employees: [300, 6000],
      revenuePerHead: 280_000,
    },
    {
      words: ["Bank", "Savings Bank", "Capital"],
      industry: "Banking",
      employees: [800, 42_000],
      revenuePerHead: 420_000,
    },
    {
      words: ["Insurance", "Mutual", "Assurance"],
      industry: "Insurance",
      employees: [600, 30_000],
      revenuePerHead: 480_000,
    },
    {
      words: ["Payments", "Asset Management"],
      industry: "Financial Services",
      employees: [200, 12_000],
      revenuePerHead: 390_000,
    },
    { words: ["Retail", "Stores"], industry: "Retail", employees: [300, 20_000], revenuePerHead: 180_000 },
    {
      words: ["Health", "Clinics"],
      industry: "Healthcare",
      employees: [250, 15_000],
      revenuePerHead: 150_000,
    },
    {
      words: ["Logistics", "Freight"],
      industry: "Logistics",
      employees: [150, 9000],
      revenuePerHead: 200_000,
    },
    { words: ["Energy", "Power"], industry: "Energy", employees: [200, 11_000], revenuePerHead: 520_000 },
  ];

const legalForms: Record<string, string[]> = {
  Germany: ["GmbH", "AG"],
  Sweden: ["AB"],
  Norway: ["AS"],
  Finland: ["Oy"],
  "United Kingdom": ["Ltd", "plc"],
  Netherlands: ["B.V."],
  France: ["SA", "SAS"],
  Poland: ["S.A."],
  "United States": ["Inc.", "LLC", "Corp."],
  Canada: ["Inc.", "Ltd"],
  Japan: ["K.K."],
  Australia: ["Pty Ltd"],
  Singapore: ["Pte Ltd"],
  Brazil: ["Ltda."],
};

const countries: { country: string; region: string; weight: number }[] = [
  { country: "Germany", region: "EMEA", weight: 14 },
  { country: "Sweden", region: "EMEA", weight: 6 },
  { country: "Norway", region: "EMEA", weight: 5 },
  { country: "Finland", region: "EMEA", weight: 3 },
  { country: "United Kingdom", region: "EMEA", weight: 8 },
  { country: "Netherlands", region: "EMEA", weight: 5 },
  { country: "France", region: "EMEA", weight: 5 },
  { country: "Poland", region: "EMEA", weight: 3 },
  { country: "United States", region: "North America", weight: 22 },
  { country: "Canada", region: "North America", weight: 6 },
  { country: "Japan", region: "APAC", weight: 4 },
  { country: "Australia", region: "APAC", weight: 3 },
  { country: "Singapore", region: "APAC", weight: 3 },
  { country: "Brazil", region: "LATAM", weight: 3 },
];

const technologies = [
  "SAP",
  "Snowflake",
  "AWS",
  "Azure",
  "Google Cloud",
  "Salesforce",
  "Databricks",
  "Oracle",
  "Power BI",
  "Tableau",
  "Siemens MindSphere",
  "Kubernetes",
];
const owners = ["Priya Patel", "Jonas Berg", "Maya Chen", "Luis Ortega", "Ingrid Solberg"];

function weighted<T extends { weight: number }>(random: Random, values: readonly T[]): T {
  const total = values.reduce((sum, v) => sum + v.weight, 0);
  let roll = random() * total;
  for (const value of values) {
    roll -= value.weight;
    if (roll < 0) return value;
  }
  return values[values.length - 1] as T;
}

export interface DemoAccount {
  externalId: string;
  name: string;
  website: string;
  domain: string;
  industry: string;
  employees: number;
  annualRevenue: number;
  country: string;
  region: string;
  technologies: string[];
  status: AccountStatus;
  owner: string;
}

export function generateDemoAccounts(count: number, seed = 20260301): DemoAccount[] {
  const random = seededRandom(seed);
  const names = new Set<string>();
  const out: DemoAccount[] = [];
  while (out.length < count) {
    const sector = pick(random, sectors);
    const place = weighted(random, countries);
    const base = `${pick(random, stems)} ${pick(random, sector.words)}`;
    if (names.has(base)) continue;
    names.add(base);
    const name = `${base} ${pick(random, legalForms[place.country] ?? ["Ltd"])}`;
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const employees = between(random, sector.employees[0], sector.employees[1]);
    const revenue =
      Math.round((employees * sector.revenuePerHead * (0.7 + random() * 0.6)) / 100_000) * 100_000;
    const techs = technologies.filter(() => random() < 0.22);
    const roll = random();
    const status: AccountStatus =
      roll < 0.22 ? "customer" : roll < 0.5 ? "opportunity" : roll < 0.94 ? "prospect" : "churned";
    out.push({
      externalId: `ACC-${String(out.length + 1).padStart(4, "0")}`,
      name,
      website: `https://www.${slug}.example`,
      domain: `${slug}.example`,
      industry: sector.industry,
      employees,
      annualRevenue: revenue,
      country: place.country,
      region: place.region,
      technologies: techs,
      status,
      owner: pick(random, owners),
    });
  }
  return out;
}

export interface DemoOpportunity {
  externalId: string;
  accountIndex: number;
  name: string;
  amount: number;
  stage: string;
  status: "open" | "won" | "lost";
  closeDate: string;
  sourceRoute: OpportunitySourceRoute;
  /** Index into the partner list the caller passes (null: no partner). */
  partnerName: string | null;
  solutionIndex: number;
  journeyStageKey: string;
}

const openStages = ["Discovery", "Qualification", "Solution design", "Proposal", "Negotiation"];
const journeyOfStage: Record<string, string[]> = {
  Discovery: ["identify", "reach"],
  Qualification: ["reach", "influence"],
  "Solution design": ["influence", "develop"],
  Proposal: ["develop"],
  Negotiation: ["develop"],
  "Closed Won": ["expand", "develop"],
  "Closed Lost": ["influence", "develop"],
};

/**
 * Opportunities for accounts in the opportunity and customer statuses. Partner-sourced and
 * -influenced deals name one of `partnersByRoute`' partners, marketplace deals a cloud partner.
 */
export function generateDemoOpportunities(
  accounts: readonly DemoAccount[],
  partnersByRoute: { partner: readonly string[]; marketplace: readonly string[] },
  seed = 20260302,
): DemoOpportunity[] {
  const random = seededRandom(seed);
  const out: DemoOpportunity[] = [];
  accounts.forEach((account, accountIndex) => {
    if (account.status !== "opportunity" && account.status !== "customer") return;
    const deals = account.status === "customer" ? between(random, 1, 2) : 1;
    for (let d = 0; d < deals; d++) {
      const roll = random();
      const sourceRoute: OpportunitySourceRoute =
        roll < 0.3
          ? "direct"
          : roll < 0.62
            ? "partner_sourced"
            : roll < 0.88
              ? "partner_influenced"
              : "marketplace";
      const partnerName =
        sourceRoute === "direct"
          ? null
          : sourceRoute === "marketplace"
            ? pick(random, partnersByRoute.marketplace)
            : pick(random, partnersByRoute.partner);
      const closed = account.status === "customer" && d === 0;
      const stage = closed ? (random() < 0.85 ? "Closed Won" : "Closed Lost") : pick(random, openStages);
      const month = between(random, 1, 12);
      const solutionIndex = random() < 0.7 ? 0 : 1;
      out.push({
        externalId: `OPP-${String(out.length + 1).padStart(4, "0")}`,
        accountIndex,
        name: `${account.name.split(" ").slice(0, 2).join(" ")} – ${solutionIndex === 0 ? "Cloud Analytics" : "Embedded BI"}`,
        amount: Math.round((15_000 + random() ** 2 * 380_000) / 500) * 500,
        stage,
        status: stage === "Closed Won" ? "won" : stage === "Closed Lost" ? "lost" : "open",
        closeDate: `2026-${String(month).padStart(2, "0")}-${String(between(random, 1, 28)).padStart(2, "0")}`,
        sourceRoute,
        partnerName,
        solutionIndex,
        journeyStageKey: pick(random, journeyOfStage[stage] ?? ["develop"]),
      });
    }
  });
  return out;
}
