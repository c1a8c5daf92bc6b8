import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { bandSchema } from "./schemas";

export const fitReasonSchema = z.object({
  criterion: z.string(),
  weight: z.number(),
  matched: z.boolean(),
  detail: z.string(),
});
export type FitReason = z.infer<typeof fitReasonSchema>;

export const accountFitSchema = z.object({
  accountId: z.string(),
  items: z.array(
    z.object({
      icpId: z.string(),
      icpName: z.string(),
      score: z.number(),
      band: bandSchema,
      reasons: z.array(fitReasonSchema),
      stored: z.object({ score: z.number(), band: bandSchema, computedAt: z.string() }).nullable(),
    }),
  ),
});
export type AccountFitData = z.infer<typeof accountFitSchema>;

/** The account's live fit to every ICP, with the reasons. */
export function useAccountFit(accountId: string) {
  return useQuery({
    queryKey: ["icps", "fit", accountId],
    queryFn: ({ signal }) =>
      apiRequest(`/v1/accounts/${accountId}/fit`, { schema: accountFitSchema, signal }),
  });
}
