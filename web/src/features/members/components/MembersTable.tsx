import { Avatar, Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { allItems } from "../../../shared/api/pagination";
import {
  canAdminister,
  GRANTABLE_ROLES,
  ROLES,
  type Role,
  roleOptions,
  roleSchema,
} from "../../../shared/auth/roles";
import { formatDate } from "../../../shared/format/date";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { type Member, useMembers } from "../api/get-members";
import { useUpdateMemberRole } from "../api/update-member-role";
import { RemoveMemberButton } from "./RemoveMemberButton";

interface MembersTableProps {
  currentUserId: string;
  currentRole: Role | null;
}

export function MembersTable({ currentUserId, currentRole }: MembersTableProps) {
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const [actionError, setActionError] = useState<unknown>(null);
  const admin = canAdminister(currentRole);
  // Only an owner can hand out or take away ownership.
  const assignable: readonly Role[] = currentRole === "owner" ? ROLES : GRANTABLE_ROLES;

  if (members.isPending) return <TableSkeleton />;
  if (members.isError) {
    return (
      <ErrorAlert error={members.error} title="Could not load members" onRetry={() => members.refetch()} />
    );
  }

  const rows = allItems(members.data.pages);
  const editable = (member: Member) =>
    admin && member.userId !== currentUserId && (member.role !== "owner" || currentRole === "owner");

  const onRoleChange = (member: Member, value: string) => {
    const role = roleSchema.safeParse(value);
    if (!role.success || role.data === member.role) return;
    setActionError(null);
    updateRole.mutate({ userId: member.userId, role: role.data }, { onError: setActionError });
  };

  return (
    <Stack gap="md">
      {actionError !== null && <ErrorAlert error={actionError} title="The change was not saved" />}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Joined</Table.Th>
              {admin && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar size={32} radius="xl" color="initials" name={member.name} />
                    <Text size="sm" fw={500}>
                      {member.name}
                      {member.userId === currentUserId && (
                        <Text span c="dimmed" size="sm">
                          {" "}
                          (you)
                        </Text>
                      )}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.email}</Text>
                </Table.Td>
                <Table.Td>
                  {editable(member) ? (
                    <NativeSelect
                      aria-label={`Role for ${member.name}`}
                      size="xs"
                      w={170}
                      data={roleOptions(
                        assignable.includes(member.role) ? assignable : [member.role, ...assignable],
                      )}
                      value={member.role}
                      disabled={updateRole.isPending && updateRole.variables?.userId === member.userId}
                      onChange={(event) => onRoleChange(member, event.currentTarget.value)}
                    />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(member.joinedAt)}
                  </Text>
                </Table.Td>
                {admin && (
                  <Table.Td ta="right">
                    {editable(member) && <RemoveMemberButton member={member} onError={setActionError} />}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {members.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={members.isFetchingNextPage}
            onClick={() => members.fetchNextPage()}
          >
            Load more members
          </Button>
        </Group>
      )}
    </Stack>
  );
}
