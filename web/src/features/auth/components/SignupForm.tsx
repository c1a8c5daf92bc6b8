import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { PASSWORD_MIN_LENGTH, signupInputSchema, useSignup } from "../api/signup";

const FIELDS = ["name", "email", "password", "workspaceName"] as const;

interface SignupFormProps {
  /** When joining through an invitation: no workspace is created, the invite is accepted. */
  inviteToken?: string;
  defaultEmail?: string;
  onSuccess: () => void;
}

export function SignupForm({ inviteToken, defaultEmail = "", onSuccess }: SignupFormProps) {
  const signup = useSignup();
  const [name, setName] = useState("");
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState("");
  const [workspaceName, setWorkspaceName] = useState("");
  const { errorOf, showAlert, check, clearServerError } = useFormErrors(signup, FIELDS);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = check(signupInputSchema, {
      name,
      email: email.trim(),
      password,
      ...(inviteToken ? { inviteToken } : { workspaceName }),
    });
    if (!input) return;
    signup.mutate(input, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign up">
      <Stack gap="md">
        {showAlert && <ErrorAlert error={signup.error} title="Could not create your account" />}
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearServerError();
          }}
          error={errorOf("name")}
          data-autofocus
        />
        <TextInput
          label="Work email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            clearServerError();
          }}
          error={errorOf("email")}
        />
        <PasswordInput
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters`}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            clearServerError();
          }}
          error={errorOf("password")}
        />
        {!inviteToken && (
          <TextInput
            label="Workspace name"
            description="Usually your company or team, e.g. “Acme Partnerships”"
            autoComplete="organization"
            required
            value={workspaceName}
            onChange={(event) => {
              setWorkspaceName(event.currentTarget.value);
              clearServerError();
            }}
            error={errorOf("workspaceName")}
          />
        )}
        <Button type="submit" loading={signup.isPending} fullWidth mt="xs">
          {inviteToken ? "Create account and join" : "Create account"}
        </Button>
      </Stack>
    </form>
  );
}
