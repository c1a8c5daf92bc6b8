import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { loginInputSchema, useLogin } from "../api/login";

const FIELDS = ["email", "password"] as const;

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { errorOf, showAlert, check, clearServerError } = useFormErrors(login, FIELDS);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = check(loginInputSchema, { email: email.trim(), password });
    if (!input) return;
    login.mutate(input, { onSuccess });
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
          error={errorOf("email")}
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
          error={errorOf("password")}
        />
        <Button type="submit" loading={login.isPending} fullWidth mt="xs">
          Log in
        </Button>
      </Stack>
    </form>
  );
}
