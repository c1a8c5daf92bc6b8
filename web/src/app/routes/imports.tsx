import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback } from "react";
import { ImportsHistory } from "../../features/imports/components/ImportsHistory";
import { ImportWizard } from "../../features/imports/components/ImportWizard";
import { canImport } from "../../features/imports/components/labels";
import { useCurrentRole } from "../../shared/auth/session";
import { IconPlus } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";

/** CRM files in: the import wizard on top, the history of every import below. */
export function ImportsPage() {
  const search = useSearch({ strict: false });
  const navigate = useNavigate();
  const canEdit = canImport(useCurrentRole());
  // The open import lives in the URL, so a reload or a shared link comes back to the same step.
  const importId = typeof search.import === "string" ? search.import : null;
  const open = useCallback(
    (id: string | null) => navigate({ to: "/imports", search: id ? { import: id } : {} }),
    [navigate],
  );

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring in accounts, opportunities, partners, contacts or a partner's account list from Salesforce, HubSpot or any CSV: map the columns, check a dry-run preview, then commit. Re-importing a file never duplicates a record."
        actions={
          canEdit &&
          importId !== null && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
              New import
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {canEdit ? (
          <ImportWizard importId={importId} onImportChange={open} />
        ) : (
          <Paper withBorder radius="md" p="md">
            <Text size="sm" c="dimmed">
              Your role can see past imports but not start one. Ask an admin or a partner manager to import
              files.
            </Text>
          </Paper>
        )}
        <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section">
          <Title order={2} fz="lg" fw={650} mb="sm">
            History
          </Title>
          <ImportsHistory onOpen={(id) => open(id)} />
        </Paper>
      </Stack>
    </>
  );
}
