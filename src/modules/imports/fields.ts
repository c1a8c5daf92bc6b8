/**
 * What an import can fill, per entity: the target fields a column may be mapped to, their labels
 * (for the wizard and GET /import-fields), whether a file must provide them, and how a cell is
 * read (text, whole number, decimal, date, a status vocabulary…).
 */
export const importEntities = ["account", "opportunity", "partner", "contact", "partner_account"] as const;
export type ImportEntity = (typeof importEntities)[number];

export const importStatuses = [
  "uploaded",
  "previewing",
  "previewed",
  "committing",
  "committed",
  "failed",
  "cancelled",
] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** How a cell becomes a stored value (see rows.ts). */
export type FieldKind =
  | "text"
  | "integer"
  | "decimal"
  | "date"
  | "email"
  | "accountStatus"
  | "partnerAccountStatus"
  | "partnerType"
  | "country";

export type FieldSpec = { field: string; label: string; kind: FieldKind; required: boolean };

const text = (field: string, label: string, required = false): FieldSpec => ({
  field,
  label,
  kind: "text",
  required,
});

export const importFieldSpecs: Record<ImportEntity, readonly FieldSpec[]> = {
  account: [
    text("name", "Account name", true),
    text("externalId", "External id (CRM record id)"),
    text("website", "Website"),
    text("domain", "Domain"),
    text("industry", "Industry"),
    { field: "employees", label: "Employees", kind: "integer", required: false },
    { field: "annualRevenue", label: "Annual revenue", kind: "decimal", required: false },
    { field: "country", label: "Country", kind: "country", required: false },
    text("region", "Region / state"),
    {
      field: "status",
      label: "Status (customer, opportunity, prospect, churned)",
      kind: "accountStatus",
      required: false,
    },
    text("owner", "Owner"),
  ],
  opportunity: [
    text("name", "Opportunity name", true),
    text("accountExternalId", "Account external id", true),
    text("externalId", "External id (CRM record id)"),
    { field: "amount", label: "Amount", kind: "decimal", required: false },
    text("currency", "Currency"),
    text("stage", "Stage"),
    { field: "closeDate", label: "Close date", kind: "date", required: false },
  ],
  partner: [
    text("name", "Partner name", true),
    text("website", "Website"),
    { field: "type", label: "Partner type", kind: "partnerType", required: false },
    text("externalId", "External id (CRM record id)"),
  ],
  contact: [
    text("firstName", "First name"),
    text("lastName", "Last name"),
    { field: "email", label: "E-mail", kind: "email", required: false },
    text("title", "Title"),
    text("phone", "Phone"),
    text("accountExternalId", "Account external id"),
    text("externalId", "External id (CRM record id)"),
  ],
  partner_account: [
    text("name", "Account name", true),
    text("externalId", "External id (partner's CRM record id)"),
    text("website", "Website"),
    text("domain", "Domain"),
    text("industry", "Industry"),
    { field: "country", label: "Country", kind: "country", required: false },
    text("region", "Region / state"),
    {
      field: "status",
      label: "Status at the partner (customer, opportunity, prospect)",
      kind: "partnerAccountStatus",
      required: false,
    },
    text("owner", "Owner"),
  ],
};

export function fieldSpec(entity: ImportEntity, field: string): FieldSpec | undefined {
  return importFieldSpecs[entity].find((spec) => spec.field === field);
}

/**
 * Fields a mapping must cover before a preview or commit can run. A contact needs a name or an
 * e-mail, which a per-field flag cannot say: it is checked here.
 */
export function missingRequiredFields(entity: ImportEntity, mapped: ReadonlySet<string>): string[] {
  const missing = importFieldSpecs[entity]
    .filter((s) => s.required && !mapped.has(s.field))
    .map((s) => s.field);
  if (entity === "contact" && !["firstName", "lastName", "email"].some((f) => mapped.has(f)))
    missing.push("lastName or email");
  return missing;
}

/** Accepts the CLI's plural and singular names ("accounts", "partner-accounts"…). */
export function parseImportEntity(name: string): ImportEntity | undefined {
  const key = name.trim().toLowerCase().replace(/-/g, "_");
  const singular = key.endsWith("ies") ? `${key.slice(0, -3)}y` : key.endsWith("s") ? key.slice(0, -1) : key;
  return importEntities.find((entity) => entity === singular || entity === key);
}

/** The external-id namespace a preset implies when the caller names none. */
export function defaultSource(preset: string): string {
  if (preset === "salesforce" || preset === "salesforce-report") return "salesforce";
  if (preset === "hubspot") return "hubspot";
  return "csv";
}
