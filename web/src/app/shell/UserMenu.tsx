import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useLogout, useSession } from "../../shared/auth/session";
import { IconChevronDown, IconLogout, IconSettings } from "../../shared/ui/icons";

export function UserMenu() {
  const { data: session } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!session) return null;
  const { user } = session;

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: "/login" }) });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`User menu for ${user.name}`} style={{ borderRadius: 999 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar name={user.name} color="initials" radius="xl" size={34} />
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={160}>
              {user.name}
            </Text>
            <IconChevronDown size={14} color="var(--mantine-color-gray-6)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconSettings size={16} />}
          onClick={() => void navigate({ to: "/settings/workspace" })}
        >
          Settings
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onLogout}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
