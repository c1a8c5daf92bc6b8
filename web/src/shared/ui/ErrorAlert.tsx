import { Alert, Button, Group, Text } from "@mantine/core";
import { describeError, isApiError } from "../api/problem";
import { IconAlertCircle } from "./icons";

interface ErrorAlertProps {
  error: unknown;
  /** Overrides the problem's title. */
  title?: string;
  onRetry?: () => void;
}

/** Shows an API problem's detail (or any error's message) with an optional retry. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const described = describeError(error);
  // A stable code helps when reporting server or network trouble; for 4xx the detail says it all.
  const code = isApiError(error) && (error.status === 0 || error.status >= 500) ? error.code : null;
  return (
    <Alert color="red" variant="light" title={title ?? described.title} icon={<IconAlertCircle />}>
      <Text size="sm">{described.detail}</Text>
      {(onRetry || code) && (
        <Group justify="space-between" mt="xs">
          {code ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {code}
            </Text>
          ) : (
            <span />
          )}
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
