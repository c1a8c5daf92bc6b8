import { Breadcrumbs, Button, Paper, Text } from "@mantine/core";
import { useState } from "react";
import { usePlays } from "../../features/plays/api/get-plays";
import { NewPlayModal } from "../../features/plays/components/NewPlayModal";
import { PlaysTable } from "../../features/plays/components/PlaysTable";
import { useCurrentRole } from "../../shared/auth/session";
import { EmptyState } from "../../shared/ui/EmptyState";
import { IconPlus } from "../../shared/ui/icons";
import { LoadMoreButton } from "../../shared/ui/LoadMoreButton";
import { PagedList } from "../../shared/ui/PagedList";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** Sales plays: what happens at each journey stage for a solution × ICP, and who does it. */
export function PlaysPage() {
  const plays = usePlays();
  const role = useCurrentRole();
  const canEdit = role !== null && EDITORS.has(role);
  const [creating, setCreating] = useState(false);

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
        <PagedList
          query={plays}
          empty={
            <EmptyState title="No plays yet">
              A play teaches partners to Identify, Reach, Influence, Develop and Expand sales for one solution
              and ICP. Start with the stage where your ecosystem is weakest.
            </EmptyState>
          }
        >
          {(items) => (
            <>
              <PlaysTable plays={items} />
              <LoadMoreButton query={plays} />
            </>
          )}
        </PagedList>
      </Paper>
      {creating && <NewPlayModal opened onClose={() => setCreating(false)} />}
    </>
  );
}
