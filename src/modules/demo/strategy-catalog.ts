/**
 * The demo's strategy as data: Bluefjord Analytics (an invented analytics vendor) sells two
 * solutions to two ICPs through ~40 invented partners. The story has real gaps on purpose: the
 * software-selection consultants are still being recruited, nobody represents Bluefjord in the
 * manufacturing association, the ecosystem-platform layer is almost empty, and the financial
 * services value chain lacks a big-four consultancy and an active cloud marketplace.
 * Every name here is invented; websites use the reserved `.example` domain.
 */
import type { IcpCriterion } from "../icps/scoring.ts";
import type { ChannelKind, LifecycleStage, PartnerType, StackLayer } from "../strategy/vocabulary.ts";

export const demoSolutions = [
  {
    name: "Bluefjord Cloud Analytics",
    description: "Self-service analytics and dashboards for operations teams, as a cloud service.",
  },
  {
    name: "Bluefjord Embedded BI",
    description: "Analytics components software vendors embed in their own products.",
  },
] as const;

export const MANUFACTURING_ICP = "Mid-market manufacturing";
// Named so the manufacturing ICP, the richer story, comes first (the stack defaults to the first by name).
export const FINANCE_ICP = "Regulated financial services";

export const demoIcps: { name: string; description: string; criteria: IcpCriterion[] }[] = [
  {
    name: MANUFACTURING_ICP,
    description: "Plants of 200–2,000 people in Europe and North America modernising their shop-floor data.",
    criteria: [
      {
        kind: "industry",
        weight: 40,
        values: ["Manufacturing", "Industrial Machinery", "Automotive Suppliers"],
      },
      { kind: "employees", weight: 25, min: 200, max: 2000 },
      { kind: "region", weight: 20, values: ["EMEA", "North America"] },
      { kind: "technologies", weight: 15, match: "any", values: ["SAP", "Siemens MindSphere", "AWS"] },
    ],
  },
  {
    name: FINANCE_ICP,
    description: "Banks and insurers with 5,000+ employees and strict risk and compliance reporting.",
    criteria: [
      { kind: "industry", weight: 40, values: ["Banking", "Insurance", "Financial Services"] },
      { kind: "employees", weight: 20, min: 5000 },
      { kind: "annual_revenue", weight: 20, min: 1_000_000_000 },
      { kind: "region", weight: 10, values: ["EMEA", "North America", "APAC"] },
      { kind: "technologies", weight: 10, match: "any", values: ["Snowflake", "Azure", "Oracle"] },
    ],
  },
];

export interface DemoPartner {
  name: string;
  layers: StackLayer[];
  types: PartnerType[];
  lifecycle: LifecycleStage;
  tier: string | null;
  regions: string[];
  industries: string[];
  capabilities: string[];
  description: string;
}

const MFG = ["Manufacturing", "Industrial Machinery", "Automotive Suppliers"];
const FIN = ["Banking", "Insurance", "Financial Services"];
const EU = ["EMEA"];
const NA = ["North America"];

type Row = [
  name: string,
  layers: StackLayer[],
  types: PartnerType[],
  lifecycle: LifecycleStage,
  tier: string | null,
  regions: string[],
  industries: string[],
  capabilities: string[],
  description: string,
];

