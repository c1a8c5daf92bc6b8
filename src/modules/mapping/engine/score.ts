/**
 * Scoring one candidate pair of prepared records: a calibrated 0–1 score, same vs related, and the
 * evidence that explains it. A false positive is far worse than a false negative, so "same" needs
 * strong name agreement or an equal company domain, and any contradiction (other country, other
 * domain, other legal form) pushes a pair below the threshold. Symmetric in its two arguments.
 */
import { diceOfCodes, type PreparedRecord } from "./prepare.ts";
import { jaroWinkler } from "./similarity.ts";
import { domainCountry, legalFormCountries, qualifierWords, weakParentWords } from "./vocabulary.ts";

export type MatchKind = "same" | "related";

export interface ScoredPair {
  score: number;
  kind: MatchKind;
  evidence: string[];
}

export const defaultSameThreshold = 0.9;
/**
 * Both names carry a legal form and they differ ("Blue Owl Capital Corp" / "Blue Owl Capital Inc.",
 * "Toro Co" / "Toro Corp"): on the SEC/exchange set this removed 8 of 19 false positives for 19 of
 * 2,600 true pairs, which is the trade a precision-first matcher wants. An equal domain overrides it.
 */
export const legalFormPenalty = 0.11;
export const otherDomainPenalty = 0.15;
export const otherCountryPenalty = 0.25;
/**
 * Below this name similarity (and trigram overlap) an equal domain means one group, not one company:
 * on the generated 100k lists, pairs sharing a domain with names under 0.75 were more often a
 * subsidiary than a spelling of the same company.
 */
const sameDomainOtherName = 0.75;
/** An acronym ("IBM") agreeing with the other name's initials is real but weak evidence: alone it stays below "same". */
const acronymNameScore = 0.85;

/** `known` has a country that `unknown` (no country of its own) cannot be in. */
function outsideJurisdiction(known: PreparedRecord, unknown: PreparedRecord): boolean {
  if (known.country === null || unknown.country !== null) return false;
  const byDomain = domainCountry(unknown.domain);
  if (byDomain !== null && byDomain !== known.country) return true;
  const allowed = unknown.legalForm === null ? undefined : legalFormCountries[unknown.legalForm];
  return allowed !== undefined && !allowed.includes(known.country);
}

function countryConflict(a: PreparedRecord, b: PreparedRecord): string {
  if (a.country !== null && b.country !== null) return `country ${[a.country, b.country].sort().join(" ≠ ")}`;
  const [known, unknown] = a.country !== null ? [a, b] : [b, a];
  const implied = domainCountry(unknown.domain) !== null ? unknown.domain : unknown.legalForm;
  return `country ${known.country} ≠ ${implied} (${domainCountry(unknown.domain) ?? legalFormCountries[unknown.legalForm ?? ""]?.join("/")})`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const letterCounts = new Int32Array(128);
/** Jaro-Winkler 0.93 is out of reach when too few characters are shared (an exact upper bound). */
function mayAgree(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i) & 127;
    letterCounts[code] = (letterCounts[code] ?? 0) + 1;
  }
  let common = 0;
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i) & 127;
    if ((letterCounts[code] ?? 0) > 0) {
      letterCounts[code] = (letterCounts[code] ?? 0) - 1;
      common += 1;
    }
  }
  letterCounts.fill(0);
  const jaro = (common / a.length + common / b.length + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= 0.93;
}

/** text[from, to) holds a digit. */
function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** Typos may only bridge long alphabetic words: "ii"/"iii" or "2029"/"2028" name different entities. */
function tokensAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  if (oneTypoApart(a, b, 6)) return true;
  // A typo changes the length by one at most; "Zuulen" / "Zuulenex" are two brands on one stem.
  if (Math.abs(a.length - b.length) > 1) return false;
  if (!mayAgree(a, b) || hasDigit(a, 0, a.length) || hasDigit(b, 0, b.length)) return false;
  // Greedy Jaro matching can depend on argument order; a canonical order keeps this symmetric.
  return (a < b ? jaroWinkler(a, b) : jaroWinkler(b, a)) >= 0.93;
}

