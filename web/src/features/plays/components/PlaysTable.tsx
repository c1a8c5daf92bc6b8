import { Badge, Box, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { PlaySummary } from "../api/get-plays";
import { PLAY_STATUS_COLORS, PLAY_STATUS_LABELS } from "./labels";

/** At most five dots per stage; more would not read better. */
const DOT_IDS = ["a", "b", "c", "d", "e"] as const;

/** One dot per step, grouped by stage in arc order, so a play's shape reads at a glance. */
function StepDots({ counts }: { counts: PlaySummary["stepCounts"] }) {
  return (
    <Group gap={12} wrap="nowrap" align="flex-start">
      {counts.map((stage) => (
        <Tooltip
          key={stage.stageKey}
          label={`${stage.stageName}: ${stage.count} step${stage.count === 1 ? "" : "s"}`}
        >
          <Stack gap={3} align="center" aria-label={`${stage.stageName}: ${stage.count}`} miw={28}>
            <Text fz={10} c="dimmed" fw={600} tt="uppercase" lh={1}>
              {stage.stageName.slice(0, 3)}
            </Text>
            <Group gap={2} wrap="nowrap" mih={8}>
              {stage.count === 0 ? (
                <Box
                  w={8}
                  h={8}
                  style={{ borderRadius: 8, border: "1.5px solid var(--mantine-color-gray-4)" }}
                />
              ) : (
                DOT_IDS.slice(0, Math.min(stage.count, DOT_IDS.length)).map((dot) => (
                  <Box key={dot} w={8} h={8} bg="eco.6" style={{ borderRadius: 8 }} />
                ))
              )}
            </Group>
          </Stack>
        </Tooltip>
      ))}
    </Group>
  );
}

export function PlaysTable({ plays }: { plays: PlaySummary[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Plays">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Play</Table.Th>
            <Table.Th>Solution</Table.Th>
            <Table.Th>ICP</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th>Steps by journey stage</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plays.map((play) => (
            <Table.Tr key={play.id}>
              <Table.Td>
                <AnchorLink to="/strategy/plays/$playId" params={{ playId: play.id }} fw={600}>
                  {play.name}
                </AnchorLink>
                {play.objective && (
                  <Text size="xs" c="dimmed" lineClamp={1} maw={360}>
                    {play.objective}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{play.solution?.name ?? "—"}</Table.Td>
              <Table.Td>{play.icp?.name ?? "—"}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={PLAY_STATUS_COLORS[play.status]}
                  style={{ flexShrink: 0 }}
                  miw={72}
                >
                  {PLAY_STATUS_LABELS[play.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <StepDots counts={play.stepCounts} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
