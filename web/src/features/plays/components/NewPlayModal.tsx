import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useIcpOptions, useSolutionOptions } from "../api/get-options";
import { newPlaySchema, useCreatePlay } from "../api/play-mutations";

const FIELDS = ["name", "solutionId", "icpId", "objective"] as const;

/** "New play": a name, the solution × ICP it is for, and what it should achieve. */
export function NewPlayModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [solutionId, setSolutionId] = useState<string | null>(null);
  const [icpId, setIcpId] = useState<string | null>(null);
  const [objective, setObjective] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const solutions = useSolutionOptions();
  const icps = useIcpOptions();
  const create = useCreatePlay();
  const navigate = useNavigate();
  const { fieldErrors, showAlert } = splitErrors(create.error, FIELDS);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(newPlaySchema, {
      name,
      solutionId: solutionId ?? "",
      icpId: icpId ?? "",
      objective: objective.trim() === "" ? null : objective,
      status: "draft",
    });
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    create.mutate(checked.data, {
      onSuccess: (play) => navigate({ to: "/strategy/plays/$playId", params: { playId: play.id } }),
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title="New play" size="lg">
      <Stack component="form" onSubmit={submit} gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. Reach via SI introductions"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={localErrors.name ?? fieldErrors.name}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label="Solution"
            placeholder={solutions.data?.length === 0 ? "No solutions yet" : "Pick a solution"}
            data={(solutions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={solutionId}
            onChange={setSolutionId}
            searchable
            error={localErrors.solutionId ?? fieldErrors.solutionId}
            required
          />
          <Select
            label="ICP"
            placeholder={icps.data?.length === 0 ? "No ICPs yet" : "Pick an ICP"}
            data={(icps.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            value={icpId}
            onChange={setIcpId}
            searchable
            error={localErrors.icpId ?? fieldErrors.icpId}
            required
          />
        </Group>
        <Textarea
          label="Objective"
          placeholder="What the play should achieve, e.g. 10 partner-sourced first meetings a quarter"
          value={objective}
          onChange={(e) => setObjective(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldErrors.objective}
        />
        {showAlert && create.error && <ErrorAlert error={create.error} />}
        {(solutions.error || icps.error) && <ErrorAlert error={solutions.error ?? icps.error} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create play
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