/** softTokenJaccard over prepared sorted-unique token lists (see similarity.ts for the definition). */
function preparedTokenJaccard(a: PreparedRecord, b: PreparedRecord): number {
  const [outer, inner] =
    a.uniqueKey <= b.uniqueKey ? [a.uniqueTokens, b.uniqueTokens] : [b.uniqueTokens, a.uniqueTokens];
  if (outer.length === 0 && inner.length === 0) return 1;
  // Two one-word names a typo apart ("Lutyon" / "Lutyo", "Veldaria" / "Veldar") are as often two
  // companies as one: without other words to confirm, no bridging.
  const bridge = outer.length > 1 || inner.length > 1;
  let used = 0; // bit set over inner tokens (names have few words; beyond 31 they simply stop matching)
  let shared = 0;
  for (const token of outer) {
    let found = -1;
    for (let at = 0; at < inner.length && at < 31; at += 1) {
      if ((used & (1 << at)) === 0 && inner[at] === token) {
        found = at;
        break;
      }
    }
    if (found < 0 && bridge) {
      for (let at = 0; at < inner.length && at < 31; at += 1) {
        if ((used & (1 << at)) === 0 && tokensAgree(token, inner[at] ?? "")) {
          found = at;
          break;
        }
      }
    }
    if (found >= 0) {
      used |= 1 << found;
      shared += 1;
    }
  }
  return shared / (outer.length + inner.length - shared);
}

function isAcronymOf(short: PreparedRecord, long: PreparedRecord): boolean {
  return (
    short.coreTokens.length === 1 &&
    short.compact.length >= 2 &&
    short.compact.length <= 5 &&
    long.initials !== null &&
    long.initials === short.compact
  );
}

/**
 * One dropped, added, wrong or swapped letter between two words of at least `minLength` letters
 * ("baker" / "bakor"), digits excepted: a typo, where Jaro-Winkler sees two different words.
 */
