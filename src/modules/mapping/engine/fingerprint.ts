/**
 * Fingerprints: what the first test of scorePair (score.ts) reads, packed into 18 numbers per record, so that a
 * candidate pair that plainly cannot match is turned down from two cache lines instead of a walk
 * over both records' strings. Strings become 32-bit hashes (equal hashes only mean "maybe equal"),
 * trigrams become counts in 56 buckets (an upper bound of the shared ones), and every doubt
 * answers "maybe": mayMatch is false only when scorePair would return null.
 */
import type { PreparedRecord } from "./prepare.ts";
import {
  defaultSameThreshold,
  legalFormPenalty,
  otherCountryPenalty,
  otherDomainPenalty,
  typoNameScore,
} from "./score.ts";
import { qualifierWords } from "./vocabulary.ts";

export const fingerprintSize = 18;

function shortHash(text: string | null): number {
  if (text === null) return 0;
  const h = textHash(text);
  return ((h >>> 16) ^ h) & 0xffff || 1;
}

function textHash(text: string | null): number {
  if (text === null) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 1;
}

/** Writes the fingerprints of `records` into `out` (fingerprintSize numbers per record). */
export function writeFingerprints(records: readonly PreparedRecord[], out: Int32Array): void {
  for (let r = 0; r < records.length; r += 1) {
    const record = records[r] as PreparedRecord;
    const at = r * fingerprintSize;
    const tokens = record.coreTokens;
    const first = tokens[0] ?? "";
    const last = tokens[tokens.length - 1] ?? "";
    out[at] = textHash(record.compact);
    out[at + 1] = textHash(record.sortedCore);
    // Domain as a 24-bit hash (0: none), and the last word's first letter.
    const domain = record.domain === null ? 0 : textHash(record.domain) >>> 8 || 1;
    out[at + 2] = (domain << 8) | (last.charCodeAt(0) & 255);
    // Country and legal form as 16-bit hashes (0: none).
    out[at + 3] = (shortHash(record.country) << 16) | shortHash(record.legalForm);
    // The words after the first: a one-word typo leaves either the first word or these equal. Their
    // letters and length: a typo in one of them leaves at most one letter missing either way, and
    // the length within one.
    let rest = 0x811c9dc5;
    let restLetters = 0;
    let restLength = 0;
    for (let t = 1; t < tokens.length; t += 1) {
      const token = tokens[t] as string;
      for (let i = 0; i < token.length; i += 1) {
        const code = token.charCodeAt(i);
        rest = Math.imul(rest ^ code, 0x01000193);
        restLetters |= 1 << (code % 32);
      }
      rest = Math.imul(rest ^ 32, 0x01000193);
      restLength += token.length;
    }
    out[at + 4] = rest;
    out[at + 16] = restLetters;
    out[at + 17] = restLength;
    out[at + 5] =
      Math.min(255, record.uniqueTokens.length) |
      (Math.min(255, tokens.length) << 8) |
      (Math.min(255, first.length) << 16) |
      ((first.charCodeAt(0) & 255) << 24);
    out[at + 6] = textHash(first);
    // Which letters the first word has (digits share bits: more bits only mean more "maybe").
    let letters = 0;
    for (let i = 0; i < first.length; i += 1) letters |= 1 << (first.charCodeAt(i) % 32);
    out[at + 15] = letters;
    out.fill(0, at + 8, at + 15);
    const trigrams = record.trigrams;
    let saturated = record.uniqueTokens.length >= 255 || trigrams.length >= 0xffff;
    for (let i = 0; i < trigrams.length; i += 1) {
      const bucket = (Math.imul(trigrams.charCodeAt(i), 0x9e3779b1) >>> 0) % 56;
      const word = at + 8 + (bucket >>> 3);
      const shift = (bucket & 7) * 4;
      const count = ((out[word] ?? 0) >>> shift) & 15;
      if (count === 15) saturated = true;
      else out[word] = (out[word] ?? 0) + (1 << shift);
    }
    // Trigram count (0xffff: too many to bound), the last word's length, whether it is a region or
    // division word, and a 7-bit hash of the domain's first label.
    const dot = record.domain === null ? -1 : record.domain.indexOf(".");
    const label =
      record.domain === null ? 0 : textHash(dot < 0 ? record.domain : record.domain.slice(0, dot)) >>> 25;
    out[at + 7] =
      (saturated ? 0xffff : trigrams.length) |
      (Math.min(255, last.length) << 16) |
      ((qualifierWords.has(last) ? 1 : 0) << 24) |
      (label << 25);
  }
}

