import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";

export const SHARING_LEVELS = ["hidden", "counts", "overlaps", "all"] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export const ACCOUNT_STATUSES = ["customer", "opportunity", "prospect"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

const sideSchema = z.enum(["vendor", "partner"]);
const levelSchema = z.enum(SHARING_LEVELS);
const statusSchema = z.enum(ACCOUNT_STATUSES);

export const sharingRuleSchema = z.object({
  side: sideSchema,
  population: z.string(),
  label: z.string(),
  filter: z.object({ icpId: z.string().optional(), minScore: z.number().optional() }),
  level: levelSchema,
  fields: z.array(z.string()),
  minCount: z.number(),
  set: z.boolean(),
});
export type SharingRule = z.infer<typeof sharingRuleSchema>;

export const sharingSettingsSchema = z.object({
  partner: z.object({ id: z.string(), name: z.string() }),
  levels: z.array(levelSchema),
  fields: z.array(z.string()),
  rules: z.array(sharingRuleSchema),
});
export type SharingSettings = z.infer<typeof sharingSettingsSchema>;

const sharedCountsSchema = z.object({
  minCount: z.number(),
  cells: z.array(
    z.object({ vendorStatus: statusSchema, partnerStatus: statusSchema, count: z.number().nullable() }),
  ),
  total: z.number().nullable(),
});
export type SharedCounts = z.infer<typeof sharedCountsSchema>;

const sharedRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  partnerAccount: z.object({
    id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    status: statusSchema,
  }),
  account: z.record(z.string(), z.string().nullable()),
});
export type SharedRow = z.infer<typeof sharedRowSchema>;

export const sharedSectionSchema = z.object({
  side: sideSchema,
  population: z.string(),
  label: z.string(),
  level: levelSchema,
  counts: sharedCountsSchema.optional(),
  overlaps: z.array(sharedRowSchema).optional(),
  overlapCount: z.number().optional(),
});
export type SharedSection = z.infer<typeof sharedSectionSchema>;

export const sharedViewSchema = z.object({
  partner: z.object({ id: z.string(), name: z.string() }),
  populations: z.array(sharedSectionSchema),
});

/** What a PUT sends: only the populations that have a rule (the others become unset). */
export type SharingRuleInput = {
  side: "vendor" | "partner";
  population: string;
  level: SharingLevel;
  fields: string[];
  minCount: number;
  filter?: { icpId?: string; minScore?: number };
};

const sharingKey = (partnerId: string) => ["sharing", partnerId] as const;
const sharingPath = (partnerId: string) => `/v1/partners/${encodeURIComponent(partnerId)}`;

export function useSharingSettings(partnerId: string) {
  return useQuery({
    queryKey: [...sharingKey(partnerId), "settings"],
    queryFn: ({ signal }) =>
      apiRequest(`${sharingPath(partnerId)}/sharing`, { schema: sharingSettingsSchema, signal }),
  });
}

export function useSharedView(partnerId: string) {
  return useQuery({
    queryKey: [...sharingKey(partnerId), "shared-view"],
    queryFn: ({ signal }) =>
      apiRequest(`${sharingPath(partnerId)}/shared-view`, { schema: sharedViewSchema, signal }),
  });
}

export function useSaveSharing(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: SharingRuleInput[]) =>
      apiRequest(`${sharingPath(partnerId)}/sharing`, {
        method: "PUT",
        body: { rules },
        schema: sharingSettingsSchema,
      }),
    // The shared view is computed from the settings: both refresh after a save.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharingKey(partnerId) }),
  });
}
