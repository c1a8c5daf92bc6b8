import { Badge } from "@mantine/core";
import type { Band } from "../api/schemas";

export const BAND_COLORS: Record<Band, string> = { A: "#1f9d6c", B: "#f0b44c", C: "#adb5bd" };
const BAND_TITLES: Record<Band, string> = {
  A: "Band A: score 70 or more",
  B: "Band B: 40–69",
  C: "Band C: below 40",
};

/** The fit band of an account (A ≥ 70, B ≥ 40, C below), coloured the same everywhere. */
export function BandBadge({ band, score }: { band: Band; score?: number }) {
  return (
    <Badge
      color={BAND_COLORS[band]}
      c={band === "C" ? "dark" : "white"}
      variant="filled"
      radius="sm"
      title={BAND_TITLES[band]}
      // Never shrink into an ellipsis inside a table cell: the count is the point.
      style={{ flexShrink: 0, overflow: "visible" }}
    >
      {score === undefined ? band : `${band} · ${score}`}
    </Badge>
  );
}
