/**
 * Account mapping: start mapping runs, the ecosystem view, a partner's overlap matrix, list and
 * CSV export, and ranked co-sell recommendations.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { recordAudit } from "../audit/service.ts";
import { csvLine } from "../exports/csv.ts";
import { jobView, presentJob } from "../jobs/presenters.ts";
import { ecosystemPartners } from "./ecosystem.ts";
import { enqueueMapping } from "./job.ts";
import {
  allOverlaps,
  fitBands,
  listOverlaps,
  matchKinds,
  overlapMatrix,
  overlapStatuses,
  requirePartner,
} from "./overlaps.ts";
import {
  ecosystemPartnerView,
  matrixView,
  overlapCsvHeader,
  overlapCsvValues,
  overlapView,
  presentEcosystemPartner,
  presentMatrix,
  presentOverlap,
  presentRecommendation,
  recommendationView,
} from "./presenters.ts";
import { listRecommendations } from "./service.ts";

const idParams = z.object({ id: z.uuid() });
const fitQuery = z.object({ icpId: z.uuid().optional(), band: z.enum(fitBands).optional() });
const kindQuery = z.object({ kind: z.enum(matchKinds).optional() });

const fileSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "partner";

/** The export as CSV text chunks: header first, then one line per overlap, read page by page. */
async function* overlapCsv(rows: AsyncIterable<Parameters<typeof overlapCsvValues>[0]>) {
  yield csvLine(overlapCsvHeader);
  for await (const row of rows) yield csvLine(overlapCsvValues(row));
}

export function registerMappingRoutes(app: ApiApp) {
  const { db } = app.deps;
  const tags = ["mapping"];
  const read = { policy: policy.workspace(roles.anyMember) };
  const write = { policy: policy.workspace(roles.editors) };

  app.post(
    "/mapping/runs",
    {
      config: write,
      schema: {
        tags,
        summary:
          "Map one partner's account list (or every partner's) against your accounts: a background job; watch it at /jobs/{id}",
        body: z.object({ partnerId: z.uuid().optional() }),
        response: { 202: jobView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const { partnerId } = request.body;
      if (partnerId) await requirePartner(db, ctx, partnerId);
      const job = await enqueueMapping(db, ctx, partnerId ? { partnerId } : { all: true });
      return reply.status(202).send(presentJob(job));
    },
  );

  app.get(
    "/mapping/partners",
    {
      config: read,
      schema: {
        tags,
        summary: "Partners ranked by overlaps with ICP-fit prospects, open pipeline and tier",
        querystring: z.object({ icpId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ecosystemPartnerView) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await ecosystemPartners(db, workspaceOf(request), request.query)).map(presentEcosystemPartner),
    }),
  );

  app.get(
    "/partners/:id/overlaps/matrix",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Overlap counts per vendor status × partner status, optionally by match kind and ICP fit band",
        params: idParams,
        querystring: kindQuery.extend(fitQuery.shape),
        response: { 200: matrixView, ...problemResponses },
      },
    },
    async (request) =>
      presentMatrix(await overlapMatrix(db, workspaceOf(request), request.params.id, request.query)),
  );

  app.get(
    "/partners/:id/overlaps",
    {
      config: read,
      schema: {
        tags,
        summary: "The partner's overlaps (a matrix cell's drill-down) with evidence and ICP fit",
        params: idParams,
        querystring: pageQuery
          .extend(kindQuery.shape)
          .extend(fitQuery.shape)
          .extend({
            vendorStatus: z.enum(overlapStatuses).optional(),
            partnerStatus: z.enum(overlapStatuses).optional(),
          }),
        response: { 200: pageOf(overlapView), ...problemResponses },
      },
    },
    async (request) => {
      const page = await listOverlaps(db, workspaceOf(request), request.params.id, request.query);
      return { items: page.items.map(presentOverlap), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/partners/:id/overlaps/export",
    {
      config: read,
      schema: {
        tags,
        summary: "Every overlap of the partner as CSV (a download; recorded in the audit trail)",
        params: idParams,
        querystring: z.object({ format: z.enum(["csv"]).default("csv") }),
        response: {
          200: z
            .custom<Readable>((value) => value instanceof Readable)
            .meta({ type: "string", format: "binary", description: "text/csv, as an attachment" }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const partner = await requirePartner(db, ctx, request.params.id);
      await recordAudit(db, ctx, {
        action: "export.downloaded",
        subjectType: "partner_overlaps",
        subjectId: partner.id,
        details: { format: "csv", partnerName: partner.name },
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="overlaps-${fileSlug(partner.name)}.csv"`)
        .send(Readable.from(overlapCsv(allOverlaps(db, ctx, partner.id))));
    },
  );

  app.get(
    "/recommendations",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Ranked co-sell next actions from the overlaps, each with its journey stage, play step and reasons",
        querystring: z.object({
          partnerId: z.uuid().optional(),
          accountId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(recommendationView) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listRecommendations(db, workspaceOf(request), request.query)).map(presentRecommendation),
    }),
  );
}
