import { AppShell, Burger, Group, ScrollArea, Text } from "@mantine/core";
import { useDisclosure, useReducedMotion } from "@mantine/hooks";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { WorkspaceSwitcher } from "../../features/workspaces/components/WorkspaceSwitcher";
import { Logo } from "../../shared/ui/Logo";
import classes from "./AppLayout.module.css";
import { MainNav } from "./MainNav";
import { UserMenu } from "./UserMenu";

/** The signed-in frame: header (product, workspace switcher, user menu), navbar, page. */
export function AppLayout() {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const reduceMotion = useReducedMotion();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // On small screens the navbar is an overlay: close it once the user has picked a page.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
        padding={{ base: "md", sm: "xl" }}
        transitionDuration={reduceMotion ? 0 : 200}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                transitionDuration={reduceMotion ? 0 : 300}
                aria-label={navOpened ? "Close navigation" : "Open navigation"}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Link
                to="/"
                aria-label="Ecostack overview"
                style={{ color: "inherit", textDecoration: "none" }}
              >
                <Logo compact />
              </Link>
              <Text c="gray.4" visibleFrom="xs" aria-hidden="true">
                /
              </Text>
              <WorkspaceSwitcher onSwitched={() => void navigate({ to: "/" })} />
            </Group>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          id="main-navigation"
          aria-label="Product areas"
          className={navOpened ? undefined : classes.closedOnMobile}
        >
          <AppShell.Section grow component={ScrollArea}>
            <MainNav />
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py="xs">
              Ecostack · open-source partner ecosystem platform
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: "none" }}>
          <div style={{ maxWidth: 1200, margin: "0 auto" }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
