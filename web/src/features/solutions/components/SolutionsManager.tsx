import {
  ActionIcon,
  Button,
  Grid,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Role } from "../../../shared/auth/roles";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconPlus, IconTrash } from "../../../shared/ui/icons";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { solutionInputSchema, useDeleteSolution, useSaveSolution, useSolutions } from "../api/solutions";

const FIELDS = ["name", "description"] as const;

export function canEditSolutions(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "partner_manager";
}

function SolutionForm() {
  const save = useSaveSolution();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const { errorOf, showAlert, check } = useFormErrors(save, FIELDS);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = check(solutionInputSchema, { name, description: description.trim() || null });
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => {
        setName("");
        setDescription("");
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add solution">
      <Stack gap="sm">
        {showAlert && save.error && <ErrorAlert error={save.error} title="Could not add the solution" />}
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Solution name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errorOf("name")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Textarea
              label="Description"
              autosize
              minRows={1}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errorOf("description")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 2 }}>
            <Button
              type="submit"
              fullWidth
              mt={{ base: 0, sm: 25 }}
              loading={save.isPending}
              leftSection={<IconPlus size={16} />}
            >
              Add
            </Button>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}

/** What the vendor sells: plays and the stack matrix are drawn per solution. */
export function SolutionsManager({ canEdit }: { canEdit: boolean }) {
  const solutions = useSolutions();
  const remove = useDeleteSolution();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz="lg">
          Solutions
        </Title>
        {canEdit && <SolutionForm />}
        {remove.error && <ErrorAlert error={remove.error} title="The solution was not deleted" />}
        {solutions.isPending ? (
          <TableSkeleton rows={2} />
        ) : solutions.isError ? (
          <ErrorAlert error={solutions.error} onRetry={() => solutions.refetch()} />
        ) : solutions.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No solutions yet. Add what you sell, then draw plays and the stack for each.
          </Text>
        ) : (
          <Table verticalSpacing="sm" aria-label="Solutions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Description</Table.Th>
                {canEdit && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {solutions.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td fw={600}>{s.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={s.description ? undefined : "dimmed"}>
                      {s.description ?? "—"}
                    </Text>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${s.name}`}
                        loading={remove.isPending && remove.variables === s.id}
                        onClick={() => remove.mutate(s.id)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
