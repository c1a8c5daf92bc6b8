/**
 * The stack as a one-page strategy document (A4 landscape): a header with the headline figures,
 * the heat map of layers × stages drawn as coloured cells, a legend, VCOC coverage per stage, the
 * top gaps with their best recommendation, and the plays. Everything is placed at fixed positions
 * with clipped text so it can never spill onto a second page.
 */
import PDFDocument from "pdfkit";
import type { CoverageLevel } from "../strategy/stack-matrix.ts";
import { coMotionLabels } from "../strategy/vocabulary.ts";
import { compactMoney, levelLabels, percent } from "./export-markdown.ts";
import type { Stack } from "./service.ts";

/** Fill and text colours per level; the same palette as the web heat map. */
export const levelColours: Readonly<Record<CoverageLevel, { fill: string; text: string; border: string }>> = {
  empty: { fill: "#fde8e8", text: "#9b1c1c", border: "#f5b5b5" },
  weak: { fill: "#fdf0d5", text: "#8a4b08", border: "#f3cf8a" },
  covered: { fill: "#d6f1e4", text: "#0b5e44", border: "#9fd9bd" },
  strong: { fill: "#1f9d6c", text: "#ffffff", border: "#16805a" },
};

const ink = "#1f2933";
const muted = "#6b7785";
const accent = "#0b7a5a";

/**
 * The standard PDF fonts only encode WinAnsi (Latin-1 plus a few typographic marks); anything
 * else is written as a close ASCII form so a name never turns into garbage glyphs.
 */
