/** The pure parts of the exports: file names, PDF-safe text, and the value chain drawing. */
import { describe, expect, it } from "vitest";
import type { StrategyPartner } from "../strategy/coverage.ts";
import { buildStackMatrix, findStackGaps } from "../strategy/stack-matrix.ts";
import { defaultJourneyStages } from "../strategy/vocabulary.ts";
import { compactMoney, fileSlug, stackFileName } from "./export-markdown.ts";
import { pdfSafe, renderStackPdf } from "./export-pdf.ts";
import { drawValueChainSvg, escapeXml, wrapWords } from "./value-chain-svg.ts";

describe("export helpers", () => {
  it("names files with ASCII slugs of the solution and ICP", () => {
    expect(
      stackFileName(
        { solution: { name: "Bluefjord Cloud Analytics" }, icp: { name: "Fintech & Co (EMEA)" } },
        "pdf",
      ),
    ).toBe("stack-bluefjord-cloud-analytics-fintech-co-emea.pdf");
    expect(fileSlug("Überfabrik Ærø")).toBe("uberfabrik-r");
    expect(fileSlug("···")).toBe("untitled");
  });

  it("formats money compactly", () => {
    expect(compactMoney(950)).toBe("$950");
    expect(compactMoney(145_000)).toBe("$145k");
    expect(compactMoney(9_500_000)).toBe("$9.5M");
    expect(compactMoney(2_000_000)).toBe("$2M");
  });

  it("keeps WinAnsi text and replaces what the standard PDF fonts cannot encode", () => {
    expect(pdfSafe("Café – “quoted” × 3 …")).toBe("Café – “quoted” × 3 …");
    expect(pdfSafe("Identify → Reach")).toBe("Identify -> Reach");
    expect(pdfSafe("Kraków 東京 🚀")).toBe("Kraków ?? ?");
  });

  it("wraps words into a bounded number of lines", () => {
    expect(wrapWords("Mid-market manufacturing", 15, 3)).toEqual(["Mid-market", "manufacturing"]);
    expect(wrapWords("one two three four five six seven", 9, 2)).toEqual(["one two", "three fo…"]);
  });
});

describe("drawValueChainSvg", () => {
  const partner = (id: string, name: string, lifecycle: StrategyPartner["lifecycle"]): StrategyPartner => ({
    id,
    name,
    layers: ["referral_influencer"],
    types: [],
    lifecycle,
    regions: [],
    industries: [],
  });

  it("draws covered links solid, gaps dashed red, and escapes names", () => {
    const svg = drawValueChainSvg({
      icpName: "Banks <EU>",
      stages: defaultJourneyStages,
      partners: [partner("p1", "Sterling & Vale", "active"), partner("p2", "Slow Starter", "onboarding")],
      links: [
        {
          id: "l1",
          name: "Advisors",
          channelKind: "influencer",
          stageWeights: { identify: 3 },
          partnerIds: ["p1"],
        },
        {
          id: "l2",
          name: "Association",
          channelKind: "referral",
          stageWeights: { reach: 1 },
          partnerIds: ["p2"],
        },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="860"')).toBe(true);
    expect(svg).toContain("Banks &lt;EU&gt;");
    expect(svg).toContain("Sterling &amp; Vale");
    expect(svg).toContain("Coverage 75% · 1 gap");
    expect(svg).toContain("Referral · GAP");
    expect(svg).toContain("Influencer · 1 active");
    expect(svg).not.toContain("Sterling & Vale");
    expect(escapeXml(`"'`)).toBe("&quot;&apos;");
  });

  it("says so when the ICP has no links yet", () => {
    const svg = drawValueChainSvg({
      icpName: "Empty",
      stages: defaultJourneyStages,
      partners: [],
      links: [],
    });
    expect(svg).toContain("No value chain links yet");
    expect(svg).toContain("Coverage 0% · 0 gaps");
  });
});

const basePartner: StrategyPartner = {
  id: "",
  name: "",
  layers: ["alliance", "reseller_msp"],
  types: [],
  lifecycle: "active",
  regions: [],
  industries: [],
};

describe("renderStackPdf", () => {
  it("stays on one page with a long arc, long names, many gaps and many plays", async () => {
    const stages = Array.from({ length: 8 }, (_, i) => ({
      key: `s${i}`,
      name: `Stage number ${i} with a long name`,
    }));
    const partners: StrategyPartner[] = [
      {
        ...basePartner,
        id: "p1",
        name: "A partner with a remarkably long name that goes on",
        lifecycle: "active",
      },
    ];
    const matrix = buildStackMatrix({
      stages,
      partners,
      links: [
        {
          id: "l1",
          name: "Link ".repeat(30),
          channelKind: "selling",
          stageWeights: { s1: 5 },
          partnerIds: [],
        },
      ],
      playSteps: [
        { playId: "play", playName: "Play", stageKey: "s2", partnerIds: ["p1"], coMotion: "co_sell" },
      ],
      openOpportunities: [{ amount: 1_234_567, partnerId: "p1", stageKey: "s2" }],
    });
    const gaps = findStackGaps(matrix, "ICP").map((gap) => ({ ...gap, recommendations: [] }));
    const plays = Array.from({ length: 30 }, (_, i) => ({
      id: `play-${i}`,
      name: `Play ${i} ${"with a very long name ".repeat(5)}`,
      status: "active",
      objective: null,
      stageKeys: ["s1", "s2"],
      steps: [{ stageKey: "s1", description: "Do it", coMotion: "co_sell" as const }],
    }));
    const pdf = await renderStackPdf({
      solution: { id: "s", name: "Solution ".repeat(20) },
      icp: { id: "i", name: "ICP ".repeat(20) },
      stages,
      layers: matrix.layers.map((key) => ({ key, label: key })),
      cells: matrix.cells,
      gaps,
      vcoc: matrix.vcoc,
      plays,
      totals: { pipeline: 1_234_567, coveredCells: 1, emptyCells: 38 },
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});
