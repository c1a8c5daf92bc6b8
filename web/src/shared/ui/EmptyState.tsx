import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** What an empty list says: a bold line and, under it, what to do. */
export function EmptyState({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text fw={700}>{title}</Text>
      <Text size="sm" c="dimmed" ta="center" maw={460}>
        {children}
      </Text>
    </Stack>
  );
}
