/**
 * A match record turned, once, into everything scoring and blocking need: registrable domain, name
 * core tokens, their sorted unique set, the compact core and its character trigrams. Scoring then
 * only compares precomputed values, which is what keeps millions of candidate pairs affordable.
 */
import { countryCode } from "../../accounts/country.ts";
import { nameCore, normaliseDomain } from "./normalise.ts";

export interface MatchRecord {
  id: string;
  name: string;
  website?: string | null;
  country?: string | null;
}

export interface PreparedRecord {
  id: string;
  domain: string | null;
  /** Distinctive part of the name ("ameren illinois"), for evidence. */
  core: string;
  coreTokens: string[];
  /** Sorted distinct core tokens, and the same joined: the symmetric order for token matching. */
  uniqueTokens: string[];
  uniqueKey: string;
  /** Core tokens without spaces ("jbhunttransportservices"). */
  compact: string;
  /** Core tokens sorted and joined: equal for the same words in another order. */
  sortedCore: string;
  /** Sorted trigram codes of the padded compact core, one UTF-16 unit per trigram (see trigramCodes). */
  trigrams: string;
  /** Initials of a multi-word core ("international business machines" → "ibm"); null for one word. */
  initials: string | null;
  /** Last legal form found at the end of the name ("inc", "gmbh"), null when none. */
  legalForm: string | null;
  country: string | null;
}

/** Folded names hold only a–z, 0–9 and spaces: 37 symbols, so a trigram fits below 37³ = 50,653. */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  return 0;
}

/** Scratch for trigram codes: one record at a time, no allocation per record. */
const trigramScratch = new Uint16Array(260);

/**
 * Trigrams of `  text ` (two leading pads, one trailing, as pg_trgm-style padding) as a sorted string of
 * 16-bit codes. Strings are far cheaper to hold by the million than typed arrays or Maps.
 */
export function trigramCodes(input: string): string {
  // Bounded so a pathological name cannot blow the argument limit of fromCharCode(...codes).
  const text = input.length > 256 ? input.slice(0, 256) : input;
  const count = text.length + 1;
  const codes = trigramScratch;
  let a = 0;
  let b = 0;
  for (let i = 0; i < count; i += 1) {
    const c = i < text.length ? symbolOf(text.charCodeAt(i)) : 0;
    const code = a * 1369 + b * 37 + c;
    // Insertion sort: names are short, and this keeps the codes sorted as they come.
    let at = i;
    while (at > 0 && (codes[at - 1] ?? 0) > code) {
      codes[at] = codes[at - 1] ?? 0;
      at -= 1;
    }
    codes[at] = code;
    a = b;
    b = c;
  }
  return String.fromCharCode.apply(null, codes.subarray(0, count) as unknown as number[]);
}

/** Multiset Dice coefficient of two trigramCodes strings (a sorted merge). */
export function diceOfCodes(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * shared) / total;
}

/** Countries as written in the source ("us ", "US") to their trimmed upper-case form, made once each. */
const countries = new Map<string, string | null>();

function countryOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let country = countries.get(raw);
  if (country === undefined) {
    // "United States", "USA" and "US" are one country; text naming none is compared as it is.
    country = countryCode(raw) ?? (raw.trim().toUpperCase() || null);
    if (countries.size < 10_000) countries.set(raw, country);
  }
  return country;
}

function isSorted(tokens: readonly string[]): boolean {
  for (let i = 1; i < tokens.length; i += 1)
    if ((tokens[i - 1] as string) > (tokens[i] as string)) return false;
  return true;
}

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const { coreTokens, legalForm } = nameCore(record.name ?? "");
  const core = coreTokens.join(" ");
  // Sorted tokens, and the same without repeats; equal arrays and strings are shared, not copied.
  let sortedTokens = coreTokens;
  let sortedCore = core;
  if (!isSorted(coreTokens)) {
    // Insertion sort in code-unit order (the order of Array#sort): names have few words.
    const sorted = [...coreTokens];
    for (let i = 1; i < sorted.length; i += 1) {
      const token = sorted[i] as string;
      let at = i;
      while (at > 0 && (sorted[at - 1] as string) > token) {
        sorted[at] = sorted[at - 1] as string;
        at -= 1;
      }
      sorted[at] = token;
    }
    sortedTokens = sorted;
    sortedCore = sorted.join(" ");
  }
  let uniqueTokens = sortedTokens;
  let uniqueKey = sortedCore;
  for (let i = 1; i < sortedTokens.length; i += 1)
    if (sortedTokens[i] === sortedTokens[i - 1]) {
      uniqueTokens = sortedTokens.filter((token, at) => at === 0 || token !== sortedTokens[at - 1]);
      uniqueKey = uniqueTokens.join(" ");
      break;
    }
  const compact = coreTokens.length === 1 ? (coreTokens[0] as string) : coreTokens.join("");
  let initials: string | null = null;
  if (coreTokens.length >= 2) {
    initials = "";
    for (const token of coreTokens) initials += token[0];
  }
  return {
    id: record.id,
    domain: normaliseDomain(record.website),
    core,
    coreTokens,
    uniqueTokens,
    uniqueKey,
    compact,
    sortedCore,
    trigrams: trigramCodes(compact),
    initials,
    legalForm,
    country: countryOf(record.country),
  };
}
