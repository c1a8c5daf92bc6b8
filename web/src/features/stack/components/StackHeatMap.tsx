import { Box, Group, Text, UnstyledButton } from "@mantine/core";
import type { StackCell, StackData } from "../api/get-stack";
import classes from "./StackHeatMap.module.css";
import { formatMoney, levelStyles } from "./stack-format";

interface StackHeatMapProps {
  stack: StackData;
  onSelect: (cell: StackCell) => void;
}

/** Layers (rows) × journey stages (columns), each cell coloured by its coverage level. */
export function StackHeatMap({ stack, onSelect }: StackHeatMapProps) {
  const stageCount = stack.stages.length;
  return (
    <Box>
      <table
        className={classes.grid}
        style={{ gridTemplateColumns: `minmax(120px, 170px) repeat(${stageCount}, minmax(96px, 1fr))` }}
        aria-label="Stack heat map: layers by journey stages"
      >
        <thead className={classes.row}>
          <tr className={classes.row}>
            <th scope="col" className={classes.corner}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Layer ╲ Stage
              </Text>
            </th>
            {stack.stages.map((stage) => (
              <th scope="col" key={stage.key} className={classes.stage}>
                <Text fw={700} size="sm">
                  {stage.name}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={classes.row}>
          {stack.layers.map((layer) => (
            <tr key={layer.key} className={classes.row}>
              <th scope="row" className={classes.layer}>
                <Text fw={700} size="sm">
                  {layer.label}
                </Text>
              </th>
              {stack.stages.map((stage) => {
                const cell = stack.cells.find((c) => c.layer === layer.key && c.stageKey === stage.key);
                if (!cell) return <td key={stage.key} />;
                const style = levelStyles[cell.level];
                const activePartners = cell.partners.filter((p) => p.active).length;
                const description = `${layer.label} × ${stage.name}: ${style.label.toLowerCase()}, score ${cell.coverageScore}, ${activePartners} active partner${activePartners === 1 ? "" : "s"}, ${cell.playSteps.length} play step${cell.playSteps.length === 1 ? "" : "s"}, pipeline ${formatMoney(cell.pipeline)}`;
                return (
                  <td key={stage.key} className={classes.td}>
                    <UnstyledButton
                      className={classes.cell}
                      data-level={cell.level}
                      style={{ background: style.fill, borderColor: style.border, color: style.text }}
                      onClick={() => onSelect(cell)}
                      aria-label={description}
                      title={description}
                    >
                      <Group justify="space-between" gap={4} wrap="nowrap">
                        <Text size="xs" fw={700} tt="uppercase" lts={0.4} c="inherit">
                          {style.label}
                        </Text>
                        {cell.playSteps.length > 0 && (
                          <Text size="xs" c="inherit" opacity={0.85}>
                            {cell.playSteps.length} step{cell.playSteps.length === 1 ? "" : "s"}
                          </Text>
                        )}
                      </Group>
                      {cell.level === "empty" ? (
                        <Text size="xs" c="inherit" opacity={0.8} lh={1.3}>
                          No partner, no play
                        </Text>
                      ) : (
                        <>
                          <Text fz={26} fw={800} lh={1.1} c="inherit">
                            {cell.coverageScore}
                          </Text>
                          <Group justify="space-between" gap={4} wrap="nowrap">
                            <Text size="xs" c="inherit">
                              {activePartners} partner{activePartners === 1 ? "" : "s"}
                            </Text>
                            <Text size="xs" fw={700} c="inherit">
                              {cell.pipeline > 0 ? formatMoney(cell.pipeline) : ""}
                            </Text>
                          </Group>
                        </>
                      )}
                    </UnstyledButton>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Group gap="lg" mt="sm" aria-label="Legend">
        {(Object.keys(levelStyles) as (keyof typeof levelStyles)[]).map((level) => (
          <Group key={level} gap={6}>
            <Box
              w={16}
              h={12}
              style={{
                background: levelStyles[level].fill,
                border: `1px solid ${levelStyles[level].border}`,
                borderRadius: 3,
              }}
            />
            <Text size="xs" c="dimmed">
              {levelStyles[level].label} ({levelStyles[level].hint})
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          Cells show the coverage score, active partners and open partner pipeline.
        </Text>
      </Group>
    </Box>
  );
}