// biome-ignore format: one partner per line reads as a table
const rows: Row[] = [
  // Reseller / MSP
  ["Kestrel Managed Services", ["reseller_msp"], ["msp"], "active", "Gold", [...EU, ...NA], MFG, ["24/7 operations", "AWS"], "Runs data platforms for mid-sized plants."],
  ["Brightgate Solutions", ["reseller_msp"], ["var"], "active", "Silver", EU, MFG, ["SAP", "Licensing"], "Value-added reseller for German and Nordic manufacturers."],
  ["Northstar Distribution", ["reseller_msp"], ["distributor"], "strategic", "Platinum", [...EU, ...NA], [], ["Distribution", "Credit"], "Two-tier distributor with 900 resellers."],
  ["Harborline IT", ["reseller_msp"], ["msp"], "onboarding", "Registered", NA, MFG, ["Azure", "Managed BI"], "MSP for Midwest manufacturers."],
  ["Pinecrest Systems", ["reseller_msp"], ["var"], "recruiting", null, NA, ["Retail"], ["Retail analytics"], "Retail-focused reseller."],
  ["Vantage Point Reseller Group", ["reseller_msp"], ["var"], "inactive", "Registered", EU, [], ["Licensing"], "Former reseller, contract lapsed."],
  ["Cobalt Managed Cloud", ["reseller_msp"], ["msp"], "active", "Gold", ["EMEA", "APAC"], FIN, ["Compliance hosting"], "Regulated-industry MSP."],
  ["Tidewater Technology Partners", ["reseller_msp"], ["var", "msp"], "prospect", null, NA, FIN, ["Banking IT"], "Serves regional banks."],
  // Alliance
  ["Fjordline Systems", ["alliance"], ["si"], "strategic", "Platinum", EU, MFG, ["SAP", "MES integration"], "Implementation SI for shop-floor analytics."],
  ["Ironbridge Consulting", ["alliance"], ["si", "consultancy"], "active", "Gold", [...EU, ...NA], MFG, ["Data engineering"], "Industrial data consultancy."],
  ["SelectWise Partners", ["alliance"], ["consultancy"], "recruiting", null, [...EU, ...NA], MFG, ["Software selection"], "Runs software selections for manufacturers."],
  ["Meridian Digital", ["alliance"], ["si"], "active", "Gold", [...EU, ...NA], FIN, ["Core banking", "Risk"], "Core banking integrator."],
  ["Quantive Software", ["alliance"], ["isv"], "active", "Silver", NA, FIN, ["Risk engines"], "ISV embedding Bluefjord in risk dashboards."],
  ["Machina Labs", ["alliance"], ["isv"], "onboarding", "Registered", EU, MFG, ["Predictive maintenance"], "Predictive-maintenance ISV."],
  ["Atlas Process Group", ["alliance"], ["consultancy"], "prospect", null, NA, MFG, ["Lean", "Operations"], "Operations-excellence consultancy."],
  ["Sterling & Vale Consulting", ["alliance"], ["consultancy"], "prospect", null, ["EMEA", "North America", "APAC"], FIN, ["Regulatory change"], "Financial-services consultancy."],
  ["Polaris Data Works", ["alliance"], ["si"], "inactive", "Registered", EU, ["Retail"], ["Data warehousing"], "Paused after a reorganisation."],
  ["Granite Peak Integrators", ["alliance", "reseller_msp"], ["si", "var"], "active", "Silver", NA, MFG, ["Plant IT", "Licensing"], "Integrator that also resells."],
  // Cloud market
  ["Stratus Cloud Marketplace", ["cloud_market"], ["hyperscaler_marketplace"], "strategic", null, ["EMEA", "North America", "APAC"], [], ["Private offers", "Co-sell"], "Hyperscaler marketplace listing."],
  ["Cumulus Marketplace", ["cloud_market"], ["hyperscaler_marketplace"], "onboarding", null, ["EMEA", "North America", "APAC"], FIN, ["Private offers"], "Second hyperscaler, listing in progress."],
  ["Nimbus Exchange", ["cloud_market"], ["hyperscaler_marketplace"], "prospect", null, ["APAC"], [], ["Marketplace"], "Regional cloud marketplace."],
  // Ecosystem platform
  ["OpenLedger Community", ["ecosystem_platform"], ["community_platform"], "active", null, [...EU, ...NA], FIN, ["Fintech community"], "Community of 12,000 fintech practitioners."],
  ["MakerGrid Network", ["ecosystem_platform"], ["community_platform"], "prospect", null, EU, MFG, ["Industrial IoT community"], "Network of plant engineers."],
  ["Plantworks App Exchange", ["ecosystem_platform"], ["community_platform"], "recruiting", null, [...EU, ...NA], MFG, ["App store"], "App store of an MES vendor."],
  ["DataGuild", ["ecosystem_platform"], ["community_platform"], "inactive", null, NA, [], ["Analytics community"], "Community that stopped its partner program."],
  // Referral / influencer
  ["Northwind Advisory", ["referral_influencer"], ["advisor_analyst"], "active", null, [...EU, ...NA], MFG, ["Digital strategy"], "Strategy advisors to plant CEOs."],
  ["Ledgerline Advisory", ["referral_influencer"], ["advisor_analyst"], "active", null, [...EU, ...NA], FIN, ["Risk advisory"], "Risk and compliance advisors."],
  ["Industrial Makers Association", ["referral_influencer"], ["association"], "prospect", null, EU, MFG, ["Events", "Benchmarks"], "Trade association of mid-sized manufacturers."],
  ["Greenfield Analysts", ["referral_influencer"], ["advisor_analyst"], "recruiting", null, NA, MFG, ["Market research"], "Analyst firm covering industrial software."],
  ["Brightwave Agency", ["referral_influencer"], ["agency"], "active", null, EU, [], ["Demand generation"], "B2B demand-generation agency."],
  ["Finance Leaders Forum", ["referral_influencer"], ["association"], "prospect", null, ["EMEA", "North America", "APAC"], FIN, ["Events"], "Association of bank CFOs."],
  ["Copperleaf Referral Network", ["referral_influencer"], ["agency"], "onboarding", null, NA, MFG, ["Referrals"], "Referral network of independent consultants."],
  // More resellers, alliances and platforms so every layer has candidates to recommend
  ["Aurora Systemhaus", ["reseller_msp"], ["var"], "active", "Silver", EU, MFG, ["SAP", "Licensing"], "Systemhaus for Bavarian suppliers."],
  ["Redwood Managed Analytics", ["reseller_msp"], ["msp"], "recruiting", null, NA, MFG, ["Managed BI"], "Managed analytics for manufacturers."],
  ["Elbe Data Consulting", ["alliance"], ["consultancy"], "active", "Registered", EU, MFG, ["Shop-floor KPIs"], "Boutique consultancy for OEE analytics."],
  ["Summit Ridge Partners", ["alliance"], ["si"], "onboarding", "Registered", NA, FIN, ["Insurance platforms"], "Insurance systems integrator."],
  ["Lumen Embedded", ["alliance"], ["isv"], "prospect", null, ["EMEA", "APAC"], FIN, ["Wealth platforms"], "Wealth-management ISV."],
  ["Open Factory Hub", ["ecosystem_platform"], ["community_platform"], "prospect", null, NA, MFG, ["Marketplace"], "Marketplace of factory software."],
  ["Insight Circle", ["referral_influencer"], ["advisor_analyst"], "active", null, NA, FIN, ["Peer groups"], "Peer groups of bank data leaders."],
  ["Vector Ventures Referral", ["referral_influencer"], ["agency"], "inactive", null, EU, [], ["Referrals"], "Referral agency, no longer active."],
];

