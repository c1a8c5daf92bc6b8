import { Badge } from "@mantine/core";
import { ROLE_COLORS, ROLE_LABELS, type Role } from "../auth/roles";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" radius="sm">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
