import { Badge, Box, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { IconPlus } from "../../../shared/ui/icons";
import type { ValueChain } from "../api/get-value-chain";
import { CoverageCard } from "./CoverageCard";
import { LinkPanel } from "./LinkPanel";
import { CHANNEL_KIND_COLORS, CHANNEL_KIND_LABELS, CHANNEL_KINDS } from "./labels";
import { ValueChainGraph } from "./ValueChainGraph";

type Editing = { mode: "closed" } | { mode: "new" } | { mode: "edit"; linkId: string };

/** The graph with its legend on the left; coverage and the link editor on the right. */
export function ValueChainEditor({ chain, canEdit }: { chain: ValueChain; canEdit: boolean }) {
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const editedLink =
    editing.mode === "edit" ? (chain.links.find((l) => l.id === editing.linkId) ?? null) : null;
  const panelOpen = editing.mode === "new" || editedLink !== null;

  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      <Stack gap="xs" flex="1 1 560px" miw={0}>
        <Group justify="space-between" mih={36}>
          <Text size="sm" c="dimmed">
            {chain.links.length} link{chain.links.length === 1 ? "" : "s"} around the customer.
            {chain.links.length > 0 && " Click a link to edit it."}
          </Text>
          {canEdit && (
            <Button
              size="sm"
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing({ mode: "new" })}
            >
              Add link
            </Button>
          )}
        </Group>
        <Paper withBorder radius="md" h="calc(100dvh - 330px)" mih={420} style={{ overflow: "hidden" }}>
          {chain.links.length === 0 ? (
            <Stack h="100%" align="center" justify="center" gap="xs" p="xl">
              <Text fw={700}>No links yet</Text>
              <Text size="sm" c="dimmed" ta="center" maw={420}>
                Add the advisors, consultants, integrators, clouds and associations your customer already
                relies on. Links without an active partner show up as recruiting gaps.
              </Text>
            </Stack>
          ) : (
            <Box h="100%">
              <ValueChainGraph
                chain={chain}
                selectedLinkId={editedLink?.id ?? null}
                onSelectLink={(linkId) => setEditing({ mode: "edit", linkId })}
              />
            </Box>
          )}
        </Paper>
        <Group gap="xs" aria-label="Legend">
          {CHANNEL_KINDS.map((kind) => (
            <Badge key={kind} variant="dot" color={CHANNEL_KIND_COLORS[kind]} size="sm" tt="none">
              {CHANNEL_KIND_LABELS[kind]}
            </Badge>
          ))}
          <Badge variant="outline" color="red" size="sm" tt="none" style={{ borderStyle: "dashed" }}>
            Gap: no active partner
          </Badge>
          <Text size="xs" c="dimmed">
            Thicker edge = matters more over the journey.
          </Text>
        </Group>
      </Stack>
      <Stack gap="md" flex="0 1 340px" miw={300}>
        {panelOpen && (
          <LinkPanel
            key={editedLink?.id ?? "new"}
            chain={chain}
            link={editedLink}
            canEdit={canEdit}
            onClose={() => setEditing({ mode: "closed" })}
          />
        )}
        <CoverageCard chain={chain} />
      </Stack>
    </Group>
  );
}
