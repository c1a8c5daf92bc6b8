import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconTrash } from "../../../shared/ui/icons";
import type { PlayStep } from "../api/get-play";
import { CO_MOTION_COLORS, CO_MOTION_LABELS, MOTION_FAMILY_LABELS, STACK_LAYER_LABELS } from "./labels";

function leadText(lead: PlayStep["lead"]): string {
  const named = lead.partners.map((p) => p.name).join(", ");
  if (lead.kind === "partners") return named;
  const who = lead.kind === "layer" && lead.layer ? `${STACK_LAYER_LABELS[lead.layer]} partners` : "Vendor";
  return named ? `${who}, with ${named}` : who;
}

interface StepCardProps {
  step: PlayStep;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

export function StepCard({ step, canEdit, onEdit, onDelete }: StepCardProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      aria-label={`Step: ${step.description}`}
      onClick={canEdit ? onEdit : undefined}
      style={{ cursor: canEdit ? "pointer" : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
          <Text size="sm" fw={600} lh={1.3}>
            {step.description}
          </Text>
          {canEdit && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Delete step ${step.description}`}
              onClick={(event) => {
                event.stopPropagation();
                onDelete();
              }}
            >
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          <Text span fw={600} c="dark.4" size="xs">
            Lead:{" "}
          </Text>
          {leadText(step.lead)}
        </Text>
        <Group gap={4}>
          <Badge size="xs" variant="filled" color={CO_MOTION_COLORS[step.coMotion]}>
            {CO_MOTION_LABELS[step.coMotion]}
          </Badge>
          <Text size="xs" c="dimmed">
            {MOTION_FAMILY_LABELS[step.motionFamily]}
          </Text>
        </Group>
        {step.assets.length > 0 && (
          <Stack gap={2}>
            {step.assets.map((asset) => (
              <Anchor
                key={`${asset.title}-${asset.url}`}
                href={asset.url}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
                onClick={(event) => event.stopPropagation()}
              >
                {asset.title} ↗
              </Anchor>
            ))}
          </Stack>
        )}
        {step.kpis.length > 0 && (
          <Stack gap={2}>
            {step.kpis.map((kpi) => (
              <Group key={kpi.name} gap={4} justify="space-between" wrap="nowrap">
                <Text size="xs">{kpi.name}</Text>
                <Text size="xs" fw={700}>
                  {kpi.target}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
