import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useSwitchWorkspace } from "../../../shared/auth/session";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useCreateWorkspace } from "../api/create-workspace";
import { workspaceNameSchema } from "../api/update-workspace";

interface CreateWorkspaceModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called once the new workspace exists and the session has switched to it. */
  onCreated: () => void;
}

export function CreateWorkspaceModal({ opened, onClose, onCreated }: CreateWorkspaceModalProps) {
  const create = useCreateWorkspace();
  const switchWorkspace = useSwitchWorkspace();
  const [name, setName] = useState("");
  const [clientError, setClientError] = useState<string | undefined>();
  const error = create.error ?? switchWorkspace.error;
  const { fieldErrors, showAlert } = splitErrors(error, ["name"] as const);
  // A server error describes the last submission; editing starts a new one.
  const clearServerError = () => {
    if (create.isError) create.reset();
    if (switchWorkspace.isError) switchWorkspace.reset();
  };

  const close = () => {
    setName("");
    setClientError(undefined);
    create.reset();
    switchWorkspace.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(workspaceNameSchema, { name });
    if (!checked.ok) {
      setClientError(checked.errors.name);
      return;
    }
    setClientError(undefined);
    try {
      const created = await create.mutateAsync(checked.data);
      await switchWorkspace.mutateAsync(created.workspace.id);
      close();
      onCreated();
    } catch {
      // The error is on the mutation and shown in the form.
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Create a workspace" centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A workspace holds one ecosystem: its partners, accounts, plays and members. You become its owner.
          </Text>
          {showAlert && <ErrorAlert error={error} title="Could not create the workspace" />}
          <TextInput
            label="Workspace name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearServerError();
            }}
            error={clientError ?? fieldErrors.name}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || switchWorkspace.isPending}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
