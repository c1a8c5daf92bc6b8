import { Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { allItems } from "../../../shared/api/pagination";
import { formatDate, formatDateTime } from "../../../shared/format/date";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { useApiKeys } from "../api/get-api-keys";
import { useRevokeApiKey } from "../api/revoke-api-key";

export function ApiKeysTable({ canRevoke }: { canRevoke: boolean }) {
  const apiKeys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  if (apiKeys.isPending) return <TableSkeleton />;
  if (apiKeys.isError) {
    return (
      <ErrorAlert error={apiKeys.error} title="Could not load API keys" onRetry={() => apiKeys.refetch()} />
    );
  }

  const rows = allItems(apiKeys.data.pages);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md">
        No API keys yet. Create one for each integration so you can revoke them one by one.
      </Text>
    );
  }

  return (
    <Stack gap="md">
      {revokeError !== null && <ErrorAlert error={revokeError} title="Could not revoke the key" />}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              {canRevoke && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((key) => (
              <Table.Tr key={key.id} opacity={key.revokedAt ? 0.6 : 1}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {key.name}
                  </Text>
                  {key.createdBy && (
                    <Text size="xs" c="dimmed">
                      by {key.createdBy.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{key.prefix}</Code>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={key.role} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(key.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}
                  </Text>
                </Table.Td>
                {canRevoke && (
                  <Table.Td ta="right">
                    {key.revokedAt ? (
                      <Badge color="gray" variant="outline" radius="sm">
                        Revoked
                      </Badge>
                    ) : (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Revoke API key ${key.name}`}
                        loading={revoke.isPending && revoke.variables === key.id}
                        onClick={() => {
                          setRevokeError(null);
                          revoke.mutate(key.id, { onError: setRevokeError });
                        }}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {apiKeys.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={apiKeys.isFetchingNextPage}
            onClick={() => apiKeys.fetchNextPage()}
          >
            Load more keys
          </Button>
        </Group>
      )}
    </Stack>
  );
}
