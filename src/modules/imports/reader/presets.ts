export const importPresets = ["salesforce", "salesforce-report", "hubspot", "ecostack", "generic"] as const;
export type ImportPreset = (typeof importPresets)[number];

export const importEntities = ["account", "opportunity", "partner"] as const;
export type ImportEntity = (typeof importEntities)[number];

export const accountImportFields = [
  "name",
  "website",
  "domain",
  "industry",
  "employees",
  "annualRevenue",
  "country",
  "region",
  "status",
  "owner",
  "externalId",
] as const;
export const opportunityImportFields = [
  "externalId",
  "accountExternalId",
  "name",
  "amount",
  "currency",
  "stage",
  "closeDate",
] as const;
export const partnerImportFields = ["name", "website", "type"] as const;

export type AccountImportField = (typeof accountImportFields)[number];
export type OpportunityImportField = (typeof opportunityImportFields)[number];
export type PartnerImportField = (typeof partnerImportFields)[number];

export interface ImportFieldsByEntity {
  account: AccountImportField;
  opportunity: OpportunityImportField;
  partner: PartnerImportField;
}

export interface ColumnMappingEntry<E extends ImportEntity> {
  /** 0-based index of the column in the file. */
  column: number;
  header: string;
  /** null: not mapped (the wizard may send it to custom attributes). */
  field: ImportFieldsByEntity[E] | null;
}

export type ColumnMapping<E extends ImportEntity> = ColumnMappingEntry<E>[];

