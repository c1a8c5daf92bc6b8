/**
 * How one CSV cell becomes a stored value, per field kind, over the trimmed text (an empty cell
 * is null). CRM exports write numbers as "500000.0", "8.48E10", "$1,200.50" or "1.200,50" and
 * dates as ISO, US or European dates; what cannot be read is a row error naming the reason.
 *
 * The rules are plain functions (`cellReaders`), run once per cell on the import's hot path; the
 * zod schemas (`cellSchemas`) are built from the same functions for edges that validate single
 * values. A zod safeParse per cell cost ~1 µs, ten per row: more than reading the CSV itself.
 */
import { z } from "zod";
import { storedCountry } from "../accounts/country.ts";
import { partnerTypes } from "../strategy/vocabulary.ts";
import type { FieldKind } from "./fields.ts";

export type CellValue = string | number | null;

/** Up to 18 digits before the point: numeric(20,2) columns. */
const decimalPattern = /^-?\d{1,18}(\.\d+)?$/;

const scientific = /^-?\d+(\.\d+)?[eE][+-]?\d+$/;

function normaliseNumber(raw: string): string {
  let text = raw.replace(/[\s$€£¥']/g, "");
  // Salesforce writes large values as "8.48E10".
  if (scientific.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) && Math.abs(value) < 1e18 ? String(value) : text;
  }
  const comma = text.lastIndexOf(",");
  const dot = text.lastIndexOf(".");
  if (comma >= 0 && dot >= 0)
    text = comma > dot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  else if (comma >= 0)
    text = /^-?\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, "") : text.replace(",", ".");
  return text;
}

/** Why a cell cannot be read (a class, so the hot path allocates nothing for a good cell). */
export class CellIssue {
  constructor(readonly message: string) {}
}
export type CellReader = (raw: string) => CellValue | CellIssue;

const notANumber = new CellIssue("not a number");
const notAWholeNumber = new CellIssue("not a whole number");

function readDecimal(raw: string): CellValue | CellIssue {
  if (decimalPattern.test(raw)) return raw;
  const text = normaliseNumber(raw);
  return decimalPattern.test(text) ? text : notANumber;
}

function readInteger(raw: string): CellValue | CellIssue {
  const text = decimalPattern.test(raw) ? raw : normaliseNumber(raw);
  const value = Number(text);
  return decimalPattern.test(text) && Number.isSafeInteger(value) ? value : notAWholeNumber;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  if (year < 1000 || year > 9999) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const europeanDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const notADate = new CellIssue("not a date (use YYYY-MM-DD)");

function readDate(raw: string): CellValue | CellIssue {
  const iso = isoDate.exec(raw);
  const us = iso ? null : usDate.exec(raw);
  const eu = iso || us ? null : europeanDate.exec(raw);
  const parts = iso
    ? [iso[1], iso[2], iso[3]]
    : us
      ? [us[3], us[1], us[2]]
      : eu
        ? [eu[3], eu[2], eu[1]]
        : null;
  const date = parts ? validDate(Number(parts[0]), Number(parts[1]), Number(parts[2])) : null;
  return date ?? notADate;
}

const notAnEmail = new CellIssue("not an e-mail address");
const readEmail = (raw: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? raw : notAnEmail);

const tooLong = new CellIssue("longer than 4000 characters");
const readText = (raw: string) => (raw.length <= 4000 ? raw : tooLong);

const compact = (raw: string) => raw.toLowerCase().replace(/[^a-z]/g, "");

/**
 * CRM account types and lifecycle stages → Ecostack's account status. Values that name no status
 * ("Technology Partner", "Analyst") leave the account a prospect, the default.
 */
function accountStatusOf(raw: string): string {
  const key = compact(raw);
  if (key.startsWith("customer") || key === "evangelist" || key === "won" || key === "closedwon")
    return "customer";
  if (key.includes("former") || key.includes("churn") || key === "lost") return "churned";
  if (key === "opportunity" || key === "salesqualifiedlead" || key === "sql" || key.startsWith("pipeline"))
    return "opportunity";
  return "prospect";
}

function partnerAccountStatusOf(raw: string): string {
  const status = accountStatusOf(raw);
  return status === "churned" ? "prospect" : status;
}

const partnerTypeSynonyms: Record<string, (typeof partnerTypes)[number]> = {
  reseller: "var",
  valueaddedreseller: "var",
  var: "var",
  distributor: "distributor",
  distribution: "distributor",
  msp: "msp",
  managedserviceprovider: "msp",
  si: "si",
  systemintegrator: "si",
  systemsintegrator: "si",
  integrator: "si",
  consultancy: "consultancy",
  consulting: "consultancy",
  consultant: "consultancy",
  isv: "isv",
  technologypartner: "isv",
  technology: "isv",
  software: "isv",
  marketplace: "hyperscaler_marketplace",
  hyperscaler: "hyperscaler_marketplace",
  hyperscalermarketplace: "hyperscaler_marketplace",
  cloudmarketplace: "hyperscaler_marketplace",
  community: "community_platform",
  communityplatform: "community_platform",
  agency: "agency",
  advisor: "advisor_analyst",
  analyst: "advisor_analyst",
  advisoranalyst: "advisor_analyst",
  association: "association",
};

const unknownPartnerType = new CellIssue(`unknown partner type (one of: ${partnerTypes.join(", ")})`);
const readPartnerType = (raw: string) => {
  const key = compact(raw);
  // Own keys only: "constructor" is not a partner type.
  return Object.hasOwn(partnerTypeSynonyms, key) ? (partnerTypeSynonyms[key] as string) : unknownPartnerType;
};

/** Vocabulary cells repeat a handful of values across a file: remember what each one read as. */
function remembered(reader: CellReader): CellReader {
  const seen = new Map<string, CellValue | CellIssue>();
  return (raw) => {
    let value = seen.get(raw);
    if (value === undefined) {
      value = reader(raw);
      if (seen.size < 10_000) seen.set(raw, value);
    }
    return value;
  };
}

export const cellReaders: Record<FieldKind, CellReader> = {
  text: readText,
  integer: readInteger,
  decimal: readDecimal,
  date: readDate,
  email: readEmail,
  accountStatus: remembered(accountStatusOf),
  partnerAccountStatus: remembered(partnerAccountStatusOf),
  partnerType: remembered(readPartnerType),
  // "United States", "USA" and "US" are stored as US; text naming no country is kept as given.
  country: (raw) => (raw.length <= 4000 ? (storedCountry(raw) as string) : tooLong),
};

function schemaOf(reader: CellReader): z.ZodType<CellValue, string> {
  return z.string().transform((raw, ctx) => {
    const value = reader(raw.trim());
    if (!(value instanceof CellIssue)) return value;
    ctx.addIssue({ code: "custom", message: value.message });
    return z.NEVER;
  });
}

/** The same rules as zod schemas (string in, stored value out). */
export const cellSchemas = Object.fromEntries(
  Object.entries(cellReaders).map(([kind, reader]) => [kind, schemaOf(reader)]),
) as Record<FieldKind, z.ZodType<CellValue, string>>;

/** Opportunities carry the CRM stage as text; won / lost / open is read from it. */
export function opportunityStatusOf(stage: string | null): "open" | "won" | "lost" {
  const key = compact(stage ?? "");
  if (key.includes("won")) return "won";
  if (key.includes("lost")) return "lost";
  return "open";
}
