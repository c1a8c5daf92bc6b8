/**
 * Ideal Customer Profile scoring: the zod schema of weighted ICP criteria and the pure functions
 * that score an account's fit (0–100, an A/B/C band and the reasons behind it) and bucket scores
 * for the ICP page's distribution chart. No database here: the API, the rescoring job and the
 * benchmark all call these same functions on plain account data.
 */

import { z } from "zod";
import { storedCountry } from "../accounts/country.ts";

const weightSchema = z.number().int().min(1).max(100);
const valueSetSchema = z.array(z.string().trim().min(1).max(200)).min(1).max(1000);
const boundSchema = z.number().nonnegative().optional();

const onMin = (message: string) => ({ message, path: ["min"] });

/** A numeric range criterion; refinements name the offending field so the API can report its path. */
function rangeCriterionSchema<Kind extends string>(kind: Kind) {
  return z
    .object({ kind: z.literal(kind), weight: weightSchema, min: boundSchema, max: boundSchema })
    .refine((c) => c.min !== undefined || c.max !== undefined, onMin("needs a min, a max or both"))
    .refine(
      (c) => c.min === undefined || c.max === undefined || c.min <= c.max,
      onMin("must not be greater than max"),
    );
}

function setCriterionSchema<Kind extends string>(kind: Kind) {
  return z.object({ kind: z.literal(kind), weight: weightSchema, values: valueSetSchema });
}

export const customAttributeOperators = ["eq", "neq", "in", "gte", "lte", "contains"] as const;
export type CustomAttributeOperator = (typeof customAttributeOperators)[number];

const scalarRuleValueSchema = z.union([z.string().trim().min(1).max(200), z.number(), z.boolean()]);

const customAttributeCriterionSchema = z
  .object({
    kind: z.literal("custom_attribute"),
    weight: weightSchema,
    key: z.string().trim().min(1).max(100),
    operator: z.enum(customAttributeOperators),
    value: z.union([scalarRuleValueSchema, z.array(z.union([z.string().trim().min(1), z.number()])).min(1)]),
  })
  .superRefine((c, ctx) => {
    // Each operator only makes sense with one shape of value; say which, on the value's path.
    const isList = Array.isArray(c.value);
    const problem =
      c.operator === "in" && !isList
        ? "must be a list for operator 'in'"
        : c.operator !== "in" && isList
          ? `must be a single value for operator '${c.operator}'`
          : (c.operator === "gte" || c.operator === "lte") && typeof c.value !== "number"
            ? `must be a number for operator '${c.operator}'`
            : c.operator === "contains" && typeof c.value !== "string"
              ? "must be text for operator 'contains'"
              : undefined;
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["value"] });
  });

export const icpCriterionSchema = z.discriminatedUnion("kind", [
  setCriterionSchema("industry"),
  rangeCriterionSchema("employees"),
  rangeCriterionSchema("annual_revenue"),
  setCriterionSchema("country"),
  setCriterionSchema("region"),
  z.object({
    kind: z.literal("technologies"),
    weight: weightSchema,
    match: z.enum(["any", "all"]),
    values: valueSetSchema,
  }),
  customAttributeCriterionSchema,
]);
export type IcpCriterion = z.infer<typeof icpCriterionSchema>;
export type IcpCriterionKind = IcpCriterion["kind"];

export const icpCriteriaSchema = z.array(icpCriterionSchema).max(100);

/** What scoring needs of an ICP; the stored ICP has more (id, name, description…). */
export interface IcpForScoring {
  criteria: readonly IcpCriterion[];
}

/** One custom attribute value on an account; lists are matched element by element. */
export type AttributeValue = string | number | boolean | null | readonly (string | number)[];

/** The account fields ICP criteria can look at. Missing (undefined/null/blank) means "unknown". */
export interface AccountFacts {
  industry?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  country?: string | null;
  region?: string | null;
  technologies?: readonly string[] | null;
  attributes?: Readonly<Record<string, AttributeValue | undefined>> | null;
}

export const fitBands = ["A", "B", "C"] as const;
export type FitBand = (typeof fitBands)[number];
/** Lowest score of band A and of band B; everything below B is C. */
export const fitBandThresholds = { A: 70, B: 40 } as const;

export function bandForScore(score: number): FitBand {
  if (score >= fitBandThresholds.A) return "A";
  if (score >= fitBandThresholds.B) return "B";
  return "C";
}

export interface FitReason {
  /** The criterion in words, e.g. "Employees between 200 and 2,000". */
  criterion: string;
  weight: number;
  matched: boolean;
  /** What the account has, e.g. "1,200 employees" or "No industry on the account". */
  detail: string;
}

export interface AccountFit {
  score: number;
  band: FitBand;
  reasons: FitReason[];
}

