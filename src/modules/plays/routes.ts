/** Sales plays and their steps. */
import { z } from "zod";
import { pageOf } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  playDetailView,
  playStepView,
  playSummaryView,
  presentPlayDetail,
  presentPlaySummary,
  presentStep,
} from "./presenters.ts";
import { createPlayBody, createStepBody, listPlaysQuery, updatePlayBody, updateStepBody } from "./schemas.ts";
import { createPlay, deletePlay, getPlay, listPlays, updatePlay } from "./service.ts";
import { createStep, deleteStep, readStep, updateStep } from "./steps.ts";

const idParams = z.object({ id: z.uuid() });
const tags = ["plays"];

export function registerPlayRoutes(app: ApiApp) {
  const { db } = app.deps;
  const read = { policy: policy.workspace(roles.anyMember) };
  const write = { policy: policy.workspace(roles.editors) };

  app.get(
    "/plays",
    {
      config: read,
      schema: {
        tags,
        summary: "Sales plays, filtered by solution, ICP or status, with step counts per journey stage",
        querystring: listPlaysQuery,
        response: { 200: pageOf(playSummaryView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listPlays(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentPlaySummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/plays",
    {
      config: write,
      schema: {
        tags,
        summary: "Create a play for a solution × ICP (status draft unless given)",
        body: createPlayBody,
        response: { 201: playDetailView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const id = await createPlay(db, ctx, request.body);
      return reply.status(201).send(presentPlayDetail(await getPlay(db, ctx, id)));
    },
  );

  app.get(
    "/plays/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A play with its steps grouped by journey stage, in arc order",
        params: idParams,
        response: { 200: playDetailView, ...problemResponses },
      },
    },
    async (request) => presentPlayDetail(await getPlay(db, workspaceOf(request), request.params.id)),
  );

  app.patch(
    "/plays/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Change a play's name, solution, ICP, objective or status",
        params: idParams,
        body: updatePlayBody,
        response: { 200: playDetailView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      await updatePlay(db, ctx, request.params.id, request.body);
      return presentPlayDetail(await getPlay(db, ctx, request.params.id));
    },
  );

  app.delete(
    "/plays/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Delete a play and its steps",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePlay(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plays/:id/steps",
    {
      config: write,
      schema: {
        tags,
        summary: "Add a step to a play at a journey stage: lead, co-motion, motion family, assets, KPIs",
        params: idParams,
        body: createStepBody,
        response: { 201: playStepView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const stepId = await createStep(db, ctx, request.params.id, request.body);
      return reply.status(201).send(presentStep(await readStep(db, ctx, stepId)));
    },
  );

  app.patch(
    "/play-steps/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Change a step; a lead, when sent, replaces the lead and its named partners",
        params: idParams,
        body: updateStepBody,
        response: { 200: playStepView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      await updateStep(db, ctx, request.params.id, request.body);
      return presentStep(await readStep(db, ctx, request.params.id));
    },
  );

  app.delete(
    "/play-steps/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Delete a play step",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteStep(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
