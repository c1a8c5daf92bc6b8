import { Paper, SimpleGrid, Text } from "@mantine/core";

export interface Stat {
  label: string;
  value: number;
  color?: string;
}

/** A row of labelled numbers; each card is a group named by its label so tests and readers find it. */
export function StatCards({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: stats.length }} spacing="sm" role="list" aria-label={label}>
      {stats.map((stat) => (
        <Paper key={stat.label} withBorder radius="md" p="sm" role="listitem" aria-label={stat.label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {stat.label}
          </Text>
          <Text fz={26} fw={700} c={stat.color} data-stat={stat.label}>
            {stat.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
