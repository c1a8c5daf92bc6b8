/**
 * A match record turned, once, into everything scoring and blocking need: registrable domain, name
 * core tokens, their sorted unique set, the compact core and its character trigrams. Scoring then
 * only compares precomputed values, which is what keeps millions of candidate pairs affordable.
 */
import { normaliseCompanyName, normaliseDomain } from "./normalise.ts";

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

/**
 * Trigrams of `  text ` (two leading pads, one trailing, as pg_trgm-style padding) as a sorted string of
 * 16-bit codes. Strings are far cheaper to hold by the million than typed arrays or Maps.
 */
export function trigramCodes(input: string): string {
  // Bounded so a pathological name cannot blow the argument limit of fromCharCode(...codes).
  const text = input.length > 256 ? input.slice(0, 256) : input;
  const length = text.length + 3;
  if (length < 3) return "";
  const codes = new Uint16Array(length - 2);
  let a = 0;
  let b = 0;
  for (let i = 0; i < length; i += 1) {
    const at = i - 2;
    const c = at >= 0 && at < text.length ? symbolOf(text.charCodeAt(at)) : 0;
    if (i >= 2) codes[i - 2] = a * 1369 + b * 37 + c;
    a = b;
    b = c;
  }
  codes.sort();
  return String.fromCharCode.apply(null, codes as unknown as number[]);
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

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const name = normaliseCompanyName(record.name ?? "");
  const coreTokens = name.core === "" ? [] : name.core.split(" ");
  const uniqueTokens = [...new Set(coreTokens)].sort();
  const compact = coreTokens.join("");
  let initials: string | null = null;
  if (coreTokens.length >= 2) {
    initials = "";
    for (const token of coreTokens) initials += token[0];
  }
  return {
    id: record.id,
    domain: normaliseDomain(record.website),
    core: name.core,
    coreTokens,
    uniqueTokens,
    uniqueKey: uniqueTokens.join(" "),
    compact,
    sortedCore: [...coreTokens].sort().join(" "),
    trigrams: trigramCodes(compact),
    initials,
    legalForm: name.legalForms.at(-1) ?? null,
    country: record.country?.trim().toUpperCase() || null,
  };
}
