import { Box, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { IconBuilding, IconOverlap, IconStack, IconUsers } from "../../../shared/ui/icons";
import { Logo } from "../../../shared/ui/Logo";
import classes from "./AuthLayout.module.css";

const HIGHLIGHTS = [
  { icon: IconStack, text: "Design your Ecosystem Strategy Stack from the customer backwards" },
  { icon: IconUsers, text: "Run partners, plays and co-sell in one place" },
  { icon: IconOverlap, text: "Map accounts with partners and find the overlaps" },
  { icon: IconBuilding, text: "Self-hosted: your data stays on your servers" },
];

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Two-pane page for logged-out screens: the product pitch beside a form card. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing={0} mih="100dvh">
      <Box className={classes.brand} visibleFrom="md">
        <Stack justify="space-between" h="100%" p={48}>
          <Box c="white">
            <Logo size="lg" />
          </Box>
          <Stack gap="xl" maw={460}>
            <Title order={2} c="white" fz={34} lh={1.15} fw={700} lts={-0.6}>
              Every partner, every play, one ecosystem strategy.
            </Title>
            <Stack gap="md" component="ul" className={classes.list}>
              {HIGHLIGHTS.map(({ icon: Icon, text }) => (
                <li key={text} className={classes.item}>
                  <span className={classes.itemIcon}>
                    <Icon size={18} />
                  </span>
                  <Text c="white" fz="md" opacity={0.92}>
                    {text}
                  </Text>
                </li>
              ))}
            </Stack>
          </Stack>
          <Text c="white" opacity={0.6} fz="xs">
            Open source · Apache-2.0
          </Text>
        </Stack>
      </Box>
      <Stack justify="center" align="center" p={{ base: "md", sm: "xl" }} bg="var(--mantine-color-gray-0)">
        <Box w="100%" maw={420}>
          <Box hiddenFrom="md" mb="xl">
            <Logo />
          </Box>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: "lg", sm: 32 }} component="main">
            <Stack gap={4} mb="lg">
              <Title order={1} fz={24} fw={700} lts={-0.3}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          {footer && (
            <Text ta="center" size="sm" mt="lg" c="dimmed">
              {footer}
            </Text>
          )}
        </Box>
      </Stack>
    </SimpleGrid>
  );
}
