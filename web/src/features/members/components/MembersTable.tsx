import { Avatar, Group, NativeSelect, Table, Text } from "@mantine/core";
import { useState } from "react";
import {
  canAdminister,
  GRANTABLE_ROLES,
  ROLES,
  type Role,
  roleOptions,
  roleSchema,
} from "../../../shared/auth/roles";
import { formatDate } from "../../../shared/format/date";
import { PagedTable } from "../../../shared/ui/PagedTable";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
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

  const editable = (member: Member) =>
    admin && member.userId !== currentUserId && (member.role !== "owner" || currentRole === "owner");

  const onRoleChange = (member: Member, value: string) => {
    const role = roleSchema.safeParse(value);
    if (!role.success || role.data === member.role) return;
    setActionError(null);
    updateRole.mutate({ userId: member.userId, role: role.data }, { onError: setActionError });
  };

  return (
    <PagedTable
      query={members}
      loadErrorTitle="Could not load members"
      actionError={actionError}
      actionErrorTitle="The change was not saved"
      label="Members"
      minWidth={640}
      columns={["Name", "Email", "Role", "Joined"]}
      withActions={admin}
      loadMoreLabel="Load more members"
    >
      {(rows) =>
        rows.map((member) => (
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
        ))
      }
    </PagedTable>
  );
}
