import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../api/client";
import { rememberCsrfToken } from "../api/csrf";
import { isUnauthenticated } from "../api/problem";
import { type Role, roleSchema } from "./roles";

/**
 * The signed-in user's session. It lives here, in shared/, because every feature needs
 * to know who is signed in, in which workspace and with which role.
 */
export const membershipSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: roleSchema,
});

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  memberships: z.array(membershipSchema),
  currentWorkspaceId: z.string().nullable(),
  csrfToken: z.string(),
});

export type Session = z.infer<typeof sessionSchema>;
export type Membership = z.infer<typeof membershipSchema>;

export const sessionQueryKey = ["session"] as const;

export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest("/v1/auth/session", { schema: sessionSchema });
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isUnauthenticated(error)) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The membership of the workspace the session is currently in, if any. */
export function currentMembership(session: Session | null | undefined): Membership | null {
  if (!session?.currentWorkspaceId) return null;
  return session.memberships.find((m) => m.workspace.id === session.currentWorkspaceId) ?? null;
}

export function useCurrentRole(): Role | null {
  const { data } = useSession();
  return currentMembership(data)?.role ?? null;
}

/** Stores a session answered by login, sign-up, accept or switch. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    rememberCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionQueryKey, session);
  };
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/v1/auth/logout", { method: "POST" }),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (workspaceId: string) =>
      apiRequest("/v1/auth/session/workspace", {
        method: "PUT",
        body: { workspaceId },
        schema: sessionSchema,
      }),
    onSuccess: async (session) => {
      storeSession(session);
      // Everything else in the cache belonged to the previous workspace: drop it and
      // refetch what is on screen, so no stale name or list flashes by.
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}
