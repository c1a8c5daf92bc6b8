/**
 * The vocabulary of sharing: levels, sides, the populations (saved filters) of each side, the
 * fields an overlap row may show, and which population an account belongs to. Pure: no database.
 *
 * Vendor populations overlap (a customer with an open upsell opportunity is in `customers` and in
 * `open_opportunities`; an ICP-fit prospect is also a prospect); partner populations do not (one
 * status per partner account).
 */

/** Ordered from least to most permissive: the order is what "least permissive" means. */
export const sharingLevels = ["hidden", "counts", "overlaps", "all"] as const;
export type SharingLevel = (typeof sharingLevels)[number];

export const sharingSides = ["vendor", "partner"] as const;
export type SharingSide = (typeof sharingSides)[number];

export const vendorPopulations = [
  "customers",
  "open_opportunities",
  "prospects",
  "icp_fit_prospects",
] as const;
export const partnerPopulations = ["customers", "open_opportunities", "prospects"] as const;
export type VendorPopulation = (typeof vendorPopulations)[number];
export type PartnerPopulation = (typeof partnerPopulations)[number];
export type Population = VendorPopulation | PartnerPopulation;

export const populationsOf = (side: SharingSide): readonly Population[] =>
  side === "vendor" ? vendorPopulations : partnerPopulations;

export function isPopulationOf(side: SharingSide, population: string): population is Population {
  return (populationsOf(side) as readonly string[]).includes(population);
}

/**
 * Fields of an account an overlap row may show (the same names on both sides). `all` shows every
 * one of them; `overlaps` the rule's list. Internal ids are never among them.
 */
export const sharedFields = ["name", "domain", "status", "industry", "country", "region", "owner"] as const;
export type SharedField = (typeof sharedFields)[number];

/** The matrix axes (same vocabulary as the mapping overlap matrix). */
export const accountStatuses = ["customer", "opportunity", "prospect"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const DEFAULT_MIN_COUNT = 5;
export const DEFAULT_ICP_MIN_SCORE = 70;

/** Only `icp_fit_prospects` takes a filter: the ICP (any when absent) and the lowest fit score. */
export type PopulationFilter = { icpId?: string; minScore?: number };

export function populationLabel(side: SharingSide, population: Population, filter: PopulationFilter = {}) {
  const whose = side === "vendor" ? "Our" : "Partner's";
  switch (population) {
    case "customers":
      return `${whose} customers`;
    case "open_opportunities":
      return `${whose} open opportunities`;
    case "prospects":
      return `${whose} prospects`;
    case "icp_fit_prospects":
      return `${whose} prospects with ICP fit ≥ ${filter.minScore ?? DEFAULT_ICP_MIN_SCORE}${filter.icpId ? "" : " (any ICP)"}`;
  }
}

export const levelRank = (level: SharingLevel): number => sharingLevels.indexOf(level);
export const leastPermissive = (a: SharingLevel, b: SharingLevel): SharingLevel =>
  levelRank(a) <= levelRank(b) ? a : b;

/** What the sharing rules need to know about one of the vendor's accounts. */
export type VendorAccountFacts = {
  /** accounts.status as stored (customer | opportunity | prospect | anything the CRM sent). */
  status: string;
  hasOpenOpportunity: boolean;
  /** Fit score per ICP id (from the persisted scores). */
  icpScores: Readonly<Record<string, number>>;
};

/** Vendor status in an overlap: customer, else opportunity (status or an open deal), else prospect. */
export function vendorStatusOf(
  account: Pick<VendorAccountFacts, "status" | "hasOpenOpportunity">,
): AccountStatus {
  if (account.status === "customer") return "customer";
  if (account.status === "opportunity" || account.hasOpenOpportunity) return "opportunity";
  return "prospect";
}

/** Partner status: partner_accounts.status; anything unknown counts as a prospect. */
export function partnerStatusOf(status: string): AccountStatus {
  return status === "customer" || status === "opportunity" ? status : "prospect";
}

export function inVendorPopulation(
  account: VendorAccountFacts,
  population: VendorPopulation,
  filter: PopulationFilter,
): boolean {
  switch (population) {
    case "customers":
      return account.status === "customer";
    case "open_opportunities":
      return account.status === "opportunity" || account.hasOpenOpportunity;
    case "prospects":
      return vendorStatusOf(account) === "prospect";
    case "icp_fit_prospects": {
      if (vendorStatusOf(account) !== "prospect") return false;
      const minScore = filter.minScore ?? DEFAULT_ICP_MIN_SCORE;
      const scores = filter.icpId ? [account.icpScores[filter.icpId]] : Object.values(account.icpScores);
      return scores.some((score) => score !== undefined && score >= minScore);
    }
  }
}

const partnerPopulationByStatus: Record<AccountStatus, PartnerPopulation> = {
  customer: "customers",
  opportunity: "open_opportunities",
  prospect: "prospects",
};

export const partnerPopulationOf = (status: string): PartnerPopulation =>
  partnerPopulationByStatus[partnerStatusOf(status)];
