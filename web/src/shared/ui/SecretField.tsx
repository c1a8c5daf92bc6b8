import { Group, TextInput } from "@mantine/core";
import { CopyButton } from "./CopyButton";

interface SecretFieldProps {
  label: string;
  value: string;
  copyLabel: string;
}

/** A read-only value (link, secret) with a Copy button beside it; the text selects on focus. */
export function SecretField({ label, value, copyLabel }: SecretFieldProps) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        flex={1}
      />
      <CopyButton value={value} label={copyLabel} />
    </Group>
  );
}
