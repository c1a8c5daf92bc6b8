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

const consumerLabels = new Set(["hotmail", "yahoo", "gmx", "yandex", "outlook", "live"]);

/** True when `domain` is a consumer mail or shared-hosting domain (including hotmail.*, yahoo.*, gmx.*, yandex.* variants). */
export function isConsumerDomain(domain: string): boolean {
  if (consumerDomains.has(domain)) return true;
  const dot = domain.indexOf(".");
  return dot >= 0 && consumerLabels.has(domain.slice(0, dot));
}

/** The text handed to tldts is already a bare host: skipping its URL parsing halves the cost. */
const hostOptions = { allowPrivateDomains: true, extractHostname: false, mixedInputs: false } as const;

/** `text[at ..]` starts with "://". */
function schemeEndsAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 58 && text.charCodeAt(at + 1) === 47 && text.charCodeAt(at + 2) === 47;
}

/** A letter, digit, "+", "." or "-": what a URL scheme is made of after its first letter. */
function isSchemeCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 46 || code === 45
  );
}

const whitespace = /\s/;
const ipv4 = /^\d+(\.\d+){3}$/;

/**
 * Registrable company domain of a website, URL or e-mail address; null for IPs, invalid input and
 * consumer / shared-hosting domains (those never identify a company). The host is cut out with index
 * scans rather than a chain of regular expressions: this runs once per record, millions of times.
 */
export function normaliseDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim().toLowerCase();
  let from = 0;
  // A scheme ("https://", "mailto:") goes.
  if (text.startsWith("mailto:")) from = 7;
  else {
    const first = text.charCodeAt(0);
    if (first >= 97 && first <= 122) {
      let at = 1;
      while (at < text.length && isSchemeCode(text.charCodeAt(at))) at += 1;
      if (schemeEndsAt(text, at)) from = at + 3;
    }
  }
  // Path, query and fragment go.
  let to = from;
  while (to < text.length) {
    const code = text.charCodeAt(to);
    if (code === 47 || code === 63 || code === 35) break;
    to += 1;
  }
  // E-mail addresses and URL user info ("user:pass@host") keep only the host part.
  const at = text.lastIndexOf("@", to - 1);
  if (at >= from) from = at + 1;
  // "www." and "www2." go.
  if (text.startsWith("www", from)) {
    let end = from + 3;
    while (end < to && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
    if (end < to && text.charCodeAt(end) === 46) from = end + 1;
  }
  // A port goes, then trailing dots.
  let end = to;
  while (end > from && text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57) end -= 1;
  if (end < to && end > from && text.charCodeAt(end - 1) === 58) to = end - 1;
  while (to > from && text.charCodeAt(to - 1) === 46) to -= 1;
  if (to <= from) return null;
  const host = from === 0 && to === text.length ? text : text.slice(from, to);
  const firstCode = host.charCodeAt(0);
  if (firstCode === 91 || whitespace.test(host) || (firstCode >= 48 && firstCode <= 57 && ipv4.test(host)))
    return null;
  const domain = getDomain(host, hostOptions);
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
/** Each legal form's name as reported ("s a" → "sa"), made once. */
const legalFormNames = new Map(legalForms.map((form) => [form, form.join("")]));
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

/** Names needing more than one pass: non-ASCII letters, brackets, percentages, slashes. */
const needsFullFold = /[\u0080-\uffff]|[(%/]/;

/**
 * The words of foldText(name), without building the folded text: one scan of the lower-cased name
 * that keeps runs of letters and digits, drops apostrophes inside them and turns "&" / "+" into "and".
 */
function foldedWords(name: string): string[] {
  if (needsFullFold.test(name)) {
    const folded = foldText(name);
    return folded === "" ? [] : folded.split(" ");
  }
  const text = name.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let joined = "";
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (code === 39 || code === 96) {
      // An apostrophe joins its neighbours ("O'Brien" → "obrien").
      if (start >= 0) {
        joined += text.slice(start, i);
        start = -1;
      }
      continue;
    }
    if (start >= 0 || joined !== "") {
      words.push(start >= 0 ? joined + text.slice(start, i) : joined);
      start = -1;
      joined = "";
    }
    if (code === 38 || code === 43) words.push("and");
  }
  return words;
}

interface NameParts {
  tokens: string[];
  coreTokens: string[];
  legalForms: string[];
}

function nameParts(name: string): NameParts {
  const words = foldedWords(name);
  for (let i = 0; i < words.length; i += 1) {
    const canonical = canonicalWords.get(words[i] as string);
    if (canonical !== undefined) words[i] = canonical;
  }
  const tokens = cutDescriptors(words);
  // "and" carries no identity ("Travel & Leisure" vs "Travel Leisure"), unless it is all there is.
  // Dropping it can bring descriptor words together, so descriptors are cut again afterwards.
  const distinctive = tokens.includes("and") ? tokens.filter((token) => token !== "and") : tokens;
  const coreTokens =
    distinctive.length > 0
      ? distinctive === tokens
        ? [...tokens]
        : cutDescriptors(distinctive)
      : cutDescriptors([...tokens]);
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
      found.unshift(legalFormNames.get(form) ?? form.join(""));
      changed = true;
    } else if (genericTailWords.has(last)) {
      coreTokens.pop();
      changed = true;
    }
  }
  return { tokens, coreTokens, legalForms: found };
}

/** The core words of a company name and the last legal form found at its end (for prepared records). */
export function nameCore(name: string): { coreTokens: string[]; legalForm: string | null } {
  const parts = nameParts(name);
  return { coreTokens: parts.coreTokens, legalForm: parts.legalForms.at(-1) ?? null };
}

export function normaliseCompanyName(name: string): NormalisedName {
  const { tokens, coreTokens, legalForms: found } = nameParts(name);
  return { folded: tokens.join(" "), tokens, core: coreTokens.join(" "), legalForms: found };
}
