/**
 * Normalisation for account mapping: websites / e-mail domains to registrable company domains and
 * company names to a comparable core. Pure functions, no database: the mapping job, the API and the
 * benchmark all call these on plain strings.
 */
import { getDomain } from "tldts";

/**
 * Consumer mail providers and shared hosting / site builders whose registrable domain belongs to many
 * unrelated companies. Curated by hand: the npm `free-email-domains` list cannot be installed here (its
 * postinstall downloads). Hosts such as github.io, wixsite.com and blogspot.com are on the Public Suffix
 * List's private section, so `getDomain(…, { allowPrivateDomains: true })` already keeps `a.github.io`
 * apart from `b.github.io`; the ones below are NOT private suffixes (checked with tldts 7.6.0), so every
 * site on them collapses to the same registrable domain and must be ignored.
 */
const consumerDomainList = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.fr",
  "hotmail.de",
  "hotmail.it",
  "hotmail.es",
  "live.com",
  "live.co.uk",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.fr",
  "yahoo.de",
  "yahoo.co.jp",
  "yahoo.com.br",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "web.de",
  "t-online.de",
  "mail.ru",
  "yandex.ru",
  "yandex.com",
  "qq.com",
  "163.com",
  "126.com",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "tutanota.com",
  "mail.com",
  "orange.fr",
  "free.fr",
  "comcast.net",
  "verizon.net",
  // Site builders and blog hosts whose customer sites share one registrable domain.
  "squarespace.com",
  "wordpress.com",
  "wix.com",
  "weebly.com",
  "godaddysites.com",
  "webflow.io",
];
export const consumerDomains: ReadonlySet<string> = new Set(consumerDomainList);

/** True when `domain` is a consumer mail or shared-hosting domain (including hotmail.*, yahoo.*, gmx.*, yandex.* variants). */
export function isConsumerDomain(domain: string): boolean {
  if (consumerDomains.has(domain)) return true;
  const label = domain.split(".")[0] ?? "";
  return ["hotmail", "yahoo", "gmx", "yandex", "outlook", "live"].includes(label) && domain.includes(".");
}

/** The text handed to tldts is already a bare host: skipping its URL parsing halves the cost. */
const hostOptions = { allowPrivateDomains: true, extractHostname: false, mixedInputs: false } as const;

/**
 * Registrable company domain of a website, URL or e-mail address; null for IPs, invalid input and
 * consumer / shared-hosting domains (those never identify a company).
 */
export function normaliseDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  let text = input.trim().toLowerCase();
  text = text.replace(/^(mailto:|[a-z][a-z0-9+.-]*:\/\/)/, "");
  text = text.split(/[/?#]/)[0] ?? "";
  // E-mail addresses and URL user info ("user:pass@host") keep only the host part.
  text = text.slice(text.lastIndexOf("@") + 1).replace(/^www\d*\./, "");
  text = text.replace(/:\d+$/, "").replace(/\.+$/, "");
  if (text === "" || /\s/.test(text) || /^\[|^\d+(\.\d+){3}$/.test(text)) return null;
  const domain = getDomain(text, hostOptions);
  if (!domain || isConsumerDomain(domain)) return null;
  return domain;
}

export interface NormalisedName {
  /** Case- and accent-folded tokens joined by single spaces, listing/EDGAR noise removed, legal forms kept. */
  folded: string;
  tokens: string[];
  /** The distinctive part: folded minus trailing legal forms, generic holding words and a leading "the". */
  core: string;
  legalForms: string[];
}

/**
 * Legal forms, as token sequences after dots and slashes became spaces ("S.A." → "s a", "A/S" → "a s").
 * Only stripped at the end of a name, so "Company" in "The Container Store Company" goes but
 * "Co" inside "Co Diagnostics" stays.
 */
const legalFormList = [
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "cos",
  "llc",
  "l l c",
  "ltd",
  "limited",
  "plc",
  "gmbh",
  "ag",
  "sa",
  "s a",
  "sas",
  "s a s",
  "sab",
  "s a b",
  "de cv",
  "de c v",
  "bv",
  "b v",
  "nv",
  "n v",
  "se",
  "oy",
  "oyj",
  "ab",
  "publ",
  "kk",
  "pty",
  "spa",
  "s p a",
  "srl",
  "s r l",
  "lp",
  "l p",
  "llp",
  "l l p",
  "as",
  "a s",
  "asa",
  "aps",
  "kgaa",
  "kg",
  "ltda",
  "bhd",
  "berhad",
  "tbk",
  "sarl",
  "pllc",
  "ulc",
  "lda",
  "pte",
  "p l c",
  "k k",
  "sl",
  "s l",
  "proprietary",
  "s a r l",
  "aktiebolag",
];
const singleTokenLegalForms = new Set(legalFormList.filter((form) => !form.includes(" ")));
const legalForms = legalFormList.map((form) => form.split(" ")).sort((a, b) => b.length - a.length);
/** Legal forms by their last word, longest first (so "s a" wins over "a"-ending shorter forms). */
const legalFormsByLastWord = new Map<string, string[][]>();
for (const form of legalForms) {
  const last = form[form.length - 1] ?? "";
  legalFormsByLastWord.set(last, [...(legalFormsByLastWord.get(last) ?? []), form]);
}

/**
 * Words that describe the corporate wrapper rather than the company: "Sony Group Corporation" and
 * "SONY GROUP CORP", "ExxonMobil Holdings" and "EXXON MOBIL CORP" are the same registrant. They are
 * dropped from the core only at the end and never when nothing would remain. Words such as Trust, Fund,
 * Bancorp, Partners or International are kept: they separate real entities (a bank from its trust).
 */
const genericTailWords = new Set(["holding", "holdings", "group"]);

/** US state codes EDGAR appends without a slash ("Inc.DE"); stripped only straight after a legal form. */
const stateCodes = new Set([
  "de",
  "md",
  "nv",
  "ny",
  "nj",
  "pa",
  "tx",
  "ca",
  "fl",
  "oh",
  "ma",
  "mn",
  "va",
  "wa",
]);

/** Security / listing descriptors: from the first of these on, the exchange describes a security, not the issuer. */
const descriptorPhrases = [
  "class",
  "common stock",
  "common shares",
  "common units",
  "common unit",
  "ordinary shares",
  "ordinary share",
  "american depositary",
  "american depository",
  "depositary",
  "depository",
  "sponsored",
  "ads",
  "adr",
  "adrs",
  "warrant",
  "warrants",
  "units representing",
  "shares of beneficial",
  "beneficial interest",
  "preferred stock",
  "preferred shares",
  "subordinated notes",
  "senior notes",
  "notes due",
  "depositary shares",
  "subordinate voting",
  "voting shares",
  "rights",
  "registry shares",
  "pfd",
].map((phrase) => phrase.split(" "));

function startsAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, offset) => tokens[at + offset] === word);
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  return tokens.length >= phrase.length && startsAt(tokens, tokens.length - phrase.length, phrase);
}

