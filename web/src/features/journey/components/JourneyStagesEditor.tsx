import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconChevronDown, IconPlus, IconTrash } from "../../../shared/ui/icons";
import {
  type JourneyStage,
  useCreateStage,
  useDeleteStage,
  useReorderStages,
  useUpdateStage,
} from "../api/journey-stages";

function moved(ids: string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const target = index + by;
  const a = next[index];
  const b = next[target];
  if (a === undefined || b === undefined) return ids;
  next[index] = b;
  next[target] = a;
  return next;
}

function StageRow({
  stage,
  index,
  count,
  canEdit,
  onMove,
}: {
  stage: JourneyStage;
  index: number;
  count: number;
  canEdit: boolean;
  onMove: (by: -1 | 1) => void;
}) {
  const [name, setName] = useState(stage.name);
  const [description, setDescription] = useState(stage.description ?? "");
  const update = useUpdateStage();
  const remove = useDeleteStage();
  const dirty = name.trim() !== stage.name || description.trim() !== (stage.description ?? "");

  return (
    <Paper withBorder p="sm" radius="md" aria-label={`Stage ${index + 1}: ${stage.name}`}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Badge size="lg" radius="xl" variant="light" mt={4}>
          {index + 1}
        </Badge>
        <Stack gap={6} flex={1}>
          <Group gap="xs" align="flex-end">
            <TextInput
              flex={1}
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              readOnly={!canEdit}
            />
            <Text size="xs" c="dimmed" ff="monospace" mb={8}>
              {stage.key}
            </Text>
          </Group>
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            readOnly={!canEdit}
            autosize
            minRows={1}
          />
          {(update.error || remove.error) && <ErrorAlert error={update.error ?? remove.error} />}
          {canEdit && dirty && (
            <Group>
              <Button
                size="xs"
                loading={update.isPending}
                onClick={() =>
                  update.mutate({
                    id: stage.id,
                    name: name.trim(),
                    description: description.trim() === "" ? null : description.trim(),
                  })
                }
              >
                Save
              </Button>
            </Group>
          )}
        </Stack>
        {canEdit && (
          <Stack gap={4}>
            <ActionIcon
              variant="default"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={`Move ${stage.name} up`}
            >
              <IconChevronDown size={16} style={{ transform: "rotate(180deg)" }} />
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={`Move ${stage.name} down`}
            >
              <IconChevronDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(stage.id)}
              aria-label={`Delete ${stage.name}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Stack>
        )}
      </Group>
    </Paper>
  );
}

/** The journey arc as an ordered, editable list: rename, describe, reorder, add, delete. */
export function JourneyStagesEditor({ stages, canEdit }: { stages: JourneyStage[]; canEdit: boolean }) {
  const reorder = useReorderStages();
  const create = useCreateStage();
  const [name, setName] = useState("");
  const ids = stages.map((s) => s.id);

  function add(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: name.trim(), description: null }, { onSuccess: () => setName("") });
  }

  return (
    <Stack gap="sm">
      {stages.map((stage, index) => (
        <StageRow
          key={`${stage.id}:${stage.name}:${stage.description ?? ""}`}
          stage={stage}
          index={index}
          count={stages.length}
          canEdit={canEdit}
          onMove={(by) => reorder.mutate(moved(ids, index, by))}
        />
      ))}
      {reorder.error && <ErrorAlert error={reorder.error} />}
      {canEdit && (
        <Group component="form" onSubmit={add} align="flex-end" gap="sm">
          <TextInput
            flex={1}
            label="New stage"
            placeholder="e.g. Renew"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button
            type="submit"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!name.trim()}
          >
            Add stage
          </Button>
        </Group>
      )}
      {create.error && <ErrorAlert error={create.error} />}
    </Stack>
  );
}
