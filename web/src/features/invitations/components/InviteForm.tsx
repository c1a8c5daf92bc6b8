import { Alert, Button, Grid, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { GRANTABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, roleOptions } from "../../../shared/auth/roles";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconCheck, IconMail } from "../../../shared/ui/icons";
import { SecretField } from "../../../shared/ui/SecretField";
import {
  type CreatedInvitation,
  createInvitationInputSchema,
  useCreateInvitation,
} from "../api/create-invitation";

const FIELDS = ["email", "role"] as const;

/** Creates an invitation and shows its link to pass on (Ecostack sends no email itself). */
export function InviteForm() {
  const create = useCreateInvitation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("partner_manager");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { fieldErrors, showAlert } = splitErrors(create.error, FIELDS);
  // A server error describes the last submission; editing starts a new one.
  const clearServerError = () => {
    if (create.isError) create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(createInvitationInputSchema, { email: email.trim(), role });
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    create.mutate(checked.data, {
      onSuccess: (result) => {
        setCreated(result);
        setEmail("");
      },
    });
  };

  const roleHint = GRANTABLE_ROLES.find((candidate) => candidate === role);

  return (
    <Stack gap="md">
      <form onSubmit={onSubmit} noValidate aria-label="Invite a member">
        <Stack gap="md">
          {showAlert && <ErrorAlert error={create.error} title="Could not create the invitation" />}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Email"
                type="email"
                autoComplete="off"
                placeholder="colleague@company.com"
                required
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  clearServerError();
                }}
                error={clientErrors.email ?? fieldErrors.email}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NativeSelect
                label="Role"
                data={roleOptions(GRANTABLE_ROLES)}
                value={role}
                onChange={(event) => {
                  setRole(event.currentTarget.value);
                  clearServerError();
                }}
                error={clientErrors.role ?? fieldErrors.role}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Button
                type="submit"
                fullWidth
                mt={{ base: 0, sm: 25 }}
                loading={create.isPending}
                leftSection={<IconMail size={16} />}
              >
                Create invite
              </Button>
            </Grid.Col>
          </Grid>
          {roleHint && (
            <Text size="xs" c="dimmed" mt={-6}>
              {ROLE_LABELS[roleHint]}: {ROLE_DESCRIPTIONS[roleHint]}
            </Text>
          )}
        </Stack>
      </form>
      {created && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={`Invitation created for ${created.invitation.email}`}
          withCloseButton
          closeButtonLabel="Dismiss invitation link"
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              Send this link to them. It lets them join as {ROLE_LABELS[created.invitation.role]}.
            </Text>
            <SecretField label="Invite link" value={created.url} copyLabel="Copy invite link" />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
