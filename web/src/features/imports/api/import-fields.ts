import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import type { ImportEntity } from "./import-schema";

export const importFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  required: z.boolean(),
});
export type ImportField = z.infer<typeof importFieldSchema>;

const fieldList = z.array(importFieldSchema).catch([]);
const importFieldsSchema = z.object({
  account: fieldList,
  opportunity: fieldList,
  partner: fieldList,
  contact: fieldList,
  partner_account: fieldList,
});
export type ImportFields = Record<ImportEntity, ImportField[]>;

/** The target fields each kind of record can take, for the mapping step's pickers. */
export function useImportFields() {
  return useQuery({
    queryKey: ["imports", "fields"],
    queryFn: ({ signal }) => apiRequest("/v1/import-fields", { schema: importFieldsSchema, signal }),
    staleTime: 10 * 60_000,
  });
}
