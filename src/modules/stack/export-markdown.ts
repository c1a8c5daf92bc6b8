/**
 * The stack as a Markdown strategy document: the matrix with level symbols, the gaps with their
 * reasons and recommended partners, and the plays. Pure: the same text from the API and the CLI.
 */
import type { CoverageLevel } from "../strategy/stack-matrix.ts";
import { coMotionLabels, lifecycleStageLabels } from "../strategy/vocabulary.ts";
import type { Stack } from "./service.ts";

export const levelSymbols: Readonly<Record<CoverageLevel, string>> = {
  empty: "🔴",
  weak: "🟠",
  covered: "🟢",
  strong: "✅",
};

export const levelLabels: Readonly<Record<CoverageLevel, string>> = {
  empty: "Gap",
  weak: "Weak",
  covered: "Covered",
  strong: "Strong",
};

/** 1234567 → "$1.2M"; whole dollars below a thousand. */
export function compactMoney(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1_000_000) return `$${(amount / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
  if (abs >= 1_000) return `$${Math.round(amount / 1_000)}k`;
  return `$${Math.round(amount)}`;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Pipes and line breaks would break a table cell. */
const cellText = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** A file-name-safe slug of a name (ASCII letters, digits and dashes). */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      // Accents come apart from their letters under NFKD; drop them so "ü" becomes "u".
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "untitled"
  );
}

export function stackFileName(
  stack: { solution: { name: string }; icp: { name: string } },
  extension: string,
) {
  return `stack-${fileSlug(stack.solution.name)}-${fileSlug(stack.icp.name)}.${extension}`;
}

export function renderStackMarkdown(stack: Stack, generatedAt = new Date()): string {
  const lines: string[] = [];
  const stageName = new Map(stack.stages.map((s) => [s.key, s.name]));
  lines.push(`# Ecosystem Strategy Stack: ${stack.solution.name} × ${stack.icp.name}`);
  lines.push("");
  lines.push(`- **Solution:** ${stack.solution.name}`);
  lines.push(`- **ICP:** ${stack.icp.name}`);
  lines.push(`- **VCOC coverage:** ${percent(stack.vcoc.overall)}`);
  lines.push(
    `- **Cells covered:** ${stack.totals.coveredCells} of ${stack.cells.length} (${stack.totals.emptyCells} empty)`,
  );
  lines.push(`- **Open partner pipeline:** ${compactMoney(stack.totals.pipeline)}`);
  lines.push(`- **Generated:** ${generatedAt.toISOString().slice(0, 10)}`);
  lines.push("");
  lines.push("## The stack");
  lines.push("");
  lines.push(
    `Legend: ${(Object.keys(levelSymbols) as CoverageLevel[]).map((l) => `${levelSymbols[l]} ${levelLabels[l]}`).join(" · ")}. ` +
      "Each cell: level, coverage score, active partners (p), open partner pipeline.",
  );
  lines.push("");
  lines.push(`| Layer | ${stack.stages.map((s) => cellText(s.name)).join(" | ")} |`);
  lines.push(`|---|${stack.stages.map(() => "---").join("|")}|`);
  for (const layer of stack.layers) {
    const row = stack.stages.map((stage) => {
      const cell = stack.cells.find((c) => c.layer === layer.key && c.stageKey === stage.key);
      if (!cell) return "";
      if (cell.level === "empty") return `${levelSymbols.empty} gap`;
      const pipeline = cell.pipeline > 0 ? ` · ${compactMoney(cell.pipeline)}` : "";
      return `${levelSymbols[cell.level]} ${cell.coverageScore} · ${cell.activePartnerCount}p${pipeline}`;
    });
    lines.push(`| **${layer.label}** | ${row.join(" | ")} |`);
  }
  lines.push("");
  lines.push("## VCOC coverage by stage");
  lines.push("");
  for (const stage of stack.vcoc.stages) {
    lines.push(
      `- ${stage.stageName}: ${stage.coverage === null ? "not weighed" : `${percent(stage.coverage)} (${stage.coveredWeight}/${stage.totalWeight})`}`,
    );
  }
  lines.push("");
  lines.push(`## Gaps (${stack.gaps.length})`);
  lines.push("");
  if (stack.gaps.length === 0)
    lines.push("No gaps: every cell is covered and every VCOC link has a partner.");
  stack.gaps.forEach((gap, index) => {
    const title =
      gap.kind === "cell"
        ? `${stack.layers.find((l) => l.key === gap.layer)?.label ?? gap.layer} × ${gap.stageName} (${levelLabels[gap.level].toLowerCase()})`
        : `VCOC link '${gap.linkName}'`;
    lines.push(`${index + 1}. **${title}** — ${gap.reason}.`);
    for (const r of gap.recommendations) {
      lines.push(
        `   - Recommend **${r.name}** (${lifecycleStageLabels[r.lifecycle].toLowerCase()}, fit ${r.score}): ${r.why.join("; ")}`,
      );
    }
    if (gap.recommendations.length === 0)
      lines.push("   - No partner in the workspace fits yet: recruit one for this layer.");
  });
  lines.push("");
  lines.push(`## Plays (${stack.plays.length})`);
  lines.push("");
  if (stack.plays.length === 0) lines.push("No plays for this solution and ICP yet.");
  for (const play of stack.plays) {
    lines.push(`### ${play.name} (${play.status})`);
    if (play.objective) lines.push("", play.objective);
    lines.push("");
    for (const step of play.steps) {
      lines.push(
        `- **${stageName.get(step.stageKey) ?? step.stageKey}** · ${coMotionLabels[step.coMotion]}: ${step.description}`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
