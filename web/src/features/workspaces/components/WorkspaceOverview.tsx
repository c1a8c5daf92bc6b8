import { Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ROLE_DESCRIPTIONS } from "../../../shared/auth/roles";
import { formatDate } from "../../../shared/format/date";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconStack } from "../../../shared/ui/icons";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { useWorkspace } from "../api/get-workspace";

/** The overview's head card: which workspace you are in and what your role lets you do. */
export function WorkspaceOverview({ greeting }: { greeting: ReactNode }) {
  const workspace = useWorkspace();

  if (workspace.isPending) {
    return (
      <Paper withBorder radius="md" p="xl" aria-busy="true" aria-label="Loading workspace">
        <Skeleton height={14} width={120} mb="md" />
        <Skeleton height={30} width="50%" mb="md" />
        <Skeleton height={14} width="70%" />
      </Paper>
    );
  }
  if (workspace.isError) {
    return (
      <ErrorAlert
        error={workspace.error}
        title="Could not load the workspace"
        onRetry={() => workspace.refetch()}
      />
    );
  }

  const { name, role, slug, createdAt } = workspace.data;
  return (
    <Paper withBorder radius="md" p={{ base: "lg", sm: "xl" }} shadow="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {greeting}
          </Text>
          <Title order={1} fz={{ base: 26, sm: 32 }} fw={700} lts={-0.6}>
            {name}
          </Title>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              Your role:
            </Text>
            <RoleBadge role={role} />
            <Text size="sm" c="dimmed">
              · {ROLE_DESCRIPTIONS[role]}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            <Text span ff="monospace" size="xs">
              {slug}
            </Text>{" "}
            · created {formatDate(createdAt)}
          </Text>
        </Stack>
        <ThemeIcon size={56} radius="md" variant="light" visibleFrom="sm">
          <IconStack size={30} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}
