import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";

/** Only what the "whose account list" picker needs of a partner. */
const partnerChoiceSchema = z.object({ id: z.string(), name: z.string() });
export type PartnerChoice = z.infer<typeof partnerChoiceSchema>;

const partnerPageSchema = pageSchema(partnerChoiceSchema);
/** The picker filters in the browser; ten pages of 200 covers any realistic partner program. */
const MAX_PAGES = 10;

async function getPartnerChoices(signal?: AbortSignal): Promise<PartnerChoice[]> {
  const all: PartnerChoice[] = [];
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

/** Shares the "partners" key prefix, so it refreshes whenever a partner changes. */
export function usePartnerChoices(enabled: boolean) {
  return useQuery({
    queryKey: ["partners", "import-choices"],
    queryFn: ({ signal }) => getPartnerChoices(signal),
    enabled,
  });
}
