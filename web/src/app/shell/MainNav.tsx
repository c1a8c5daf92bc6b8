import { Stack, Text } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import type { ComponentType } from "react";
import {
  IconBuilding,
  IconHome,
  IconOverlap,
  IconSettings,
  IconStack,
  IconUpload,
  IconUsers,
} from "../../shared/ui/icons";
import { NavLinkLink } from "../../shared/ui/router-links";

interface NavItem {
  to: "/" | "/strategy" | "/partners" | "/accounts" | "/mapping" | "/imports" | "/settings";
  label: string;
  icon: ComponentType<{ size?: number }>;
}

const WORK_ITEMS: NavItem[] = [
  { to: "/", label: "Overview", icon: IconHome },
  { to: "/strategy", label: "Strategy", icon: IconStack },
  { to: "/partners", label: "Partners", icon: IconUsers },
  { to: "/accounts", label: "Accounts", icon: IconBuilding },
  { to: "/mapping", label: "Mapping", icon: IconOverlap },
  { to: "/imports", label: "Imports", icon: IconUpload },
];

const ADMIN_ITEMS: NavItem[] = [{ to: "/settings", label: "Settings", icon: IconSettings }];

function isActive(pathname: string, to: NavItem["to"]): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

export function MainNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  const renderItem = ({ to, label, icon: Icon }: NavItem) => {
    const active = isActive(pathname, to);
    return (
      <NavLinkLink
        key={to}
        to={to}
        label={label}
        leftSection={<Icon size={18} />}
        active={active}
        aria-current={active ? "page" : undefined}
        fw={active ? 600 : 500}
        style={{ borderRadius: "var(--mantine-radius-md)" }}
      />
    );
  };

  return (
    <Stack gap={2}>
      {WORK_ITEMS.map(renderItem)}
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.5} px="sm" pt="md" pb={4}>
        Workspace
      </Text>
      {ADMIN_ITEMS.map(renderItem)}
    </Stack>
  );
}
