import type { ReactNode } from "react";
import { allItems, type Page } from "../api/pagination";
import { ErrorAlert } from "./ErrorAlert";
import type { NextPageQuery } from "./LoadMoreButton";
import { TableSkeleton } from "./TableSkeleton";

/** An infinite query over a list endpoint, as `useInfiniteQuery` returns it. */
export interface PagedQuery<T> extends NextPageQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { pages: readonly Page<T>[] } | undefined;
  refetch: () => unknown;
}

interface PagedListProps<T> {
  query: PagedQuery<T>;
  /** The alert's title when the list does not load; by default the problem's own. */
  loadErrorTitle?: string;
  /** Shown instead of the list when it is empty; without it `children` get the empty list. */
  empty?: ReactNode;
  /** The items loaded so far. */
  children: (items: T[]) => ReactNode;
}

/** The states of a paged list: a skeleton while loading, the error with a retry, empty, or its items. */
export function PagedList<T>({ query, loadErrorTitle, empty, children }: PagedListProps<T>) {
  if (query.isPending) return <TableSkeleton />;
  if (query.isError) {
    return <ErrorAlert error={query.error} title={loadErrorTitle} onRetry={() => query.refetch()} />;
  }
  const items = allItems(query.data?.pages);
  if (items.length === 0 && empty) return empty;
  return children(items);
}