/** False only when scorePair(a, b, sameThreshold) is sure to be null (see writeFingerprints). */
export function mayMatch(
  left: Int32Array,
  a: number,
  right: Int32Array,
  b: number,
  sameThreshold = defaultSameThreshold,
): boolean {
  const x = a * fingerprintSize;
  const y = b * fingerprintSize;
  const countsA = left[x + 5] ?? 0;
  const countsB = right[y + 5] ?? 0;
  const coreA = (countsA >>> 8) & 255;
  const coreB = (countsB >>> 8) & 255;
  if (coreA === 0 || coreB === 0) return false;
  const moreA = left[x + 7] ?? 0;
  const moreB = right[y + 7] ?? 0;
  const trigramsA = moreA & 0xffff;
  const trigramsB = moreB & 0xffff;
  if (trigramsA === 0xffff || trigramsB === 0xffff) return true;
  const domainA = (left[x + 2] ?? 0) >>> 8;
  const domainB = (right[y + 2] ?? 0) >>> 8;
  if (domainA !== 0 && domainA === domainB) return true;
  if (left[x] === right[y] || left[x + 1] === right[y + 1]) return true;
  // Not the same domain, not the same compact name or words: scorePair's first test applies.
  const otherDomain = domainA !== 0 && domainB !== 0;
  const countryA = (left[x + 3] ?? 0) >>> 16;
  const countryB = (right[y + 3] ?? 0) >>> 16;
  // Equal hashes, or a missing country, may still mean "no conflict": the smaller penalty is assumed.
  const otherCountry = countryA !== 0 && countryB !== 0 && countryA !== countryB;
  const formA = (left[x + 3] ?? 0) & 0xffff;
  const formB = (right[y + 3] ?? 0) & 0xffff;
  const otherForm = formA !== 0 && formB !== 0 && formA !== formB;
  const needed =
    sameThreshold +
    (otherDomain ? otherDomainPenalty : 0) +
    (otherForm ? legalFormPenalty : 0) +
    (otherCountry ? otherCountryPenalty : 0);
  const uniqueA = countsA & 255;
  const uniqueB = countsB & 255;
  const fewer = Math.min(uniqueA, uniqueB);
  const more = Math.max(uniqueA, uniqueB);
  let shared = 0;
  for (let word = 8; word < 15; word += 1) {
    const p = left[x + word] ?? 0;
    const q = right[y + word] ?? 0;
    if (p === 0 || q === 0) continue;
    for (let shift = 0; shift < 32; shift += 4) shared += Math.min((p >>> shift) & 15, (q >>> shift) & 15);
  }
  const total = trigramsA + trigramsB;
  const dice = total === 0 ? 0 : (2 * Math.min(shared, trigramsA, trigramsB)) / total;
  let best = 0.6 * (fewer / more) + 0.4 * dice;
  const firstA = (countsA >>> 16) & 255;
  const firstB = (countsB >>> 16) & 255;
  const sameFirst = left[x + 6] === right[y + 6];
  // One word a typo apart, the others equal (oneWordTypoApart): the typo is in the first word (the
  // others equal; same first letter, lengths at most one apart, five letters or more), or the first
  // word is equal and, for two-word names, the typo is in the last word (the same, four or more).
  let typo = false;
  if (coreA >= 2 && coreA === coreB) {
    typo =
      left[x + 4] === right[y + 4] &&
      countsA >>> 24 === countsB >>> 24 &&
      Math.abs(firstA - firstB) <= 1 &&
      Math.max(firstA, firstB) >= 5;
    if (sameFirst && !typo) {
      const lastA = (moreA >>> 16) & 255;
      const lastB = (moreB >>> 16) & 255;
      const restA = left[x + 16] ?? 0;
      const restB = right[y + 16] ?? 0;
      typo =
        Math.abs((left[x + 17] ?? 0) - (right[y + 17] ?? 0)) <= 1 &&
        bitCount(restA & ~restB) <= 1 &&
        bitCount(restB & ~restA) <= 1 &&
        (coreA > 2 ||
          (((left[x + 2] ?? 0) & 255) === ((right[y + 2] ?? 0) & 255) &&
            Math.abs(lastA - lastB) <= 1 &&
            Math.max(lastA, lastB) >= 5 &&
            Math.min(lastA, lastB) >= 4));
    }
    if (typo) best = Math.max(best, typoNameScore);
  }
  if (best + 0.001 >= needed) return true;
  // Below "same": scorePair goes on only when the first words agree (equal, or a typo apart in
  // words of five letters or more, whose lengths differ by one at most), and then only for a typo
  // (oneWordTypoApart, `typo` above), an acronym or a relation.
  // An acronym: one name a single word of two to five letters, the other of several words.
  const acronym = (coreA === 1 && coreB >= 2 && firstA <= 5) || (coreB === 1 && coreA >= 2 && firstB <= 5);
  // A relation (relationOf) needs the domains, if both are known, to share their first label.
  // Siblings need both last words to be region or division words; a parent needs fewer words than
  // its subsidiary, whose last word, abroad, is such a word too.
  const qualifierA = ((moreA >>> 24) & 1) === 1;
  const qualifierB = ((moreB >>> 24) & 1) === 1;
  const labels = !otherDomain || moreA >>> 25 === moreB >>> 25;
  const siblings = labels && qualifierA && qualifierB;
  const parent = labels && coreA !== coreB && (!otherCountry || (coreA > coreB ? qualifierA : qualifierB));
  if (sameFirst) return typo || acronym || siblings || parent;
  if (firstA < 5 || firstB < 5 || Math.abs(firstA - firstB) > 1) return false;
  const lettersA = left[x + 15] ?? 0;
  const lettersB = right[y + 15] ?? 0;
  // A typo apart (oneTypoApart): same first letter, six letters or more, and one edit leaves at most
  // one letter of either word missing from the other.
  const typoFirst =
    countsA >>> 24 === countsB >>> 24 &&
    Math.min(firstA, firstB) >= 6 &&
    bitCount(lettersA & ~lettersB) <= 1 &&
    bitCount(lettersB & ~lettersA) <= 1;
  // With other first words there are no siblings (their first words are equal), and a parent's
  // first word may only be a typo apart when it has more than one word.
  const rest = typo || acronym || (typoFirst && parent && Math.min(coreA, coreB) >= 2);
  if (!rest) return false;
  if (typoFirst) return true;
  // Jaro-Winkler 0.93 (see mayAgree): a letter of one word missing from the other cannot be shared.
  if (firstA === 255 || firstB === 255) return true;
  const common = Math.min(firstA - bitCount(lettersA & ~lettersB), firstB - bitCount(lettersB & ~lettersA));
  const jaro = (common / firstA + common / firstB + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= 0.93;
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
}
