/**
 * Seeded generator of a vendor's and a partner's account lists with ground truth by construction,
 * for `npm run bench:mapping`. Written independently of the matching engine (it imports nothing from
 * it): names with legal forms by country, diacritics, acronyms, typos, abbreviations, word drops and
 * swaps; websites with protocols, www., paths, subdomains, e-mail addresses, free-mail addresses and
 * 25% / 50% missing; hard negatives (one brand in several industries, the same name in another
 * country); subsidiaries (related to their parent and to each other); duplicates within a side; a
 * status per row on each side so every overlap-matrix cell has a known count.
 *
 * Files: vendor.csv and partner.csv (id,name,website,country,status) and truth.csv
 * (side,id,entity,parent): rows of one entity are the same company; an entity and its parent, or two
 * children of one parent, are related.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import {
  abbreviations,
  adjectives,
  brandEndings,
  type CountryProfile,
  countries,
  divisionWords,
  freeMailDomains,
  industries,
  paths,
  subdomains,
  syllables,
} from "./mapping-words.ts";

export const statuses = ["customer", "opportunity", "prospect"] as const;
export type Status = (typeof statuses)[number];

interface Entity {
  id: number;
  parent: number | null;
  words: string[];
  country: CountryProfile;
  legalForm: string[];
  domain: string;
  the: boolean;
  tail: string | null;
}

/** mulberry32: small, fast and good enough for test data; the same seed gives the same files. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

const countryWheel = countries.flatMap((country) => Array.from({ length: country.weight }, () => country));

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function plainAscii(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function transliterate(text: string): string {
  return text
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/å/g, "aa")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/Å/g, "Aa");
}

function brand(random: Random): string {
  const count = random.chance(0.8) ? 3 : 2;
  let word = "";
  for (let i = 0; i < count; i += 1) word += random.pick(syllables);
  return capitalise(word + random.pick(brandEndings));
}

function baseWords(random: Random, country: CountryProfile): string[] {
  const roll = random.next();
  if (roll < 0.25) return [random.pick(country.surnames), random.pick(industries)];
  if (roll < 0.35) return [random.pick(country.surnames), "&", random.pick(country.surnames)];
  if (roll < 0.55) return [random.pick(adjectives), random.pick(adjectives), random.pick(industries)];
  if (roll < 0.85) return [brand(random), random.pick(industries)];
  if (roll < 0.93) return [brand(random)];
  return [random.pick(adjectives), brand(random), random.pick(industries), random.pick(industries)];
}

function domainStem(words: readonly string[], random: Random): string {
  const parts = words
    .filter((word) => word !== "&")
    .map((word) =>
      plainAscii(word)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ""),
    );
  return parts.join(random.chance(0.2) ? "-" : "");
}

/** Builds entities with unique (name, country) and unique domains. */
function createEntityFactory(random: Random) {
  const names = new Set<string>();
  const domains = new Set<string>();
  let nextId = 0;
  const uniqueDomain = (stem: string, tld: string) => {
    let domain = `${stem}.${tld}`;
    for (let n = 2; domains.has(domain); n += 1) domain = `${stem}${n}.${tld}`;
    domains.add(domain);
    return domain;
  };
  const make = (words: string[], country: CountryProfile, parent: number | null, domain?: string) => {
    // Word order does not make another company here: the generator itself swaps words as noise.
    const key = `${plainAscii([...words].sort().join(" ")).toLowerCase()}|${country.code}`;
    if (names.has(key)) return null;
    names.add(key);
    const entity: Entity = {
      id: nextId,
      parent,
      words,
      country,
      legalForm: random.pick(country.legalForms),
      domain: domain ?? uniqueDomain(domainStem(words, random), country.tld),
      the: random.chance(0.05),
      tail: random.chance(0.08) ? random.pick(["Group", "Holdings"]) : null,
    };
    nextId += 1;
    return entity;
  };
  const fresh = (): Entity => {
    for (;;) {
      const country = random.pick(countryWheel);
      const entity = make(baseWords(random, country), country, null);
      if (entity) return entity;
    }
  };
  /** The same name registered by an unrelated company in another country: a hard negative. */
  const twin = (of: Entity): Entity | null => {
    const country = random.pick(countries.filter((c) => c.code !== of.country.code));
    return make(of.words, country, null);
  };
  const child = (of: Entity): Entity | null => {
    const abroad = random.chance(0.5);
    const country = abroad ? random.pick(countryWheel) : of.country;
    const extra = abroad && country !== of.country ? country.regionWord : random.pick(divisionWords);
    const words = [...of.words, ...extra.split(" ")];
    const roll = random.next();
    const parentLabel = of.domain.slice(0, of.domain.indexOf("."));
    const domain =
      roll < 0.4
        ? of.domain
        : roll < 0.7
          ? uniqueDomain(parentLabel, country.tld)
          : uniqueDomain(domainStem(words, random), country.tld);
    return make(words, country, of.id, domain);
  };
  return { fresh, twin, child };
}