export function pdfSafe(text: string): string {
  return text
    .replace(/[→⟶]/g, "->")
    .replace(/[←]/g, "<-")
    .replace(/[\u2000-\u200b\u202f]/g, " ")
    .normalize("NFC")
    .replace(/[^\t\n\r\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/gu, "?");
}

const PAGE = { width: 841.89, height: 595.28, margin: 28 };

export function renderStackPdf(stack: Stack, generatedAt = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: pdfSafe(`Ecosystem Strategy Stack: ${stack.solution.name} x ${stack.icp.name}`),
      Author: "Ecostack",
      Subject: "Stack of layers x journey stages, gaps and plays",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  /** Text clipped to a box: never wraps past `height`, so nothing starts a new page. */
  const box = (
    text: string,
    x: number,
    y: number,
    width: number,
    options: {
      size?: number;
      bold?: boolean;
      colour?: string;
      height?: number;
      align?: "left" | "center" | "right";
    } = {},
  ) => {
    const size = options.size ?? 9;
    doc
      .font(options.bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(size)
      .fillColor(options.colour ?? ink)
      .text(pdfSafe(text), x, y, {
        width,
        height: options.height ?? size * 1.3,
        ellipsis: true,
        lineBreak: (options.height ?? 0) > size * 1.5,
        align: options.align ?? "left",
      });
  };

  const { margin } = PAGE;
  const contentWidth = PAGE.width - 2 * margin;

  // Header band.
  doc.rect(0, 0, PAGE.width, 74).fill("#f2f7f5");
  box("ECOSYSTEM STRATEGY STACK", margin, 16, 300, { size: 8, bold: true, colour: accent });
  box(`${stack.solution.name} × ${stack.icp.name}`, margin, 28, 470, { size: 18, bold: true });
  box(`Generated ${generatedAt.toISOString().slice(0, 10)} by Ecostack`, margin, 52, 300, {
    size: 8,
    colour: muted,
  });
  const kpis: [string, string][] = [
    ["VCOC coverage", percent(stack.vcoc.overall)],
    ["Cells covered", `${stack.totals.coveredCells}/${stack.cells.length}`],
    ["Gaps", String(stack.gaps.length)],
    ["Partner pipeline", compactMoney(stack.totals.pipeline)],
  ];
  kpis.forEach(([label, value], index) => {
    const x = PAGE.width - margin - (kpis.length - index) * 78;
    box(value, x, 22, 74, { size: 16, bold: true, colour: accent, align: "right" });
    box(label, x, 44, 74, { size: 7.5, colour: muted, align: "right" });
  });

  // Heat map (left column).
  const mapTop = 92;
  const labelWidth = 104;
  const mapWidth = 500;
  const stageCount = Math.max(1, stack.stages.length);
  const cellWidth = (mapWidth - labelWidth) / stageCount;
  const cellHeight = 46;
  box("The stack: layers × journey stages", margin, mapTop, mapWidth, { size: 11, bold: true });
  const gridTop = mapTop + 20;
  stack.stages.forEach((stage, i) => {
    box(stage.name, margin + labelWidth + i * cellWidth, gridTop, cellWidth, {
      size: 8.5,
      bold: true,
      colour: muted,
      align: "center",
    });
  });
  stack.layers.forEach((layer, row) => {
    const y = gridTop + 16 + row * (cellHeight + 4);
    box(layer.label, margin, y + cellHeight / 2 - 6, labelWidth - 6, { size: 9, bold: true });
    stack.stages.forEach((stage, col) => {
      const cell = stack.cells.find((c) => c.layer === layer.key && c.stageKey === stage.key);
      if (!cell) return;
      const x = margin + labelWidth + col * cellWidth;
      const colours = levelColours[cell.level];
      doc
        .roundedRect(x + 2, y, cellWidth - 4, cellHeight, 4)
        .lineWidth(0.8)
        .fillAndStroke(colours.fill, colours.border);
      const headline = cell.level === "empty" ? "Gap" : String(cell.coverageScore);
      box(headline, x + 2, y + 7, cellWidth - 4, {
        size: 13,
        bold: true,
        colour: colours.text,
        align: "center",
      });
      const partnersText = `${cell.activePartnerCount} partner${cell.activePartnerCount === 1 ? "" : "s"}`;
      const detail =
        cell.level === "empty"
          ? "no partner, no play"
          : cell.pipeline > 0
            ? `${partnersText} · ${compactMoney(cell.pipeline)}`
            : partnersText;
      box(detail, x + 4, y + 27, cellWidth - 8, { size: 7.5, colour: colours.text, align: "center" });
    });
  });
  const legendY = gridTop + 16 + stack.layers.length * (cellHeight + 4) + 4;
  (Object.keys(levelColours) as CoverageLevel[]).forEach((level, i) => {
    const x = margin + labelWidth + i * 92;
    doc
      .roundedRect(x, legendY, 12, 10, 2)
      .lineWidth(0.8)
      .fillAndStroke(levelColours[level].fill, levelColours[level].border);
    const range = { empty: "0", weak: "1–49", covered: "50–79", strong: "80–100" }[level];
    box(`${levelLabels[level]} (${range})`, x + 16, legendY + 1, 76, { size: 7.5, colour: muted });
  });

  // VCOC coverage per stage, as small bars under the heat map.
  const vcocTop = legendY + 24;
  box("Value chain coverage by stage", margin, vcocTop, mapWidth, { size: 11, bold: true });
  stack.vcoc.stages.forEach((stage, i) => {
    const x = margin + labelWidth + i * cellWidth;
    const barWidth = cellWidth - 16;
    const y = vcocTop + 22;
    doc.roundedRect(x + 8, y, barWidth, 8, 3).fill("#e6ebef");
    if (stage.coverage !== null && stage.coverage > 0)
      doc.roundedRect(x + 8, y, Math.max(6, barWidth * stage.coverage), 8, 3).fill(accent);
    box(
      `${stage.stageName}: ${stage.coverage === null ? "n/a" : percent(stage.coverage)}`,
      x + 2,
      y + 12,
      cellWidth - 4,
      { size: 7.5, colour: muted, align: "center" },
    );
  });

  // Plays, under the coverage bars.
  const playsTop = vcocTop + 60;
  box(`Plays (${stack.plays.length})`, margin, playsTop, mapWidth, { size: 11, bold: true });
  const stageName = new Map(stack.stages.map((s) => [s.key, s.name]));
  const playRows = Math.max(1, Math.floor((PAGE.height - margin - (playsTop + 18)) / 24));
  if (stack.plays.length === 0)
    box("No plays for this solution and ICP yet.", margin, playsTop + 18, mapWidth, { colour: muted });
  stack.plays.slice(0, playRows).forEach((play, i) => {
    const y = playsTop + 18 + i * 24;
    const motions = [...new Set(play.steps.map((s) => coMotionLabels[s.coMotion]))].join(", ");
    box(`${play.name}  (${play.status})`, margin, y, mapWidth, { size: 9, bold: true });
    box(
      `${play.stageKeys.map((k) => stageName.get(k) ?? k).join(" > ")}${motions ? ` · ${motions}` : ""}`,
      margin,
      y + 11,
      mapWidth,
      { size: 7.5, colour: muted },
    );
  });

  // Gaps (right column).
  const gapsLeft = margin + mapWidth + 22;
  const gapsWidth = contentWidth - mapWidth - 22;
  doc.rect(gapsLeft - 11, mapTop - 4, 0.6, PAGE.height - mapTop - margin + 4).fill("#dde3e8");
  box(`Top gaps (${stack.gaps.length})`, gapsLeft, mapTop, gapsWidth, { size: 11, bold: true });
  let y = mapTop + 20;
  const bottom = PAGE.height - margin;
  for (const [index, gap] of stack.gaps.entries()) {
    if (y + 44 > bottom) break;
    const marker = gap.kind === "cell" ? levelColours[gap.level] : levelColours.empty;
    doc.circle(gapsLeft + 5, y + 5, 4).fill(marker.border);
    const title =
      gap.kind === "cell"
        ? `${stack.layers.find((l) => l.key === gap.layer)?.label ?? gap.layer} × ${gap.stageName}`
        : `Value chain: ${gap.linkName}`;
    box(`${index + 1}. ${title}`, gapsLeft + 14, y, gapsWidth - 14, { size: 9, bold: true });
    box(gap.reason, gapsLeft + 14, y + 12, gapsWidth - 14, { size: 7.5, colour: muted, height: 20 });
    const best = gap.recommendations[0];
    box(
      best
        ? `Recommend: ${best.name} (fit ${best.score}) – ${best.why.slice(0, 3).join("; ")}`
        : "Recruit a partner for this layer",
      gapsLeft + 14,
      y + 32,
      gapsWidth - 14,
      { size: 7.5, colour: accent },
    );
    y += 50;
  }
  if (stack.gaps.length === 0)
    box("No gaps: every cell is covered and every value chain link has a partner.", gapsLeft, y, gapsWidth, {
      colour: muted,
      height: 24,
    });

  doc.end();
  return done;
}
