import { Badge, Group, Text } from "@mantine/core";
import {
  LIFECYCLE_COLORS,
  LIFECYCLE_LABELS,
  type LifecycleStage,
  STACK_LAYER_COLORS,
  STACK_LAYER_LABELS,
  type StackLayer,
} from "./labels";

/** Badges keep their whole label: a cut "Referral / influ…" reads worse than a wider column. */
const FULL_LABEL = {
  tt: "none",
  styles: { root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } },
} as const;

export function LayerBadges({ layers }: { layers: readonly StackLayer[] }) {
  if (layers.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No layer
      </Text>
    );
  return (
    <Group gap={4}>
      {layers.map((layer) => (
        <Badge key={layer} variant="light" color={STACK_LAYER_COLORS[layer]} radius="sm" {...FULL_LABEL}>
          {STACK_LAYER_LABELS[layer]}
        </Badge>
      ))}
    </Group>
  );
}

export function LifecycleBadge({ lifecycle }: { lifecycle: LifecycleStage }) {
  return (
    <Badge variant="dot" color={LIFECYCLE_COLORS[lifecycle]} {...FULL_LABEL}>
      {LIFECYCLE_LABELS[lifecycle]}
    </Badge>
  );
}