/** Lowercase, alphanumerics only: "Country/Region" → "countryregion", "BILLING_COUNTRY" → "billingcountry". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const salesforceApiName = /^[A-Z][A-Z0-9_]*$/;
const salesforceReportHeader = /^[A-Za-z][A-Za-z0-9 ]*: .+$/;
const hubspotMarkers = [
  "recordid",
  "companyname",
  "companydomainname",
  "countryregion",
  "dealname",
  "dealstage",
];

export function detectPreset(headers: readonly string[]): ImportPreset {
  const nonEmpty = headers.map((h) => h.trim()).filter((h) => h.length > 0);
  if (nonEmpty.length === 0) return "generic";
  const share = (test: (h: string) => boolean) => nonEmpty.filter(test).length / nonEmpty.length;
  const normalized = new Set(nonEmpty.map(normalizeHeader));
  // Ecostack's own exports carry its record id: their cells may hold the formula-guard `'`.
  if (normalized.has("ecostackid")) return "ecostack";
  if (share((h) => salesforceReportHeader.test(h)) >= 0.5) return "salesforce-report";
  const hasSalesforceKey = normalized.has("id") || normalized.has("name");
  if (hasSalesforceKey && share((h) => salesforceApiName.test(h)) >= 0.8) return "salesforce";
  if (normalized.has("recordid") && hubspotMarkers.filter((m) => normalized.has(m)).length >= 2)
    return "hubspot";
  return "generic";
}

type Synonyms<E extends ImportEntity> = Partial<Record<ImportFieldsByEntity[E], readonly string[]>>;
type SynonymTable = { [E in ImportEntity]: Synonyms<E> };

// Keys are normalized headers. Order within a list does not matter; the first matching column wins.
const salesforceSynonyms: SynonymTable = {
  account: {
    externalId: ["id"],
    name: ["name"],
    website: ["website"],
    industry: ["industry"],
    employees: ["numberofemployees"],
    annualRevenue: ["annualrevenue"],
    country: ["billingcountry", "shippingcountry"],
    region: ["billingstate", "shippingstate"],
    status: ["type"],
    owner: ["ownerid"],
  },
  opportunity: {
    externalId: ["id"],
    accountExternalId: ["accountid"],
    name: ["name"],
    amount: ["amount"],
    currency: ["currencyisocode"],
    stage: ["stagename"],
    closeDate: ["closedate"],
  },
  partner: { name: ["name"], website: ["website"], type: ["type"] },
};

const hubspotSynonyms: SynonymTable = {
  account: {
    externalId: ["recordid"],
    name: ["companyname", "name"],
    website: ["websiteurl", "website"],
    domain: ["companydomainname"],
    industry: ["industry"],
    employees: ["numberofemployees"],
    annualRevenue: ["annualrevenue"],
    country: ["countryregion", "country"],
    region: ["stateregion", "state"],
    status: ["lifecyclestage"],
    owner: ["companyowner", "owner"],
  },
  opportunity: {
    externalId: ["recordid"],
    accountExternalId: ["associatedcompanyids", "associatedcompanyid", "associatedcompanyidsprimary"],
    name: ["dealname"],
    amount: ["amount"],
    currency: ["currency", "dealcurrencycode"],
    stage: ["dealstage"],
    closeDate: ["closedate"],
  },
  partner: {
    name: ["companyname", "name"],
    website: ["websiteurl", "website"],
    type: ["type", "partnertype"],
  },
};

const genericSynonyms: SynonymTable = {
  account: {
    externalId: ["externalid", "id", "accountid", "recordid"],
    name: ["name", "accountname", "companyname", "company", "account"],
    website: ["website", "websiteurl", "url"],
    domain: ["domain", "companydomainname", "companydomain"],
    industry: ["industry", "sector"],
    employees: ["employees", "numberofemployees", "employeecount", "headcount"],
    annualRevenue: ["annualrevenue", "revenue"],
    country: ["country", "countryregion", "billingcountry", "countrycode"],
    region: ["region", "state", "stateregion", "billingstate", "province"],
    status: ["status", "accountstatus", "type", "lifecyclestage"],
    owner: ["owner", "accountowner", "ownername", "companyowner"],
  },
  opportunity: {
    externalId: ["externalid", "id", "opportunityid", "dealid", "recordid"],
    accountExternalId: ["accountexternalid", "accountid", "companyid"],
    name: ["name", "opportunityname", "dealname"],
    amount: ["amount", "value", "dealvalue"],
    currency: ["currency", "currencycode", "currencyisocode"],
    stage: ["stage", "stagename", "dealstage"],
    closeDate: ["closedate", "expectedclosedate"],
  },
  partner: {
    name: ["name", "partnername", "partner", "company", "companyname"],
    website: ["website", "websiteurl", "url"],
    type: ["type", "partnertype"],
  },
};

const synonymsByPreset: Record<ImportPreset, SynonymTable> = {
  salesforce: salesforceSynonyms,
  hubspot: hubspotSynonyms,
  generic: genericSynonyms,
  // Ecostack's export headers are its field names.
  ecostack: genericSynonyms,
  // Report headers are "Object: Field label"; after the object prefix is removed they read like plain CSV.
  "salesforce-report": genericSynonyms,
};

function synonymsFor<E extends ImportEntity>(preset: ImportPreset, entity: E): Synonyms<E> {
  const table: SynonymTable = synonymsByPreset[preset];
  return table[entity];
}

const reportObjectByEntity: Record<ImportEntity, readonly string[]> = {
  account: ["account"],
  opportunity: ["opportunity"],
  partner: ["account", "partner"],
};

function headerKey(header: string, preset: ImportPreset, entity: ImportEntity): string | null {
  if (preset !== "salesforce-report") return normalizeHeader(header);
  const separator = header.indexOf(": ");
  if (separator < 0) return normalizeHeader(header);
  const object = normalizeHeader(header.slice(0, separator));
  // "Contact: Email" must not fill an account field; other objects stay unmapped.
  if (!reportObjectByEntity[entity].includes(object)) return null;
  const field = normalizeHeader(header.slice(separator + 2));
  // "Account: Account Name" → "accountname" and "name" are both synonyms; keep the full label.
  return field;
}

export function defaultColumnMapping<E extends ImportEntity>(
  entity: E,
  headers: readonly string[],
  preset: ImportPreset = detectPreset(headers),
): ColumnMapping<E> {
  const synonyms = synonymsFor(preset, entity);
  const lookup = new Map<string, ImportFieldsByEntity[E]>();
  for (const [field, keys] of Object.entries(synonyms) as [ImportFieldsByEntity[E], readonly string[]][]) {
    for (const key of keys) if (!lookup.has(key)) lookup.set(key, field);
  }
  const taken = new Set<ImportFieldsByEntity[E]>();
  return headers.map((header, column) => {
    const key = headerKey(header, preset, entity);
    const candidate = key === null ? undefined : lookup.get(key);
    if (candidate === undefined || taken.has(candidate)) return { column, header, field: null };
    taken.add(candidate);
    return { column, header, field: candidate };
  });
}

/** field → column index, for the row mapper. */
export function mappedColumns<E extends ImportEntity>(
  mapping: ColumnMapping<E>,
): Map<ImportFieldsByEntity[E], number> {
  const byField = new Map<ImportFieldsByEntity[E], number>();
  for (const entry of mapping) if (entry.field !== null) byField.set(entry.field, entry.column);
  return byField;
}
