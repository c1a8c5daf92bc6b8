import { Alert, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { GRANTABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../../shared/auth/roles";
import { RoleGrantForm } from "../../../shared/forms/RoleGrantForm";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
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
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { errorOf, showAlert, check, clearServerError } = useFormErrors(create, FIELDS);

  const onSubmit = () => {
    const input = check(createInvitationInputSchema, { email: email.trim(), role });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (result) => {
        setCreated(result);
        setEmail("");
      },
    });
  };

  const roleHint = GRANTABLE_ROLES.find((candidate) => candidate === role);

  return (
    <RoleGrantForm
      formLabel="Invite a member"
      onSubmit={onSubmit}
      error={create.error}
      showAlert={showAlert}
      errorTitle="Could not create the invitation"
      field={
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
          error={errorOf("email")}
        />
      }
      role={role}
      onRoleChange={(next) => {
        setRole(next);
        clearServerError();
      }}
      roleError={errorOf("role")}
      submitLabel="Create invite"
      submitIcon={<IconMail size={16} />}
      submitting={create.isPending}
      hint={
        roleHint && (
          <Text size="xs" c="dimmed" mt={-6}>
            {ROLE_LABELS[roleHint]}: {ROLE_DESCRIPTIONS[roleHint]}
          </Text>
        )
      }
      outcome={
        created && (
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
        )
      }
    />
  );
}
