import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";
import { importQueryKey, importSchema, importsQueryKey, isImportWorking } from "./import-schema";

const importsPageSchema = pageSchema(importSchema);

/** While a preview or commit job runs, the import is re-read this often (ms). */
const POLL_MS = 500;

export function importsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...importsQueryKey, "list"],
    queryFn: ({ pageParam, signal }) =>
      apiRequest(pagePath("/v1/imports", pageParam, 20), { schema: importsPageSchema, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The import history, newest first; refreshes itself while one of them is still working. */
export function useImports() {
  return useInfiniteQuery({
    ...importsQueryOptions(),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => isImportWorking(item.status)))
        ? 2_000
        : false,
  });
}

export function importQueryOptions(id: string) {
  return queryOptions({
    queryKey: importQueryKey(id),
    queryFn: ({ signal }) =>
      apiRequest(`/v1/imports/${encodeURIComponent(id)}`, { schema: importSchema, signal }),
    refetchInterval: (query) =>
      query.state.data && isImportWorking(query.state.data.status) ? POLL_MS : false,
  });
}

/** One import, polled while its preview or commit job runs. */
export function useImport(id: string | null) {
  return useQuery({ ...importQueryOptions(id ?? ""), enabled: id !== null });
}
