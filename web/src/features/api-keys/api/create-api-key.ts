import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { grantableRoleSchema } from "../../../shared/auth/roles";
import { apiKeySchema, apiKeysQueryKey } from "./get-api-keys";

export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "Name the key after the integration that uses it").max(100),
  role: grantableRoleSchema,
});

export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

/** The secret is only ever in this response; the server keeps a hash. */
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, secret: z.string() });

export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export function createApiKey(input: CreateApiKeyInput) {
  return apiRequest("/v1/api-keys", { method: "POST", body: input, schema: createdApiKeySchema });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
