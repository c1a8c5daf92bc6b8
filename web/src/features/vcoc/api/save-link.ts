import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { CHANNEL_KINDS } from "../components/labels";
import { valueChainLinkSchema, valueChainQueryKey } from "./get-value-chain";

export const linkInputSchema = z.object({
  name: z.string().trim().min(1, "Name the party the customer relies on").max(200),
  description: z.string().trim().max(2000).nullable(),
  channelKind: z.enum(CHANNEL_KINDS),
  stageWeights: z.record(z.string(), z.number().int().min(0).max(5)),
  partnerIds: z.array(z.string()),
});
export type LinkInput = z.infer<typeof linkInputSchema>;

/** Creates a link (no id) or replaces an existing link's fields and partner assignment. */
export function saveLink(icpId: string, input: LinkInput & { id?: string }) {
  const { id, ...body } = input;
  return id
    ? apiRequest(`/v1/value-chain/links/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body,
        schema: valueChainLinkSchema,
      })
    : apiRequest(`/v1/icps/${encodeURIComponent(icpId)}/value-chain/links`, {
        method: "POST",
        body,
        schema: valueChainLinkSchema,
      });
}

export function useSaveLink(icpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkInput & { id?: string }) => saveLink(icpId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueChainQueryKey(icpId) }),
  });
}
