/**
 * Word lists the scorer reasons with: weak parent words, region / division words that make siblings,
 * and the countries a legal form or a country-code domain places a company in.
 */

/** Words too common to stand alone as the parent in a "related" pair ("First" vs "First Solar"). */
export const weakParentWords = new Set([
  "first",
  "american",
  "national",
  "united",
  "general",
  "global",
  "international",
  "bank",
  "capital",
  "new",
  "north",
  "south",
  "east",
  "west",
  "great",
  "royal",
  "central",
  "pacific",
  "atlantic",
]);

/**
 * Words that name a region or a division of a group. Two names that share a distinctive start and
 * differ only by such words are siblings ("Ameren Illinois" / "Ameren Missouri"); different trailing
 * words of any other kind ("Delta Air Lines" / "Delta Faucet") are different businesses.
 */
export const qualifierWords = new Set(
  (
    "usa us america americas north south east west central europe european emea asia apac pacific " +
    "latam africa middle nordic nordics benelux dach iberia uk britain england scotland ireland " +
    "germany deutschland france italia italy espana spain portugal nederland netherlands belgium " +
    "belgique schweiz suisse switzerland austria osterreich sverige sweden norge norway danmark denmark " +
    "suomi finland polska poland czech japan nippon china india australia canada mexico brasil brazil " +
    "argentina chile singapore hong kong korea taiwan illinois missouri texas california florida " +
    "ohio york jersey georgia carolina virginia holdings international global digital group"
  ).split(" "),
);

/**
 * Countries a legal form or a country-code domain places a company in. With one side's country
 * unknown, "Mivaha Equipment" (CH) and "Mivaha Equipment, LLC" or "… (falconfoods.co.uk)" and a US
 * record still contradict each other. Only forms and domains tied to few jurisdictions are listed.
 */
export const legalFormCountries: Record<string, readonly string[]> = {
  llc: ["US"],
  gmbh: ["DE", "AT", "CH"],
  kg: ["DE", "AT"],
  pty: ["AU", "ZA"],
  kk: ["JP"],
  oy: ["FI"],
  oyj: ["FI"],
  bv: ["NL", "BE"],
  nv: ["NL", "BE", "CW"],
  spa: ["IT"],
  srl: ["IT", "RO", "AR"],
  sl: ["ES"],
  sas: ["FR", "CO"],
  sarl: ["FR", "LU", "CH", "MA"],
  aps: ["DK"],
  asa: ["NO"],
  bhd: ["MY"],
  tbk: ["ID"],
};
const domainSuffixCountries: Record<string, string> = {
  "co.uk": "GB",
  de: "DE",
  fr: "FR",
  nl: "NL",
  se: "SE",
  es: "ES",
  it: "IT",
  "co.jp": "JP",
  jp: "JP",
  "com.au": "AU",
  ch: "CH",
  fi: "FI",
  at: "AT",
  dk: "DK",
  no: "NO",
  be: "BE",
  pl: "PL",
  "com.br": "BR",
};

export function domainCountry(domain: string | null): string | null {
  if (domain === null) return null;
  const dot = domain.indexOf(".");
  return dot < 0 ? null : (domainSuffixCountries[domain.slice(dot + 1)] ?? null);
}
