import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { ErrorAlert } from "./ErrorAlert";

/** Rendered by the router in place of a route that threw while loading or rendering. */
export function RouteErrorBoundary({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Center py="xl" px="md">
      <Stack gap="md" maw={560} w="100%">
        <Title order={1} fz="xl">
          This page could not be shown
        </Title>
        <ErrorAlert error={error} onRetry={retry} />
        <Text size="sm" c="dimmed">
          If it keeps happening, reload the page or go back to the overview.
        </Text>
        <div>
          <Button variant="default" component="a" href="/">
            Go to the overview
          </Button>
        </div>
      </Stack>
    </Center>
  );
}
