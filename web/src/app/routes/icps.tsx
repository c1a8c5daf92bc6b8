import { Button, Paper } from "@mantine/core";
import { useState } from "react";
import { useIcps } from "../../features/icps/api/get-icps";
import { IcpsTable } from "../../features/icps/components/IcpsTable";
import { NewIcpModal } from "../../features/icps/components/NewIcpModal";
import { useCurrentRole } from "../../shared/auth/session";
import { EmptyState } from "../../shared/ui/EmptyState";
import { IconPlus } from "../../shared/ui/icons";
import { LoadMoreButton } from "../../shared/ui/LoadMoreButton";
import { PagedList } from "../../shared/ui/PagedList";
import { PageHeader } from "../../shared/ui/PageHeader";

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** Ideal Customer Profiles: who the vendor sells to, and how many accounts fit each. */
export function IcpsPage() {
  const icps = useIcps();
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Ideal Customer Profiles"
        description="Weighted criteria that score every account 0–100: band A from 70, B from 40, C below."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New ICP
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
        <PagedList
          query={icps}
          empty={
            <EmptyState title="No ICPs yet">
              Start from your best customers: what industry, size, region and technologies do they share? Each
              criterion gets a weight; every account is scored against the profile.
            </EmptyState>
          }
        >
          {(items) => (
            <>
              <IcpsTable icps={items} />
              <LoadMoreButton query={icps} />
            </>
          )}
        </PagedList>
      </Paper>
      {creating && <NewIcpModal onClose={() => setCreating(false)} />}
    </>
  );
}