function oneTypoApart(a: string, b: string, minLength: number): boolean {
  if (a.length < minLength || b.length < minLength || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  // A different first letter is another name more often than a typo ("Vos" / "Bos").
  if (start === 0) return false;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  if (hasDigit(a, start, endA) || hasDigit(b, start, endB)) return false;
  const lengthA = endA - start;
  const lengthB = endB - start;
  if (lengthA + lengthB <= 1) return true;
  if (lengthA === 1 && lengthB === 1) return true;
  // A swap of two neighbours: "ab" against "ba".
  return lengthA === 2 && lengthB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/**
 * Names of two or more words, all equal but one, and that one a typo apart in a word of five or more
 * letters ("Baker Supply" / "Bakor Supply"). Short words differ by design ("CNA" / "CNB", "Hope" /
 * "Home"), and one-word names have nothing to confirm them.
 */
function oneWordTypoApart(a: PreparedRecord, b: PreparedRecord): boolean {
  const x = a.coreTokens;
  const y = b.coreTokens;
  if (x.length < 2 || x.length !== y.length) return false;
  let typos = 0;
  for (let i = 0; i < x.length; i += 1) {
    const left = x[i] ?? "";
    const right = y[i] ?? "";
    if (left === right) continue;
    typos += 1;
    // Four-letter words count when the other spelling has five ("Pwer" / "Power", "Stel" / "Steel").
    if (typos > 1 || Math.max(left.length, right.length) < 5 || !oneTypoApart(left, right, 4)) return false;
  }
  return typos === 1;
}

/** Name similarity of two names one typo apart: enough for "same" only without contradictions. */
export const typoNameScore = 0.93;

/** Name similarity 0..1 and whether an acronym produced it. */
function nameSimilarity(a: PreparedRecord, b: PreparedRecord): { name: number; acronym: string | null } {
  if (a.compact === b.compact) return { name: 1, acronym: null };
  const blended = 0.6 * preparedTokenJaccard(a, b) + 0.4 * diceOfCodes(a.trigrams, b.trigrams);
  // Same words in another order ("SMITH A O" / "A O Smith") is nearly as good as equal.
  // Typo-bridged tokens do not qualify: "Enovis" / "Enovix" are different companies.
  if (a.sortedCore === b.sortedCore) return { name: Math.max(0.97, blended), acronym: null };
  if (blended < typoNameScore && oneWordTypoApart(a, b)) return { name: typoNameScore, acronym: null };
  if (blended < acronymNameScore && (isAcronymOf(a, b) || isAcronymOf(b, a))) {
    const short = a.coreTokens.length === 1 ? a : b;
    return { name: acronymNameScore, acronym: short.compact };
  }
  return { name: blended, acronym: null };
}

/**
 * Words agree for a parent / sibling relation: equal, or one typo apart in a long word when the
 * shared start has more than one word ("Nyentel Chemcials" starts "Nyentel Chemicals Europe"). A
 * one-word start must be exact: "Bribri" is not the parent of "Bribrion".
 */
function relationWordsAgree(a: string, b: string, soft: boolean): boolean {
  return a === b || (soft && oneTypoApart(a, b, 6));
}

function isStrictTokenPrefix(shorter: readonly string[], longer: readonly string[]): boolean {
  if (shorter.length === 0 || shorter.length >= longer.length) return false;
  const soft = shorter.length > 1;
  for (let i = 0; i < shorter.length; i += 1)
    if (!relationWordsAgree(shorter[i] ?? "", longer[i] ?? "", soft)) return false;
  return true;
}

/** The first `count` tokens (all by default) are distinctive enough to name a parent or a group. */
function distinctiveStart(tokens: readonly string[], count = tokens.length): boolean {
  const only = tokens[0] ?? "";
  return count > 1 || (only.length >= 4 && !weakParentWords.has(only));
}

/** The parent ("ameren") when one core is the other plus more words; null otherwise. */
function parentOf(a: PreparedRecord, b: PreparedRecord): PreparedRecord | null {
  const [shorter, longer] = a.coreTokens.length <= b.coreTokens.length ? [a, b] : [b, a];
  if (!isStrictTokenPrefix(shorter.coreTokens, longer.coreTokens)) return null;
  return distinctiveStart(shorter.coreTokens) ? shorter : null;
}

/** The shared start of two sibling names whose differing tails are all region/division words. */
function siblingStem(a: PreparedRecord, b: PreparedRecord): string | null {
  const x = a.coreTokens;
  const y = b.coreTokens;
  let common = 0;
  while (
    common < x.length &&
    common < y.length &&
    relationWordsAgree(x[common] ?? "", y[common] ?? "", common > 0)
  )
    common += 1;
  if (common === 0 || common === x.length || common === y.length) return null;
  if (!distinctiveStart(x, common)) return null;
  for (let i = common; i < x.length; i += 1) if (!qualifierWords.has(x[i] ?? "")) return null;
  for (let i = common; i < y.length; i += 1) if (!qualifierWords.has(y[i] ?? "")) return null;
  return x.slice(0, common).join(" ");
}

/** "acme.com" and "acme.de" belong to one group: their first labels agree. */
function sameDomainLabel(a: string, b: string): boolean {
  const dotA = a.indexOf(".");
  const dotB = b.indexOf(".");
  const end = dotA < 0 ? a.length : dotA;
  if (end !== (dotB < 0 ? b.length : dotB)) return false;
  for (let i = 0; i < end; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Parent / subsidiary or siblings by their names (for names that differ beyond word order); null when neither. */
function relationOf(
  a: PreparedRecord,
  b: PreparedRecord,
  otherDomain: boolean,
  otherCountry: boolean,
): string | null {
  // A subsidiary abroad has its own country and often its own ccTLD; the group's domain label still agrees.
  const groupDomain = !otherDomain || sameDomainLabel(a.domain ?? "", b.domain ?? "");
  if (!groupDomain) return null;
  const parent = parentOf(a, b);
  if (parent) {
    const longer = parent === a ? b : a;
    for (let i = parent.coreTokens.length; otherCountry && i < longer.coreTokens.length; i += 1)
      if (!qualifierWords.has(longer.coreTokens[i] ?? "")) return null;
    return `"${parent.core}" is the start of the other name`;
  }
  const stem = siblingStem(a, b);
  return stem === null ? null : `siblings under "${stem}"`;
}

/** Score one candidate pair; null when it is neither the same company nor related. Symmetric in a, b. */
export function scorePair(
  a: PreparedRecord,
  b: PreparedRecord,
  sameThreshold = defaultSameThreshold,
): ScoredPair | null {
  if (a.coreTokens.length === 0 || b.coreTokens.length === 0) return null;
  const sameDomain = a.domain !== null && a.domain === b.domain;
  const otherDomain = a.domain !== null && b.domain !== null && !sameDomain;
  const otherCountry =
    a.country !== null && b.country !== null
      ? a.country !== b.country
      : outsideJurisdiction(a, b) || outsideJurisdiction(b, a);
  const otherForm =
    !sameDomain && a.legalForm !== null && b.legalForm !== null && a.legalForm !== b.legalForm;
  if (!sameDomain && a.compact !== b.compact && a.sortedCore !== b.sortedCore) {
    // Most candidates are plainly different: skip the word matching when even a perfect word overlap
    // could not reach "same" and the names are not parent / subsidiary / siblings.
    const needed =
      sameThreshold +
      (otherDomain ? otherDomainPenalty : 0) +
      (otherForm ? legalFormPenalty : 0) +
      (otherCountry ? otherCountryPenalty : 0);
    const fewer = Math.min(a.uniqueTokens.length, b.uniqueTokens.length);
    const more = Math.max(a.uniqueTokens.length, b.uniqueTokens.length);
    const typoApart = oneWordTypoApart(a, b);
    const best = typoApart ? typoNameScore : 0.6 * (fewer / more) + 0.4 * diceOfCodes(a.trigrams, b.trigrams);
    if (best + 0.001 < needed) {
      if (!tokensAgree(a.coreTokens[0] ?? "", b.coreTokens[0] ?? "")) return null;
      // Below "same" by the bound above (the name score can only pass it through a typo or an
      // acronym): without a relation there is nothing to report, and no word matching to do.
      if (
        !typoApart &&
        !isAcronymOf(a, b) &&
        !isAcronymOf(b, a) &&
        relationOf(a, b, otherDomain, otherCountry) === null
      )
        return null;
    }
  }
  const { name, acronym } = nameSimilarity(a, b);
  let score = sameDomain ? 0.9 + 0.1 * name : name;
  if (otherDomain) score -= otherDomainPenalty;
  if (otherForm) score -= legalFormPenalty;
  if (otherCountry) score -= otherCountryPenalty;
  score = round(Math.min(1, Math.max(0, score)));

  let kind: MatchKind | null = score >= sameThreshold ? "same" : null;
  let relation: string | null = null;
  // One domain, two unrelated names and no acronym to join them: a group's brands or subsidiaries
  // sharing a website ("Harbor Eagle Farms" / "HEFI"), not evidence of one company.
  if (
    sameDomain &&
    name < sameDomainOtherName &&
    acronym === null &&
    diceOfCodes(a.trigrams, b.trigrams) < sameDomainOtherName &&
    !oneTypoApart(a.compact, b.compact, 4)
  )
    relation = `same domain ${a.domain}, other name`;
  // The same words in another order are one company, never a parent and its subsidiary.
  if (relation === null && a.compact !== b.compact && a.sortedCore !== b.sortedCore) {
    relation = relationOf(a, b, otherDomain, otherCountry);
    if (relation !== null) kind = "related";
  }
  if (kind === null) return null;

  const evidence: string[] = [];
  if (sameDomain) evidence.push(`same domain ${a.domain}`);
  evidence.push(`name ${round(name).toFixed(2)}`);
  if (acronym !== null) evidence.push(`acronym ${acronym.toUpperCase()}`);
  if (otherDomain) evidence.push(`different domains ${[a.domain, b.domain].sort().join(" / ")}`);
  if (otherForm) evidence.push(`legal forms ${[a.legalForm, b.legalForm].sort().join(" ≠ ")}`);
  if (otherCountry) evidence.push(countryConflict(a, b));
  else if (a.country !== null && a.country === b.country) evidence.push(`country ${a.country}`);
  if (relation !== null) {
    evidence.push(relation);
    return { score: round(Math.max(score, 0.5)), kind: "related", evidence };
  }
  return { score, kind: "same", evidence };
}
