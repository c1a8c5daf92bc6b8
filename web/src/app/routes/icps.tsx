import { Button, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useIcps } from "../../features/icps/api/get-icps";
import { IcpsTable } from "../../features/icps/components/IcpsTable";
import { NewIcpModal } from "../../features/icps/components/NewIcpModal";
import { allItems } from "../../shared/api/pagination";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconPlus } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** Ideal Customer Profiles: who the vendor sells to, and how many accounts fit each. */
export function IcpsPage() {
  const icps = useIcps();
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);
  const [creating, setCreating] = useState(false);
  const items = allItems(icps.data?.pages);

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
        {icps.isPending ? (
          <TableSkeleton />
        ) : icps.isError ? (
          <ErrorAlert error={icps.error} onRetry={() => icps.refetch()} />
        ) : items.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <Text fw={700}>No ICPs yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={460}>
              Start from your best customers: what industry, size, region and technologies do they share? Each
              criterion gets a weight; every account is scored against the profile.
            </Text>
          </Stack>
        ) : (
          <>
            <IcpsTable icps={items} />
            {icps.hasNextPage && (
              <Button
                variant="default"
                mt="sm"
                onClick={() => icps.fetchNextPage()}
                loading={icps.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </>
        )}
      </Paper>
      {creating && <NewIcpModal onClose={() => setCreating(false)} />}
    </>
  );
}
