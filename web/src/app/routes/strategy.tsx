import { Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { AreaPage } from "../../features/areas/components/AreaPage";
import { JourneyArc } from "../../features/areas/components/JourneyArc";
import { type StackCell, type StackData, useStack } from "../../features/stack/api/get-stack";
import { AppLink } from "../../features/stack/components/AppLink";
import { CellDrawer } from "../../features/stack/components/CellDrawer";
import { DesignLinks } from "../../features/stack/components/DesignLinks";
import { ExportButtons } from "../../features/stack/components/ExportButtons";
import { GapList } from "../../features/stack/components/GapList";
import { StackHeatMap } from "../../features/stack/components/StackHeatMap";
import { StackSelectors } from "../../features/stack/components/StackSelectors";
import { formatMoney, formatPercent, labelOf } from "../../features/stack/components/stack-format";
import { VcocStageChart } from "../../features/stack/components/VcocStageChart";
import { isApiError } from "../../shared/api/problem";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconStack } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";

/** The Strategy area: the stack of a solution × ICP at a glance, its gaps, and the design pages. */
export function StrategyPage() {
  const search = useSearch({ strict: false });
  const navigate = useNavigate();
  const selection = { solution: search.solution, icp: search.icp };
  const stack = useStack(selection);

  if (stack.isPending) return <PageLoader />;
  if (stack.isError) {
    // No solution or ICP yet: the area explains what it will hold and where to start.
    if (isApiError(stack.error) && stack.error.status === 404 && !selection.solution && !selection.icp)
      return (
        <Stack gap="xl">
          <AreaPage area="strategy" icon={IconStack}>
            <JourneyArc />
            <Text size="sm" c="dimmed" ta="center" maw={560}>
              {stack.error.detail}
            </Text>
          </AreaPage>
          <DesignSection />
        </Stack>
      );
    return (
      <>
        <PageHeader title="Strategy" />
        <ErrorAlert error={stack.error} onRetry={() => stack.refetch()} />
      </>
    );
  }
  return (
    <StackOverview stack={stack.data} onSelect={(next) => navigate({ to: "/strategy", search: next })} />
  );
}

function DesignSection() {
  return (
    <Stack gap="sm" component="section" aria-label="Design">
      <Title order={2} fz="lg">
        Design
      </Title>
      <DesignLinks />
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: "gap" }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text fz={24} fw={800} c={tone === "gap" ? "red.8" : "eco.8"}>
        {value}
      </Text>
    </Paper>
  );
}

function StackOverview({
  stack,
  onSelect,
}: {
  stack: StackData;
  onSelect: (selection: { solution?: string; icp?: string }) => void;
}) {
  const [cell, setCell] = useState<StackCell | null>(null);
  const selection = { solution: stack.solution?.id, icp: stack.icp?.id };
  const stageName = new Map(stack.stages.map((s) => [s.key, s.name]));
  return (
    <>
      <PageHeader
        title="Strategy"
        description={`The Ecosystem Strategy Stack of ${stack.solution?.name ?? "—"} for ${stack.icp?.name ?? "—"}: who covers each journey stage in each route to market, and where the gaps are.`}
        actions={<ExportButtons selection={selection} icpId={stack.icp?.id ?? null} />}
      />
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <StackSelectors
            solutionId={stack.solution?.id ?? null}
            icpId={stack.icp?.id ?? null}
            onChange={onSelect}
          />
          <SimpleGrid cols={4} spacing="sm">
            <Figure label="VCOC coverage" value={formatPercent(stack.vcoc.overall)} />
            <Figure label="Cells covered" value={`${stack.totals.coveredCells}/${stack.cells.length}`} />
            <Figure label="Gaps" value={String(stack.gaps.length)} tone="gap" />
            <Figure label="Partner pipeline" value={formatMoney(stack.totals.pipeline)} />
          </SimpleGrid>
        </Group>
        <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md" component="section" aria-label="The stack">
          <Title order={2} fz="lg" mb="sm">
            The stack
          </Title>
          <StackHeatMap stack={stack} onSelect={setCell} />
        </Paper>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper
              withBorder
              p={{ base: "sm", sm: "lg" }}
              radius="md"
              component="section"
              aria-label="Gaps and recommendations"
            >
              <Title order={2} fz="lg" mb="sm">
                Gaps and recommendations
              </Title>
              <GapList stack={stack} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Paper
                withBorder
                p={{ base: "sm", sm: "lg" }}
                radius="md"
                component="section"
                aria-label="Value chain coverage"
              >
                <Group justify="space-between" mb={4}>
                  <Title order={2} fz="lg">
                    Value chain coverage
                  </Title>
                  {stack.icp && (
                    <AppLink href={`/strategy/icps/${stack.icp.id}/value-chain`} size="sm">
                      Open the value chain
                    </AppLink>
                  )}
                </Group>
                <VcocStageChart stages={stack.vcoc.stages} />
              </Paper>
              <Paper
                withBorder
                p={{ base: "sm", sm: "lg" }}
                radius="md"
                component="section"
                aria-label="Plays"
              >
                <Title order={2} fz="lg" mb="sm">
                  Plays ({stack.plays.length})
                </Title>
                <Stack gap="xs">
                  {stack.plays.length === 0 && (
                    <Text size="sm" c="dimmed">
                      No plays for this solution and ICP yet.
                    </Text>
                  )}
                  {stack.plays.map((play) => (
                    <div key={play.id}>
                      <AppLink href={`/strategy/plays/${play.id}`} fw={700} size="sm">
                        {play.name}
                      </AppLink>
                      <Text size="xs" c="dimmed">
                        {labelOf(play.status)} ·{" "}
                        {play.stageKeys.map((k) => stageName.get(k) ?? k).join(" → ")}
                      </Text>
                    </div>
                  ))}
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        <DesignSection />
      </Stack>
      <CellDrawer stack={stack} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}
