/** Solutions: what the vendor sells. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  createSolution,
  deleteSolution,
  getSolution,
  listSolutionsPage,
  type Solution,
  updateSolution,
} from "./service.ts";

export const solutionView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const presentSolution = (s: Solution) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
});

const solutionInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable().optional(),
});
const idParams = z.object({ id: z.uuid() });

export function registerSolutionRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/solutions",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["solutions"],
        summary: "Solutions the vendor sells, in creation order",
        querystring: pageQuery,
        response: { 200: pageOf(solutionView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listSolutionsPage(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentSolution), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/solutions",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["solutions"],
        summary: "Add a solution",
        body: solutionInput,
        response: { 201: solutionView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentSolution(await createSolution(db, workspaceOf(request), request.body))),
  );

  app.get(
    "/solutions/:id",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["solutions"],
        summary: "A solution",
        params: idParams,
        response: { 200: solutionView, ...problemResponses },
      },
    },
    async (request) => presentSolution(await getSolution(db, workspaceOf(request), request.params.id)),
  );

  app.patch(
    "/solutions/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["solutions"],
        summary: "Rename or describe a solution",
        params: idParams,
        body: solutionInput.partial(),
        response: { 200: solutionView, ...problemResponses },
      },
    },
    async (request) =>
      presentSolution(await updateSolution(db, workspaceOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/solutions/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["solutions"],
        summary: "Delete a solution (409 while plays are drawn for it)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteSolution(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
