/** The stack: the matrix of layers × journey stages with gaps, its exports, and the value chain graph. */
import { z } from "zod";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { fileSlug } from "./export-markdown.ts";
import { exportFormats, renderStackExport } from "./exports.ts";
import { loadValueChain } from "./inputs.ts";
import { presentStack, stackView } from "./presenters.ts";
import { getStack } from "./service.ts";
import { renderValueChainPng } from "./value-chain-svg.ts";

const stackQuery = z.object({
  solution: z.uuid().optional().describe("Solution id; defaults to the first solution by name"),
  icp: z.uuid().optional().describe("ICP id; defaults to the first ICP by name"),
});

/** A binary file body: Fastify sends Buffers as they are, the schema only documents it. */
const fileBody = (description: string) =>
  z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: "string", format: "binary", description });

export function registerStackRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/stack",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["stack"],
        summary: "The stack of a solution × ICP: coverage per layer × stage, pipeline, gaps, recommendations",
        querystring: stackQuery,
        response: { 200: stackView, ...problemResponses },
      },
    },
    async (request) => presentStack(await getStack(db, workspaceOf(request), request.query)),
  );

  app.get(
    "/stack/export",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["stack"],
        summary: "The stack as a Markdown document or a one-page PDF strategy document (a download)",
        querystring: stackQuery.extend({ format: z.enum(exportFormats).default("md") }),
        response: {
          200: fileBody("text/markdown or application/pdf, as an attachment"),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const stack = await getStack(db, workspaceOf(request), request.query);
      const file = await renderStackExport(stack, request.query.format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get(
    "/icps/:icpId/value-chain.png",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["stack"],
        summary: "The ICP's Value Chain of the Customer as a PNG graph (gaps drawn empty)",
        params: z.object({ icpId: z.uuid() }),
        response: { 200: fileBody("image/png"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const chain = await loadValueChain(db, workspaceOf(request), request.params.icpId);
      const png = renderValueChainPng({
        icpName: chain.icp.name,
        stages: chain.stages,
        links: chain.links,
        partners: chain.partners,
      });
      return reply
        .type("image/png")
        .header("content-disposition", `inline; filename="value-chain-${fileSlug(chain.icp.name)}.png"`)
        .send(png);
    },
  );
}
