import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { AnchorLink } from "../../../shared/ui/router-links";
import { useCancelImport } from "../api/import-mutations";
import type { Import } from "../api/import-schema";
import { ENTITY_RECORDS } from "./labels";
import { StatCards } from "./StatCards";

interface CommitStepProps {
  imported: Import;
  onStartOver: () => void;
}

/** Step 4: the commit job's progress, a way to stop it, and what it did. */
export function CommitStep({ imported, onStartOver }: CommitStepProps) {
  const cancel = useCancelImport(imported.id);
  const running = imported.status === "committing";
  const { percent, done, total } = commitProgress(imported);
  const color =
    imported.status === "failed"
      ? "red"
      : imported.status === "cancelled"
        ? "gray"
        : running
          ? "blue"
          : "green";
  const { counts } = imported;

  return (
    <Stack gap="md">
      <Stack gap={6} role="status" aria-label="Import status" data-import-status={imported.status}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {STATUS_SENTENCES[imported.status] ?? imported.status}
          </Text>
          <Text size="xs" c="dimmed">
            {percent}% · {done.toLocaleString()}
            {total === null ? "" : ` / ${total.toLocaleString()}`} rows
          </Text>
        </Group>
        <Progress
          value={percent}
          color={color}
          striped={running}
          animated={running}
          aria-label="Import progress"
        />
        {imported.job?.message && running && (
          <Text size="xs" c="dimmed">
            {imported.job.message}
          </Text>
        )}
      </Stack>

      {imported.status === "failed" && (
        <Alert color="red" variant="light" title="The import failed">
          {imported.error ?? "The import job stopped with an error."} Batches committed before the failure
          stay; no batch is half-applied. Fix the file and import it again: rows already imported come back
          unchanged.
        </Alert>
      )}
      {imported.status === "cancelled" && (
        <Alert color="gray" variant="light" title="Import cancelled">
          The batches committed before you cancelled stay; nothing is half-applied. Importing the same file
          again picks up the rest without duplicating anything.
        </Alert>
      )}
      {cancel.isError && <ErrorAlert error={cancel.error} title="Could not cancel" />}

      <StatCards
        label="Import results"
        stats={[
          { label: "Created", value: counts.created, color: "green" },
          { label: "Updated", value: counts.updated, color: "blue" },
          { label: "Unchanged", value: counts.unchanged },
          { label: "Rejected", value: counts.rejected, color: counts.rejected > 0 ? "red" : undefined },
        ]}
      />

      <Group justify="space-between">
        {running ? (
          <Button color="red" variant="light" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Cancel import
          </Button>
        ) : (
          <Button variant="default" onClick={onStartOver}>
            Import another file
          </Button>
        )}
        {!running && <RecordsLink imported={imported} />}
      </Group>
    </Stack>
  );
}

const STATUS_SENTENCES: Partial<Record<Import["status"], string>> = {
  committing: "Importing…",
  committed: "Import done",
  failed: "Import failed",
  cancelled: "Import cancelled",
};

function commitProgress(imported: Import): { percent: number; done: number; total: number | null } {
  const total = imported.rowsTotal ?? imported.job?.progress.total ?? null;
  const done = Math.max(imported.rowsApplied, imported.job?.progress.done ?? 0);
  if (imported.status === "committed") return { percent: 100, done: total ?? done, total };
  const percent = imported.job?.progress.percent ?? (total ? (done / total) * 100 : 0);
  return { percent: Math.min(100, Math.round(percent)), done, total };
}

/** Where the imported records can be seen. */
function RecordsLink({ imported }: { imported: Import }) {
  const label = `View the imported ${ENTITY_RECORDS[imported.entity]}`;
  if (imported.entity === "partner_account" && imported.partner)
    return (
      <AnchorLink to="/partners/$partnerId" params={{ partnerId: imported.partner.id }} fw={600}>
        {label}
      </AnchorLink>
    );
  return (
    <AnchorLink to={imported.entity === "partner" ? "/partners" : "/accounts"} fw={600}>
      {label}
    </AnchorLink>
  );
}
