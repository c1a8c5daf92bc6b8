import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { pagePath, pageSchema } from "../../../shared/api/pagination";

export const auditEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  actor: z.object({
    kind: z.enum(["user", "api_key", "cli", "system"]),
    userId: z.string().nullable(),
    email: z.string().nullable(),
  }),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;

const auditPageSchema = pageSchema(auditEventSchema);

export const auditEventsQueryKey = (action: string | null) => ["audit-events", action] as const;

export function getAuditEvents(action: string | null, cursor: string | null, signal?: AbortSignal) {
  const path = pagePath("/v1/audit-events", cursor);
  return apiRequest(action ? `${path}&action=${encodeURIComponent(action)}` : path, {
    schema: auditPageSchema,
    signal,
  });
}

export function auditEventsQueryOptions(action: string | null) {
  return infiniteQueryOptions({
    queryKey: auditEventsQueryKey(action),
    queryFn: ({ pageParam, signal }) => getAuditEvents(action, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useAuditEvents(action: string | null) {
  return useInfiniteQuery(auditEventsQueryOptions(action));
}
