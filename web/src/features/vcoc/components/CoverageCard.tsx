import { Badge, Group, Paper, Progress, RingProgress, Stack, Text, Title } from "@mantine/core";
import type { ValueChain } from "../api/get-value-chain";
import { CHANNEL_KIND_COLORS, CHANNEL_KIND_LABELS, percent } from "./labels";

function coverageColor(share: number): string {
  if (share >= 0.8) return "green";
  if (share >= 0.5) return "yellow";
  return "red";
}

/** The VCOC coverage figure, per stage, and the recruiting gaps with their reasons. */
export function CoverageCard({ chain }: { chain: ValueChain }) {
  const { coverage } = chain;
  const color = coverageColor(coverage.overall);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Coverage">
      <Group gap="md" wrap="nowrap" align="center">
        <RingProgress
          size={108}
          thickness={11}
          roundCaps
          sections={[{ value: coverage.overall * 100, color }]}
          label={
            <Text ta="center" fw={800} fz={22} data-testid="vcoc-coverage">
              {percent(coverage.overall)}
            </Text>
          }
        />
        <Stack gap={2}>
          <Title order={2} fz="lg" fw={700}>
            Coverage
          </Title>
          <Text size="sm" c="dimmed">
            Weighted share of links with an active partner.
          </Text>
          <Text size="sm" fw={600}>
            {chain.links.length - coverage.gaps.length} of {chain.links.length} links covered
          </Text>
        </Stack>
      </Group>

      <Stack gap={6} mt="md">
        {coverage.stages.map((stage) => (
          <Group key={stage.stageKey} gap="xs" wrap="nowrap">
            <Text size="xs" w={76} fw={600} truncate>
              {stage.stageName}
            </Text>
            <Progress
              flex={1}
              size="md"
              radius="xl"
              value={(stage.coverage ?? 0) * 100}
              color={stage.coverage === null ? "gray" : coverageColor(stage.coverage)}
              aria-label={`${stage.stageName} coverage`}
            />
            <Text size="xs" w={36} ta="right" c={stage.coverage === null ? "dimmed" : undefined}>
              {stage.coverage === null ? "—" : percent(stage.coverage)}
            </Text>
          </Group>
        ))}
      </Stack>

      <Stack gap="xs" mt="md" aria-label="Gaps" component="section">
        <Group gap={6}>
          <Text fw={700} size="sm">
            Gaps
          </Text>
          <Badge size="sm" variant="light" color={coverage.gaps.length ? "red" : "green"}>
            {coverage.gaps.length}
          </Badge>
        </Group>
        {coverage.gaps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {chain.links.length === 0
              ? "Add the parties your customer relies on."
              : "Every link has an active partner."}
          </Text>
        ) : (
          coverage.gaps.map((gap) => (
            <Paper
              key={gap.linkId}
              radius="sm"
              p="xs"
              bg="var(--mantine-color-red-0)"
              style={{ borderLeft: "3px solid var(--mantine-color-red-6)" }}
              data-testid="vcoc-gap"
            >
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600} truncate>
                  {gap.linkName}
                </Text>
                <Badge size="xs" variant="light" color={CHANNEL_KIND_COLORS[gap.channelKind]}>
                  {CHANNEL_KIND_LABELS[gap.channelKind]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={2}>
                {gap.reason}
              </Text>
            </Paper>
          ))
        )}
      </Stack>
    </Paper>
  );
}
