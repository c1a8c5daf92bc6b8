import { Badge, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { ROLE_LABELS } from "../../../shared/auth/roles";
import { currentMembership, useSession, useSwitchWorkspace } from "../../../shared/auth/session";
import { IconCheck, IconPlus, IconSelector } from "../../../shared/ui/icons";
import { CreateWorkspaceModal } from "./CreateWorkspaceModal";
import classes from "./WorkspaceSwitcher.module.css";

interface WorkspaceSwitcherProps {
  /** Called after a switch or a creation, e.g. to go back to the overview. */
  onSwitched: () => void;
}

/** Lists the user's memberships; picking one moves the session to that workspace. */
export function WorkspaceSwitcher({ onSwitched }: WorkspaceSwitcherProps) {
  const { data: session } = useSession();
  const switchWorkspace = useSwitchWorkspace();
  const [creating, setCreating] = useState(false);
  const current = currentMembership(session);
  const currentName = current?.workspace.name ?? "No workspace";

  const onPick = (workspaceId: string) => {
    if (workspaceId === session?.currentWorkspaceId) return;
    switchWorkspace.mutate(workspaceId, { onSuccess: onSwitched });
  };

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            className={classes.trigger}
            aria-label={`Switch workspace (current: ${currentName})`}
            disabled={switchWorkspace.isPending}
          >
            <Group gap={8} wrap="nowrap">
              <span className={classes.mark} aria-hidden="true">
                {currentName.slice(0, 1).toUpperCase()}
              </span>
              <Text fw={600} size="sm" truncate maw={{ base: 110, sm: 220 }}>
                {currentName}
              </Text>
              <IconSelector size={16} className={classes.chevron} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces</Menu.Label>
          {session?.memberships.map((membership) => {
            const selected = membership.workspace.id === session.currentWorkspaceId;
            return (
              <Menu.Item
                key={membership.workspace.id}
                onClick={() => onPick(membership.workspace.id)}
                leftSection={selected ? <IconCheck size={16} /> : <span className={classes.spacer} />}
                rightSection={
                  <Badge size="xs" variant="light" color="gray">
                    {ROLE_LABELS[membership.role]}
                  </Badge>
                }
                aria-current={selected ? "true" : undefined}
              >
                <Text size="sm" truncate fw={selected ? 600 : 400}>
                  {membership.workspace.name}
                </Text>
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={() => setCreating(false)} onCreated={onSwitched} />
    </>
  );
}
