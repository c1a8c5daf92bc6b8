/**
 * The shared view: what one partner may see of the vendor's side of their overlaps, computed from
 * BOTH sides' sharing rules. Pure (plain data in, plain data out) so that a property test can hold
 * it against an independent reference model; the service only loads the rows and calls it.
 *
 * The rules, in order (ARCHITECTURE.md "Sharing" says the same):
 * 1. Scope. Only rules, overlaps and partner accounts of the partner asked for are read; anything
 *    of another partner in the input is ignored.
 * 2. Vendor level of an overlap. A vendor account may belong to several vendor populations. Its
 *    level is the LEAST permissive level among the explicitly set vendor rules of the populations
 *    it belongs to (an explicit `hidden` always wins); when none of its populations has a rule, it
 *    is hidden. The fields it may show are the intersection of those rules' field lists (`all`
 *    allows every field, `overlaps` its list, lower levels none).
 * 3. Reciprocity ("you see what you share"). The partner account's population (by its status) has
 *    the partner-side rule (hidden when unset). The overlap's level is the lesser of the vendor level
 *    and the partner level, and its fields the intersection of both sides' allowed fields.
 * 4. Sections. One section per vendor population, with that population's own rule level (hidden
 *    when unset), holding the overlaps whose vendor account belongs to it:
 *    - hidden: nothing;
 *    - counts: the vendor status × partner status matrix of its overlaps whose level is `counts`;
 *    - overlaps / all: the rows whose level is `overlaps` or `all` (each with only its fields), and
 *      the matrix of the remaining rows whose level is `counts` (disjoint from the rows, so the list
 *      and the matrix cannot be differenced).
 *    Every matrix cell under the section's minCount (zero included) is suppressed (null), and the
 *    total is suppressed whenever any cell is, since it would give the suppressed cells' sum.
 *    Plus one entry per partner population with the partner's own level (what it shares back).
 */
import {
  type AccountStatus,
  accountStatuses,
  DEFAULT_MIN_COUNT,
  inVendorPopulation,
  leastPermissive,
  levelRank,
  type PartnerPopulation,
  type Population,
  type PopulationFilter,
  partnerPopulationOf,
  partnerPopulations,
  partnerStatusOf,
  populationLabel,
  type SharedField,
  type SharingLevel,
  type SharingSide,
  sharedFields,
  type VendorAccountFacts,
  type VendorPopulation,
  vendorPopulations,
  vendorStatusOf,
} from "./populations.ts";

export type SharingRule = {
  partnerId: string;
  side: SharingSide;
  population: Population;
  level: SharingLevel;
  fields: readonly SharedField[];
  minCount: number;
  filter: PopulationFilter;
};

type AccountDetails = {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  country: string | null;
  region: string | null;
  owner: string | null;
};

export type VendorAccount = AccountDetails & VendorAccountFacts;
export type PartnerAccount = AccountDetails & { partnerId: string; status: string };
export type Overlap = {
  id: string;
  partnerId: string;
  accountId: string;
  partnerAccountId: string;
  kind: string;
};

export type SharingWorld = {
  accounts: readonly VendorAccount[];
  partnerAccounts: readonly PartnerAccount[];
  overlaps: readonly Overlap[];
  rules: readonly SharingRule[];
};

export type SharedCell = { vendorStatus: AccountStatus; partnerStatus: AccountStatus; count: number | null };
export type SharedCounts = { minCount: number; cells: SharedCell[]; total: number | null };
export type SharedOverlapRow = {
  id: string;
  kind: string;
  /** The partner's own account: theirs, so shown in full. */
  partnerAccount: { id: string; name: string; domain: string | null; status: AccountStatus };
  /** The vendor's account: only the allowed fields are present. */
  account: Partial<Record<SharedField, string | null>>;
};
export type SharedSection = {
  side: SharingSide;
  population: Population;
  label: string;
  level: SharingLevel;
  counts?: SharedCounts;
  overlaps?: SharedOverlapRow[];
};
export type SharedView = { partnerId: string; populations: SharedSection[] };

const allowedFields = (rule: SharingRule | undefined): readonly SharedField[] =>
  rule?.level === "all" ? sharedFields : rule?.level === "overlaps" ? rule.fields : [];

/** Rows of one partner, resolved to their levels: the input of every section. */
type ResolvedOverlap = {
  overlap: Overlap;
  account: VendorAccount;
  partnerAccount: PartnerAccount;
  vendorPopulations: Set<VendorPopulation>;
  level: SharingLevel;
  fields: SharedField[];
};

