import { Box } from "@mantine/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Distribution } from "../api/get-icps";
import { BAND_COLORS } from "./BandBadge";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** How many accounts score in each bucket of ten, bars coloured by fit band. */
export function ScoreDistributionChart({ distribution }: { distribution: Distribution }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 12, top: 20, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: (value: unknown) => `${String(value)} accounts` },
      xAxis: {
        type: "category",
        name: "Fit score",
        nameLocation: "middle",
        nameGap: 26,
        data: distribution.buckets.map((b) => b.label),
        axisTick: { show: false },
      },
      yAxis: { type: "value", minInterval: 1, name: "Accounts" },
      series: [
        {
          type: "bar",
          barMaxWidth: 42,
          data: distribution.buckets.map((b) => ({
            value: b.count,
            itemStyle: { color: BAND_COLORS[b.band], borderRadius: [4, 4, 0, 0] },
          })),
          label: {
            show: true,
            position: "top",
            fontSize: 11,
            formatter: (p: { value: number }) => (p.value ? String(p.value) : ""),
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [distribution]);
  return (
    <Box
      ref={ref}
      h={240}
      w="100%"
      role="img"
      aria-label={`Score distribution of ${distribution.total} accounts`}
      data-testid="score-distribution"
    />
  );
}