function typo(word: string, random: Random): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random.next() * (word.length - 2));
  const kind = random.next();
  if (kind < 0.3) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.6) return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  if (kind < 0.8) return word.slice(0, at) + word.charAt(at) + word.slice(at);
  return word.slice(0, at) + random.pick([..."aeiourstnl"]) + word.slice(at + 1);
}

/** One CRM user's spelling of the entity's name. */
function renderName(entity: Entity, random: Random, hasWebsite: boolean): string {
  let words = [...entity.words];
  if (entity.the && random.chance(0.6)) words.unshift("The");
  if (entity.tail && random.chance(0.6)) words.push(entity.tail);
  const wordCount = words.filter((word) => word !== "&").length;
  if (hasWebsite && wordCount >= 3 && random.chance(0.04))
    return words
      .filter((word) => word !== "&")
      .map((word) => word.charAt(0).toUpperCase())
      .join("");
  if (random.chance(0.06)) {
    const candidates = words.map((word, i) => (word.length >= 5 ? i : -1)).filter((i) => i >= 0);
    const at = candidates.length > 0 ? random.pick(candidates) : -1;
    if (at >= 0) words[at] = typo(words[at] ?? "", random);
  }
  if (words.length >= 2 && random.chance(0.03)) {
    const at = Math.floor(random.next() * (words.length - 1));
    words = [...words.slice(0, at), words[at + 1] ?? "", words[at] ?? "", ...words.slice(at + 2)];
  }
  let name = words.join(" ");
  if (random.chance(0.1)) {
    const [pattern, replacement] = random.pick(abbreviations);
    name = name.replace(pattern, replacement);
  }
  const form = random.next();
  if (form < 0.6) name += `${random.chance(0.3) ? "," : ""} ${entity.legalForm[0]}`;
  else if (form < 0.8) name += ` ${random.pick(entity.legalForm)}`;
  const accents = random.next();
  if (accents < 0.3) name = plainAscii(name);
  else if (accents < 0.4) name = transliterate(name);
  const casing = random.next();
  if (casing < 0.12) name = name.toUpperCase();
  else if (casing < 0.17) name = name.toLowerCase();
  return name;
}

function renderWebsite(entity: Entity, random: Random): string {
  if (random.chance(0.02)) return `${random.pick(["info", "sales", "jane"])}@${random.pick(freeMailDomains)}`;
  const roll = random.next();
  const domain = random.chance(0.05) ? entity.domain.toUpperCase() : entity.domain;
  if (roll < 0.25) return domain;
  if (roll < 0.45) return `www.${domain}`;
  if (roll < 0.65) return `https://www.${domain}${random.pick(paths)}`;
  if (roll < 0.75) return `http://${domain}${random.pick(paths)}`;
  if (roll < 0.85) return `https://${random.pick(subdomains)}.${domain}`;
  if (roll < 0.92) return `${random.pick(["info", "sales", "contact"])}@${domain}`;
  return `https://www.${domain}:443/`;
}

const statusWeights: Record<"vendor" | "partner", number[]> = {
  vendor: [0.2, 0.15, 0.65],
  partner: [0.3, 0.2, 0.5],
};