interface CompiledCriterion {
  text: string;
  weight: number;
  matches: (account: AccountFacts) => boolean;
  explain: (account: AccountFacts, matched: boolean) => string;
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const formatNumber = (value: number) => numberFormat.format(value);

/** Trimmed lower case, or undefined when blank: blanks are missing data, not a value. */
function normalise(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim().toLowerCase();
  return trimmed ? trimmed : undefined;
}

function formatList(values: readonly (string | number | boolean)[]): string {
  const shown = values.slice(0, 6).map(String).join(", ");
  return values.length > 6 ? `${shown} and ${values.length - 6} more` : shown;
}

function rangeText(label: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined)
    return `${label} between ${formatNumber(min)} and ${formatNumber(max)}`;
  if (min !== undefined) return `${label} at least ${formatNumber(min)}`;
  return `${label} at most ${formatNumber(max ?? 0)}`;
}

function compileSet(
  { values, weight }: { values: readonly string[]; weight: number },
  label: string,
  read: (account: AccountFacts) => string | null | undefined,
  /** Spellings of one value made equal (countries: "United States", "USA" → "US"). */
  canonical: (value: string) => string = (value) => value,
): CompiledCriterion {
  const wanted = new Set(values.map((v) => normalise(canonical(v))));
  return {
    text: values.length === 1 ? `${label} is ${values[0]}` : `${label} is one of ${formatList(values)}`,
    weight,
    matches: (account) => {
      const value = read(account);
      const actual = normalise(value ? canonical(value) : value);
      return actual !== undefined && wanted.has(actual);
    },
    explain: (account, matched) => {
      const raw = read(account)?.trim();
      if (!raw) return `No ${label.toLowerCase()} on the account`;
      return matched ? `${label} is ${raw}` : `${label} '${raw}' is not in the set`;
    },
  };
}

function compileRange(
  { min, max, weight }: { min?: number | undefined; max?: number | undefined; weight: number },
  label: string,
  field: "employees" | "annualRevenue",
  /** Phrases an already formatted number, e.g. "1,200 employees". */
  unit: (formatted: string) => string,
): CompiledCriterion {
  const known = (value: number | null | undefined): value is number =>
    typeof value === "number" && Number.isFinite(value);
  return {
    text: rangeText(label, min, max),
    weight,
    matches: (account) => {
      const actual = account[field];
      return known(actual) && (min === undefined || actual >= min) && (max === undefined || actual <= max);
    },
    explain: (account, matched) => {
      const actual = account[field];
      if (!known(actual)) return `No ${label.toLowerCase()} on the account`;
      const has = unit(formatNumber(actual));
      if (matched) return has;
      return min !== undefined && actual < min
        ? `${has}, below the minimum of ${formatNumber(min)}`
        : `${has}, above the maximum of ${formatNumber(max ?? 0)}`;
    },
  };
}

function compileTechnologies({ match, values, weight }: TechnologiesCriterion): CompiledCriterion {
  const wanted = [...new Set(values.map((v) => v.trim().toLowerCase()))];
  const used = (account: AccountFacts) =>
    new Set((account.technologies ?? []).map((t) => normalise(t)).filter((t) => t !== undefined));
  return {
    text: `Uses ${match} of ${formatList(values)}`,
    weight,
    matches: (account) => {
      const have = used(account);
      if (have.size === 0) return false;
      return match === "any" ? wanted.some((t) => have.has(t)) : wanted.every((t) => have.has(t));
    },
    explain: (account) => {
      const have = used(account);
      if (have.size === 0) return "No technologies on the account";
      const present = values.filter((v) => have.has(v.trim().toLowerCase()));
      const absent = values.filter((v) => !have.has(v.trim().toLowerCase()));
      if (match === "any") return present.length > 0 ? `Uses ${formatList(present)}` : "Uses none of them";
      return absent.length === 0 ? "Uses all of them" : `Does not use ${formatList(absent)}`;
    },
  };
}

type ScalarValue = string | number | boolean;

function readAttribute(account: AccountFacts, key: string): readonly ScalarValue[] {
  const attributes = account.attributes;
  if (!attributes) return [];
  // CRM exports disagree on key case ("Segment" vs "segment"), so fall back to a case-insensitive key.
  let value = attributes[key];
  if (value === undefined) {
    const lowered = key.toLowerCase();
    const found = Object.keys(attributes).find((k) => k.toLowerCase() === lowered);
    value = found === undefined ? undefined : attributes[found];
  }
  if (value === undefined || value === null) return [];
  const list: readonly ScalarValue[] = typeof value === "object" ? value : [value];
  return list.filter((v) => typeof v !== "string" || v.trim() !== "");
}

