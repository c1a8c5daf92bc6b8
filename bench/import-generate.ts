/**
 * Seeded generator of a realistic account CSV for the import benchmark (`npm run bench:import`).
 *
 * Shaped like a Salesforce Data Loader export: quoted UPPERCASE API names, every cell quoted,
 * ~200 bytes a row. Company names carry legal forms and diacritics (é, ü, º), streets and
 * descriptions hold commas, some descriptions hold line breaks and doubled quotes, some websites
 * are empty. Rows are written in chunks with back-pressure, so the file is never held in memory.
 * The same seed always gives the same bytes.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";

export const accountCsvHeaders = [
  "ID",
  "NAME",
  "WEBSITE",
  "INDUSTRY",
  "NUMBEROFEMPLOYEES",
  "ANNUALREVENUE",
  "BILLINGSTREET",
  "BILLINGCITY",
  "BILLINGSTATE",
  "BILLINGCOUNTRY",
  "TYPE",
  "OWNERID",
  "DESCRIPTION",
] as const;

export interface GeneratedCsv {
  path: string;
  rows: number;
  bytes: number;
  /** Physical lines including the header (embedded line breaks add lines). */
  lines: number;
  /** Rows whose description holds a line break / a doubled quote / whose website is empty. */
  multiLineRows: number;
  quoteRows: number;
  emptyWebsiteRows: number;
}

/** mulberry32: tiny, fast and good enough for test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roots = [
  "Müller",
  "Société Générale",
  "Nordlicht",
  "Crédito Inmobiliario",
  "Gravity",
  "Zürich Präzision",
  "Açores Pescas",
  "Blue Harbor",
  "Kraków Stal",
  "Ålesund Marine",
  "Rhombus",
  "Fjällräven Tools",
  "São Paulo Logística",
  "Aurora",
  "Hoffmann & Söhne",
  "Pinnacle",
  "Château Lumière",
  "Vértice",
  "Northwind",
  "Dvořák Energie",
];
const activities = [
  "Maschinenbau",
  "Logistics",
  "Software",
  "Consulting",
  "Holdings",
  "Retail",
  "Analytics",
  "Energy",
  "Medical",
  "Foods",
  "Systems",
  "Capital",
];
const legalForms = ["GmbH", "AG", "S.A.", "SAS", "S.L.", "Ltd", "Inc.", "LLC", "B.V.", "S.p.A.", "Oy", "KG"];
const industries = [
  "Manufacturing",
  "Logistics",
  "Retail",
  "Healthcare",
  "Finance",
  "Energy",
  "Technology",
  "Media",
  "",
];
const places: { city: string; state: string; country: string; street: string }[] = [
  { city: "München", state: "BY", country: "DE", street: "Hauptstraße" },
  { city: "Köln", state: "NW", country: "DE", street: "Schildergasse" },
  { city: "Zürich", state: "ZH", country: "CH", street: "Bahnhofstrasse" },
  { city: "Paris", state: "IDF", country: "FR", street: "rue de Rivoli" },
  { city: "Lyon", state: "ARA", country: "FR", street: "place Bellecour" },
  { city: "Madrid", state: "MD", country: "ES", street: "c/ San Romualdo" },
  { city: "São Paulo", state: "SP", country: "BR", street: "Avenida Paulista" },
  { city: "Fort Collins", state: "CO", country: "US", street: "Palmer Drive" },
  { city: "Carnegie", state: "PA", country: "US", street: "East Main Street" },
  { city: "London", state: "", country: "GB", street: "Baker Street" },
  { city: "Kraków", state: "MA", country: "PL", street: "ulica Floriańska" },
  { city: "Wien", state: "W", country: "AT", street: "Mariahilfer Straße" },
];
const types = ["Customer", "Prospect", "Prospect", "Opportunity", "Customer", "Churned"];
const owners = ["005x0000000fNSiAAM", "005x0000000fNTjAAM", "005x0000000fNUkAAM", "005x0000000fNVlAAM"];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** 18-character Salesforce-like id, unique per row. */
function salesforceId(index: number): string {
  return `001x${index.toString(36).toUpperCase().padStart(11, "0")}AAA`;
}

interface RowFlags {
  multiLine: boolean;
  quote: boolean;
  emptyWebsite: boolean;
}

function accountRow(index: number, random: () => number, flags: RowFlags): string {
  const root = pick(roots, random);
  const activity = pick(activities, random);
  const legal = pick(legalForms, random);
  const place = pick(places, random);
  // The index keeps names and websites distinct across a million rows, as real lists mostly are.
  const tag = index.toString(36);
  const name = `${root} ${activity} ${tag}, ${legal}`;
  flags.emptyWebsite = random() < 0.08;
  const website = flags.emptyWebsite ? "" : `https://www.${slug(`${root}-${activity}`)}-${tag}.com`;
  const employees = Math.floor(10 + random() * random() * 50_000);
  const revenue = Math.round(employees * (80_000 + random() * 200_000));
  const street = `${Math.floor(1 + random() * 250)} ${place.street}, ${Math.floor(1 + random() * 9)}º`;
  const roll = random();
  flags.multiLine = roll < 0.02;
  flags.quote = roll >= 0.02 && roll < 0.05;
  // Most CRM descriptions are empty; the rest are short notes.
  let description =
    roll < 0.4
      ? `${activity} account; tier ${Math.floor(1 + random() * 3)}, renews ${2026 + Math.floor(random() * 3)}`
      : "";
  if (flags.multiLine) description += `\nSecond line: key contact "${root}" office`;
  else if (flags.quote) description += `, known as "${root} ${legal}"`;
  return [
    salesforceId(index),
    name,
    website,
    pick(industries, random),
    String(employees),
    String(revenue),
    street,
    place.city,
    place.state,
    place.country,
    pick(types, random),
    pick(owners, random),
    description,
  ]
    .map(quoted)
    .join(",");
}

/** Writes `rows` account rows (plus the header) to `path`, streaming, CRLF line ends like Data Loader. */
export async function generateAccountCsv(path: string, rows: number, seed = 42): Promise<GeneratedCsv> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  const flags: RowFlags = { multiLine: false, quote: false, emptyWebsite: false };
  const result: GeneratedCsv = {
    path,
    rows,
    bytes: 0,
    lines: 1,
    multiLineRows: 0,
    quoteRows: 0,
    emptyWebsiteRows: 0,
  };
  const write = async (text: string) => {
    result.bytes += Buffer.byteLength(text, "utf8");
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${accountCsvHeaders.map(quoted).join(",")}\r\n`);
  const rowsPerChunk = 2_000;
  for (let start = 0; start < rows; start += rowsPerChunk) {
    let chunk = "";
    for (let index = start; index < Math.min(rows, start + rowsPerChunk); index++) {
      chunk += `${accountRow(index, random, flags)}\r\n`;
      result.lines += flags.multiLine ? 2 : 1;
      if (flags.multiLine) result.multiLineRows++;
      if (flags.quote) result.quoteRows++;
      if (flags.emptyWebsite) result.emptyWebsiteRows++;
    }
    await write(chunk);
  }
  out.end();
  await once(out, "close");
  return result;
}

// Standalone: node --import tsx bench/import-generate.ts OUT.csv [ROWS] [SEED]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [path = "accounts.csv", rows = "1000000", seed = "42"] = process.argv.slice(2);
  const generated = await generateAccountCsv(path, Number(rows), Number(seed));
  console.log(JSON.stringify(generated));
}
