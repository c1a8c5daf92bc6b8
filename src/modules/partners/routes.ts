/** Partners: CRUD, search, filters, sorting and keyset pagination. */
import { z } from "zod";
import { pageOf } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { partnerView, presentPartner } from "./presenters.ts";
import { partnerCreateInput, partnerListQuery, partnerUpdateInput } from "./schemas.ts";
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from "./service.ts";

const idParams = z.object({ id: z.uuid() });

export function registerPartnerRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/partners",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["partners"],
        summary:
          "Partners, searched by name or domain (q) and filtered by layer, type, lifecycle, region, industry, tier (repeat or comma-separate values)",
        querystring: partnerListQuery,
        response: { 200: pageOf(partnerView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listPartners(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentPartner), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/partners",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["partners"],
        summary: "Add a partner",
        body: partnerCreateInput,
        response: { 201: partnerView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const partner = await createPartner(db, workspaceOf(request), request.body);
      return reply.status(201).send(presentPartner(partner));
    },
  );

  app.get(
    "/partners/:id",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["partners"],
        summary: "A partner with its relationship record",
        params: idParams,
        response: { 200: partnerView, ...problemResponses },
      },
    },
    async (request) => presentPartner(await getPartner(db, workspaceOf(request), request.params.id)),
  );

  app.patch(
    "/partners/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["partners"],
        summary: "Change some of a partner's fields; relationship keys are merged (null clears one)",
        params: idParams,
        body: partnerUpdateInput,
        response: { 200: partnerView, ...problemResponses },
      },
    },
    async (request) =>
      presentPartner(await updatePartner(db, workspaceOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/partners/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["partners"],
        summary: "Delete a partner (409 while plays name it)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePartner(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
