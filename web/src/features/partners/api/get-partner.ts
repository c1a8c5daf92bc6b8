import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import { partnerSchema, partnersQueryKey } from "./get-partners";

export const partnerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...partnersQueryKey, "detail", id],
    queryFn: ({ signal }) =>
      apiRequest(`/v1/partners/${encodeURIComponent(id)}`, { schema: partnerSchema, signal }),
  });

export function usePartner(id: string) {
  return useQuery(partnerQueryOptions(id));
}
