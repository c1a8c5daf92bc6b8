/** Value Chain of the Customer routes: an ICP's links, their partners, order and coverage. */
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles, type WorkspaceContext } from "../../http/policy.ts";
import { notFound } from "../../http/problem.ts";
import { problemResponses } from "../../http/responses.ts";
import { presentLink, presentValueChain, valueChainLinkView, valueChainView } from "./presenters.ts";
import { createLinkBody, linkPartnersBody, orderBody, updateLinkBody } from "./schemas.ts";
import {
  createLink,
  deleteLink,
  getValueChain,
  reorderLinks,
  setLinkPartners,
  updateLink,
} from "./service.ts";

const icpParams = z.object({ icpId: z.uuid() });
const linkParams = z.object({ id: z.uuid() });
const tags = ["value-chain"];

/** A link as it now stands in its value chain (partners and arc-filtered weights included). */
async function presentLinkOf(db: Db, ctx: WorkspaceContext, ref: { id: string; icpId: string }) {
  const chain = await getValueChain(db, ctx, ref.icpId);
  const link = chain.links.find((l) => l.id === ref.id);
  if (!link) throw notFound("Value chain link");
  return presentLink(link);
}

export function registerVcocRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/icps/:icpId/value-chain",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags,
        summary: "The ICP's value chain: stages, links with partners, coverage and gaps",
        params: icpParams,
        response: { 200: valueChainView, ...problemResponses },
      },
    },
    async (request) => presentValueChain(await getValueChain(db, workspaceOf(request), request.params.icpId)),
  );

  app.post(
    "/icps/:icpId/value-chain/links",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Add a link to the ICP's value chain (weights per journey stage key, 0–5)",
        params: icpParams,
        body: createLinkBody,
        response: { 201: valueChainLinkView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const created = await createLink(db, ctx, request.params.icpId, request.body);
      return reply.status(201).send(await presentLinkOf(db, ctx, created));
    },
  );

  app.patch(
    "/value-chain/links/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Change a link; stageWeights and partnerIds, when sent, replace the current ones",
        params: linkParams,
        body: updateLinkBody,
        response: { 200: valueChainLinkView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      return presentLinkOf(db, ctx, await updateLink(db, ctx, request.params.id, request.body));
    },
  );

  app.delete(
    "/value-chain/links/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Remove a link (and its partner assignment) from its value chain",
        params: linkParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteLink(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/value-chain/links/:id/partners",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Replace the partners assigned to a link",
        params: linkParams,
        body: linkPartnersBody,
        response: { 200: valueChainLinkView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      return presentLinkOf(
        db,
        ctx,
        await setLinkPartners(db, ctx, request.params.id, request.body.partnerIds),
      );
    },
  );

  app.put(
    "/icps/:icpId/value-chain/order",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags,
        summary: "Reorder the ICP's links: ids lists every link once, in the new order",
        params: icpParams,
        body: orderBody,
        response: { 200: valueChainView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      await reorderLinks(db, ctx, request.params.icpId, request.body.ids);
      return presentValueChain(await getValueChain(db, ctx, request.params.icpId));
    },
  );
}