function pickStatus(random: Random, side: "vendor" | "partner"): Status {
  const roll = random.next();
  const [customer = 0, opportunity = 0] = statusWeights[side];
  return roll < customer ? "customer" : roll < customer + opportunity ? "opportunity" : "prospect";
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GeneratedFiles {
  dir: string;
  vendorPath: string;
  partnerPath: string;
  truthPath: string;
}

/** Blank websites per side: both within the 20–60% CRM exports show. */
const missingWebsite = { vendor: 0.25, partner: 0.5 };

export function generateMappingData(size: number, seed: number, baseDir: string): GeneratedFiles {
  const dir = join(baseDir, `mapping-${size}-${seed}-v2`);
  const files = {
    dir,
    vendorPath: join(dir, "vendor.csv"),
    partnerPath: join(dir, "partner.csv"),
    truthPath: join(dir, "truth.csv"),
  };
  if (existsSync(files.truthPath)) return files;
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const factory = createEntityFactory(random);
  const rows = { vendor: [] as string[], partner: [] as string[] };
  const truth: string[] = [];
  const emit = (entity: Entity, side: "vendor" | "partner") => {
    const list = rows[side];
    if (list.length >= size) return;
    const id = `${side === "vendor" ? "V" : "P"}${String(list.length + 1).padStart(7, "0")}`;
    const website = random.chance(missingWebsite[side]) ? "" : renderWebsite(entity, random);
    const name = renderName(entity, random, website !== "");
    const country = random.chance(0.05) ? "" : entity.country.code;
    list.push([id, name, website, country, pickStatus(random, side)].map(csvCell).join(","));
    truth.push(`${side},${id},${entity.id},${entity.parent ?? ""}`);
  };
  /** Both sides 25%, one side 37.5% each: 40% of each list overlaps the other. A few rows repeat. */
  const place = (entity: Entity, forced?: "vendor" | "partner") => {
    const roll = random.next();
    const sides: Array<"vendor" | "partner"> = forced
      ? [forced]
      : roll < 0.25
        ? ["vendor", "partner"]
        : roll < 0.625
          ? ["vendor"]
          : ["partner"];
    for (const side of sides) {
      emit(entity, side);
      if (random.chance(0.02)) emit(entity, side);
    }
  };
  while (rows.vendor.length < size || rows.partner.length < size) {
    const entity = factory.fresh();
    const twin = random.chance(0.03) ? factory.twin(entity) : null;
    if (twin) {
      const vendorFirst = random.chance(0.5);
      place(entity, vendorFirst ? "vendor" : "partner");
      place(twin, vendorFirst ? "partner" : "vendor");
    } else place(entity);
    if (random.chance(0.05)) {
      const children = random.chance(0.3) ? 2 : 1;
      for (let i = 0; i < children; i += 1) {
        const child = factory.child(entity);
        if (child) place(child);
      }
    }
  }
  const write = (path: string, header: string, lines: string[]) => {
    // Rows in random order, as a CRM export would list them (not entity by entity).
    for (let i = lines.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random.next() * (i + 1));
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, "w");
    writeSync(fd, `${header}\n`);
    for (let at = 0; at < lines.length; at += 50_000)
      writeSync(fd, `${lines.slice(at, at + 50_000).join("\n")}\n`);
    closeSync(fd);
    renameSync(temporary, path);
  };
  const header = "id,name,website,country,status";
  write(files.vendorPath, header, rows.vendor);
  write(files.partnerPath, header, rows.partner);
  write(files.truthPath, "side,id,entity,parent", truth);
  return files;
}

// `node --import tsx bench/mapping-generator.ts SIZE SEED DIR` (the benchmark generates in a child
// process so the generator's memory does not count towards the engine's peak RSS).
if (process.argv[1]?.endsWith("mapping-generator.ts")) {
  const [size = "10000", seed = "42", dir = "/tmp"] = process.argv.slice(2);
  console.log(JSON.stringify(generateMappingData(Number(size), Number(seed), dir)));
}
