import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { sessionQueryKey, sessionSchema, useStoreSession } from "../../../shared/auth/session";

export const loginInputSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

export type LoginInput = z.infer<typeof loginInputSchema>;

export function login(input: LoginInput) {
  return apiRequest("/v1/auth/login", { method: "POST", body: input, schema: sessionSchema });
}

export function useLogin() {
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: login,
    // 401 here means wrong credentials, shown on the form; it does not end a session.
    meta: { expectsUnauthenticated: true },
    onSuccess: (session) => {
      // Nothing cached for a previous user may survive into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      storeSession(session);
    },
  });
}
