import { Alert, Group, Paper, Stack, Text } from "@mantine/core";
import { ROLE_DESCRIPTIONS } from "../../../shared/auth/roles";
import { IconInfoCircle } from "../../../shared/ui/icons";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import type { PublicInvitation } from "../api/get-invitation-by-token";

const CLOSED_MESSAGES = {
  accepted: "This invitation has already been accepted.",
  revoked: "This invitation was revoked by the workspace. Ask them for a new link.",
  expired: "This invitation has expired. Ask the workspace for a new link.",
} as const;

/** What an invitation offers: the workspace, the role, and whether it can still be used. */
export function InvitationSummary({ invitation }: { invitation: PublicInvitation }) {
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
        <Stack gap={6}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
            Workspace
          </Text>
          <Text fw={700} fz="lg" data-testid="invitation-workspace">
            {invitation.workspace.name}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Role:
            </Text>
            <RoleBadge role={invitation.role} />
          </Group>
          <Text size="xs" c="dimmed">
            {ROLE_DESCRIPTIONS[invitation.role]}
          </Text>
          <Text size="sm">
            Invitation for <strong>{invitation.email}</strong>
          </Text>
        </Stack>
      </Paper>
      {invitation.status !== "pending" && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle />}
          title="This link can no longer be used"
        >
          {CLOSED_MESSAGES[invitation.status]}
        </Alert>
      )}
    </Stack>
  );
}
