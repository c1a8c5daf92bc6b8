import { Paper, SimpleGrid, Text } from "@mantine/core";
import { AppLink } from "./AppLink";

/**
 * The Strategy area's design pages. Other modules add their pages here: one entry each, in the
 * order a partner leader designs the stack (customer first).
 */
export const designLinks: { href: string; title: string; text: string }[] = [
  {
    href: "/strategy/icps",
    title: "Ideal Customer Profiles",
    text: "Who you sell to, as weighted criteria that score every account.",
  },
  {
    href: "/strategy/journey",
    title: "Buyer's journey",
    text: "The stages your customers go through: Identify → Expand.",
  },
  {
    href: "/strategy/plays",
    title: "Sales plays",
    text: "What happens at each stage, who leads it, with which partners.",
  },
];

export function DesignLinks() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="nav" aria-label="Design">
      {designLinks.map((link) => (
        <Paper key={link.href} withBorder p="md" radius="md">
          <AppLink href={link.href} fw={700} size="sm">
            {link.title}
          </AppLink>
          <Text size="xs" c="dimmed" mt={4}>
            {link.text}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
