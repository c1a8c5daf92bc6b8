import { Anchor, Badge, Group, List, Paper, RingProgress, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { AnchorLink } from "../../../shared/ui/router-links";
import type { Recommendation } from "../api/get-recommendations";
import { ActionBadge } from "./ActionBadge";

const STATUS_WORDS: Record<string, string> = {
  customer: "customer",
  opportunity: "opportunity",
  prospect: "prospect",
  churned: "churned",
};
const statusWord = (status: string) => STATUS_WORDS[status] ?? status;

interface RecommendationListProps {
  items: Recommendation[];
  /** Which side the list is read from: a partner's page names the account, an account's page the partner. */
  counterpart: "account" | "partner";
}

const REASONS_SHOWN = 3;

/** The first reasons (the ones that rank it), the rest on request. */
function Reasons({ title, reasons }: { title: string; reasons: string[] }) {
  const [open, setOpen] = useState(false);
  if (reasons.length === 0) return null;
  const shown = open ? reasons : reasons.slice(0, REASONS_SHOWN);
  const hidden = reasons.length - shown.length;
  return (
    <Stack gap={2}>
      <List size="xs" spacing={2} c="dimmed" aria-label={`Why: ${title}`}>
        {shown.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
      {(hidden > 0 || open) && reasons.length > REASONS_SHOWN && (
        <Anchor component="button" type="button" size="xs" w="fit-content" onClick={() => setOpen(!open)}>
          {open ? "Fewer reasons" : `${hidden} more reason${hidden === 1 ? "" : "s"}`}
        </Anchor>
      )}
    </Stack>
  );
}

function scoreColor(score: number): string {
  return score >= 70 ? "teal" : score >= 40 ? "yellow" : "gray";
}

/** Ranked co-sell actions, each with its stage, play step and the reasons behind its rank. */
export function RecommendationList({ items, counterpart }: RecommendationListProps) {
  return (
    <Stack
      gap="sm"
      component="ol"
      aria-label="Co-sell recommendations"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
    >
      {items.map((item, index) => (
        <Paper
          key={item.key}
          component="li"
          withBorder
          radius="md"
          p="sm"
          aria-label={`${index + 1}. ${item.title}`}
          data-action={item.action}
        >
          <Group align="flex-start" wrap="nowrap" gap="md">
            <RingProgress
              size={52}
              thickness={5}
              roundCaps
              sections={[{ value: Math.max(0, Math.min(100, item.score)), color: scoreColor(item.score) }]}
              label={
                <Text ta="center" size="xs" fw={700} aria-label={`Score ${Math.round(item.score)} of 100`}>
                  {Math.round(item.score)}
                </Text>
              }
            />
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <ActionBadge action={item.action} />
                {item.stage && (
                  <Badge variant="outline" color="gray" radius="sm" title="Journey stage">
                    {item.stage.name}
                  </Badge>
                )}
                <Text fw={650} size="sm">
                  {item.title}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {counterpart === "account" ? (
                  <AnchorLink to="/accounts/$accountId" params={{ accountId: item.account.id }} size="xs">
                    {item.account.name}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/mapping/$partnerId" params={{ partnerId: item.partner.id }} size="xs">
                    {item.partner.name}
                    {item.partner.tier ? ` (${item.partner.tier})` : ""}
                  </AnchorLink>
                )}{" "}
                — you: {statusWord(item.account.status)}; {item.partner.name}:{" "}
                {statusWord(item.partnerAccount.status)}
                {item.partnerAccount.name !== item.account.name ? ` as “${item.partnerAccount.name}”` : ""}
              </Text>
              {item.play && (
                <Text size="xs">
                  Play step:{" "}
                  <AnchorLink
                    to="/strategy/plays/$playId"
                    params={{ playId: item.play.id }}
                    size="xs"
                    fw={600}
                  >
                    {item.play.name}
                    {item.play.stepTitle ? ` → ${item.play.stepTitle}` : ""}
                  </AnchorLink>
                </Text>
              )}
              <Reasons title={item.title} reasons={item.reasons} />
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
