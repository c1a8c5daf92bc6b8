/** Words, colours and number formats of the mapping pages. */
import type { FitBand, OverlapCell, OverlapKind, OverlapMatrix, OverlapStatus } from "../api/schemas";

export const STATUS_LABELS: Record<OverlapStatus, string> = {
  customer: "Customer",
  opportunity: "Opportunity",
  prospect: "Prospect",
};

const STATUS_PLURALS: Record<OverlapStatus, string> = {
  customer: "customers",
  opportunity: "opportunities",
  prospect: "prospects",
};

export const STATUS_COLORS: Record<string, string> = {
  customer: "green",
  opportunity: "blue",
  prospect: "gray",
  churned: "red",
};

export const KIND_LABELS: Record<OverlapKind, string> = {
  same: "Same company",
  related: "Related (subsidiary or sibling)",
};

export const BAND_COLORS: Record<FitBand, string> = { A: "#1f9d6c", B: "#f0b44c", C: "#adb5bd" };

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as OverlapStatus] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

const compactMoney = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

export const formatPipeline = (amount: number) => (amount > 0 ? compactMoney.format(amount) : "—");

/** Match scores are 0–1; two decimals read as the engine's calibration. */
export const formatMatchScore = (score: number) => score.toFixed(2);

export const plural = (count: number, word: string) =>
  `${count.toLocaleString()} ${word}${count === 1 ? "" : "s"}`;

/** Heat-map ramp from "none" to "many": the Ecostack green scale. */
export const HEAT_COLORS = ["#f4faf7", "#d3eee3", "#77c9a9", "#149a72", "#07664b"];

export function cellCount(matrix: OverlapMatrix, vendorStatus: OverlapStatus, partnerStatus: OverlapStatus) {
  return (
    matrix.cells.find((c) => c.vendorStatus === vendorStatus && c.partnerStatus === partnerStatus)?.count ?? 0
  );
}

export function describeCell(partnerName: string, cell: OverlapCell): string {
  return `Your ${STATUS_PLURALS[cell.vendorStatus]} × ${possessive(partnerName)} ${STATUS_PLURALS[cell.partnerStatus]}: ${plural(cell.count, "overlap")}`;
}

/** "Fjordline Systems'" but "Kestrel's". */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

const mappedAtFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** "Nov 29, 2:26 PM": when a partner was last mapped, short enough for a table cell. */
export function formatMappedAt(iso: string | null): string {
  if (!iso) return "Never";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : mappedAtFormat.format(date);
}
