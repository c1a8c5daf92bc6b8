import { Button, Group, Stack } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { usePartner } from "../../features/partners/api/get-partner";
import { DeletePartnerButton } from "../../features/partners/components/DeletePartnerButton";
import { canEditPartners } from "../../features/partners/components/labels";
import { PartnerAttributes } from "../../features/partners/components/PartnerAttributes";
import { PartnerFormModal } from "../../features/partners/components/PartnerFormModal";
import { RelationshipCard } from "../../features/partners/components/RelationshipCard";
import { SharingPanel } from "../../features/sharing/components/SharingPanel";
import { canAdminister } from "../../shared/auth/roles";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";
import { AnchorLink } from "../../shared/ui/router-links";

const route = getRouteApi("/app/partners/$partnerId");

/** One partner: its profile in the ecosystem and the relationship record. */
export function PartnerDetailPage() {
  const { partnerId } = route.useParams();
  const partner = usePartner(partnerId);
  const role = useCurrentRole();
  const canEdit = canEditPartners(role);
  const [editing, setEditing] = useState(false);

  if (partner.isPending) return <PageLoader />;
  if (partner.isError) return <ErrorAlert error={partner.error} onRetry={() => partner.refetch()} />;
  const p = partner.data;
  return (
    <>
      <AnchorLink to="/partners" size="sm" mb="xs" display="inline-block">
        ← Partners
      </AnchorLink>
      <PageHeader
        title={p.name}
        description={p.domain ?? undefined}
        actions={
          canEdit && (
            <Group gap="sm">
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit partner
              </Button>
              <DeletePartnerButton partner={p} />
            </Group>
          )
        }
      />
      <Stack gap="lg">
        <PartnerAttributes partner={p} />
        <RelationshipCard partner={p} canEdit={canEdit} />
        <SharingPanel partnerId={p.id} partnerName={p.name} canEdit={canAdminister(role)} />
      </Stack>
      {editing && <PartnerFormModal opened partner={p} onClose={() => setEditing(false)} />}
    </>
  );
}
