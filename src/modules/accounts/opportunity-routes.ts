/** Opportunities: deals on accounts, with their source route and partner. */
import { z } from "zod";
import { pageOf } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from "./opportunities.ts";
import { opportunityView, presentOpportunity } from "./presenters.ts";
import { opportunityCreateInput, opportunityListQuery, opportunityUpdateInput } from "./schemas.ts";

const idParams = z.object({ id: z.uuid() });

export function registerOpportunityRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/opportunities",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["opportunities"],
        summary: "Opportunities, newest first, filtered by account, partner, status and source route",
        querystring: opportunityListQuery,
        response: { 200: pageOf(opportunityView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listOpportunities(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentOpportunity), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/opportunities",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["opportunities"],
        summary: "Add an opportunity; partner-sourced and partner-influenced ones name their partner",
        body: opportunityCreateInput,
        response: { 201: opportunityView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentOpportunity(await createOpportunity(db, workspaceOf(request), request.body))),
  );

  app.get(
    "/opportunities/:id",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["opportunities"],
        summary: "An opportunity",
        params: idParams,
        response: { 200: opportunityView, ...problemResponses },
      },
    },
    async (request) => presentOpportunity(await getOpportunity(db, workspaceOf(request), request.params.id)),
  );

  app.patch(
    "/opportunities/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["opportunities"],
        summary: "Change some of an opportunity's fields",
        params: idParams,
        body: opportunityUpdateInput,
        response: { 200: opportunityView, ...problemResponses },
      },
    },
    async (request) =>
      presentOpportunity(await updateOpportunity(db, workspaceOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/opportunities/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["opportunities"],
        summary: "Delete an opportunity",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteOpportunity(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
