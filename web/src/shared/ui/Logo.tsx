import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconStack } from "./icons";

interface LogoProps {
  size?: "md" | "lg";
  /** Hide the word mark on narrow screens, keeping only the icon. */
  compact?: boolean;
}

export function Logo({ size = "md", compact = false }: LogoProps) {
  const large = size === "lg";
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={large ? 40 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: "eco.6", to: "eco.8", deg: 135 }}
      >
        <IconStack size={large ? 24 : 20} strokeWidth={2.2} />
      </ThemeIcon>
      <Text
        component="span"
        fw={750}
        fz={large ? 24 : 19}
        lts={-0.3}
        visibleFrom={compact ? "sm" : undefined}
      >
        Ecostack
      </Text>
    </Group>
  );
}
