import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { roleSchema } from "../../../shared/auth/roles";
import { sessionQueryKey } from "../../../shared/auth/session";
import type { UpdateWorkspaceInput } from "./update-workspace";

export const createdWorkspaceSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string(), createdAt: z.string() }),
  role: roleSchema,
});

export function createWorkspace(input: UpdateWorkspaceInput) {
  return apiRequest("/v1/workspaces", { method: "POST", body: input, schema: createdWorkspaceSchema });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
