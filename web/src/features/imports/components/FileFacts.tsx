import { Alert, Badge, Group, Text } from "@mantine/core";
import { IconInfoCircle } from "../../../shared/ui/icons";
import type { Import } from "../api/import-schema";
import { delimiterLabel, ENTITY_LABELS, encodingLabel, formatBytes, presetLabel } from "./labels";

/** How the file was read: format (preset), encoding, delimiter, size — said plainly. */
export function FileFacts({ imported }: { imported: Import }) {
  const legacyEncoding = imported.encoding !== null && imported.encoding.toLowerCase() === "windows-1252";
  return (
    <>
      <Group gap="xs" wrap="wrap" aria-label="How the file was read">
        <Text size="sm" fw={600}>
          {imported.fileName}
        </Text>
        <Text size="sm" c="dimmed">
          {formatBytes(imported.fileBytes)} · {ENTITY_LABELS[imported.entity]}
          {imported.partner ? ` of ${imported.partner.name}` : ""}
          {imported.preview ? ` · ${imported.preview.rows.toLocaleString()} rows` : ""}
        </Text>
        <Badge variant="light" color="grape">
          {imported.preset === "auto" ? "Format: detecting…" : `Format: ${presetLabel(imported.preset)}`}
        </Badge>
        {imported.encoding && (
          <Badge variant="light" color={legacyEncoding ? "orange" : "gray"}>
            {encodingLabel(imported.encoding)}
          </Badge>
        )}
        {imported.delimiter && (
          <Badge variant="light" color="gray">
            {delimiterLabel(imported.delimiter)}-separated
          </Badge>
        )}
        <Badge variant="outline" color="gray">
          Source: {imported.source}
        </Badge>
      </Group>
      {legacyEncoding && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle />} title="Windows-1252 detected">
          <Text size="sm">
            This file is not UTF-8: it was saved in Windows-1252, as Excel and older Salesforce exports often
            are. Ecostack converts it, so accented letters such as é and º arrive exactly as written.
          </Text>
        </Alert>
      )}
    </>
  );
}
