import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pageSchema } from "../../../shared/api/pagination";

export const solutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
});
export type Solution = z.infer<typeof solutionSchema>;

export const solutionInputSchema = z.object({
  name: z.string().trim().min(1, "Name the solution").max(200),
  description: z.string().trim().max(5000).nullable(),
});
export type SolutionInput = z.infer<typeof solutionInputSchema>;

export const solutionsQueryKey = ["solutions"] as const;
const solutionsPageSchema = pageSchema(solutionSchema);

/** A vendor sells a handful of solutions: the first page of 200 is all of them. */
export function useSolutions() {
  return useQuery({
    queryKey: solutionsQueryKey,
    queryFn: ({ signal }) => apiRequest("/v1/solutions?limit=200", { schema: solutionsPageSchema, signal }),
    select: (page) => page.items,
  });
}

export function useSaveSolution(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SolutionInput) =>
      id
        ? apiRequest(`/v1/solutions/${encodeURIComponent(id)}`, {
            method: "PATCH",
            body: input,
            schema: solutionSchema,
          })
        : apiRequest("/v1/solutions", { method: "POST", body: input, schema: solutionSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: solutionsQueryKey }),
  });
}

export function useDeleteSolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/v1/solutions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: solutionsQueryKey }),
  });
}
