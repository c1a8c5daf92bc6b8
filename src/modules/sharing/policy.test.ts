/**
 * The shared view against a reference model written here, independently of policy.ts, from the
 * written rules (ARCHITECTURE.md "Sharing"): random vendor accounts (statuses, open deals, ICP
 * scores), 2–3 partners with their accounts, overlaps and sharing rules. Plus the two promises that
 * hold whatever the rules: counts never carry a name, id or domain, and a partner's view never
 * carries another partner's accounts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeSharedView,
  type Overlap,
  type PartnerAccount,
  type SharedView,
  type SharingRule,
  type SharingWorld,
  type VendorAccount,
} from "./policy.ts";
import { populationLabel, type SharedField } from "./populations.ts";

// ---------------------------------------------------------------------------------------------
// Reference model: one overlap at a time, spelled out
// ---------------------------------------------------------------------------------------------

const FIELDS: SharedField[] = ["name", "domain", "status", "industry", "country", "region", "owner"];
const RANK = { hidden: 0, counts: 1, overlaps: 2, all: 3 } as const;
type Level = keyof typeof RANK;
const STATUSES = ["customer", "opportunity", "prospect"] as const;
const VENDOR_POPS = ["customers", "open_opportunities", "prospects", "icp_fit_prospects"] as const;
const PARTNER_POPS = ["customers", "open_opportunities", "prospects"] as const;

function modelVendorStatus(a: VendorAccount) {
  if (a.status === "customer") return "customer";
  return a.status === "opportunity" || a.hasOpenOpportunity ? "opportunity" : "prospect";
}

function modelBelongs(a: VendorAccount, population: string, rule: SharingRule | undefined): boolean {
  const status = modelVendorStatus(a);
  if (population === "customers") return a.status === "customer";
  if (population === "open_opportunities") return a.status === "opportunity" || a.hasOpenOpportunity;
  if (population === "prospects") return status === "prospect";
  if (status !== "prospect") return false;
  const min = rule?.filter.minScore ?? 70;
  const icpId = rule?.filter.icpId;
  if (icpId !== undefined) return (a.icpScores[icpId] ?? -1) >= min;
  return Object.keys(a.icpScores).some((k) => (a.icpScores[k] ?? -1) >= min);
}

function modelView(world: SharingWorld, partnerId: string): SharedView {
  const ruleOf = (side: string, population: string) =>
    world.rules.find((r) => r.partnerId === partnerId && r.side === side && r.population === population);
  type Row = {
    m: Overlap;
    a: VendorAccount;
    pa: PartnerAccount;
    pops: string[];
    level: Level;
    fields: SharedField[];
  };
  const rows: Row[] = [];
  for (const m of world.overlaps) {
    if (m.partnerId !== partnerId) continue;
    const a = world.accounts.find((x) => x.id === m.accountId);
    const pa = world.partnerAccounts.find((x) => x.id === m.partnerAccountId && x.partnerId === partnerId);
    if (!a || !pa) continue;
    const pops = VENDOR_POPS.filter((p) => modelBelongs(a, p, ruleOf("vendor", p)));
    const explicit = pops.map((p) => ruleOf("vendor", p)).filter((r): r is SharingRule => r !== undefined);
    let vendorLevel: Level = "hidden";
    if (explicit.length > 0)
      vendorLevel = explicit.map((r) => r.level).sort((x, y) => RANK[x] - RANK[y])[0] ?? "hidden";
    const vendorFields = FIELDS.filter((f) =>
      explicit.every((r) => r.level === "all" || (r.level === "overlaps" && r.fields.includes(f))),
    );
    const pStatus = pa.status === "customer" || pa.status === "opportunity" ? pa.status : "prospect";
    const pRule = ruleOf(
      "partner",
      { customer: "customers", opportunity: "open_opportunities", prospect: "prospects" }[pStatus],
    );
    const partnerLevel: Level = pRule?.level ?? "hidden";
    const level: Level = RANK[vendorLevel] < RANK[partnerLevel] ? vendorLevel : partnerLevel;
    const fields =
      level === "all"
        ? FIELDS
        : vendorFields.filter(
            (f) => pRule !== undefined && (pRule.level === "all" || pRule.fields.includes(f)),
          );
    rows.push({ m, a, pa, pops, level, fields });
  }

  const populations: SharedView["populations"] = [];
  for (const population of VENDOR_POPS) {
    const rule = ruleOf("vendor", population);
    const level: Level = rule?.level ?? "hidden";
    const label = populationLabel("vendor", population, rule?.filter);
    if (level === "hidden") {
      populations.push({ side: "vendor", population, label, level });
      continue;
    }
    const inPop = rows.filter((r) => r.pops.includes(population));
    const counted = inPop.filter((r) => r.level === "counts");
    const minCount = rule?.minCount ?? 5;
    const cells = STATUSES.flatMap((v) =>
      STATUSES.map((p) => {
        const n = counted.filter(
          (r) =>
            modelVendorStatus(r.a) === v &&
            (r.pa.status === p ||
              (p === "prospect" && r.pa.status !== "customer" && r.pa.status !== "opportunity")),
        ).length;
        return { vendorStatus: v, partnerStatus: p, count: n < minCount ? null : n };
      }),
    );
    const total = cells.every((c) => c.count !== null) ? counted.length : null;
    const entry: SharedView["populations"][number] = {
      side: "vendor",
      population,
      label,
      level,
      counts: { minCount, cells, total },
    };
    if (level === "overlaps" || level === "all") {
      entry.overlaps = inPop
        .filter((r) => r.level === "overlaps" || r.level === "all")
        .map((r) => {
          const account: Partial<Record<SharedField, string | null>> = {};
          for (const f of r.fields) account[f] = f === "status" ? modelVendorStatus(r.a) : r.a[f];
          return {
            id: r.m.id,
            kind: r.m.kind,
            partnerAccount: {
              id: r.pa.id,
              name: r.pa.name,
              domain: r.pa.domain,
              status: (r.pa.status === "customer" || r.pa.status === "opportunity"
                ? r.pa.status
                : "prospect") as "customer" | "opportunity" | "prospect",
            },
            account,
          };
        })
        .sort(
          (x, y) =>
            x.partnerAccount.name.localeCompare(y.partnerAccount.name, "en") || (x.id < y.id ? -1 : 1),
        );
    }
    populations.push(entry);
  }
  for (const population of PARTNER_POPS) {
    populations.push({
      side: "partner",
      population,
      label: populationLabel("partner", population),
      level: ruleOf("partner", population)?.level ?? "hidden",
    });
  }
  return { partnerId, populations };
}

// ---------------------------------------------------------------------------------------------
// Random worlds
// ---------------------------------------------------------------------------------------------

const ICPS = ["icp-a", "icp-b"];
const levelArb = fc.constantFrom<Level>("hidden", "counts", "overlaps", "all");
const fieldsArb = fc.subarray(FIELDS);
const optionalText = (prefix: string) =>
  fc.option(fc.constantFrom(`${prefix}-1`, `${prefix}-2`), { nil: null });

const vendorAccountArb = (i: number) =>
  fc
    .record({
      status: fc.constantFrom("customer", "opportunity", "prospect", "churned"),
      hasOpenOpportunity: fc.boolean(),
      icpScores: fc.dictionary(fc.constantFrom(...ICPS), fc.integer({ min: 0, max: 100 }), { maxKeys: 2 }),
      industry: optionalText("industry"),
      country: optionalText("country"),
      region: optionalText("region"),
      owner: optionalText("owner"),
      hasDomain: fc.boolean(),
    })
    .map(
      ({ hasDomain, ...a }): VendorAccount => ({
        ...a,
        id: `vacc-${i}-id`,
        name: `Vendorname${i}Q`,
        domain: hasDomain ? `vendordomain${i}q.example` : null,
      }),
    );

const partnerAccountArb = (partnerId: string, i: number) =>
  fc.constantFrom("customer", "opportunity", "prospect", "lead").map(
    (status): PartnerAccount => ({
      id: `pacc-${partnerId}-${i}-id`,
      partnerId,
      name: `Partnername${partnerId}x${i}Q`,
      domain: i % 2 === 0 ? `partnerdomain${partnerId}x${i}q.example` : null,
      industry: null,
      country: "country-1",
      region: null,
      owner: null,
      status,
    }),
  );

const ruleArb = (partnerId: string, side: "vendor" | "partner", population: string) =>
  fc.option(
    fc
      .record({
        level: levelArb,
        fields: fieldsArb,
        minCount: fc.integer({ min: 1, max: 4 }),
        filter:
          population === "icp_fit_prospects"
            ? fc.record(
                {
                  icpId: fc.constantFrom(...ICPS, "icp-unknown"),
                  minScore: fc.integer({ min: 0, max: 100 }),
                },
                { requiredKeys: [] },
              )
            : fc.constant({}),
      })
      .map(
        (r): SharingRule => ({ ...r, partnerId, side, population: population as SharingRule["population"] }),
      ),
    { nil: undefined, freq: 3 },
  );

const worldArb = fc
  .record({
    accountCount: fc.integer({ min: 0, max: 10 }),
    partnerIds: fc.constantFrom<string[]>(["p0", "p1"], ["p0", "p1", "p2"]),
    partnerAccountCount: fc.integer({ min: 0, max: 8 }),
  })
  .chain(({ accountCount, partnerIds, partnerAccountCount }) => {
    const accounts = fc.tuple(...Array.from({ length: accountCount }, (_, i) => vendorAccountArb(i)));
    const partnerAccounts = fc.tuple(
      ...partnerIds.flatMap((p) =>
        Array.from({ length: partnerAccountCount }, (_, i) => partnerAccountArb(p, i)),
      ),
    );
    const rules = fc.tuple(
      ...partnerIds.flatMap((p) => [
        ...VENDOR_POPS.map((pop) => ruleArb(p, "vendor", pop)),
        ...PARTNER_POPS.map((pop) => ruleArb(p, "partner", pop)),
      ]),
    );
    return fc
      .tuple(accounts, partnerAccounts, rules, fc.constantFrom(...partnerIds))
      .chain(([accs, paccs, maybeRules, target]) => {
        const pairs = paccs.flatMap((pa) => accs.map((a) => [a, pa] as const));
        const overlaps =
          pairs.length === 0
            ? fc.constant([] as Overlap[])
            : fc.subarray(pairs, { maxLength: Math.min(40, pairs.length) }).chain((chosen) =>
                fc.tuple(...chosen.map(() => fc.constantFrom("same", "related"))).map((kinds) =>
                  chosen.map(
                    ([a, pa], i): Overlap => ({
                      id: `match-${a.id}-${pa.id}`,
                      partnerId: pa.partnerId,
                      accountId: a.id,
                      partnerAccountId: pa.id,
                      kind: kinds[i] ?? "same",
                    }),
                  ),
                ),
              );
        return overlaps.map((ovs) => ({
          world: {
            accounts: accs,
            partnerAccounts: paccs,
            overlaps: ovs,
            rules: maybeRules.filter((r): r is SharingRule => r !== undefined),
          } satisfies SharingWorld,
          target,
        }));
      });
  });

/** Every name, id and domain in the world, by owner. */
function identifiers(world: SharingWorld) {
  const of = (x: { id: string; name: string; domain: string | null }) => [
    x.id,
    x.name,
    ...(x.domain ? [x.domain] : []),
  ];
  return {
    vendor: world.accounts.flatMap(of),
    partner: (partnerId: string) =>
      world.partnerAccounts.filter((pa) => pa.partnerId === partnerId).flatMap(of),
    overlapIds: (partnerId: string) =>
      world.overlaps.filter((o) => o.partnerId === partnerId).map((o) => o.id),
  };
}

