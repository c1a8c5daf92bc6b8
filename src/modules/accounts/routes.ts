/** Accounts: the vendor's own CRM records. */
import { z } from "zod";
import { pageOf } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { accountView, presentAccount } from "./presenters.ts";
import { accountCreateInput, accountListQuery, accountUpdateInput } from "./schemas.ts";
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from "./service.ts";

const idParams = z.object({ id: z.uuid() });

export function registerAccountRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/accounts",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["accounts"],
        summary: "Accounts, searched by name or domain (q), filtered by status, industry, country",
        querystring: accountListQuery,
        response: { 200: pageOf(accountView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listAccounts(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentAccount), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/accounts",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["accounts"],
        summary: "Add an account",
        body: accountCreateInput,
        response: { 201: accountView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentAccount(await createAccount(db, workspaceOf(request), request.body))),
  );

  app.get(
    "/accounts/:id",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["accounts"],
        summary: "An account",
        params: idParams,
        response: { 200: accountView, ...problemResponses },
      },
    },
    async (request) => presentAccount(await getAccount(db, workspaceOf(request), request.params.id)),
  );

  app.patch(
    "/accounts/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["accounts"],
        summary: "Change some of an account's fields",
        params: idParams,
        body: accountUpdateInput,
        response: { 200: accountView, ...problemResponses },
      },
    },
    async (request) =>
      presentAccount(await updateAccount(db, workspaceOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/accounts/:id",
    {
      config: { policy: policy.workspace(roles.editors) },
      schema: {
        tags: ["accounts"],
        summary: "Delete an account and its opportunities",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteAccount(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
