import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { loginInputSchema, useLogin } from "../api/login";

const FIELDS = ["email", "password"] as const;

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { fieldErrors, showAlert } = splitErrors(login.error, FIELDS);
  // A server error describes the last submission; editing starts a new one.
  const clearServerError = () => {
    if (login.isError) login.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(loginInputSchema, { email: email.trim(), password });
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    login.mutate(checked.data, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log in">
      <Stack gap="md">
        {showAlert && <ErrorAlert error={login.error} title="Could not log in" />}
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            clearServerError();
          }}
          error={clientErrors.email ?? fieldErrors.email}
          data-autofocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            clearServerError();
          }}
          error={clientErrors.password ?? fieldErrors.password}
        />
        <Button type="submit" loading={login.isPending} fullWidth mt="xs">
          Log in
        </Button>
      </Stack>
    </form>
  );
}
