import { Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { allItems } from "../../../shared/api/pagination";
import { formatDate } from "../../../shared/format/date";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { useInvitations } from "../api/get-invitations";
import { useRevokeInvitation } from "../api/revoke-invitation";
import { InvitationStatusBadge } from "./InvitationStatusBadge";

export function InvitationsTable({ canRevoke }: { canRevoke: boolean }) {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  if (invitations.isPending) return <TableSkeleton />;
  if (invitations.isError) {
    return (
      <ErrorAlert
        error={invitations.error}
        title="Could not load invitations"
        onRetry={() => invitations.refetch()}
      />
    );
  }

  const rows = allItems(invitations.data.pages);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md">
        No invitations yet. Invite a colleague above; the link appears here until they accept.
      </Text>
    );
  }

  return (
    <Stack gap="md">
      {revokeError !== null && <ErrorAlert error={revokeError} title="Could not revoke the invitation" />}
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Expires</Table.Th>
              {canRevoke && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {invitation.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={invitation.role} />
                </Table.Td>
                <Table.Td>
                  <InvitationStatusBadge status={invitation.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{invitation.invitedBy?.name ?? "—"}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(invitation.expiresAt)}
                  </Text>
                </Table.Td>
                {canRevoke && (
                  <Table.Td ta="right">
                    {invitation.status === "pending" && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Revoke invitation for ${invitation.email}`}
                        loading={revoke.isPending && revoke.variables === invitation.id}
                        onClick={() => {
                          setRevokeError(null);
                          revoke.mutate(invitation.id, { onError: setRevokeError });
                        }}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invitations.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={invitations.isFetchingNextPage}
            onClick={() => invitations.fetchNextPage()}
          >
            Load more invitations
          </Button>
        </Group>
      )}
    </Stack>
  );
}
