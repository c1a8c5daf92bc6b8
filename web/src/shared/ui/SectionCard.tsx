import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface SectionCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** A titled card that groups one task on a settings page. */
export function SectionCard({ title, description, children }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-label={title}>
      <Stack gap={4} mb="md">
        <Title order={2} fz="lg" fw={650}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Paper>
  );
}
