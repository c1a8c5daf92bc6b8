import { Alert, Button, Group, Loader, Paper, Progress, Stack, Stepper, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useImport } from "../api/get-imports";
import { useImportFields } from "../api/import-fields";
import type { Import } from "../api/import-schema";
import { CommitStep } from "./CommitStep";
import { MappingStep } from "./MappingStep";
import { PreviewStep } from "./PreviewStep";
import { StartStep } from "./StartStep";

interface ImportWizardProps {
  importId: string | null;
  onImportChange: (id: string | null) => void;
}

type View = "map" | "preview";

/** Upload → map columns → dry-run preview → commit, each step driven by the import's status. */
export function ImportWizard({ importId, onImportChange }: ImportWizardProps) {
  const imported = useImport(importId);
  const fields = useImportFields();
  const [view, setView] = useState<View>("map");
  useRefreshRecordsWhenDone(imported.data);

  if (importId === null)
    return (
      <WizardFrame active={0}>
        <StartStep
          onUploaded={(created) => {
            setView("map");
            onImportChange(created.id);
          }}
        />
      </WizardFrame>
    );
  if (imported.isPending || fields.isPending)
    return (
      <WizardFrame active={1}>
        <Group justify="center" py="xl">
          <Loader aria-label="Loading the import" />
        </Group>
      </WizardFrame>
    );
  if (imported.isError || fields.isError)
    return (
      <WizardFrame active={1}>
        <ErrorAlert
          error={imported.error ?? fields.error}
          onRetry={() => (imported.isError ? imported.refetch() : fields.refetch())}
        />
      </WizardFrame>
    );

  const data = imported.data;
  const entityFields = fields.data[data.entity];
  const startOver = () => onImportChange(null);

  if (isCommitPhase(data))
    return (
      <WizardFrame active={data.status === "committed" ? 4 : 3}>
        <CommitStep imported={data} onStartOver={startOver} />
      </WizardFrame>
    );
  // An upload left uncommitted past the retention period: its file is gone (the server says why).
  const fileRemoved =
    data.error !== null &&
    (data.status === "uploaded" || data.status === "previewed" || data.status === "cancelled");
  if (data.status === "failed" || fileRemoved)
    return (
      <WizardFrame active={1}>
        <Stack gap="md">
          <Alert
            color="red"
            variant="light"
            title={fileRemoved ? "This upload is no longer kept" : "The file could not be read"}
          >
            {data.error ?? "The preview stopped with an error."}
          </Alert>
          <Group>
            <Button variant="default" onClick={startOver}>
              Choose another file
            </Button>
          </Group>
        </Stack>
      </WizardFrame>
    );
  if (data.headers.length === 0 || data.mapping.length === 0)
    return (
      <WizardFrame active={1}>
        <PreviewRunning imported={data} />
      </WizardFrame>
    );
  if (view === "preview" && data.status === "previewed" && data.preview)
    return (
      <WizardFrame active={2}>
        <PreviewStep
          imported={{ ...data, preview: data.preview }}
          fields={entityFields}
          onBack={() => setView("map")}
        />
      </WizardFrame>
    );
  return (
    <WizardFrame active={1}>
      <Stack gap="md">
        {data.status !== "previewed" && <PreviewRunning imported={data} />}
        <MappingStep imported={data} fields={entityFields} onContinue={() => setView("preview")} />
      </Stack>
    </WizardFrame>
  );
}

function isCommitPhase(imported: Import): boolean {
  if (imported.status === "committing" || imported.status === "committed") return true;
  if (imported.status === "cancelled") return true;
  return imported.status === "failed" && (imported.job?.kind === "import.commit" || imported.rowsApplied > 0);
}

function WizardFrame({ active, children }: { active: number; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-label="Import wizard">
      <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description="What and from where" />
        <Stepper.Step label="Map columns" description="Columns to fields" />
        <Stepper.Step label="Preview" description="Dry run, nothing written" />
        <Stepper.Step label="Import" description="Commit and progress" />
      </Stepper>
      {children}
    </Paper>
  );
}

/** The preview job at work: reading, detecting and validating every row. */
function PreviewRunning({ imported }: { imported: Import }) {
  const percent = imported.job?.progress.percent ?? null;
  return (
    <Stack gap={6} role="status" aria-label="Preview status">
      <Text size="sm" fw={600}>
        Reading {imported.fileName} and checking every row…
      </Text>
      <Progress value={percent ?? 100} striped animated aria-label="Preview progress" />
      {imported.job?.message && (
        <Text size="xs" c="dimmed">
          {imported.job.message}
        </Text>
      )}
    </Stack>
  );
}

/** Once a commit ends, lists of the records it touched are stale. */
function useRefreshRecordsWhenDone(imported: Import | undefined) {
  const queryClient = useQueryClient();
  const finished = imported !== undefined && imported.status !== "committing" && isCommitPhase(imported);
  const finishedId = finished ? imported.id : null;
  useEffect(() => {
    if (finishedId === null) return;
    for (const key of ["accounts", "partners", "imports"]) queryClient.invalidateQueries({ queryKey: [key] });
  }, [finishedId, queryClient]);
}
