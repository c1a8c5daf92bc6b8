import { Group, Paper, Text } from "@mantine/core";
import { Fragment } from "react";
import { IconArrowRight } from "../../../shared/ui/icons";
import { JOURNEY_STAGES } from "./area-content";

/** The default Buyer's Journey Arc, drawn as a row of stages. */
export function JourneyArc() {
  return (
    <Group gap={6} justify="center" wrap="wrap" role="list" aria-label="Buyer's Journey stages">
      {JOURNEY_STAGES.map((stage, index) => (
        <Fragment key={stage}>
          {index > 0 && <IconArrowRight size={16} color="var(--mantine-color-gray-5)" />}
          <Paper role="listitem" radius="xl" px="md" py={6} bg="var(--mantine-color-eco-0)" c="eco.8">
            <Text size="sm" fw={600}>
              {stage}
            </Text>
          </Paper>
        </Fragment>
      ))}
    </Group>
  );
}
