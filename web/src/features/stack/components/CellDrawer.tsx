import { Badge, Drawer, Group, Stack, Text, Title } from "@mantine/core";
import type { StackCell, StackData } from "../api/get-stack";
import { AppLink } from "./AppLink";
import { formatMoney, labelOf, levelStyles } from "./stack-format";

interface CellDrawerProps {
  stack: StackData;
  cell: StackCell | null;
  onClose: () => void;
}

/** A cell's play steps and partners, each linking to its page. */
export function CellDrawer({ stack, cell, onClose }: CellDrawerProps) {
  const layer = stack.layers.find((l) => l.key === cell?.layer)?.label ?? cell?.layer ?? "";
  const stage = stack.stages.find((s) => s.key === cell?.stageKey)?.name ?? cell?.stageKey ?? "";
  const gap = stack.gaps.find(
    (g) => cell && g.kind === "cell" && g.layer === cell.layer && g.stageKey === cell.stageKey,
  );
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={
        <Title order={2} fz="lg">
          {layer} × {stage}
        </Title>
      }
    >
      {cell && (
        <Stack gap="lg">
          <Group gap="xs">
            <Badge
              size="lg"
              radius="sm"
              style={{
                background: levelStyles[cell.level].fill,
                color: levelStyles[cell.level].text,
                border: `1px solid ${levelStyles[cell.level].border}`,
              }}
            >
              {levelStyles[cell.level].label} · {cell.coverageScore}
            </Badge>
            <Badge size="lg" radius="sm" variant="light" color="gray">
              Pipeline {formatMoney(cell.pipeline)}
            </Badge>
          </Group>
          {gap && (
            <Text size="sm" c="dimmed">
              {gap.reason}.
            </Text>
          )}
          <Stack gap="xs">
            <Title order={3} fz="sm">
              Play steps ({cell.playSteps.length})
            </Title>
            {cell.playSteps.length === 0 && (
              <Text size="sm" c="dimmed">
                No play covers this cell yet.
              </Text>
            )}
            {cell.playSteps.map((step, index) => (
              <Group key={step.stepId ?? `${step.playId}-${index}`} gap="xs" wrap="nowrap">
                <AppLink href={`/strategy/plays/${step.playId}`} size="sm" fw={600}>
                  {step.playName}
                </AppLink>
                <Badge size="sm" variant="light">
                  {labelOf(step.coMotion)}
                </Badge>
              </Group>
            ))}
          </Stack>
          <Stack gap="xs">
            <Title order={3} fz="sm">
              Partners ({cell.partners.length})
            </Title>
            {cell.partners.length === 0 && (
              <Text size="sm" c="dimmed">
                No partner in this layer works this stage for the ICP.
              </Text>
            )}
            {cell.partners.map((partner) => (
              <Stack key={partner.partnerId} gap={2}>
                <AppLink href={`/partners/${partner.partnerId}`} size="sm" fw={600}>
                  {partner.name}
                </AppLink>
                <Group gap={6} wrap="nowrap">
                  <Badge
                    size="sm"
                    variant={partner.active ? "light" : "outline"}
                    color={partner.active ? "eco" : "gray"}
                    style={{ flex: "none" }}
                  >
                    {labelOf(partner.lifecycle)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    via {partner.via.map(labelOf).join(" & ")}
                  </Text>
                </Group>
              </Stack>
            ))}
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
