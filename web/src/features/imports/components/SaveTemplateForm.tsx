import { Button, Group, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { describeError } from "../../../shared/api/problem";
import type { Import, ImportPreset, MappingEntry } from "../api/import-schema";
import { IMPORT_PRESETS } from "../api/import-schema";
import { useCreateImportTemplate } from "../api/import-templates";
import { presetLabel } from "./labels";

/** Saves the mapping on screen as a named template for the next file with these headers. */
export function SaveTemplateForm({ imported, mapping }: { imported: Import; mapping: MappingEntry[] }) {
  const [name, setName] = useState(`${presetLabel(imported.preset)} ${imported.entity.replace("_", " ")}s`);
  const save = useCreateImportTemplate();
  const preset: ImportPreset = (IMPORT_PRESETS as readonly string[]).includes(imported.preset)
    ? (imported.preset as ImportPreset)
    : "generic";
  const submit = () =>
    save.mutate({
      name: name.trim(),
      entity: imported.entity,
      preset,
      mapping: mapping.map(({ header, field, attribute }) => ({ header, field, attribute })),
    });

  return (
    <Group
      gap="xs"
      align="flex-end"
      component="form"
      aria-label="Save mapping as template"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextInput
        label="Template name"
        size="xs"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={save.isError ? describeError(save.error).detail : undefined}
        w={240}
      />
      <Button
        type="submit"
        size="xs"
        variant="default"
        loading={save.isPending}
        disabled={name.trim() === ""}
      >
        Save as template
      </Button>
      {save.isSuccess && (
        <Text size="xs" c="green" role="status">
          Saved as “{save.data.name}”
        </Text>
      )}
    </Group>
  );
}
