import { Button } from "@mantine/core";

/** A mutation that revokes one thing by its id, as `useMutation` returns it. */
interface RevokeMutation {
  mutate: (id: string, options: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  variables: string | undefined;
}

interface RevokeButtonProps {
  revoke: RevokeMutation;
  id: string;
  /** Accessible name, e.g. "Revoke API key CRM sync". */
  label: string;
  /** Receives the failure, and null when a new attempt starts. */
  onError: (error: unknown) => void;
}

/** "Revoke" on a table row (invitations, API keys); it spins while that row's revocation runs. */
export function RevokeButton({ revoke, id, label, onError }: RevokeButtonProps) {
  return (
    <Button
      variant="subtle"
      color="red"
      size="xs"
      aria-label={label}
      loading={revoke.isPending && revoke.variables === id}
      onClick={() => {
        onError(null);
        revoke.mutate(id, { onError });
      }}
    >
      Revoke
    </Button>
  );
}
