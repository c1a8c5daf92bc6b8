import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";

/** The part of an infinite query that fetches its next page. */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface LoadMoreButtonProps {
  query: NextPageQuery;
  children?: ReactNode;
  /** Centred on its own row (settings tables); otherwise just under the list, to the left. */
  centered?: boolean;
}

/** "Load more" under a paged list, while the query has a next page. */
export function LoadMoreButton({ query, children = "Load more", centered = false }: LoadMoreButtonProps) {
  if (!query.hasNextPage) return null;
  const button = (
    <Button
      variant="default"
      mt={centered ? undefined : "sm"}
      loading={query.isFetchingNextPage}
      onClick={() => query.fetchNextPage()}
    >
      {children}
    </Button>
  );
  return centered ? <Group justify="center">{button}</Group> : button;
}
