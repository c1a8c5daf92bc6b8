import { Box } from "@mantine/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { MappingPartner } from "../api/schemas";
import { formatPipeline } from "./mapping-format";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const MAX_BARS = 12;
const ROW_HEIGHT = 34;

/**
 * Partners as horizontal bars in rank order (best on top): ICP-fit prospects they share with you,
 * then their other overlaps; the open pipeline on those overlaps is written at the end of each bar.
 */
export function EcosystemChart({ partners }: { partners: MappingPartner[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => partners.slice(0, MAX_BARS), [partners]);
  const height = 70 + shown.length * ROW_HEIGHT;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    // ECharts draws category 0 at the bottom; reverse so rank 1 is on top.
    const rows = [...shown].reverse();
    const fit = rows.map((p) => p.icpFitProspects);
    const other = rows.map((p) => Math.max(0, p.overlaps.same + p.overlaps.related - p.icpFitProspects));
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 84, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const partner = rows[params[0]?.dataIndex ?? -1];
          if (!partner) return "";
          return [
            `<b>${escapeHtml(partner.partner.name)}</b>`,
            `ICP-fit prospects: ${partner.icpFitProspects}`,
            `Overlaps: ${partner.overlaps.same} same, ${partner.overlaps.related} related`,
            `Open pipeline: ${formatPipeline(partner.openPipeline)}`,
          ].join("<br/>");
        },
      },
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f0" } } },
      yAxis: {
        type: "category",
        data: rows.map((p) => p.partner.name),
        axisTick: { show: false },
        axisLabel: { fontSize: 12, width: 180, overflow: "truncate" },
      },
      series: [
        {
          name: "ICP-fit prospects",
          type: "bar",
          stack: "overlaps",
          barMaxWidth: 22,
          data: fit,
          itemStyle: { color: "#0b7a5a" },
        },
        {
          name: "Other overlaps",
          type: "bar",
          stack: "overlaps",
          barMaxWidth: 22,
          data: other.map((value, index) => ({
            value,
            label: {
              show: true,
              position: "right",
              fontSize: 11,
              color: "#495057",
              formatter: () => {
                const pipeline = rows[index]?.openPipeline ?? 0;
                return pipeline > 0 ? `${formatPipeline(pipeline)} open` : "";
              },
            },
          })),
          itemStyle: { color: "#a7dcc7", borderRadius: [0, 4, 4, 0] },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [shown]);

  const summary = shown
    .map(
      (p, index) =>
        `${index + 1}. ${p.partner.name}: ${p.icpFitProspects} ICP-fit prospects, ${p.overlaps.same + p.overlaps.related} overlaps, ${formatPipeline(p.openPipeline)} open pipeline`,
    )
    .join("; ");
  return (
    <Box
      ref={ref}
      h={height}
      w="100%"
      role="img"
      aria-label={`Partners ranked by overlap: ${summary}`}
      data-testid="ecosystem-chart"
    />
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
