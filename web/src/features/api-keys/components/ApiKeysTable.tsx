import { Badge, Code, Table, Text } from "@mantine/core";
import { useState } from "react";
import { formatDate, formatDateTime } from "../../../shared/format/date";
import { PagedTable } from "../../../shared/ui/PagedTable";
import { RevokeButton } from "../../../shared/ui/RevokeButton";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { useApiKeys } from "../api/get-api-keys";
import { useRevokeApiKey } from "../api/revoke-api-key";

export function ApiKeysTable({ canRevoke }: { canRevoke: boolean }) {
  const apiKeys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  return (
    <PagedTable
      query={apiKeys}
      loadErrorTitle="Could not load API keys"
      empty={
        <Text size="sm" c="dimmed" py="md">
          No API keys yet. Create one for each integration so you can revoke them one by one.
        </Text>
      }
      actionError={revokeError}
      actionErrorTitle="Could not revoke the key"
      label="API keys"
      minWidth={760}
      columns={["Name", "Prefix", "Role", "Created", "Last used"]}
      withActions={canRevoke}
      loadMoreLabel="Load more keys"
    >
      {(rows) =>
        rows.map((key) => (
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
                  <RevokeButton
                    revoke={revoke}
                    id={key.id}
                    label={`Revoke API key ${key.name}`}
                    onError={setRevokeError}
                  />
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))
      }
    </PagedTable>
  );
}
