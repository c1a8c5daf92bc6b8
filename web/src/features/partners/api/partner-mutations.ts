import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { LIFECYCLE_STAGES, PRIORITIES, STACK_LAYERS } from "../components/labels";
import { partnerSchema, partnersQueryKey } from "./get-partners";

const label = z.string().trim().min(1).max(120);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const relationshipInputSchema = z.object({
  priority: z.enum(PRIORITIES).nullable(),
  vision: optionalText(5000),
  goals: z.array(z.string().trim().min(1).max(500)).max(50),
  vendorSponsors: z.array(label).max(100),
  partnerSponsors: z.array(label).max(100),
  stage: optionalText(120),
  nextReviewDate: z.iso.date("Use a date like 2027-01-31").nullable(),
});
export type RelationshipInput = z.infer<typeof relationshipInputSchema>;

export const partnerInputSchema = z.object({
  name: z.string().trim().min(1, "Name the partner").max(200),
  website: optionalText(500),
  description: optionalText(5000),
  layers: z.array(z.enum(STACK_LAYERS)),
  types: z.array(label).max(100),
  regions: z.array(label).max(100),
  industries: z.array(label).max(100),
  capabilities: z.array(label).max(100),
  tier: optionalText(60),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  relationship: relationshipInputSchema.partial().optional(),
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PartnerInput) =>
      apiRequest("/v1/partners", { method: "POST", body: input, schema: partnerSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersQueryKey }),
  });
}

export function useUpdatePartner(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<PartnerInput>) =>
      apiRequest(`/v1/partners/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body: input,
        schema: partnerSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersQueryKey }),
  });
}

export function useDeletePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/v1/partners/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...partnersQueryKey, "detail", id] });
      return queryClient.invalidateQueries({ queryKey: [...partnersQueryKey, "list"] });
    },
  });
}
