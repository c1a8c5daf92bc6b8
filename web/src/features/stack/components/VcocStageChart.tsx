import { Box } from "@mantine/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { StackData } from "../api/get-stack";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Share of the value chain's weight with an active partner, per journey stage. */
export function VcocStageChart({ stages }: { stages: StackData["vcoc"]["stages"] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: (value: unknown) => `${String(value)}%` },
      xAxis: {
        type: "category",
        data: stages.map((s) => s.stageName),
        axisTick: { show: false },
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        {
          type: "bar",
          barMaxWidth: 38,
          data: stages.map((s) => {
            const value = s.coverage === null ? 0 : Math.round(s.coverage * 100);
            const colour =
              value >= 80 ? "#1f9d6c" : value >= 50 ? "#77c9a9" : value > 0 ? "#f0b44c" : "#e8a0a0";
            return { value, itemStyle: { color: colour, borderRadius: [4, 4, 0, 0] } };
          }),
          label: { show: true, position: "top", formatter: "{c}%", fontSize: 11 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [stages]);
  return <Box ref={ref} h={190} w="100%" role="img" aria-label="Value chain coverage per journey stage" />;
}