/** Letters Unicode decomposition leaves alone, written the way their languages spell them in ASCII. */
const foldedLetters: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  ø: "o",
  œ: "oe",
  ł: "l",
  đ: "d",
  þ: "th",
  ı: "i",
};

function foldText(name: string): string {
  // Plain ASCII (most CRM names) needs no Unicode decomposition.
  let text = /[\u0080-\uffff]/.test(name)
    ? name
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[ßæøœłđþı]/g, (letter) => foldedLetters[letter] ?? letter)
    : name.toLowerCase();
  if (text.includes("(")) text = text.replace(/\([^)]*\)?/g, " ");
  // A percentage starts a debt-security description ("6.250% Junior Subordinated Notes due 2058").
  if (text.includes("%")) text = text.replace(/\s\d+(\.\d+)?\s*%.*$/, " ");
  if (text.includes("/")) {
    text = text.replace(/\ba\s*\/\s*s\b/g, " a s ");
    // EDGAR conformed names end in state / status suffixes: "/DE/", "/NEW", "CORP/", "/UK".
    for (let previous = ""; previous !== text; ) {
      previous = text;
      text = text.replace(/\s*\/\s*[a-z]{1,6}\s*\/?\s*$/, "").replace(/\s*\/\s*$/, "");
    }
  }
  text = text.replace(/[&+]/g, " and ").replace(/['’`]/g, "");
  return text
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/**
 * Spellings of the same word folded to one form, so "Corp" and "Corporation" agree mid-name too
 * ("Service Corp International"). Targets are never themselves sources, which keeps folding idempotent.
 */
const canonicalWords = new Map([
  ["corporation", "corp"],
  ["incorporated", "inc"],
  ["company", "co"],
  ["limited", "ltd"],
  ["intl", "international"],
  ["bancorporation", "bancorp"],
  ["aktiebolag", "ab"],
]);

/** Descriptor phrases by their first word: one map lookup per token instead of a scan of every phrase. */
const descriptorsByFirstWord = new Map<string, string[][]>();
for (const phrase of descriptorPhrases) {
  const first = phrase[0] ?? "";
  descriptorsByFirstWord.set(first, [...(descriptorsByFirstWord.get(first) ?? []), phrase]);
}

function cutDescriptors(tokens: string[]): string[] {
  for (let at = 1; at < tokens.length; at += 1) {
    const phrases = descriptorsByFirstWord.get(tokens[at] ?? "");
    if (phrases?.some((phrase) => startsAt(tokens, at, phrase))) return tokens.slice(0, at);
  }
  return tokens;
}

export function normaliseCompanyName(name: string): NormalisedName {
  const folded = foldText(name);
  const words = folded === "" ? [] : folded.split(" ").map((word) => canonicalWords.get(word) ?? word);
  const tokens = cutDescriptors(words);
  // "and" carries no identity ("Travel & Leisure" vs "Travel Leisure"), unless it is all there is.
  // Dropping it can bring descriptor words together, so descriptors are cut again afterwards.
  const distinctive = tokens.filter((token) => token !== "and");
  const coreTokens = cutDescriptors(distinctive.length > 0 ? distinctive : [...tokens]);
  const found: string[] = [];
  while (coreTokens.length > 1 && coreTokens[0] === "the") coreTokens.shift();
  for (let changed = true; changed && coreTokens.length > 1; ) {
    changed = false;
    const last = coreTokens[coreTokens.length - 1] ?? "";
    const beforeLast = coreTokens[coreTokens.length - 2] ?? "";
    if (stateCodes.has(last) && singleTokenLegalForms.has(beforeLast) && coreTokens.length > 2) {
      coreTokens.pop();
      changed = true;
      continue;
    }
    const form = legalFormsByLastWord
      .get(last)
      ?.find((phrase) => phrase.length < coreTokens.length && endsWith(coreTokens, phrase));
    if (form) {
      coreTokens.splice(coreTokens.length - form.length, form.length);
      found.unshift(form.join(""));
      changed = true;
    } else if (genericTailWords.has(last)) {
      coreTokens.pop();
      changed = true;
    }
  }
  const core = coreTokens.join(" ");
  return { folded: tokens.join(" "), tokens, core, legalForms: found };
}
