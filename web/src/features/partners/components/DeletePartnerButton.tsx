import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconTrash } from "../../../shared/ui/icons";
import type { Partner } from "../api/get-partners";
import { useDeletePartner } from "../api/partner-mutations";

/** Deletes after a confirmation; when plays still name the partner, the API's 409 says which. */
export function DeletePartnerButton({ partner }: { partner: Partner }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePartner();
  const navigate = useNavigate();
  const close = () => {
    setConfirming(false);
    remove.reset();
  };
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconTrash size={16} />}
        onClick={() => setConfirming(true)}
      >
        Delete
      </Button>
      <Modal opened={confirming} onClose={close} title={`Delete ${partner.name}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            The partner leaves every value chain link it is assigned to, and its opportunities keep their
            amounts without a partner. This cannot be undone.
          </Text>
          {remove.error && <ErrorAlert error={remove.error} title="The partner was not deleted" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(partner.id, { onSuccess: () => navigate({ to: "/partners" }) })}
            >
              Delete partner
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
