/** The audit trail of the workspace: who imported, exported or changed sharing, and when. Admins only. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { listAuditEvents } from "./events.ts";
import { auditEventView, presentAuditEvent } from "./presenters.ts";

export const auditListQuery = pageQuery.extend({
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/, "is an action such as export.downloaded, or export.*")
    .max(100)
    .optional()
    .describe("Only this action (export.downloaded), or a family of actions (export.*)"),
});

export function registerAuditRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/audit-events",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["audit"],
        summary: "The audit trail, newest first: imports, exports and sharing changes, with who did them",
        querystring: auditListQuery,
        response: { 200: pageOf(auditEventView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listAuditEvents(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  );
}
