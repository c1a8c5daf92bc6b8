import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { splitErrors } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useCreateIcp } from "../api/icp-mutations";
import type { Criterion } from "../api/schemas";
import { CriteriaEditor } from "./CriteriaEditor";
import { criteriaErrors } from "./criteria-errors";

const FIELDS = ["name", "description"] as const;

/** "New ICP": a name, a description and the first criteria; saving scores every account. */
export function NewIcpModal({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const create = useCreateIcp();
  const navigate = useNavigate();
  const { fieldErrors } = splitErrors(create.error, FIELDS);
  const onCriteria = criteriaErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), description: description.trim() === "" ? null : description.trim(), criteria },
      { onSuccess: (icp) => navigate({ to: "/strategy/icps/$icpId", params: { icpId: icp.id } }) },
    );
  }

  return (
    <Modal opened onClose={onClose} title="New ICP" size="xl">
      <Stack component="form" onSubmit={submit} gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. Mid-market manufacturing"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors.name}
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          placeholder="Who they are and why they buy"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldErrors.description}
        />
        <CriteriaEditor criteria={criteria} onChange={setCriteria} errors={onCriteria} />
        {create.error && Object.keys(onCriteria).length === 0 && <ErrorAlert error={create.error} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create and score accounts
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
