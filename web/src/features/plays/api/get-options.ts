import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";

/** Id and name are all a select needs of a solution, ICP or partner. */
const optionSchema = z.object({ id: z.string(), name: z.string() });
export type NamedOption = z.infer<typeof optionSchema>;
const optionPage = pageSchema(optionSchema);
const MAX_PAGES = 10;

async function allOf(path: string, signal?: AbortSignal): Promise<NamedOption[]> {
  const all: NamedOption[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: z.infer<typeof optionPage> = await apiRequest(pagePath(path, cursor, 200), {
      schema: optionPage,
      signal,
    });
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

export const useSolutionOptions = () =>
  useQuery({ queryKey: ["solutions", "options"], queryFn: ({ signal }) => allOf("/v1/solutions", signal) });

export const useIcpOptions = () =>
  useQuery({ queryKey: ["icps", "options"], queryFn: ({ signal }) => allOf("/v1/icps", signal) });

export const usePartnerOptions = () =>
  useQuery({
    queryKey: ["partners", "options", "names"],
    queryFn: ({ signal }) => allOf("/v1/partners", signal),
  });
