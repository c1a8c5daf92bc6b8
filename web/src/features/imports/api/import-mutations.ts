import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import {
  type Import,
  type ImportPreset,
  importQueryKey,
  importSchema,
  importsQueryKey,
  type MappingEntry,
  mappingInput,
} from "./import-schema";

export interface UpdateImportInput {
  mapping?: MappingEntry[];
  preset?: ImportPreset;
}

/** Stores the answer as the open import and refreshes the history. */
function useStoreImport() {
  const queryClient = useQueryClient();
  return (updated: Import) => {
    queryClient.setQueryData(importQueryKey(updated.id), updated);
    return queryClient.invalidateQueries({ queryKey: [...importsQueryKey, "list"] });
  };
}

/** PATCH /imports/{id}: a new mapping or preset; the server re-runs the preview. */
export function useUpdateImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: (input: UpdateImportInput) =>
      apiRequest(`/v1/imports/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body: {
          ...(input.mapping ? { mapping: mappingInput(input.mapping) } : {}),
          ...(input.preset ? { preset: input.preset } : {}),
        },
        schema: importSchema,
      }),
    onSuccess: store,
  });
}

export function useCommitImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: () =>
      apiRequest(`/v1/imports/${encodeURIComponent(id)}/commit`, { method: "POST", schema: importSchema }),
    onSuccess: store,
  });
}

export function useCancelImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: () =>
      apiRequest(`/v1/imports/${encodeURIComponent(id)}/cancel`, { method: "POST", schema: importSchema }),
    onSuccess: store,
  });
}
