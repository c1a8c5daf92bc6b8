import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pageSchema } from "../../../shared/api/pagination";

const choicePage = pageSchema(z.object({ id: z.string(), name: z.string() }));

/** Solutions and ICPs to pick the stack from (the first 200 of each, sorted by name). */
async function getStackChoices(signal?: AbortSignal) {
  const [solutions, icps] = await Promise.all([
    apiRequest("/v1/solutions?limit=200", { schema: choicePage, signal }),
    apiRequest("/v1/icps?limit=200", { schema: choicePage, signal }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { solutions: [...solutions.items].sort(byName), icps: [...icps.items].sort(byName) };
}

export const stackChoicesQueryOptions = queryOptions({
  queryKey: ["stack", "choices"] as const,
  queryFn: ({ signal }) => getStackChoices(signal),
});

export function useStackChoices() {
  return useQuery(stackChoicesQueryOptions);
}
