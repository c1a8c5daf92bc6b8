import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useId, useRef, useState } from "react";
import { IconUpload } from "../../../shared/ui/icons";
import { formatBytes } from "./labels";

interface FileDropZoneProps {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
}

/** A drop target for one CSV file, with an ordinary file input for keyboards and screen readers. */
export function FileDropZone({ file, onChange, disabled }: FileDropZoneProps) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      onDragOver={(event: DragEvent<HTMLDivElement>) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: "dashed",
        borderWidth: 2,
        borderColor: over ? "var(--mantine-color-eco-6, var(--mantine-primary-color-filled))" : undefined,
        background: over ? "var(--mantine-primary-color-light)" : undefined,
      }}
      data-dragging={over || undefined}
    >
      <Stack align="center" gap={6}>
        <IconUpload size={28} aria-hidden />
        {file ? (
          <Text fw={600} ta="center">
            {file.name}{" "}
            <Text span c="dimmed" size="sm">
              ({formatBytes(file.size)})
            </Text>
          </Text>
        ) : (
          <Text fw={600} ta="center">
            Drop a CSV file here
          </Text>
        )}
        <Text size="xs" c="dimmed" ta="center">
          CSV exports from Salesforce, HubSpot or any spreadsheet: UTF-8, UTF-16 or Windows-1252, separated by
          commas, semicolons or tabs.
        </Text>
        <Group gap="xs" mt={4}>
          <label htmlFor={inputId} style={hiddenStyle}>
            CSV file
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
            disabled={disabled}
            style={hiddenStyle}
            onChange={(event) => {
              onChange(event.currentTarget.files?.[0] ?? null);
              // Picking the same file again after an error should still fire a change.
              event.currentTarget.value = "";
            }}
          />
          <Button variant="default" size="xs" disabled={disabled} onClick={() => input.current?.click()}>
            {file ? "Choose another file" : "Choose a file"}
          </Button>
          {file && (
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              disabled={disabled}
              onClick={() => onChange(null)}
            >
              Remove
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Off-screen but still in the accessibility tree (and settable by tests via its label). */
const hiddenStyle = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;
