import type { CoverageLevel } from "../api/get-stack";

/** Heat-map colours per level: the same palette as the PDF one-pager. */
export const levelStyles: Readonly<
  Record<CoverageLevel, { label: string; fill: string; border: string; text: string; hint: string }>
> = {
  empty: { label: "Gap", fill: "#fdf2f2", border: "#eea8a8", text: "#a12a2a", hint: "score 0" },
  weak: { label: "Weak", fill: "#fdf0d5", border: "#f3cf8a", text: "#8a4b08", hint: "1–49" },
  covered: { label: "Covered", fill: "#d6f1e4", border: "#9fd9bd", text: "#0b5e44", hint: "50–79" },
  strong: { label: "Strong", fill: "#1f9d6c", border: "#16805a", text: "#ffffff", hint: "80–100" },
};

const compact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

export const formatMoney = (amount: number) => compact.format(amount);
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

const labels: Record<string, string> = {
  co_innovate: "Co-innovate",
  co_market: "Co-market",
  co_sell: "Co-sell",
  co_deliver: "Co-deliver",
  co_retain: "Co-retain",
  prospect: "Prospect",
  recruiting: "Recruiting",
  onboarding: "Onboarding",
  active: "Active",
  strategic: "Strategic",
  inactive: "Inactive",
  play_step: "play step",
  vcoc_link: "value chain link",
};

/** Label of a co-motion, lifecycle or source key; the key itself when unknown. */
export const labelOf = (key: string) => labels[key] ?? key;
