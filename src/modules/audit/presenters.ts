/** The only shape in which audit events leave the API (and the CLI's --json). */
import { z } from "zod";
import type { AuditEvent } from "./events.ts";

export const actorKinds = ["user", "api_key", "cli", "system"] as const;

export const auditEventView = z.object({
  id: z.uuid(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  actor: z.object({
    kind: z.enum(actorKinds),
    userId: z.uuid().nullable(),
    /** The user's e-mail; null for API keys, the CLI, the system, and users since deleted. */
    email: z.string().nullable(),
  }),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export function presentAuditEvent(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    actor: {
      kind: actorKinds.find((k) => k === event.actorKind) ?? "system",
      userId: event.actorUserId,
      email: event.actorEmail,
    },
    details: event.details,
    createdAt: event.createdAt.toISOString(),
  };
}
