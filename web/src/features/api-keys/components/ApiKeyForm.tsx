import { Alert, Code, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { RoleGrantForm } from "../../../shared/forms/RoleGrantForm";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { IconAlertCircle, IconKey } from "../../../shared/ui/icons";
import { SecretField } from "../../../shared/ui/SecretField";
import { type CreatedApiKey, createApiKeyInputSchema, useCreateApiKey } from "../api/create-api-key";

const FIELDS = ["name", "role"] as const;

/** Creates a key and shows its secret exactly once. */
export function ApiKeyForm() {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("viewer");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { errorOf, showAlert, check, clearServerError } = useFormErrors(create, FIELDS);

  const onSubmit = () => {
    const input = check(createApiKeyInputSchema, { name, role });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (result) => {
        setCreated(result);
        setName("");
      },
    });
  };

  return (
    <RoleGrantForm
      formLabel="Create an API key"
      onSubmit={onSubmit}
      error={create.error}
      showAlert={showAlert}
      errorTitle="Could not create the API key"
      field={
        <TextInput
          label="Key name"
          placeholder="e.g. Salesforce sync"
          required
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearServerError();
          }}
          error={errorOf("name")}
        />
      }
      role={role}
      onRoleChange={(next) => {
        setRole(next);
        clearServerError();
      }}
      roleError={errorOf("role")}
      submitLabel="Create key"
      submitIcon={<IconKey size={16} />}
      submitting={create.isPending}
      outcome={
        created && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle />}
            title={`API key “${created.apiKey.name}” created: copy it now`}
            withCloseButton
            closeButtonLabel="I have copied the key"
            onClose={() => setCreated(null)}
          >
            <Stack gap="sm">
              <Text size="sm">
                This is the only time the secret is shown. Store it somewhere safe: it won't be shown again.
              </Text>
              <SecretField label="API key secret" value={created.secret} copyLabel="Copy API key secret" />
              <Text size="xs" c="dimmed">
                Integrations send it as <Code>Authorization: Bearer {created.apiKey.prefix}…</Code>
              </Text>
            </Stack>
          </Alert>
        )
      }
    />
  );
}
