import { Alert, Button, Code, Grid, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { GRANTABLE_ROLES, roleOptions } from "../../../shared/auth/roles";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconAlertCircle, IconKey } from "../../../shared/ui/icons";
import { SecretField } from "../../../shared/ui/SecretField";
import { type CreatedApiKey, createApiKeyInputSchema, useCreateApiKey } from "../api/create-api-key";

const FIELDS = ["name", "role"] as const;

/** Creates a key and shows its secret exactly once. */
export function ApiKeyForm() {
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("viewer");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { fieldErrors, showAlert } = splitErrors(create.error, FIELDS);
  // A server error describes the last submission; editing starts a new one.
  const clearServerError = () => {
    if (create.isError) create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(createApiKeyInputSchema, { name, role });
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    create.mutate(checked.data, {
      onSuccess: (result) => {
        setCreated(result);
        setName("");
      },
    });
  };

  return (
    <Stack gap="md">
      <form onSubmit={onSubmit} noValidate aria-label="Create an API key">
        <Stack gap="md">
          {showAlert && <ErrorAlert error={create.error} title="Could not create the API key" />}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Key name"
                placeholder="e.g. Salesforce sync"
                required
                value={name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  clearServerError();
                }}
                error={clientErrors.name ?? fieldErrors.name}
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
                leftSection={<IconKey size={16} />}
              >
                Create key
              </Button>
            </Grid.Col>
          </Grid>
        </Stack>
      </form>
      {created && (
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
      )}
    </Stack>
  );
}
