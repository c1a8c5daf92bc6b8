import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { TableSkeleton } from "../../../shared/ui/TableSkeleton";
import { type RecommendationScope, useRecommendations } from "../api/get-recommendations";
import { RecommendationList } from "./RecommendationList";

interface RecommendationsPanelProps {
  scope: RecommendationScope;
  /** Shown when there is nothing to recommend yet. */
  emptyText: string;
}

const FIRST_SHOWN = 5;
const LIMIT = 50;

/** "Co-sell recommendations": the ranked next actions for a partner's or an account's overlaps. */
export function RecommendationsPanel({ scope, emptyText }: RecommendationsPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const recommendations = useRecommendations(scope, LIMIT);
  const all = recommendations.data?.items ?? [];
  const items = showAll ? all : all.slice(0, FIRST_SHOWN);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "md", sm: "lg" }}
      component="section"
      aria-label="Co-sell recommendations"
    >
      <Stack gap={2} mb="md">
        <Title order={2} fz="lg" fw={650}>
          Co-sell recommendations
        </Title>
        <Text size="sm" c="dimmed">
          Each overlap as a next action, ranked by ICP fit, pipeline, partner tier and the stage's weight.
        </Text>
      </Stack>
      {recommendations.isPending ? (
        <TableSkeleton rows={3} />
      ) : recommendations.isError ? (
        <ErrorAlert error={recommendations.error} onRetry={() => recommendations.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack gap="sm">
          <RecommendationList items={items} counterpart={"partnerId" in scope ? "account" : "partner"} />
          {all.length > FIRST_SHOWN && (
            <Button variant="default" w="fit-content" onClick={() => setShowAll(!showAll)}>
              {showAll ? `Show the top ${FIRST_SHOWN}` : `Show all ${all.length}`}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
