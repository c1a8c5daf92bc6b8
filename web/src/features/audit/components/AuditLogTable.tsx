import { Badge, Code, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { formatDateTime } from "../../../shared/format/date";
import { LoadMoreButton } from "../../../shared/ui/LoadMoreButton";
import { PagedList } from "../../../shared/ui/PagedList";
import { type AuditEvent, useAuditEvents } from "../api/get-audit-events";

const ACTION_FILTERS = [
  { value: "export.*", label: "Exports" },
  { value: "import.*", label: "Imports" },
  { value: "sharing.*", label: "Sharing" },
];

function actorLabel(actor: AuditEvent["actor"]): string {
  if (actor.email) return actor.email;
  if (actor.kind === "api_key") return "API key";
  if (actor.kind === "cli") return "Command line";
  if (actor.kind === "user") return "Deleted user";
  return "System";
}

/** The details worth a glance (row counts, file names…), without internal ids. */
function detailsText(details: AuditEvent["details"]): string {
  return Object.entries(details)
    .filter(([key, value]) => key !== "apiKeyId" && (typeof value !== "object" || value === null))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(" · ");
}

export function AuditLogTable() {
  const [action, setAction] = useState<string | null>(null);
  const events = useAuditEvents(action);

  const filter = (
    <Select
      label="Show"
      placeholder="Every action"
      data={ACTION_FILTERS}
      value={action}
      onChange={setAction}
      clearable
      w={220}
    />
  );

  return (
    <PagedList query={events} loadErrorTitle="Could not load the audit log">
      {(rows) => (
        <Stack gap="md">
          {filter}
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" py="md">
              Nothing recorded yet. Imports, exports and sharing changes appear here with who made them.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Audit log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>By</Table.Th>
                    <Table.Th>Details</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatDateTime(event.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" radius="sm">
                          {event.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{event.subjectType}</Text>
                        {event.subjectId && <Code>{event.subjectId}</Code>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{actorLabel(event.actor)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {detailsText(event.details)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMoreButton query={events} centered>
            Load more events
          </LoadMoreButton>
        </Stack>
      )}
    </PagedList>
  );
}
