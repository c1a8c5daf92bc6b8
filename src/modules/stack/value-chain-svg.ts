/**
 * The Value Chain of the Customer drawn as an SVG graph: the ICP customer at the centre, the
 * links around it, the partners on each link, and gaps (links without an active partner) drawn
 * visibly empty with a dashed red outline. Pure: `renderValueChainPng` rasterises it with resvg.
 */
import { Resvg } from "@resvg/resvg-js";
import { type StrategyPartner, type VcocLink, vcocCoverage } from "../strategy/coverage.ts";
import {
  channelKindLabels,
  isActiveLifecycle,
  type JourneyStageRef,
  lifecycleStageLabels,
} from "../strategy/vocabulary.ts";

export interface ValueChainDrawing {
  icpName: string;
  stages: readonly JourneyStageRef[];
  links: readonly VcocLink[];
  partners: readonly StrategyPartner[];
}

export const valueChainSize = { width: 1200, height: 860 } as const;
const font = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const partnersShownPerLink = 3;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Shortens to `max` characters with an ellipsis: SVG text does not wrap. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines of `width` characters; the last one clipped. */
export function wrapWords(content: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => clip(line, width + 2));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = clip(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`, width);
  return kept;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs: { size?: number; weight?: number; fill?: string; anchor?: "start" | "middle" | "end" } = {},
): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${font}" font-size="${attrs.size ?? 14}" font-weight="${attrs.weight ?? 400}" fill="${attrs.fill ?? "#1f2933"}" text-anchor="${attrs.anchor ?? "middle"}">${escapeXml(content)}</text>`;
}

