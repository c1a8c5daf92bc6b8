import { Divider, Stack, Title } from "@mantine/core";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { SectionCard } from "../../../shared/ui/SectionCard";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { useSharingSettings } from "../api/sharing";
import { SharedViewPreview } from "./SharedViewPreview";
import { SharingEditor } from "./SharingEditor";

interface SharingPanelProps {
  partnerId: string;
  partnerName: string;
  /** Owners and admins change sharing; everyone else reads it. */
  canEdit: boolean;
}

/** Sharing with one partner: the rules of both sides, and what the partner sees as a result. */
export function SharingPanel({ partnerId, partnerName, canEdit }: SharingPanelProps) {
  const settings = useSharingSettings(partnerId);
  return (
    <SectionCard
      title="Sharing"
      description={`What you and ${partnerName} see of each other's overlapping accounts. An account in several of your populations gets the least permissive of their levels, and ${partnerName} sees a row only as far as it shares its own account back.`}
    >
      {settings.isPending && <TableSkeleton rows={7} />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />}
      {settings.data && (
        <SharingEditor
          // A saved version resets the drafts to what the server stored.
          key={JSON.stringify(settings.data.rules)}
          partnerId={partnerId}
          partnerName={partnerName}
          settings={settings.data}
          canEdit={canEdit}
        />
      )}
      <Divider my="lg" />
      <Stack gap="sm">
        <Title order={3} fz="md">
          What {partnerName} sees
        </Title>
        <SharedViewPreview partnerId={partnerId} partnerName={partnerName} />
      </Stack>
    </SectionCard>
  );
}
