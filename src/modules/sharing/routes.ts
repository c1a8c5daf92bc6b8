/** Sharing settings per partner and the shared view computed from them. */
import { z } from "zod";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import {
  presentSharedView,
  presentSharingSettings,
  sharedViewResponse,
  sharingSettingsView,
} from "./presenters.ts";
import {
  getSharedView,
  getSharingSettings,
  replaceSharingSettings,
  sharingSettingsInput,
} from "./service.ts";

const idParams = z.object({ id: z.uuid() });

export function registerSharingRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/partners/:id/sharing",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["sharing"],
        summary:
          "Sharing settings with this partner: every population of both sides with its level (hidden when unset)",
        params: idParams,
        response: { 200: sharingSettingsView, ...problemResponses },
      },
    },
    async (request) =>
      presentSharingSettings(await getSharingSettings(db, workspaceOf(request), request.params.id)),
  );

  app.put(
    "/partners/:id/sharing",
    {
      config: { policy: policy.workspace(roles.admins) },
      schema: {
        tags: ["sharing"],
        summary:
          "Replace the sharing settings with this partner (a population left out becomes unset); audited as sharing.changed",
        params: idParams,
        body: sharingSettingsInput,
        response: { 200: sharingSettingsView, ...problemResponses },
      },
    },
    async (request) =>
      presentSharingSettings(
        await replaceSharingSettings(db, workspaceOf(request), request.params.id, request.body),
      ),
  );

  app.get(
    "/partners/:id/shared-view",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["sharing"],
        summary:
          "What this partner may see of the overlaps, computed now from both sides' sharing rules (counts with small cells suppressed, rows with allowed fields only)",
        params: idParams,
        response: { 200: sharedViewResponse, ...problemResponses },
      },
    },
    async (request) => {
      const { partner, view } = await getSharedView(db, workspaceOf(request), request.params.id);
      return presentSharedView(partner, view);
    },
  );
}