function resolveOverlap(
  overlap: Overlap,
  account: VendorAccount,
  partnerAccount: PartnerAccount,
  vendorRules: Map<VendorPopulation, SharingRule>,
  partnerRules: Map<PartnerPopulation, SharingRule>,
  allowed: Map<SharingRule, ReadonlySet<SharedField>>,
): ResolvedOverlap {
  const memberOf = new Set<VendorPopulation>();
  const applying: SharingRule[] = [];
  let vendorLevel: SharingLevel | null = null;
  for (const population of vendorPopulations) {
    const rule = vendorRules.get(population);
    if (!inVendorPopulation(account, population, rule?.filter ?? {})) continue;
    memberOf.add(population);
    if (!rule) continue;
    applying.push(rule);
    vendorLevel = vendorLevel === null ? rule.level : leastPermissive(vendorLevel, rule.level);
  }
  const partnerRule = partnerRules.get(partnerPopulationOf(partnerAccount.status));
  const level = leastPermissive(vendorLevel ?? "hidden", partnerRule?.level ?? "hidden");
  const fields =
    level === "hidden" || level === "counts" || !partnerRule
      ? []
      : sharedFields.filter(
          (f) => allowed.get(partnerRule)?.has(f) && applying.every((rule) => allowed.get(rule)?.has(f)),
        );
  return { overlap, account, partnerAccount, vendorPopulations: memberOf, level, fields };
}

function vendorFieldValue(account: VendorAccount, field: SharedField): string | null {
  return field === "status" ? vendorStatusOf(account) : account[field];
}

function presentRow(row: ResolvedOverlap): SharedOverlapRow {
  const fields = row.level === "all" ? sharedFields : row.fields;
  return {
    id: row.overlap.id,
    kind: row.overlap.kind,
    partnerAccount: {
      id: row.partnerAccount.id,
      name: row.partnerAccount.name,
      domain: row.partnerAccount.domain,
      status: partnerStatusOf(row.partnerAccount.status),
    },
    account: Object.fromEntries(fields.map((f) => [f, vendorFieldValue(row.account, f)])),
  };
}

function suppressedCounts(rows: readonly ResolvedOverlap[], minCount: number): SharedCounts {
  const tally = new Map<string, number>();
  for (const row of rows) {
    const key = `${vendorStatusOf(row.account)}|${partnerStatusOf(row.partnerAccount.status)}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const cells: SharedCell[] = [];
  for (const vendorStatus of accountStatuses) {
    for (const partnerStatus of accountStatuses) {
      const count = tally.get(`${vendorStatus}|${partnerStatus}`) ?? 0;
      cells.push({ vendorStatus, partnerStatus, count: count >= minCount ? count : null });
    }
  }
  const anySuppressed = cells.some((c) => c.count === null);
  return { minCount, cells, total: anySuppressed ? null : rows.length };
}

const collator = new Intl.Collator("en");
const byPartnerAccountThenId = (a: SharedOverlapRow, b: SharedOverlapRow) =>
  collator.compare(a.partnerAccount.name, b.partnerAccount.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function computeSharedView(world: SharingWorld, partnerId: string): SharedView {
  const rules = world.rules.filter((r) => r.partnerId === partnerId);
  const vendorRules = new Map<VendorPopulation, SharingRule>();
  const partnerRules = new Map<PartnerPopulation, SharingRule>();
  for (const rule of rules) {
    if (rule.side === "vendor") vendorRules.set(rule.population as VendorPopulation, rule);
    else partnerRules.set(rule.population as PartnerPopulation, rule);
  }
  const allowed = new Map(rules.map((rule) => [rule, new Set(allowedFields(rule))]));
  const accountsById = new Map(world.accounts.map((a) => [a.id, a]));
  const partnerAccountsById = new Map(
    world.partnerAccounts.filter((pa) => pa.partnerId === partnerId).map((pa) => [pa.id, pa]),
  );
  const resolved: ResolvedOverlap[] = [];
  for (const overlap of world.overlaps) {
    if (overlap.partnerId !== partnerId) continue;
    const account = accountsById.get(overlap.accountId);
    const partnerAccount = partnerAccountsById.get(overlap.partnerAccountId);
    if (!account || !partnerAccount) continue;
    resolved.push(resolveOverlap(overlap, account, partnerAccount, vendorRules, partnerRules, allowed));
  }

  const sections: SharedSection[] = vendorPopulations.map((population) => {
    const rule = vendorRules.get(population);
    const level = rule?.level ?? "hidden";
    const section: SharedSection = {
      side: "vendor",
      population,
      label: populationLabel("vendor", population, rule?.filter),
      level,
    };
    if (level === "hidden") return section;
    const members = resolved.filter((r) => r.vendorPopulations.has(population));
    const countedOnly = members.filter((r) => r.level === "counts");
    section.counts = suppressedCounts(countedOnly, rule?.minCount ?? DEFAULT_MIN_COUNT);
    if (levelRank(level) >= levelRank("overlaps")) {
      section.overlaps = members
        .filter((r) => levelRank(r.level) >= levelRank("overlaps"))
        .map(presentRow)
        .sort(byPartnerAccountThenId);
    }
    return section;
  });
  for (const population of partnerPopulations) {
    const rule = partnerRules.get(population);
    sections.push({
      side: "partner",
      population,
      label: populationLabel("partner", population),
      level: rule?.level ?? "hidden",
    });
  }
  return { partnerId, populations: sections };
}
