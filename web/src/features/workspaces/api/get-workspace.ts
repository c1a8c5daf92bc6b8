import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { roleSchema } from "../../../shared/auth/roles";

/** The session's current workspace, with the caller's role in it. */
export const currentWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.string(),
  role: roleSchema,
});

export type CurrentWorkspace = z.infer<typeof currentWorkspaceSchema>;

export const workspaceQueryKey = ["workspace"] as const;

export function getWorkspace(signal?: AbortSignal) {
  return apiRequest("/v1/workspace", { schema: currentWorkspaceSchema, signal });
}

export const workspaceQueryOptions = queryOptions({
  queryKey: workspaceQueryKey,
  queryFn: ({ signal }) => getWorkspace(signal),
});

export function useWorkspace() {
  return useQuery(workspaceQueryOptions);
}
