import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { ACCOUNT_STATUSES } from "../components/labels";
import { accountSchema, accountsQueryKey } from "./get-accounts";

const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const accountInputSchema = z.object({
  name: z.string().trim().min(1, "Name the account").max(200),
  website: optionalText(500),
  industry: optionalText(120),
  employees: z.number().int("Employees is a whole number").min(0, "Employees cannot be negative").nullable(),
  annualRevenue: z.number().min(0, "Revenue cannot be negative").max(1e15).nullable(),
  country: optionalText(120),
  region: optionalText(120),
  technologies: z.array(z.string().trim().min(1).max(120)).max(200),
  status: z.enum(ACCOUNT_STATUSES),
  owner: optionalText(200),
});
export type AccountInput = z.infer<typeof accountInputSchema>;

export function useSaveAccount(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) =>
      id
        ? apiRequest(`/v1/accounts/${encodeURIComponent(id)}`, {
            method: "PATCH",
            body: input,
            schema: accountSchema,
          })
        : apiRequest("/v1/accounts", { method: "POST", body: input, schema: accountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/v1/accounts/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...accountsQueryKey, "detail", id] });
      return queryClient.invalidateQueries({ queryKey: [...accountsQueryKey, "list"] });
    },
  });
}