export const demoPartners: DemoPartner[] = rows.map(
  ([name, layers, types, lifecycle, tier, regions, industries, capabilities, description]) => ({
    name,
    layers,
    types,
    lifecycle,
    tier,
    regions,
    industries,
    capabilities,
    description,
  }),
);

export interface DemoLink {
  name: string;
  description: string;
  channelKind: ChannelKind;
  stageWeights: Record<string, number>;
  partners: string[];
}

/** The value chain of each ICP, in the order the customer meets the links. */
// biome-ignore format: one link per line reads as a table
export const demoValueChains: Record<string, DemoLink[]> = {
  [MANUFACTURING_ICP]: [
    { name: "Strategy advisors", description: "Advise the plant's leadership on digital priorities.", channelKind: "influencer", stageWeights: { identify: 4, reach: 2, influence: 3 }, partners: ["Northwind Advisory"] },
    { name: "Software-selection consultants", description: "Shortlist and compare analytics vendors.", channelKind: "influencer", stageWeights: { reach: 3, influence: 5 }, partners: ["SelectWise Partners"] },
    { name: "Implementation SI", description: "Connect MES, ERP and sensors; build the first dashboards.", channelKind: "fulfilment", stageWeights: { develop: 5, expand: 3 }, partners: ["Fjordline Systems", "Ironbridge Consulting"] },
    { name: "Cloud provider marketplace", description: "Where the plant's cloud budget is spent.", channelKind: "selling", stageWeights: { influence: 2, develop: 4, expand: 2 }, partners: ["Stratus Cloud Marketplace"] },
    { name: "Managed service provider", description: "Runs the platform after go-live.", channelKind: "fulfilment", stageWeights: { develop: 2, expand: 5 }, partners: ["Kestrel Managed Services"] },
    { name: "Industry association", description: "Benchmarks, events and peer advice for manufacturers.", channelKind: "referral", stageWeights: { identify: 5, reach: 3 }, partners: [] },
  ],
  [FINANCE_ICP]: [
    { name: "Risk & compliance advisors", description: "Tell the bank what regulators will ask for.", channelKind: "influencer", stageWeights: { identify: 3, influence: 4 }, partners: ["Ledgerline Advisory"] },
    { name: "Big-four consultancy", description: "Leads transformation programmes.", channelKind: "influencer", stageWeights: { reach: 2, influence: 5, develop: 2 }, partners: [] },
    { name: "Core banking SI", description: "Integrates data from the core systems.", channelKind: "fulfilment", stageWeights: { develop: 5, expand: 2 }, partners: ["Meridian Digital"] },
    { name: "Private cloud marketplace", description: "Procurement through the bank's cloud commitments.", channelKind: "selling", stageWeights: { develop: 3, expand: 3 }, partners: ["Cumulus Marketplace"] },
    { name: "Fintech community", description: "Where data leaders trade notes.", channelKind: "referral", stageWeights: { identify: 3, reach: 4 }, partners: ["OpenLedger Community"] },
  ],
};
