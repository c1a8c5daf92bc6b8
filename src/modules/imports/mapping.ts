/**
 * Column mappings of an import: the default one from the detected preset (the reader's synonym
 * tables for accounts, opportunities and partners; partner account lists read like account
 * exports; contacts have their own synonyms here), a caller's mapping checked against the file,
 * and a saved template applied by header name.
 */
import { invalid } from "../../http/problem.ts";
import { fieldSpec, type ImportEntity, importFieldSpecs, missingRequiredFields } from "./fields.ts";
import { defaultColumnMapping, type ImportPreset, normalizeHeader } from "./reader/presets.ts";

export type MappingEntry = { column: number; header: string; field: string | null; attribute: string | null };
export type MappingInput = {
  column: number;
  field?: string | null | undefined;
  attribute?: string | null | undefined;
};
export type TemplateEntry = { header: string; field: string | null; attribute: string | null };

/** Unmapped columns worth keeping by default: addresses and phones have no column of their own. */
const keptByDefault = new Set([
  "billingstreet",
  "billingcity",
  "billingpostalcode",
  "shippingstreet",
  "shippingcity",
  "shippingpostalcode",
  "street",
  "address",
  "city",
  "postalcode",
  "zip",
  "zipcode",
  "phone",
]);

const contactSynonyms: Record<string, readonly string[]> = {
  externalId: ["id", "externalid", "contactid", "recordid"],
  firstName: ["firstname", "givenname"],
  lastName: ["lastname", "surname", "familyname"],
  email: ["email", "emailaddress", "workemail"],
  title: ["title", "jobtitle"],
  phone: ["phone", "phonenumber", "workphone", "mobilephone"],
  accountExternalId: [
    "accountid",
    "accountexternalid",
    "associatedcompanyid",
    "associatedcompanyids",
    "companyid",
  ],
};

/** "Contact: First Name" → "firstname" for contacts; other objects' columns stay unmapped. */
function contactKey(header: string): string | null {
  const separator = header.indexOf(": ");
  if (separator < 0) return normalizeHeader(header);
  const object = normalizeHeader(header.slice(0, separator));
  return object === "contact" ? normalizeHeader(header.slice(separator + 2)) : null;
}

function contactMapping(
  headers: readonly string[],
): { column: number; header: string; field: string | null }[] {
  const lookup = new Map<string, string>();
  for (const [field, keys] of Object.entries(contactSynonyms)) for (const key of keys) lookup.set(key, field);
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const key = contactKey(header);
    const field = key === null ? undefined : lookup.get(key);
    if (field === undefined || taken.has(field)) return { column, header, field: null };
    taken.add(field);
    return { column, header, field };
  });
}

const externalIdHeaders = new Set(["id", "externalid", "recordid", "partnerid"]);

function baseMapping(entity: ImportEntity, headers: readonly string[], preset: ImportPreset) {
  if (entity === "contact") return contactMapping(headers);
  const readerEntity = entity === "partner_account" ? "account" : entity;
  const mapping: { column: number; header: string; field: string | null }[] = defaultColumnMapping(
    readerEntity,
    headers,
    preset,
  );
  // Partner account lists have no employee or revenue column of their own.
  const allowed = new Set(importFieldSpecs[entity].map((s) => s.field));
  const kept = mapping.map((m) => (m.field !== null && allowed.has(m.field) ? m : { ...m, field: null }));
  // The reader's partner synonyms stop at Name, Website, Type; a record id still makes a better key.
  if (entity === "partner" && !kept.some((m) => m.field === "externalId")) {
    const idColumn = kept.find((m) => m.field === null && externalIdHeaders.has(normalizeHeader(m.header)));
    if (idColumn) idColumn.field = "externalId";
  }
  return kept;
}

/** The object a report column belongs to ("Contact: Phone" → contact), null for plain headers. */
function reportObject(header: string): string | null {
  const separator = header.indexOf(": ");
  return separator < 0 ? null : normalizeHeader(header.slice(0, separator));
}

export function defaultMapping(
  entity: ImportEntity,
  headers: readonly string[],
  preset: ImportPreset,
): MappingEntry[] {
  const ownObject = entity === "contact" ? "contact" : "account";
  const used = new Set<string>();
  return baseMapping(entity, headers, preset).map((m) => {
    const object = reportObject(m.header);
    const key = normalizeHeader(object === null ? m.header : m.header.slice(m.header.indexOf(": ") + 2));
    // A report repeats its account on every contact row: only the entity's own columns are kept.
    const kept =
      m.field === null &&
      entity !== "opportunity" &&
      (object === null || object === ownObject) &&
      keptByDefault.has(key) &&
      !used.has(key);
    if (kept) used.add(key);
    return { column: m.column, header: m.header, field: m.field, attribute: kept ? key : null };
  });
}

const attributeKey = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A caller's mapping, checked against the file: every column at most once, fields of the entity,
 * each field at most once. Columns the caller leaves out are ignored. Paths name the entry.
 */
export function checkMapping(
  entity: ImportEntity,
  headers: readonly string[],
  input: readonly MappingInput[],
  path = "mapping",
): MappingEntry[] {
  const byColumn = new Map<number, MappingEntry>();
  const fieldsSeen = new Set<string>();
  input.forEach((entry, index) => {
    const at = `${path}.${index}`;
    const header = headers[entry.column];
    if (!Number.isInteger(entry.column) || header === undefined)
      throw invalid(
        `${at}.column`,
        `the file has no column ${entry.column} (columns 0–${headers.length - 1})`,
      );
    if (byColumn.has(entry.column)) throw invalid(`${at}.column`, `column ${entry.column} is mapped twice`);
    const field = entry.field ?? null;
    const attribute = entry.attribute ?? null;
    if (field !== null) {
      if (!fieldSpec(entity, field)) throw invalid(`${at}.field`, `${entity} has no field "${field}"`);
      if (fieldsSeen.has(field)) throw invalid(`${at}.field`, `field "${field}" is mapped to two columns`);
      fieldsSeen.add(field);
    }
    if (attribute !== null && (field !== null || !attributeKey.test(attribute)))
      throw invalid(
        `${at}.attribute`,
        field !== null
          ? "a column goes to a field or to an attribute, not both"
          : "attribute keys are 1–64 letters, digits, _ . -",
      );
    byColumn.set(entry.column, { column: entry.column, header, field, attribute });
  });
  return headers.map(
    (header, column) => byColumn.get(column) ?? { column, header, field: null, attribute: null },
  );
}

/** A saved template applied to a file: columns are matched by header name, case-insensitively. */
export function mappingFromTemplate(
  entity: ImportEntity,
  headers: readonly string[],
  template: readonly TemplateEntry[],
): MappingEntry[] {
  const byHeader = new Map(template.map((t) => [t.header.trim().toLowerCase(), t]));
  const input: MappingInput[] = [];
  headers.forEach((header, column) => {
    const saved = byHeader.get(header.trim().toLowerCase());
    if (saved) input.push({ column, field: saved.field, attribute: saved.attribute });
  });
  return checkMapping(entity, headers, input);
}

export function unmappedRequired(entity: ImportEntity, mapping: readonly MappingEntry[]): string[] {
  return missingRequiredFields(entity, new Set(mapping.flatMap((m) => (m.field === null ? [] : [m.field]))));
}
