/** CSV downloads of the workspace's accounts, opportunities, partners and contacts. */
import { Readable } from "node:stream";
import { z } from "zod";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { problemResponses } from "../../http/responses.ts";
import { exportEntities } from "./entities.ts";
import { exportFileName, exportFormats, streamEntityCsv } from "./service.ts";

/** A streamed file body: Fastify pipes streams as they are, the schema only documents it. */
const csvStream = z
  .custom<Readable>((value) => value instanceof Readable)
  .meta({ type: "string", format: "binary", description: "text/csv (UTF-8 with BOM), as an attachment" });

export function registerExportRoutes(app: ApiApp) {
  const { db } = app.deps;

  app.get(
    "/exports/:entity",
    {
      config: { policy: policy.workspace(roles.anyMember) },
      schema: {
        tags: ["exports"],
        summary: "Download every account, opportunity, partner or contact of the workspace as CSV",
        description:
          "RFC 4180 CSV with a header row, streamed. A cell starting with `=`, `+`, `-`, `@`, a tab or a " +
          "carriage return (or with `'`) is written with a leading `'` so spreadsheets never run it as a " +
          "formula. Headers are the import field names, so the file can be imported again.",
        params: z.object({ entity: z.enum(exportEntities) }),
        querystring: z.object({ format: z.enum(exportFormats).default("csv") }),
        response: { 200: csvStream, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const { entity } = request.params;
      const fileName = await exportFileName(db, ctx, entity);
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store");
      // HEAD shares this handler: answer the headers without reading (or auditing) a download.
      if (request.method === "HEAD") return reply.send(Readable.from([]));
      return reply.send(Readable.from(streamEntityCsv(db, ctx, entity)));
    },
  );
}
