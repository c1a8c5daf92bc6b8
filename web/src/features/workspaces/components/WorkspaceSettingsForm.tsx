import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { canAdminister } from "../../../shared/auth/roles";
import { formatDate } from "../../../shared/format/date";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconCheck, IconInfoCircle } from "../../../shared/ui/icons";
import { RoleBadge } from "../../../shared/ui/RoleBadge";
import { SectionCard } from "../../../shared/ui/SectionCard";
import type { CurrentWorkspace } from "../api/get-workspace";
import { useUpdateWorkspace, workspaceNameSchema } from "../api/update-workspace";

export function WorkspaceSettingsForm({ workspace }: { workspace: CurrentWorkspace }) {
  const update = useUpdateWorkspace();
  const [name, setName] = useState(workspace.name);
  const [clientError, setClientError] = useState<string | undefined>();
  const { fieldErrors, showAlert } = splitErrors(update.error, ["name"] as const);
  const allowed = canAdminister(workspace.role);
  const unchanged = name.trim() === workspace.name;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(workspaceNameSchema, { name });
    if (!checked.ok) {
      setClientError(checked.errors.name);
      return;
    }
    setClientError(undefined);
    update.mutate(checked.data);
  };

  return (
    <Stack gap="lg">
      <SectionCard title="Workspace name" description="Shown to members, invitees and partners.">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md" maw={520}>
            {!allowed && (
              <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
                Only owners and admins can rename the workspace.
              </Alert>
            )}
            {showAlert && <ErrorAlert error={update.error} title="Could not rename the workspace" />}
            <TextInput
              label="Workspace name"
              required
              value={name}
              disabled={!allowed}
              onChange={(event) => {
                setName(event.currentTarget.value);
                update.reset();
              }}
              error={clientError ?? fieldErrors.name}
            />
            {allowed && (
              <Group gap="sm">
                <Button type="submit" loading={update.isPending} disabled={unchanged}>
                  Save
                </Button>
                {update.isSuccess && unchanged && (
                  <Text size="sm" c="teal.7" role="status">
                    <IconCheck size={14} style={{ verticalAlign: "-2px" }} /> Saved
                  </Text>
                )}
              </Group>
            )}
          </Stack>
        </form>
      </SectionCard>
      <SectionCard title="Details">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Detail
            label="Slug"
            value={
              <Text ff="monospace" size="sm">
                {workspace.slug}
              </Text>
            }
          />
          <Detail label="Created" value={<Text size="sm">{formatDate(workspace.createdAt)}</Text>} />
          <Detail label="Your role" value={<RoleBadge role={workspace.role} />} />
        </SimpleGrid>
      </SectionCard>
    </Stack>
  );
}

function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      {value}
    </Stack>
  );
}
