import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { ErrorAlert } from "../ui/ErrorAlert";

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The form's accessible name, e.g. "Add account". */
  formLabel: string;
  onSubmit: () => void;
  /** The last submission's problem, shown above the fields when `showAlert` (it names no field). */
  error: unknown;
  showAlert: boolean;
  errorTitle: string;
  submitLabel: string;
  submitting: boolean;
  children: ReactNode;
}

/** A dialog holding one form: the problem alert, the fields, then Cancel and the submit button. */
export function FormModal({
  opened,
  onClose,
  title,
  formLabel,
  onSubmit,
  error,
  showAlert,
  errorTitle,
  submitLabel,
  submitting,
  children,
}: FormModalProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={formLabel}>
        <Stack gap="md">
          {showAlert && <ErrorAlert error={error} title={errorTitle} />}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
