/** Background jobs of the workspace: watch progress, cancel. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { jobView, presentJob } from "./presenters.ts";
import { cancelJob, getJob, jobStatuses, listJobs } from "./service.ts";

const idParams = z.object({ id: z.uuid() });

export function registerJobRoutes(app: ApiApp) {
  const { db } = app.deps;
  const tags = ["jobs"];

  app.get(
    "/jobs",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags,
        summary: "Jobs of the workspace, newest first",
        querystring: pageQuery.extend({
          kind: z.string().trim().min(1).max(100).optional(),
          status: z.enum(jobStatuses).optional(),
        }),
        response: { 200: pageOf(jobView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listJobs(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentJob), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/jobs/:id",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags,
        summary: "A job's status and progress (poll it to watch a job run)",
        params: idParams,
        response: { 200: jobView, ...problemResponses },
      },
    },
    async (request) => presentJob(await getJob(db, workspaceOf(request), request.params.id)),
  );

  app.post(
    "/jobs/:id/cancel",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary:
          "Cancel a queued or running job (a running one stops after its current batch; 409 if it has ended)",
        params: idParams,
        response: { 200: jobView, ...problemResponses },
      },
    },
    async (request) => presentJob(await cancelJob(db, workspaceOf(request), request.params.id)),
  );
}
