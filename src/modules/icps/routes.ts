/** ICPs (/icps), their fit distribution and top accounts, rescoring, and an account's fit. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { jobView, presentJob } from "../jobs/presenters.ts";
import { latestJobFor } from "../jobs/service.ts";
import { accountFit, icpDistribution, icpTopAccounts } from "./fit-queries.ts";
import {
  accountFitView,
  distributionView,
  icpDetailView,
  icpView,
  presentAccountFit,
  presentDistribution,
  presentIcp,
  presentIcpDetail,
  presentTopAccount,
  topAccountView,
  unscored,
} from "./presenters.ts";
import { enqueueIcpRescore, ICP_RESCORE } from "./rescore.ts";
import { fitBands, icpCriteriaSchema } from "./scoring.ts";
import { createIcp, deleteIcp, getIcp, getIcpWithBands, listIcpPage, updateIcp } from "./service.ts";

const idParams = z.object({ id: z.uuid() });
const nameSchema = z.string().trim().min(1).max(120);
const descriptionSchema = z.string().trim().max(2000).nullable();

export function registerIcpRoutes(app: ApiApp) {
  const { db } = app.deps;
  const tags = ["icps"];
  const read = { policy: policy.workspace(roles.anyMember) };
  const write = { policy: policy.workspace(roles.editors) };

  app.get(
    "/icps",
    {
      config: read,
      schema: {
        tags,
        summary: "ICPs with their accounts per fit band",
        querystring: pageQuery,
        response: { 200: pageOf(icpView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listIcpPage(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentIcp), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/icps",
    {
      config: write,
      schema: {
        tags,
        summary: "Create an ICP; every account is scored against it by a rescore job (rescoreJob)",
        body: z.object({
          name: nameSchema,
          description: descriptionSchema.optional(),
          criteria: icpCriteriaSchema,
        }),
        response: { 201: icpDetailView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { icp, job } = await createIcp(db, workspaceOf(request), request.body);
      return reply.status(201).send(presentIcpDetail(unscored(icp), job));
    },
  );

  app.get(
    "/icps/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "An ICP with its criteria, accounts per band and latest rescore job",
        params: idParams,
        response: { 200: icpDetailView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      const icp = await getIcpWithBands(db, ctx, request.params.id);
      const job = await latestJobFor(db, ctx, ICP_RESCORE, { key: "icpId", value: icp.id });
      return presentIcpDetail(icp, job);
    },
  );

  app.patch(
    "/icps/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Change an ICP; new criteria start a rescore job",
        params: idParams,
        body: z.object({
          name: nameSchema.optional(),
          description: descriptionSchema.optional(),
          criteria: icpCriteriaSchema.optional(),
        }),
        response: { 200: icpDetailView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      const { icp, job } = await updateIcp(db, ctx, request.params.id, request.body);
      const latest = job ?? (await latestJobFor(db, ctx, ICP_RESCORE, { key: "icpId", value: icp.id }));
      return presentIcpDetail(await getIcpWithBands(db, ctx, icp.id), latest);
    },
  );

  app.delete(
    "/icps/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Delete an ICP with its scores and value chain (409 while plays target it)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteIcp(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/icps/:id/rescore",
    {
      config: write,
      schema: {
        tags,
        summary: "Rescore every account against the ICP (a background job; watch it at /jobs/{id})",
        params: idParams,
        response: { 202: z.object({ job: jobView }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const icp = await getIcp(db, ctx, request.params.id);
      const job = await enqueueIcpRescore(db, ctx, icp.id);
      return reply.status(202).send({ job: presentJob(job) });
    },
  );

  app.get(
    "/icps/:id/distribution",
    {
      config: read,
      schema: {
        tags,
        summary: "How many accounts score in each bucket of ten (persisted scores)",
        params: idParams,
        response: { 200: distributionView, ...problemResponses },
      },
    },
    async (request) =>
      presentDistribution(await icpDistribution(db, workspaceOf(request), request.params.id)),
  );

  app.get(
    "/icps/:id/accounts",
    {
      config: read,
      schema: {
        tags,
        summary: "Top-fit accounts of the ICP, best first, optionally of one band",
        params: idParams,
        querystring: pageQuery.extend({ band: z.enum(fitBands).optional() }),
        response: { 200: pageOf(topAccountView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await icpTopAccounts(db, workspaceOf(request), request.params.id, request.query);
      return { items: page.items.map(presentTopAccount), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/accounts/:accountId/fit",
    {
      config: read,
      schema: {
        tags,
        summary: "The account's live fit to every ICP, with the reasons",
        params: z.object({ accountId: z.uuid() }),
        response: {
          200: z.object({ accountId: z.uuid(), items: z.array(accountFitView) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const fits = await accountFit(db, workspaceOf(request), request.params.accountId);
      return { accountId: request.params.accountId, items: fits.map(presentAccountFit) };
    },
  );
}
