/**
 * What each product area will hold. The areas are empty until their modules land;
 * the empty states say plainly what will be there.
 */
export type AreaId = "strategy" | "partners" | "accounts" | "mapping" | "imports";

export interface AreaContent {
  title: string;
  summary: string;
  emptyTitle: string;
  emptyDescription: string;
  points: string[];
}

export const JOURNEY_STAGES = ["Identify", "Reach", "Influence", "Develop", "Expand"] as const;

export const STACK_LAYERS = [
  "Reseller / MSP",
  "Alliance",
  "Cloud market",
  "Ecosystem platform",
  "Referral / influencer",
] as const;

export const AREAS: Record<AreaId, AreaContent> = {
  strategy: {
    title: "Strategy",
    summary: "Build the stack from the customer backwards.",
    emptyTitle: "Design your Ecosystem Strategy Stack",
    emptyDescription:
      "Design your Ecosystem Strategy Stack: ICPs, Value Chain of the Customer, Buyer's Journey (Identify → Reach → Influence → Develop → Expand), Sales Plays and the stack matrix.",
    points: [
      "Ideal Customer Profiles with weighted criteria that score every account",
      "The Value Chain of the Customer: who your buyers already rely on, and the recruiting gaps",
      "Sales plays per solution, ICP and journey stage, with co-motions and KPIs",
      "The stack matrix of layers × stages, with coverage and recommendations",
    ],
  },
  partners: {
    title: "Partners",
    summary: "Everyone who helps you sell, in one directory.",
    emptyTitle: "No partners yet",
    emptyDescription:
      "Your partner directory will live here: resellers, MSPs, alliances, cloud marketplaces, platforms and referral partners, classified by stack layer, type, region, tier and lifecycle stage.",
    points: [
      "Recruit, onboard and track each partner's lifecycle stage",
      "Classify partners by stack layer, type, region and tier",
      "See which plays and VCOC links each partner covers",
    ],
  },
  accounts: {
    title: "Accounts",
    summary: "Your customers and prospects, scored against your ICPs.",
    emptyTitle: "No accounts yet",
    emptyDescription:
      "Accounts and opportunities imported from your CRM will appear here, each with an ICP fit score from 0 to 100 and the reasons behind it.",
    points: [
      "Fit score 0–100 per account against each ICP, with reasons",
      "Opportunities and their partner-sourced or partner-influenced pipeline",
      "Filters by industry, size, region and technologies used",
    ],
  },
  mapping: {
    title: "Mapping",
    summary: "Find the accounts you and your partners share.",
    emptyTitle: "No account mapping yet",
    emptyDescription:
      "Account mapping will match your accounts with each partner's, despite different spellings and website forms, and show the overlaps (customer × prospect, opportunity × customer…) as a matrix and as lists, within each side's sharing settings.",
    points: [
      "Overlaps classified by relationship on each side",
      "Per-partner matrix and lists that respect sharing settings",
      "Co-sell recommendations ranked by ICP fit and journey stage",
    ],
  },
  imports: {
    title: "Imports",
    summary: "Bring in your CRM data.",
    emptyTitle: "No imports yet",
    emptyDescription:
      "Import CRM exports (Salesforce, HubSpot or plain CSV) for accounts, opportunities, partners and contacts, with column mapping, a dry-run preview and a row-by-row error report.",
    points: [
      "Column mapping with auto-detection",
      "Dry-run preview and a row-by-row error report",
      "Idempotent re-imports that upsert by external id; nothing half-written when a file is bad",
    ],
  },
};
