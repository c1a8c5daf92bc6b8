import { List, Text, ThemeIcon } from "@mantine/core";
import { IconCheck } from "../../../shared/ui/icons";
import type { FitReason } from "../api/get-account-fit";

/** Why an account scores what it does: each criterion, its weight, and what the account has. */
export function FitReasons({ reasons }: { reasons: FitReason[] }) {
  if (reasons.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The ICP has no criteria yet.
      </Text>
    );
  return (
    <List spacing={4} size="sm" center>
      {reasons.map((reason) => (
        <List.Item
          key={reason.criterion}
          icon={
            <ThemeIcon
              size={18}
              radius="xl"
              color={reason.matched ? "eco" : "gray"}
              variant={reason.matched ? "filled" : "light"}
            >
              {reason.matched ? <IconCheck size={12} /> : <Text size="xs">–</Text>}
            </ThemeIcon>
          }
        >
          <Text span size="sm" fw={600}>
            {reason.criterion}
          </Text>{" "}
          <Text span size="xs" c="dimmed">
            (weight {reason.weight})
          </Text>
          <Text size="xs" c={reason.matched ? "eco.8" : "dimmed"}>
            {reason.detail}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
