import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import type { ImportEntity, ImportPreset } from "./import-schema";

export const templateMappingSchema = z.object({
  header: z.string(),
  field: z.string().nullable(),
  attribute: z.string().nullable(),
});

export const importTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  entity: z.string(),
  preset: z.string(),
  mapping: z.array(templateMappingSchema),
  createdAt: z.string().optional(),
});
export type ImportTemplate = z.infer<typeof importTemplateSchema>;

// The contract names the route but not the list envelope: accept `{ items }` (as other lists) or a bare array.
const templateListSchema = z
  .union([z.object({ items: z.array(importTemplateSchema) }), z.array(importTemplateSchema)])
  .transform((list) => (Array.isArray(list) ? list : list.items));

const templatesKey = (entity: ImportEntity) => ["imports", "templates", entity] as const;

export function useImportTemplates(entity: ImportEntity) {
  return useQuery({
    queryKey: templatesKey(entity),
    queryFn: ({ signal }) =>
      apiRequest(`/v1/import-templates?entity=${encodeURIComponent(entity)}`, {
        schema: templateListSchema,
        signal,
      }),
  });
}

export interface TemplateInput {
  name: string;
  entity: ImportEntity;
  preset: ImportPreset;
  mapping: z.infer<typeof templateMappingSchema>[];
}

export function useCreateImportTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) =>
      apiRequest("/v1/import-templates", { method: "POST", body: input, schema: importTemplateSchema }),
    onSuccess: (template) =>
      queryClient.invalidateQueries({ queryKey: ["imports", "templates", template.entity] }),
  });
}

export function useDeleteImportTemplate(entity: ImportEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/v1/import-templates/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey(entity) }),
  });
}
