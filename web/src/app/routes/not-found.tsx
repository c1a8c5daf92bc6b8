import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <Text fz={48} fw={800} c="eco.7" lh={1}>
          404
        </Text>
        <Title order={1} fz="xl">
          Page not found
        </Title>
        <Text c="dimmed" size="sm">
          The page you asked for does not exist or has moved.
        </Text>
        <Button component={Link} to="/" mt="sm">
          Go to the overview
        </Button>
      </Stack>
    </Center>
  );
}
