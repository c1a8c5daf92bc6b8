import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pageSchema } from "../../../shared/api/pagination";
import { OPPORTUNITY_STATUSES, SOURCE_ROUTES } from "../components/labels";

export const opportunitySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  name: z.string(),
  amount: z.number(),
  currency: z.string(),
  stage: z.string().nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  closeDate: z.string().nullable(),
  sourceRoute: z.enum(SOURCE_ROUTES),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  solutionId: z.string().nullable(),
  journeyStageId: z.string().nullable(),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunityInputSchema = z.object({
  accountId: z.string(),
  name: z.string().trim().min(1, "Name the opportunity").max(200),
  amount: z.number("Enter an amount").min(0, "The amount cannot be negative").max(1e15),
  currency: z.string().regex(/^[A-Z]{3}$/, "A three-letter code such as USD or EUR"),
  stage: z.string().trim().max(120).nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  closeDate: z.iso.date("Use a date like 2027-01-31").nullable(),
  sourceRoute: z.enum(SOURCE_ROUTES),
  partnerId: z.string().nullable(),
});
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

const opportunitiesKey = (accountId: string) => ["accounts", "opportunities", accountId] as const;
/** An account has tens of deals, not thousands: one page of the API's maximum is all of them. */
const opportunitiesPageSchema = pageSchema(opportunitySchema);

export function useAccountOpportunities(accountId: string) {
  return useQuery({
    queryKey: opportunitiesKey(accountId),
    queryFn: ({ signal }) =>
      apiRequest(`/v1/opportunities?accountId=${encodeURIComponent(accountId)}&limit=200`, {
        schema: opportunitiesPageSchema,
        signal,
      }),
  });
}

export function useCreateOpportunity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpportunityInput) =>
      apiRequest("/v1/opportunities", { method: "POST", body: input, schema: opportunitySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey(accountId) }),
  });
}

export function useDeleteOpportunity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/v1/opportunities/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: opportunitiesKey(accountId) }),
  });
}

const partnerChoiceSchema = pageSchema(z.object({ id: z.string(), name: z.string() }));

/** Partners to credit a deal to, by name (the first 200; the select searches within them). */
export function usePartnerChoices() {
  return useQuery({
    queryKey: ["partners", "choices"],
    queryFn: ({ signal }) =>
      apiRequest("/v1/partners?limit=200&sort=name", { schema: partnerChoiceSchema, signal }),
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.name })),
  });
}
