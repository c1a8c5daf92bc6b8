import { Badge, Box, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { StackData, StackGap } from "../api/get-stack";
import { AppLink } from "./AppLink";
import { labelOf, levelStyles } from "./stack-format";

interface GapListProps {
  stack: StackData;
  /** How many gaps to show before "Show all". */
  limit?: number;
}

/** The ranked gaps with their reasons and the partners that could fill them, with why. */
export function GapList({ stack, limit = 6 }: GapListProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? stack.gaps : stack.gaps.slice(0, limit);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No gaps: every cell is covered and every value chain link has an active partner.
      </Text>
    );
  return (
    <Stack gap="sm" component="ol" p={0} m={0} aria-label="Gaps" style={{ listStyle: "none" }}>
      {shown.map((gap, index) => {
        const layer = gap.kind === "cell" ? stack.layers.find((l) => l.key === gap.layer)?.label : null;
        const title = gap.kind === "cell" ? `${layer} × ${gap.stageName}` : `Value chain: ${gap.linkName}`;
        const colours = levelStyles[gap.kind === "cell" ? gap.level : "empty"];
        return (
          <Paper component="li" key={`${gap.kind}-${title}`} withBorder p="sm" radius="md">
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <Box
                mt={4}
                w={10}
                h={10}
                style={{ borderRadius: 10, background: colours.border, flex: "none" }}
                aria-hidden
              />
              <Stack gap={6} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text fw={700} size="sm">
                    {index + 1}. {title}
                  </Text>
                  <Badge
                    size="xs"
                    variant="light"
                    color={gap.kind === "cell" && gap.level === "weak" ? "yellow" : "red"}
                  >
                    {gap.kind === "cell" ? levelStyles[gap.level].label : "Uncovered link"}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {gap.reason}.
                </Text>
                <Recommendations recommendations={gap.recommendations} />
              </Stack>
            </Group>
          </Paper>
        );
      })}
      {stack.gaps.length > shown.length && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setShowAll(true)}
          style={{ alignSelf: "flex-start" }}
        >
          Show all {stack.gaps.length} gaps
        </Button>
      )}
    </Stack>
  );
}

/** The best partner with its reasons as chips; the runners-up by name. */
function Recommendations({ recommendations }: { recommendations: StackGap["recommendations"] }) {
  const [best, ...others] = recommendations;
  if (!best)
    return (
      <Text size="xs" c="dimmed">
        No partner in the workspace fits yet: recruit one for this layer.
      </Text>
    );
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <Text size="xs" fw={600}>
          Recommended:
        </Text>
        <AppLink href={`/partners/${best.partnerId}`} size="xs" fw={700}>
          {best.name}
        </AppLink>
        <Badge size="xs" variant="filled" color="eco">
          fit {best.score}
        </Badge>
        {best.why.slice(0, 4).map((why) => (
          <Badge key={why} size="xs" variant="light" color="gray" tt="none" fw={500}>
            {why}
          </Badge>
        ))}
      </Group>
      {others.length > 0 && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            Also:
          </Text>
          {others.map((r, index) => (
            <Text key={r.partnerId} size="xs" c="dimmed" component="span">
              <AppLink href={`/partners/${r.partnerId}`} size="xs">
                {r.name}
              </AppLink>{" "}
              ({labelOf(r.lifecycle).toLowerCase()}, fit {r.score}){index < others.length - 1 ? "," : ""}
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
}