/** Numbers, and numeric text as CRM exports often store it; anything else is not a number. */
function asNumber(value: ScalarValue): number | undefined {
  const parsed =
    typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

function sameValue(a: ScalarValue, b: ScalarValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

type CustomAttributeCriterion = Extract<IcpCriterion, { kind: "custom_attribute" }>;
type TechnologiesCriterion = Extract<IcpCriterion, { kind: "technologies" }>;

const operatorWords: Readonly<Record<CustomAttributeOperator, string>> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  gte: "is at least",
  lte: "is at most",
  contains: "contains",
};

function compileCustom(rule: CustomAttributeCriterion): CompiledCriterion {
  const ruleValues: readonly ScalarValue[] = typeof rule.value === "object" ? rule.value : [rule.value];
  const bound = ruleValues[0] === undefined ? undefined : asNumber(ruleValues[0]);
  const needle = String(ruleValues[0] ?? "")
    .trim()
    .toLowerCase();
  const test = (actual: ScalarValue): boolean => {
    const actualNumber = asNumber(actual);
    switch (rule.operator) {
      case "eq":
      case "in":
        return ruleValues.some((v) => sameValue(actual, v));
      case "neq":
        return !ruleValues.some((v) => sameValue(actual, v));
      case "gte":
        return actualNumber !== undefined && bound !== undefined && actualNumber >= bound;
      case "lte":
        return actualNumber !== undefined && bound !== undefined && actualNumber <= bound;
      case "contains":
        return String(actual).toLowerCase().includes(needle);
    }
  };
  return {
    text: `Attribute '${rule.key}' ${operatorWords[rule.operator]} ${formatList(ruleValues)}`,
    weight: rule.weight,
    matches: (account) => {
      const actual = readAttribute(account, rule.key);
      if (actual.length === 0) return false;
      // A list value "is not" X only when no element is X; for every other operator one element is enough.
      return rule.operator === "neq" ? actual.every(test) : actual.some(test);
    },
    explain: (account) => {
      const actual = readAttribute(account, rule.key);
      if (actual.length === 0) return `No '${rule.key}' attribute on the account`;
      return `'${rule.key}' is ${formatList(actual)}`;
    },
  };
}

function compileCriterion(criterion: IcpCriterion): CompiledCriterion {
  switch (criterion.kind) {
    case "industry":
      return compileSet(criterion, "Industry", (a) => a.industry);
    case "country":
      return compileSet(
        criterion,
        "Country",
        (a) => a.country,
        (c) => storedCountry(c) ?? c,
      );
    case "region":
      return compileSet(criterion, "Region", (a) => a.region);
    case "employees":
      return compileRange(criterion, "Employees", "employees", (n) => `${n} employees`);
    case "annual_revenue":
      return compileRange(criterion, "Annual revenue", "annualRevenue", (n) => `Annual revenue ${n}`);
    case "technologies":
      return compileTechnologies(criterion);
    case "custom_attribute":
      return compileCustom(criterion);
  }
}

/** round(100 × matched weight / total weight); an ICP without criteria fits nobody (0). */
function toScore(matchedWeight: number, totalWeight: number): number {
  return totalWeight > 0 ? Math.round((100 * matchedWeight) / totalWeight) : 0;
}

/** The criterion in words, as the ICP editor and the fit reasons show it. */
export function describeCriterion(criterion: IcpCriterion): string {
  return compileCriterion(criterion).text;
}

/** Scores one account with every reason; use `createIcpScorer` when only the number is needed. */
export function scoreAccountFit(icp: IcpForScoring, account: AccountFacts): AccountFit {
  let matchedWeight = 0;
  let totalWeight = 0;
  const reasons = icp.criteria.map((criterion): FitReason => {
    const compiled = compileCriterion(criterion);
    const matched = compiled.matches(account);
    totalWeight += compiled.weight;
    if (matched) matchedWeight += compiled.weight;
    return {
      criterion: compiled.text,
      weight: compiled.weight,
      matched,
      detail: compiled.explain(account, matched),
    };
  });
  const score = toScore(matchedWeight, totalWeight);
  return { score, band: bandForScore(score), reasons };
}

/**
 * Compiles an ICP once into a scorer that skips the reason texts — for rescoring every account
 * (the 1M-account benchmark) where building strings per account would dominate the cost.
 * Always returns the same score as `scoreAccountFit`.
 */
export function createIcpScorer(
  icp: IcpForScoring,
): (account: AccountFacts) => { score: number; band: FitBand } {
  const compiled = icp.criteria.map(compileCriterion);
  const totalWeight = compiled.reduce((sum, c) => sum + c.weight, 0);
  return (account) => {
    let matchedWeight = 0;
    for (const criterion of compiled) {
      if (criterion.matches(account)) matchedWeight += criterion.weight;
    }
    const score = toScore(matchedWeight, totalWeight);
    return { score, band: bandForScore(score) };
  };
}

export interface ScoreBucket {
  /** Inclusive bounds; the last bucket is 90–100 so a perfect score has a home. */
  from: number;
  to: number;
  label: string;
  band: FitBand;
  count: number;
}

/**
 * Histogram of fit scores in ten buckets of ten for the ICP page's chart. Scores are rounded and
 * clamped into 0–100; non-finite values are ignored rather than guessed.
 */
export function scoreDistribution(scores: Iterable<number>): ScoreBucket[] {
  const buckets: ScoreBucket[] = Array.from({ length: 10 }, (_, index) => {
    const from = index * 10;
    const to = index === 9 ? 100 : from + 9;
    return { from, to, label: `${from}–${to}`, band: bandForScore(from), count: 0 };
  });
  for (const raw of scores) {
    if (!Number.isFinite(raw)) continue;
    const score = Math.min(100, Math.max(0, Math.round(raw)));
    const bucket = buckets[Math.min(9, Math.floor(score / 10))];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}