export function drawValueChainSvg(drawing: ValueChainDrawing): string {
  const { width, height } = valueChainSize;
  const cx = width / 2;
  const cy = height / 2 + 10;
  const coverage = vcocCoverage(drawing.links, drawing.partners, drawing.stages);
  const covered = new Map(coverage.links.map((l) => [l.linkId, l.covered]));
  const partnersById = new Map(drawing.partners.map((p) => [p.id, p]));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(32, 44, "Value Chain of the Customer", { size: 13, weight: 700, fill: "#0b7a5a", anchor: "start" }),
    text(32, 74, clip(drawing.icpName, 60), { size: 24, weight: 700, anchor: "start" }),
    text(
      width - 32,
      58,
      `Coverage ${Math.round(coverage.overall * 100)}% · ${coverage.gaps.length} gap${coverage.gaps.length === 1 ? "" : "s"}`,
      { size: 18, weight: 700, fill: coverage.gaps.length > 0 ? "#9b1c1c" : "#0b7a5a", anchor: "end" },
    ),
  );

  const n = drawing.links.length;
  // Links on an ellipse, because the canvas is wider than tall.
  const link = { rx: 270, ry: 225 };
  const edges: string[] = [];
  const nodes: string[] = [];
  drawing.links.forEach((chainLink, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    const lx = cx + link.rx * Math.cos(angle);
    const ly = cy + link.ry * Math.sin(angle);
    const isCovered = covered.get(chainLink.id) ?? false;
    edges.push(
      `<line x1="${cx}" y1="${cy}" x2="${lx.toFixed(1)}" y2="${ly.toFixed(1)}" stroke="${isCovered ? "#77c9a9" : "#f5b5b5"}" stroke-width="3"${isCovered ? "" : ' stroke-dasharray="8 6"'}/>`,
    );
    const assigned = [...new Set(chainLink.partnerIds)]
      .map((id) => partnersById.get(id))
      .filter((p): p is StrategyPartner => p !== undefined)
      .sort((a, b) => Number(isActiveLifecycle(b.lifecycle)) - Number(isActiveLifecycle(a.lifecycle)));
    const shown = assigned.slice(0, partnersShownPerLink);
    shown.forEach((partner, j) => {
      // Partners sit just outside their link's box: beside it for side links (stacked), above or
      // below it for top and bottom links (side by side), so they never cover the box.
      const offset = j - (shown.length - 1) / 2;
      const sideways = Math.abs(Math.cos(angle)) > 0.5;
      const px = sideways ? lx + Math.sign(Math.cos(angle)) * 237 : lx + offset * 196;
      const py = sideways ? ly + offset * 44 : ly + Math.sign(Math.sin(angle)) * 70;
      const active = isActiveLifecycle(partner.lifecycle);
      edges.push(
        `<line x1="${lx.toFixed(1)}" y1="${ly.toFixed(1)}" x2="${px.toFixed(1)}" y2="${py.toFixed(1)}" stroke="#c9d2da" stroke-width="1.5"/>`,
      );
      nodes.push(
        `<rect x="${(px - 92).toFixed(1)}" y="${(py - 18).toFixed(1)}" width="184" height="36" rx="18" fill="${active ? "#e8f7f1" : "#f4f6f8"}" stroke="${active ? "#37af80" : "#aab4be"}" stroke-width="1.5"${active ? "" : ' stroke-dasharray="4 3"'}/>`,
        text(px, py - 1, clip(partner.name, 25), { size: 11.5, weight: 600 }),
        text(px, py + 12, lifecycleStageLabels[partner.lifecycle], { size: 9.5, fill: "#6b7785" }),
      );
    });
    if (assigned.length > shown.length) {
      const sideways = Math.abs(Math.cos(angle)) > 0.5;
      const px = sideways ? lx + Math.sign(Math.cos(angle)) * 237 : lx;
      const py = sideways ? ly + ((shown.length + 1) / 2) * 44 : ly + Math.sign(Math.sin(angle)) * 100;
      nodes.push(text(px, py + 4, `+${assigned.length - shown.length} more`, { size: 11, fill: "#6b7785" }));
    }
    // Long link names wrap onto a second line inside a taller box rather than being cut.
    const nameLines = wrapWords(chainLink.name, 26, 2);
    const boxHalf = nameLines.length > 1 ? 38 : 30;
    nodes.push(
      `<rect x="${(lx - 125).toFixed(1)}" y="${(ly - boxHalf).toFixed(1)}" width="250" height="${2 * boxHalf}" rx="12" fill="${isCovered ? "#ffffff" : "#fff5f5"}" stroke="${isCovered ? "#149a72" : "#e05252"}" stroke-width="2.5"${isCovered ? "" : ' stroke-dasharray="7 5"'}/>`,
      ...nameLines.map((line, index) =>
        text(lx, ly - 7 - (nameLines.length - 1) * 8 + index * 17, line, { size: 13.5, weight: 700 }),
      ),
      text(
        lx,
        ly + 13 + (nameLines.length - 1) * 8,
        isCovered
          ? `${channelKindLabels[chainLink.channelKind]} · ${assigned.filter((p) => isActiveLifecycle(p.lifecycle)).length} active`
          : `${channelKindLabels[chainLink.channelKind]} · GAP`,
        { size: 11.5, weight: isCovered ? 400 : 700, fill: isCovered ? "#52606d" : "#c53030" },
      ),
    );
  });

  parts.push(...edges);
  parts.push(
    `<circle cx="${cx}" cy="${cy}" r="88" fill="#0b7a5a"/>`,
    text(cx, cy - 22, "Customer", { size: 12, fill: "#d3eee3" }),
    ...wrapWords(drawing.icpName, 15, 3).map((line, index) =>
      text(cx, cy + index * 18, line, { size: 14, weight: 700, fill: "#ffffff" }),
    ),
  );
  parts.push(...nodes);
  if (n === 0)
    parts.push(
      text(cx, cy + 120, "No value chain links yet: add the parties this customer relies on.", {
        size: 16,
        fill: "#6b7785",
      }),
    );
  // Legend.
  const ly = height - 30;
  parts.push(
    `<rect x="32" y="${ly - 14}" width="26" height="18" rx="5" fill="#ffffff" stroke="#149a72" stroke-width="2"/>`,
    text(66, ly, "Link with an active partner", { size: 12, anchor: "start", fill: "#52606d" }),
    `<rect x="262" y="${ly - 14}" width="26" height="18" rx="5" fill="#fff5f5" stroke="#e05252" stroke-width="2" stroke-dasharray="5 3"/>`,
    text(296, ly, "Gap: no active partner", { size: 12, anchor: "start", fill: "#52606d" }),
    `<rect x="462" y="${ly - 14}" width="40" height="18" rx="9" fill="#f4f6f8" stroke="#aab4be" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    text(510, ly, "Partner not active yet", { size: 12, anchor: "start", fill: "#52606d" }),
  );
  parts.push("</svg>");
  return parts.join("\n");
}

export function renderValueChainPng(drawing: ValueChainDrawing): Buffer {
  const svg = drawValueChainSvg(drawing);
  return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
}
