import { Badge, EmptyState, Group, List, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import type { ComponentType, ReactNode } from "react";
import { IconCheck } from "../../../shared/ui/icons";
import { PageHeader } from "../../../shared/ui/PageHeader";
import { AREAS, type AreaId } from "./area-content";

interface AreaPageProps {
  area: AreaId;
  icon: ComponentType<{ size?: number }>;
  /** Extra illustration under the empty state, e.g. the journey arc. */
  children?: ReactNode;
}

/** A product area that has no data yet: what it is for and what will appear here. */
export function AreaPage({ area, icon: Icon, children }: AreaPageProps) {
  const content = AREAS[area];
  return (
    <>
      <PageHeader title={content.title} description={content.summary} />
      <Paper withBorder radius="md" p={{ base: "lg", sm: 40 }}>
        <Stack gap="xl" align="center">
          <EmptyState variant="light" size="lg" icon={<Icon size={28} />}>
            <EmptyState.Title order={2}>{content.emptyTitle}</EmptyState.Title>
            <EmptyState.Description maw={620}>{content.emptyDescription}</EmptyState.Description>
          </EmptyState>
          {children}
          <Stack gap="sm" w="100%" maw={560}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                What you will do here
              </Text>
              <Badge variant="light" color="gray" size="sm">
                Coming soon
              </Badge>
            </Group>
            <List
              spacing="xs"
              size="sm"
              icon={
                <ThemeIcon size={20} radius="xl" variant="light">
                  <IconCheck size={12} />
                </ThemeIcon>
              }
            >
              {content.points.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
          </Stack>
        </Stack>
      </Paper>
    </>
  );
}
