/** Words and colours of the account and opportunity vocabulary, matching the API's values. */
import type { Role } from "../../../shared/auth/roles";

export const ACCOUNT_STATUSES = ["customer", "opportunity", "prospect", "churned"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  customer: "Customer",
  opportunity: "Opportunity",
  prospect: "Prospect",
  churned: "Churned",
};
export const ACCOUNT_STATUS_COLORS: Record<AccountStatus, string> = {
  customer: "green",
  opportunity: "blue",
  prospect: "gray",
  churned: "red",
};

export const OPPORTUNITY_STATUSES = ["open", "won", "lost"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  open: "Open",
  won: "Won",
  lost: "Lost",
};
export const OPPORTUNITY_STATUS_COLORS: Record<OpportunityStatus, string> = {
  open: "blue",
  won: "green",
  lost: "gray",
};

export const SOURCE_ROUTES = ["direct", "partner_sourced", "partner_influenced", "marketplace"] as const;
export type SourceRoute = (typeof SOURCE_ROUTES)[number];
export const SOURCE_ROUTE_LABELS: Record<SourceRoute, string> = {
  direct: "Direct",
  partner_sourced: "Partner-sourced",
  partner_influenced: "Partner-influenced",
  marketplace: "Marketplace",
};
/** These routes credit a partner, so the form asks for one. */
export const PARTNER_ROUTES: readonly SourceRoute[] = ["partner_sourced", "partner_influenced"];

export function canEditAccounts(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "partner_manager";
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}
