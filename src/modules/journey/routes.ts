/** The Buyer's Journey Arc: /journey-stages (ordered; defaults on first use). */
import { z } from "zod";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  createJourneyStage,
  deleteJourneyStage,
  type JourneyStage,
  listJourneyStages,
  reorderJourneyStages,
  updateJourneyStage,
} from "./service.ts";

export const journeyStageView = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const presentJourneyStage = (s: JourneyStage): z.infer<typeof journeyStageView> => ({
  id: s.id,
  key: s.key,
  name: s.name,
  description: s.description,
  position: s.position,
  createdAt: s.createdAt.toISOString(),
});

const stagesView = z.object({ items: z.array(journeyStageView) });
const nameSchema = z.string().trim().min(1).max(80);
const descriptionSchema = z.string().trim().max(2000).nullable();
const idParams = z.object({ id: z.uuid() });

export function registerJourneyRoutes(app: ApiApp) {
  const { db } = app.deps;
  const tags = ["journey"];

  app.get(
    "/journey-stages",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags,
        summary:
          "The journey arc in order (a new workspace gets Identify, Reach, Influence, Develop, Expand)",
        response: { 200: stagesView, ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listJourneyStages(db, workspaceOf(request))).map(presentJourneyStage),
    }),
  );

  app.post(
    "/journey-stages",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Append a stage to the arc (key defaults to a slug of the name; unique → 409)",
        body: z.object({
          name: nameSchema,
          key: z.string().trim().min(1).max(60).optional(),
          description: descriptionSchema.optional(),
        }),
        response: { 201: journeyStageView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const stage = await createJourneyStage(db, workspaceOf(request), request.body);
      return reply.status(201).send(presentJourneyStage(stage));
    },
  );

  app.put(
    "/journey-stages/order",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Reorder the arc: ids must list every stage once",
        body: z.object({ ids: z.array(z.uuid()).min(1).max(100) }),
        response: { 200: stagesView, ...problemResponses },
      },
    },
    async (request) => ({
      items: (await reorderJourneyStages(db, workspaceOf(request), request.body.ids)).map(
        presentJourneyStage,
      ),
    }),
  );

  app.patch(
    "/journey-stages/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Rename or describe a stage (its key stays)",
        params: idParams,
        body: z.object({ name: nameSchema.optional(), description: descriptionSchema.optional() }),
        response: { 200: journeyStageView, ...problemResponses },
      },
    },
    async (request) =>
      presentJourneyStage(
        await updateJourneyStage(db, workspaceOf(request), request.params.id, request.body),
      ),
  );

  app.delete(
    "/journey-stages/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Delete a stage (409 while plays use it, or when it is the last one)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteJourneyStage(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
