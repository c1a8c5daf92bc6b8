import type { AccountStatus, SharingLevel } from "../api/sharing";

/** "unset": no rule stored (the population shares nothing and restricts nothing). */
export type DraftLevel = SharingLevel | "unset";

export const LEVEL_OPTIONS: { value: DraftLevel; label: string }[] = [
  { value: "unset", label: "Not set" },
  { value: "hidden", label: "Hidden" },
  { value: "counts", label: "Counts" },
  { value: "overlaps", label: "Overlaps" },
  { value: "all", label: "All fields" },
];

export const LEVEL_HELP: Record<DraftLevel, string> = {
  unset: "Shares nothing through this population, and does not restrict accounts shared through another one.",
  hidden: "Hides these accounts, even where another population would share them.",
  counts: "Numbers per status pair only; small numbers are shown as “< N”.",
  overlaps: "The overlapping accounts, with the fields ticked.",
  all: "The overlapping accounts with every field.",
};

export const LEVEL_COLORS: Record<SharingLevel, string> = {
  hidden: "gray",
  counts: "blue",
  overlaps: "teal",
  all: "grape",
};

export const STATUS_LABELS: Record<AccountStatus, string> = {
  customer: "Customer",
  opportunity: "Opportunity",
  prospect: "Prospect",
};

export const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  domain: "Domain",
  status: "Status",
  industry: "Industry",
  country: "Country",
  region: "Region",
  owner: "Owner",
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
