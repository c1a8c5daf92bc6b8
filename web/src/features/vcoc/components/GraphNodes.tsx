import { Badge, Box, Group, Stack, Text } from "@mantine/core";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import type { ValueChainLink } from "../api/get-value-chain";
import { CHANNEL_KIND_COLORS, CHANNEL_KIND_LABELS, isActiveLifecycle, lifecycleLabel } from "./labels";
import { CUSTOMER_NODE_SIZE, LINK_NODE_HEIGHT, LINK_NODE_WIDTH } from "./radial-layout";

/** Edges run centre to centre: one invisible handle in the middle of every node. */
const centreHandle = {
  top: "50%",
  left: "50%",
  transform: "translate(-50%, -50%)",
  opacity: 0,
  pointerEvents: "none",
  width: 1,
  height: 1,
  minWidth: 0,
  minHeight: 0,
  border: 0,
} as const;

export type CustomerNodeType = Node<{ name: string }, "customer">;
export type LinkNodeType = Node<{ link: ValueChainLink; covered: boolean; selected: boolean }, "link">;

export function CustomerNode({ data }: NodeProps<CustomerNodeType>) {
  return (
    <Box
      w={CUSTOMER_NODE_SIZE}
      h={CUSTOMER_NODE_SIZE}
      style={{
        borderRadius: "50%",
        background: "linear-gradient(145deg, var(--mantine-color-eco-6), var(--mantine-color-eco-8))",
        boxShadow: "0 8px 24px rgba(0,0,0,0.18)",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        textAlign: "center",
        padding: 16,
      }}
    >
      <Stack gap={2} align="center">
        <Text size="xs" c="white" opacity={0.8} tt="uppercase" fw={600} lts={0.6}>
          Customer
        </Text>
        <Text size="sm" c="white" fw={700} lh={1.2} lineClamp={3}>
          {data.name}
        </Text>
      </Stack>
      <Handle type="source" position={Position.Top} style={centreHandle} isConnectable={false} />
    </Box>
  );
}

export function LinkNode({ data }: NodeProps<LinkNodeType>) {
  const { link, covered, selected } = data;
  const color = CHANNEL_KIND_COLORS[link.channelKind];
  const gap = !covered;
  return (
    <Box
      w={LINK_NODE_WIDTH}
      mih={LINK_NODE_HEIGHT}
      p="sm"
      data-gap={gap ? "true" : undefined}
      aria-label={`Link ${link.name}${gap ? " (gap)" : ""}`}
      style={{
        borderRadius: 10,
        background: gap ? "var(--mantine-color-red-0)" : "var(--mantine-color-body)",
        border: gap ? "2px dashed var(--mantine-color-red-6)" : `2px solid var(--mantine-color-${color}-5)`,
        borderLeftWidth: gap ? 2 : 6,
        boxShadow: selected ? "0 0 0 3px var(--mantine-color-eco-3)" : "0 2px 8px rgba(0,0,0,0.08)",
        cursor: "pointer",
      }}
    >
      <Handle type="target" position={Position.Top} style={centreHandle} isConnectable={false} />
      <Stack gap={6}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="md" fw={700} lh={1.2} lineClamp={2}>
            {link.name}
          </Text>
        </Group>
        <Badge size="sm" variant="light" color={color} w="fit-content">
          {CHANNEL_KIND_LABELS[link.channelKind]}
        </Badge>
        {link.partners.length === 0 ? (
          <Text size="sm" c="red.7" fw={600}>
            No partner
          </Text>
        ) : (
          <Group gap={4}>
            {link.partners.map((partner) => (
              <Badge
                key={partner.id}
                size="sm"
                radius="sm"
                variant={isActiveLifecycle(partner.lifecycle) ? "filled" : "outline"}
                color={isActiveLifecycle(partner.lifecycle) ? "eco" : "gray"}
                tt="none"
                title={`${partner.name} · ${lifecycleLabel(partner.lifecycle)}`}
                maw={190}
              >
                {partner.name}
              </Badge>
            ))}
          </Group>
        )}
        {gap && link.partners.length > 0 && (
          <Text size="xs" c="red.7">
            No active partner yet
          </Text>
        )}
      </Stack>
    </Box>
  );
}
