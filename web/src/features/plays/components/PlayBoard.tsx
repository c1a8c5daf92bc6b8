import { Badge, Box, Button, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconPlus } from "../../../shared/ui/icons";
import type { PlayDetail, PlayStep } from "../api/get-play";
import { useDeleteStep } from "../api/step-mutations";
import { StepCard } from "./StepCard";
import { StepModal } from "./StepModal";

type Target = { step: PlayStep } | { stageId: string } | null;

/** The play as columns per journey stage (Identify → Expand), each with its step cards. */
export function PlayBoard({ play, canEdit }: { play: PlayDetail; canEdit: boolean }) {
  const [target, setTarget] = useState<Target>(null);
  const remove = useDeleteStep();
  return (
    <>
      {remove.error && <ErrorAlert error={remove.error} />}
      <ScrollArea type="auto">
        <Group align="stretch" gap="sm" wrap="nowrap" pb="xs">
          {play.stages.map((stage, index) => (
            <Paper
              key={stage.id}
              radius="md"
              p="sm"
              flex="1 1 0"
              miw={168}
              bg="var(--mantine-color-gray-0)"
              withBorder
              component="section"
              aria-label={`Stage ${stage.name}`}
            >
              <Stack gap="sm" h="100%">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap={6} wrap="nowrap">
                    <Box
                      w={22}
                      h={22}
                      bg="eco.6"
                      c="white"
                      fz={12}
                      fw={700}
                      style={{ borderRadius: 22, display: "grid", placeItems: "center" }}
                    >
                      {index + 1}
                    </Box>
                    <Text fw={700}>{stage.name}</Text>
                  </Group>
                  <Badge size="sm" variant="light" color={stage.steps.length ? "eco" : "gray"}>
                    {stage.steps.length}
                  </Badge>
                </Group>
                {stage.steps.length === 0 && (
                  <Text size="xs" c="dimmed" ta="center" py="md">
                    Nothing planned at {stage.name} yet.
                  </Text>
                )}
                {stage.steps.map((step) => (
                  <StepCard
                    key={step.id}
                    step={step}
                    canEdit={canEdit}
                    onEdit={() => setTarget({ step })}
                    onDelete={() => remove.mutate(step.id)}
                  />
                ))}
                {canEdit && (
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setTarget({ stageId: stage.id })}
                    aria-label={`Add step to ${stage.name}`}
                    mt="auto"
                  >
                    Add step
                  </Button>
                )}
              </Stack>
            </Paper>
          ))}
        </Group>
      </ScrollArea>
      {target && <StepModal play={play} target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
