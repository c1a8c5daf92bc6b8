import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { sessionQueryKey } from "../../../shared/auth/session";
import { currentWorkspaceSchema, workspaceQueryKey } from "./get-workspace";

export const workspaceNameSchema = z.object({
  name: z.string().trim().min(1, "Name the workspace").max(200, "Use at most 200 characters"),
});

export type UpdateWorkspaceInput = z.infer<typeof workspaceNameSchema>;

export function updateWorkspace(input: UpdateWorkspaceInput) {
  return apiRequest("/v1/workspace", { method: "PATCH", body: input, schema: currentWorkspaceSchema });
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkspace,
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceQueryKey, workspace);
      // The switcher lists workspace names from the session.
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
