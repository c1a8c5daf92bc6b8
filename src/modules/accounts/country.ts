/**
 * Countries as ISO 3166-1 alpha-2 codes. CRM exports mix "US", "USA", "United States" and
 * "Deutschland" in one column; stored as one code, an account's country agrees with a partner's,
 * with an ICP's country rule and with a list filter. Names are read in the languages CRM data
 * most often comes in (i18n-iso-countries), plus a few everyday names no standard lists. Text
 * that names no country (a region such as "EMEA", a typo) is kept as it was given.
 */
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const languages = ["en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl"] as const;
for (const language of languages)
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

/** Everyday names the standard's name lists leave out. */
const everyday = new Map<string, string>(
  Object.entries({
    england: "GB",
    scotland: "GB",
    wales: "GB",
    "northern ireland": "GB",
    britain: "GB",
    holland: "NL",
    korea: "KR",
    "viet nam": "VN",
    "u.s.": "US",
    america: "US",
    "united states": "US",
    "czech republic": "CZ",
    "the netherlands": "NL",
    uae: "AE",
  }),
);

const folded = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

const cache = new Map<string, string | null>();

/** The ISO alpha-2 code a country cell names (a code, an alpha-3 code or a name), or null. */
export function countryCode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const code = lookUp(raw);
  if (cache.size < 10_000) cache.set(raw, code);
  return code;
}

function lookUp(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  if (/^[A-Za-z]{2}$/.test(text)) {
    const upper = text.toUpperCase();
    if (upper === "UK") return "GB";
    return countries.isValid(upper) ? upper : null;
  }
  if (/^[A-Za-z]{3}$/.test(text) && countries.isValid(text.toUpperCase()))
    return countries.alpha3ToAlpha2(text.toUpperCase()) ?? null;
  const name = folded(text);
  const known = everyday.get(name) ?? everyday.get(name.replace(/\./g, ""));
  if (known) return known;
  for (const language of languages) {
    const code = countries.getAlpha2Code(text, language);
    if (code) return code;
  }
  return null;
}

/** What to store for a country cell: its code when it names a country, else the text as given. */
export function storedCountry(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === "") return null;
  return countryCode(text) ?? text;
}
