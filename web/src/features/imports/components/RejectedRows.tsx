import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { env } from "../../../shared/config/env";
import type { RowError } from "../api/import-schema";

interface RejectedRowsProps {
  importId: string;
  errors: RowError[];
  /** How many rows were rejected in all; the list holds the first of them. */
  total: number;
}

/** Every rejected row with line, column, value and reason; all of them as CSV. */
export function RejectedRows({ importId, errors, total }: RejectedRowsProps) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={650}>
          Rejected rows{" "}
          <Text span c="dimmed" size="sm">
            ({total.toLocaleString()}
            {errors.length < total ? `, first ${errors.length} shown` : ""})
          </Text>
        </Text>
        <Anchor
          href={`${env.apiBaseUrl}/v1/imports/${encodeURIComponent(importId)}/errors`}
          download
          size="sm"
        >
          Download error report (CSV)
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={640} maxHeight={320}>
        <Table verticalSpacing={4} fz="sm" aria-label="Rejected rows" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keyed(errors).map(({ key, error }) => (
              <Table.Tr key={key}>
                <Table.Td ff="monospace">{error.line}</Table.Td>
                <Table.Td>{error.column ?? "—"}</Table.Td>
                <Table.Td maw={240} style={{ overflowWrap: "anywhere" }}>
                  {error.value === null ? (
                    <Text span c="dimmed">
                      —
                    </Text>
                  ) : (
                    error.value
                  )}
                </Table.Td>
                <Table.Td>{error.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A line can fail on several columns, and in theory twice on one: count repeats into the key. */
function keyed(errors: RowError[]): { key: string; error: RowError }[] {
  const seen = new Map<string, number>();
  return errors.map((error) => {
    const base = `${error.line}:${error.column ?? ""}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return { key: `${base}:${repeat}`, error };
  });
}
