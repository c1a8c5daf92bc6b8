import { Table, Text } from "@mantine/core";
import { useState } from "react";
import { formatDate } from "../../../shared/format/date";
import { PagedTable } from "../../../shared/ui/PagedTable";
import { RevokeButton } from "../../../shared/ui/RevokeButton";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { useInvitations } from "../api/get-invitations";
import { useRevokeInvitation } from "../api/revoke-invitation";
import { InvitationStatusBadge } from "./InvitationStatusBadge";

export function InvitationsTable({ canRevoke }: { canRevoke: boolean }) {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  return (
    <PagedTable
      query={invitations}
      loadErrorTitle="Could not load invitations"
      empty={
        <Text size="sm" c="dimmed" py="md">
          No invitations yet. Invite a colleague above; the link appears here until they accept.
        </Text>
      }
      actionError={revokeError}
      actionErrorTitle="Could not revoke the invitation"
      label="Invitations"
      minWidth={720}
      columns={["Email", "Role", "Status", "Invited by", "Expires"]}
      withActions={canRevoke}
      loadMoreLabel="Load more invitations"
    >
      {(rows) =>
        rows.map((invitation) => (
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
                  <RevokeButton
                    revoke={revoke}
                    id={invitation.id}
                    label={`Revoke invitation for ${invitation.email}`}
                    onError={setRevokeError}
                  />
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))
      }
    </PagedTable>
  );
}
