import { Breadcrumbs, Button, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { usePlays } from "../../features/plays/api/get-plays";
import { NewPlayModal } from "../../features/plays/components/NewPlayModal";
import { PlaysTable } from "../../features/plays/components/PlaysTable";
import { allItems } from "../../shared/api/pagination";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconPlus } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";
import { TableSkeleton } from "../../shared/ui/TableSkeleton";

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** Sales plays: what happens at each journey stage for a solution × ICP, and who does it. */
export function PlaysPage() {
  const plays = usePlays();
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);
  const [creating, setCreating] = useState(false);
  const items = allItems(plays.data?.pages);

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <AnchorLink to="/strategy">Strategy</AnchorLink>
        <Text span fz="sm" c="dimmed">
          Plays
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Sales plays"
        description="For a solution and an ICP: what happens at each journey stage, who leads it, in which co-motion, with which assets and KPIs."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New play
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
        {plays.isPending ? (
          <TableSkeleton />
        ) : plays.isError ? (
          <ErrorAlert error={plays.error} onRetry={() => plays.refetch()} />
        ) : items.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <Text fw={700}>No plays yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={460}>
              A play teaches partners to Identify, Reach, Influence, Develop and Expand sales for one solution
              and ICP. Start with the stage where your ecosystem is weakest.
            </Text>
          </Stack>
        ) : (
          <>
            <PlaysTable plays={items} />
            {plays.hasNextPage && (
              <Button
                variant="default"
                mt="sm"
                onClick={() => plays.fetchNextPage()}
                loading={plays.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </>
        )}
      </Paper>
      {creating && <NewPlayModal opened onClose={() => setCreating(false)} />}
    </>
  );
}
