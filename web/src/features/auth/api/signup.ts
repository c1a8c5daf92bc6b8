import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { sessionQueryKey, sessionSchema, useStoreSession } from "../../../shared/auth/session";

export const PASSWORD_MIN_LENGTH = 10;

export const signupInputSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(200),
    email: z.email("Enter a valid email address"),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`),
    workspaceName: z.string().trim().max(200).optional(),
    inviteToken: z.string().optional(),
  })
  .refine((input) => input.inviteToken || input.workspaceName, {
    path: ["workspaceName"],
    message: "Name your workspace",
  });

export type SignupInput = z.infer<typeof signupInputSchema>;

export function signup(input: SignupInput) {
  return apiRequest("/v1/auth/signup", { method: "POST", body: input, schema: sessionSchema });
}

export function useSignup() {
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: signup,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      storeSession(session);
    },
  });
}
