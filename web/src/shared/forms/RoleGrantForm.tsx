import { Button, Grid, NativeSelect, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { GRANTABLE_ROLES, roleOptions } from "../auth/roles";
import { ErrorAlert } from "../ui/ErrorAlert";

interface RoleGrantFormProps {
  /** The form's accessible name, e.g. "Invite a member". */
  formLabel: string;
  onSubmit: () => void;
  /** The last submission's problem, shown above the row when `showAlert` (it names no field). */
  error: unknown;
  showAlert: boolean;
  errorTitle: string;
  /** Who or what receives the role: the row's first field. */
  field: ReactNode;
  role: string;
  onRoleChange: (role: string) => void;
  roleError?: string;
  submitLabel: string;
  submitIcon: ReactNode;
  submitting: boolean;
  /** Under the row, inside the form (e.g. what the chosen role may do). */
  hint?: ReactNode;
  /** Under the form: what the last submission created. */
  outcome: ReactNode;
}

/** One row that grants a role other than owner (invitations, API keys): a field, the role, submit. */
export function RoleGrantForm({
  formLabel,
  onSubmit,
  error,
  showAlert,
  errorTitle,
  field,
  role,
  onRoleChange,
  roleError,
  submitLabel,
  submitIcon,
  submitting,
  hint,
  outcome,
}: RoleGrantFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label={formLabel}>
        <Stack gap="md">
          {showAlert && <ErrorAlert error={error} title={errorTitle} />}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6 }}>{field}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NativeSelect
                label="Role"
                data={roleOptions(GRANTABLE_ROLES)}
                value={role}
                onChange={(event) => onRoleChange(event.currentTarget.value)}
                error={roleError}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Button
                type="submit"
                fullWidth
                mt={{ base: 0, sm: 25 }}
                loading={submitting}
                leftSection={submitIcon}
              >
                {submitLabel}
              </Button>
            </Grid.Col>
          </Grid>
          {hint}
        </Stack>
      </form>
      {outcome}
    </Stack>
  );
}
