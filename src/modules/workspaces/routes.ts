/** Workspaces, members and invitations. */
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { userOf, workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { publicUrlOf } from "../../http/urls.ts";
import { emailSchema, sessionView, workspaceNameSchema } from "../identity/schemas.ts";
import { describeSession, findUserById, switchWorkspace } from "../identity/service.ts";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  lookupInvitation,
  revokeInvitation,
} from "./invitations.ts";
import {
  currentWorkspaceView,
  invitationView,
  memberView,
  presentInvitation,
  presentMember,
  presentWorkspace,
  roleSchema,
  workspaceView,
} from "./presenters.ts";
import {
  changeMemberRole,
  createWorkspace,
  getWorkspace,
  listMembers,
  removeMember,
  renameWorkspace,
} from "./service.ts";

const userIdParams = z.object({ userId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const noContent = { 204: z.null(), ...problemResponses };

export function registerWorkspaceRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.post(
    "/workspaces",
    {
      config: { policy: policy.user },
      schema: {
        tags: ["workspaces"],
        summary: "Create another workspace; the caller becomes its owner",
        body: z.object({ name: workspaceNameSchema }),
        response: { 201: z.object({ workspace: workspaceView, role: roleSchema }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const principal = userOf(request);
      const workspace = await createWorkspace(db, { name: request.body.name, ownerUserId: principal.userId });
      await switchWorkspace(db, principal.sessionId, principal.userId, workspace.id);
      return reply.status(201).send({ workspace: presentWorkspace(workspace), role: "owner" as const });
    },
  );

  app.get(
    "/workspace",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["workspaces"],
        summary: "The current workspace and the caller's role in it",
        response: { 200: currentWorkspaceView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      return { ...presentWorkspace(await getWorkspace(db, ctx)), role: ctx.role };
    },
  );

  app.patch(
    "/workspace",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["workspaces"],
        summary: "Rename the current workspace",
        body: z.object({ name: workspaceNameSchema }),
        response: { 200: currentWorkspaceView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      return { ...presentWorkspace(await renameWorkspace(db, ctx, request.body.name)), role: ctx.role };
    },
  );

  app.get(
    "/members",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["members"],
        summary: "Members of the current workspace",
        querystring: pageQuery,
        response: { 200: pageOf(memberView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listMembers(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
    },
  );

  app.patch(
    "/members/:userId",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["members"],
        summary: "Change a member's role",
        params: userIdParams,
        body: z.object({ role: roleSchema }),
        response: { 200: memberView, ...problemResponses },
      },
    },
    async (request) =>
      presentMember(
        await changeMemberRole(db, workspaceOf(request), request.params.userId, request.body.role),
      ),
  );

  app.delete(
    "/members/:userId",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["members"],
        summary: "Remove a member from the workspace",
        params: userIdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await removeMember(db, workspaceOf(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/invitations",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["invitations"],
        summary: "Invitations of the current workspace",
        querystring: pageQuery,
        response: { 200: pageOf(invitationView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listInvitations(db, workspaceOf(request), request.query);
      return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/invitations",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["invitations"],
        summary: "Invite someone by e-mail; returns the invitation link",
        body: z.object({ email: emailSchema, role: roleSchema }),
        response: {
          201: z.object({ invitation: invitationView, url: z.string(), token: z.string() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { invitation, token } = await createInvitation(db, workspaceOf(request), request.body);
      const url = `${publicUrlOf(request, app.deps.config)}/invite/${token}`;
      return reply.status(201).send({ invitation: presentInvitation(invitation), url, token });
    },
  );

  app.delete(
    "/invitations/:id",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["invitations"],
        summary: "Revoke a pending invitation",
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await revokeInvitation(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/invitations/by-token/:token",
    {
      config: { policy: policy.public },
      schema: {
        tags: ["invitations"],
        summary: "What an invitation link invites to (for the accept page)",
        params: tokenParams,
        response: {
          200: z.object({
            workspace: z.object({ id: z.uuid(), name: z.string() }),
            email: z.string(),
            role: roleSchema,
            status: invitationView.shape.status,
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => lookupInvitation(db, request.params.token),
  );

  app.post(
    "/invitations/by-token/:token/accept",
    {
      config: { policy: policy.user },
      schema: {
        tags: ["invitations"],
        summary: "Accept an invitation as the signed-in user",
        params: tokenParams,
        response: { 200: sessionView, ...problemResponses },
      },
    },
    async (request) => {
      const principal = userOf(request);
      const user = await findUserById(db, principal.userId);
      const workspaceId = await acceptInvitation(db, request.params.token, user);
      await switchWorkspace(db, principal.sessionId, principal.userId, workspaceId);
      return describeSession(db, principal.sessionId);
    },
  );
}
