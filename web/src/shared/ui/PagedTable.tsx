import { Stack, Table, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert";
import { LoadMoreButton } from "./LoadMoreButton";
import { PagedList, type PagedQuery } from "./PagedList";

interface PagedTableProps<T> {
  query: PagedQuery<T>;
  /** The alert's title when the list does not load. */
  loadErrorTitle: string;
  /** Shown instead of the table when the list is empty; without it the empty table shows. */
  empty?: ReactNode;
  /** The last failed action on a row (revoke, role change…), shown above the table. */
  actionError: unknown;
  actionErrorTitle: string;
  /** The table's accessible name. */
  label: string;
  minWidth: number;
  columns: readonly string[];
  /** Adds a last column, its header hidden as "Actions", for the rows' buttons. */
  withActions: boolean;
  loadMoreLabel: string;
  /** The table rows (`Table.Tr`) of the items loaded so far. */
  children: (items: T[]) => ReactNode;
}

/** A settings table of a paged list (members, invitations, API keys) with its states and "Load more". */
export function PagedTable<T>({
  query,
  loadErrorTitle,
  empty,
  actionError,
  actionErrorTitle,
  label,
  minWidth,
  columns,
  withActions,
  loadMoreLabel,
  children,
}: PagedTableProps<T>) {
  return (
    <PagedList query={query} loadErrorTitle={loadErrorTitle} empty={empty}>
      {(items) => (
        <Stack gap="md">
          {actionError !== null && <ErrorAlert error={actionError} title={actionErrorTitle} />}
          <Table.ScrollContainer minWidth={minWidth}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column}>{column}</Table.Th>
                  ))}
                  {withActions && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{children(items)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMoreButton query={query} centered>
            {loadMoreLabel}
          </LoadMoreButton>
        </Stack>
      )}
    </PagedList>
  );
}
