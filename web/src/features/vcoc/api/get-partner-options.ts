import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";

/** Only what the assignment picker shows of a partner. */
const partnerOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  lifecycle: z.string(),
  layers: z.array(z.string()),
});
export type PartnerOption = z.infer<typeof partnerOptionSchema>;

const partnerPageSchema = pageSchema(partnerOptionSchema);
/** The picker searches in the browser; past this many partners the list would need server search. */
const MAX_PAGES = 10;

export async function getPartnerOptions(signal?: AbortSignal): Promise<PartnerOption[]> {
  const all: PartnerOption[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: z.infer<typeof partnerPageSchema> = await apiRequest(
      pagePath("/v1/partners", cursor, 200),
      {
        schema: partnerPageSchema,
        signal,
      },
    );
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

export function usePartnerOptions() {
  return useQuery({ queryKey: ["partners", "options"], queryFn: ({ signal }) => getPartnerOptions(signal) });
}
