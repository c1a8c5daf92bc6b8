import { Badge } from "@mantine/core";
import type { InvitationStatus } from "../api/get-invitations";

const STATUS: Record<InvitationStatus, { label: string; color: string }> = {
  pending: { label: "Pending", color: "yellow" },
  accepted: { label: "Accepted", color: "teal" },
  revoked: { label: "Revoked", color: "gray" },
  expired: { label: "Expired", color: "red" },
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="light" radius="sm">
      {label}
    </Badge>
  );
}
