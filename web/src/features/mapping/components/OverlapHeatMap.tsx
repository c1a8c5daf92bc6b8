import { Box, Button, Group, Text, VisuallyHidden } from "@mantine/core";
import { HeatmapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { OverlapCell, OverlapMatrix } from "../api/schemas";
import { cellCount, describeCell, HEAT_COLORS, possessive, STATUS_LABELS } from "./mapping-format";

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const SELECTED = "#f08c00";

type CellKey = Pick<OverlapCell, "vendorStatus" | "partnerStatus">;

interface OverlapHeatMapProps {
  matrix: OverlapMatrix;
  partnerName: string;
  selected: CellKey | null;
  onSelect: (cell: OverlapCell) => void;
}

/**
 * The overlap matrix as a heat map: your status (rows) × the partner's status (columns), the count
 * in each cell and the colour by count. The chart is a picture; the same cells are also buttons for
 * keyboards and screen readers.
 */
export function OverlapHeatMap({ matrix, partnerName, selected, onSelect }: OverlapHeatMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // Rows from the top: customer, opportunity, prospect (ECharts draws category 0 at the bottom).
  const rows = useMemo(() => [...matrix.vendorStatuses].reverse(), [matrix.vendorStatuses]);
  const columns = matrix.partnerStatuses;
  // The click handler reads the latest cells and callback without re-creating the chart.
  const latest = useRef({ rows, columns, onSelect });
  latest.current = { rows, columns, onSelect };

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chartRef.current = chart;
    chart.on("click", (params) => {
      const value = params.value as [number, number, number] | undefined;
      if (!value) return;
      const vendorStatus = latest.current.rows[value[1]];
      const partnerStatus = latest.current.columns[value[0]];
      if (vendorStatus && partnerStatus)
        latest.current.onSelect({ vendorStatus, partnerStatus, count: value[2] });
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const max = Math.max(1, ...matrix.cells.map((c) => c.count));
    const data = rows.flatMap((vendorStatus, y) =>
      columns.map((partnerStatus, x) => {
        const count = cellCount(matrix, vendorStatus, partnerStatus);
        const isSelected =
          selected?.vendorStatus === vendorStatus && selected.partnerStatus === partnerStatus;
        return {
          value: [x, y, count],
          label: { color: count / max > 0.5 ? "#ffffff" : "#1b2a24" },
          itemStyle: isSelected
            ? { borderColor: SELECTED, borderWidth: 4 }
            : { borderColor: "#ffffff", borderWidth: 3 },
        };
      }),
    );
    // The selected cell is drawn last, so its outline is not covered by its neighbours'.
    data.sort(
      (a, b) => Number(a.itemStyle.borderColor === SELECTED) - Number(b.itemStyle.borderColor === SELECTED),
    );
    chartRef.current?.setOption(
      {
        animation: false,
        grid: { left: 110, right: 16, top: 48, bottom: 56 },
        tooltip: {
          formatter: (p: { value: [number, number, number] }) => {
            const [x, y, count] = p.value;
            const vendorStatus = rows[y];
            const partnerStatus = columns[x];
            if (!vendorStatus || !partnerStatus) return "";
            return describeCell(partnerName, { vendorStatus, partnerStatus, count });
          },
        },
        xAxis: {
          type: "category",
          position: "top",
          data: columns.map((s) => STATUS_LABELS[s]),
          name: `${possessive(partnerName)} status`,
          nameLocation: "middle",
          nameGap: 28,
          nameTextStyle: { fontWeight: 600, fontSize: 13 },
          axisTick: { show: false },
          axisLine: { show: false },
          axisLabel: { fontSize: 13 },
        },
        yAxis: {
          type: "category",
          data: rows.map((s) => STATUS_LABELS[s]),
          name: "Your status",
          nameLocation: "middle",
          nameGap: 92,
          nameTextStyle: { fontWeight: 600, fontSize: 13 },
          axisTick: { show: false },
          axisLine: { show: false },
          axisLabel: { fontSize: 13 },
        },
        visualMap: {
          min: 0,
          max,
          calculable: false,
          orient: "horizontal",
          left: "center",
          bottom: 4,
          itemHeight: 180,
          itemWidth: 12,
          text: [`${max}`, "0"],
          inRange: { color: HEAT_COLORS },
        },
        series: [
          {
            type: "heatmap",
            data,
            label: { show: true, fontSize: 22, fontWeight: 700 },
            emphasis: { itemStyle: { borderColor: "#0b7a5a", borderWidth: 4 } },
            cursor: "pointer",
          },
        ],
      },
      { notMerge: true },
    );
  }, [matrix, rows, columns, selected, partnerName]);

  const summary = matrix.vendorStatuses
    .flatMap((v) =>
      columns.map((p) =>
        describeCell(partnerName, { vendorStatus: v, partnerStatus: p, count: cellCount(matrix, v, p) }),
      ),
    )
    .join("; ");

  return (
    <Box>
      <Box
        ref={ref}
        h={340}
        w="100%"
        role="img"
        aria-label={`Overlap matrix with ${partnerName}: ${summary}`}
        data-testid="overlap-heat-map"
      />
      <VisuallyHidden>
        <Group component="ul" aria-label="Overlap matrix cells">
          {matrix.vendorStatuses.flatMap((vendorStatus) =>
            columns.map((partnerStatus) => {
              const cell = {
                vendorStatus,
                partnerStatus,
                count: cellCount(matrix, vendorStatus, partnerStatus),
              };
              return (
                <li key={`${vendorStatus}-${partnerStatus}`}>
                  <Button variant="subtle" onClick={() => onSelect(cell)}>
                    {describeCell(partnerName, cell)}
                  </Button>
                </li>
              );
            }),
          )}
        </Group>
      </VisuallyHidden>
      <Text size="xs" c="dimmed" ta="center">
        Click a cell to list its overlaps.
      </Text>
    </Box>
  );
}
