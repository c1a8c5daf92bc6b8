import { Button, Group, Modal, Text } from "@mantine/core";
import { useState } from "react";
import { IconTrash } from "../../../shared/ui/icons";
import type { Member } from "../api/get-members";
import { useRemoveMember } from "../api/remove-member";

interface RemoveMemberButtonProps {
  member: Member;
  onError: (error: unknown) => void;
}

export function RemoveMemberButton({ member, onError }: RemoveMemberButtonProps) {
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState(false);

  const onConfirm = () => {
    remove.mutate(member.userId, {
      onSuccess: () => setConfirming(false),
      onError: (error) => {
        setConfirming(false);
        onError(error);
      },
    });
  };

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        leftSection={<IconTrash size={14} />}
        onClick={() => setConfirming(true)}
        aria-label={`Remove ${member.name}`}
      >
        Remove
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove member?" centered>
        <Text size="sm">
          {member.name} ({member.email}) will lose access to this workspace immediately. You can invite them
          again later.
        </Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={onConfirm}>
            Remove member
          </Button>
        </Group>
      </Modal>
    </>
  );
}