describe("the shared view (property: 1,000 random worlds)", () => {
  it("equals the reference model, never leaks identities through counts, never shows another partner", () => {
    fc.assert(
      fc.property(worldArb, ({ world, target }) => {
        const view = computeSharedView(world, target);
        expect(view).toEqual(modelView(world, target));

        const ids = identifiers(world);
        const everything = [...ids.vendor, ...ids.partner(target), ...ids.overlapIds(target)];
        for (const section of view.populations) {
          // Counts carry no identity at all; a hidden or counts section carries nothing else.
          const revealing =
            section.level === "counts" || section.level === "hidden" ? section : (section.counts ?? {});
          const json = JSON.stringify(revealing);
          expect(everything.filter((secret) => json.includes(secret))).toEqual([]);
        }
        const viewJson = JSON.stringify(view);
        const otherPartners = world.partnerAccounts.map((pa) => pa.partnerId).filter((p) => p !== target);
        const othersSecrets = [...new Set(otherPartners)].flatMap((p) => [
          ...ids.partner(p),
          ...ids.overlapIds(p),
        ]);
        expect(othersSecrets.filter((secret) => viewJson.includes(secret))).toEqual([]);
        // Other partners' rules and rows change nothing.
        const alone: SharingWorld = {
          accounts: world.accounts,
          partnerAccounts: world.partnerAccounts.filter((pa) => pa.partnerId === target),
          overlaps: world.overlaps.filter((o) => o.partnerId === target),
          rules: world.rules.filter((r) => r.partnerId === target),
        };
        expect(computeSharedView(alone, target)).toEqual(view);
      }),
      { numRuns: 1000 },
    );
  });
});
