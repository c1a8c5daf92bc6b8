/** Words and colours of the import vocabulary, matching the API's values. */
import type { Role } from "../../../shared/auth/roles";
import type { ImportEntity, ImportPreset, ImportStatus } from "../api/import-schema";

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  account: "Accounts",
  opportunity: "Opportunities",
  partner: "Partners",
  contact: "Contacts",
  partner_account: "A partner's account list",
};

/** The records an entity's import lands in, for the links after a commit. */
export const ENTITY_RECORDS: Record<ImportEntity, string> = {
  account: "accounts",
  opportunity: "opportunities",
  partner: "partners",
  contact: "contacts",
  partner_account: "partner accounts",
};

export const PRESET_LABELS: Record<ImportPreset, string> = {
  auto: "Auto-detect",
  salesforce: "Salesforce Data Loader",
  "salesforce-report": "Salesforce report",
  hubspot: "HubSpot",
  ecostack: "Ecostack export",
  generic: "Plain CSV",
};

export function presetLabel(preset: string): string {
  return (PRESET_LABELS as Record<string, string>)[preset] ?? preset;
}

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: "Uploaded",
  previewing: "Previewing",
  previewed: "Ready to commit",
  committing: "Importing",
  committed: "Imported",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: "gray",
  previewing: "blue",
  previewed: "cyan",
  committing: "blue",
  committed: "green",
  failed: "red",
  cancelled: "gray",
};

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252",
};

export function encodingLabel(encoding: string): string {
  return ENCODING_NAMES[encoding.toLowerCase()] ?? encoding;
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

export function delimiterLabel(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function canImport(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "partner_manager";
}
