/** CSV imports over HTTP: upload (multipart) → preview job → commit job, errors as CSV, fields, templates. */
import fs from "node:fs";
import { Readable } from "node:stream";
import fastifyMultipart from "@fastify/multipart";
import { z } from "zod";
import { pageOf, pageQuery } from "../../db/pagination.ts";
import type { ApiApp } from "../../http/app.ts";
import { workspaceOf } from "../../http/auth.ts";
import { policy, roles } from "../../http/policy.ts";
import { invalid } from "../../http/problem.ts";
import { problemResponses } from "../../http/responses.ts";
import { csvLine } from "../exports/csv.ts";
import { describeImport, describeImportById } from "./details.ts";
import { importEntities } from "./fields.ts";
import {
  importFieldsView,
  importView,
  presentImportFields,
  presentTemplate,
  templateView,
} from "./presenters.ts";
import { CsvFileError } from "./reader/errors.ts";
import { importPresets } from "./reader/presets.ts";
import {
  cancelImport,
  changeImport,
  createImport,
  fileProblem,
  inspectFile,
  listImports,
  presetChoices,
  startCommit,
  startPreview,
} from "./service.ts";
import { findImport, rowErrorsPage } from "./store.ts";
import { createTemplate, deleteTemplate, listTemplates } from "./templates.ts";
import { checkDeclaredLength, receiveUpload } from "./upload.ts";

const idParams = z.object({ id: z.uuid() });
const mappingInput = z
  .array(
    z.object({
      column: z.number().int().min(0),
      field: z.string().max(100).nullable().optional(),
      attribute: z.string().max(64).nullable().optional(),
    }),
  )
  .max(1000);
const uploadFields = z.object({
  entity: z.enum(importEntities),
  partnerId: z.uuid().optional(),
  preset: z.enum(presetChoices).default("auto"),
  source: z.string().trim().min(1).max(100).optional(),
  templateId: z.uuid().optional(),
  mapping: z.string().max(1_000_000).optional(),
});
const changeInput = z.object({
  mapping: mappingInput.optional(),
  preset: z.enum(presetChoices).optional(),
  source: z.string().trim().min(1).max(100).optional(),
});
const templateInput = z.object({
  name: z.string().trim().min(1).max(200),
  entity: z.enum(importEntities),
  preset: z.enum(importPresets),
  mapping: z
    .array(
      z.object({
        header: z.string().min(1).max(500),
        field: z.string().max(100).nullable(),
        attribute: z
          .string()
          .regex(/^[A-Za-z0-9_.-]{1,64}$/)
          .nullable(),
      }),
    )
    .max(1000),
});

function parseUploadFields(fields: Record<string, string>) {
  const parsed = uploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`body.${issue?.path.join(".") || "entity"}`, issue?.message ?? "is invalid");
  }
  if (parsed.data.mapping === undefined) return { ...parsed.data, mapping: undefined };
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.mapping);
  } catch {
    throw invalid("body.mapping", "is not valid JSON");
  }
  const mapping = mappingInput.safeParse(json);
  if (!mapping.success) {
    const issue = mapping.error.issues[0];
    throw invalid(
      `body.mapping.${issue?.path.join(".") ?? ""}`.replace(/\.$/, ""),
      issue?.message ?? "is invalid",
    );
  }
  return { ...parsed.data, mapping: mapping.data };
}

export function registerImportRoutes(app: ApiApp) {
  const { db } = app.deps;
  const settings = app.deps.config.imports;
  const jobOptions = {
    limits: { maxRows: settings.maxRows, maxColumns: settings.maxColumns },
    uploadDir: settings.uploadDir,
  };
  const editors = { policy: policy.workspace(roles.editors) };
  const members = { policy: policy.workspace(roles.anyMember) };

  // Multipart parsing only in this scope: the upload is the one route that takes a file.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false });
    const typed = scope.withTypeProvider() as ApiApp;
    typed.post(
      "/imports",
      {
        config: editors,
        onRequest: async (request) => checkDeclaredLength(request, settings.maxBytes),
        schema: {
          tags: ["imports"],
          summary:
            "Upload a CSV (multipart/form-data: entity, partnerId, preset, source, templateId, mapping as JSON; the `file` part last); starts the preview",
          response: { 202: importView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const ctx = workspaceOf(request);
        const upload = await receiveUpload(request, {
          uploadDir: settings.uploadDir,
          maxBytes: settings.maxBytes,
        });
        try {
          const fields = parseUploadFields(upload.fields);
          const facts = await inspectFile(upload.file.path, {
            ...jobOptions.limits,
            maxBytes: settings.maxBytes,
          }).catch((error: unknown) => {
            throw error instanceof CsvFileError ? fileProblem(error) : error;
          });
          const record = await createImport(db, ctx, { ...fields, file: upload.file, facts });
          const { record: started } = await startPreview(db, ctx, record.id, jobOptions);
          return reply.status(202).send(await describeImport(db, ctx, started));
        } catch (error) {
          fs.rmSync(upload.file.path, { force: true });
          throw error;
        }
      },
    );
  });

  app.get(
    "/imports",
    {
      config: members,
      schema: {
        tags: ["imports"],
        summary: "Imports, newest first",
        querystring: pageQuery,
        response: { 200: pageOf(importView), ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      const page = await listImports(db, ctx, request.query);
      return {
        items: await Promise.all(page.items.map((r) => describeImport(db, ctx, r))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    "/imports/:id",
    {
      config: members,
      schema: {
        tags: ["imports"],
        summary: "An import: mapping, preview (counts, sample rows, first errors), progress and counts",
        params: idParams,
        response: { 200: importView, ...problemResponses },
      },
    },
    async (request) => describeImportById(db, workspaceOf(request), request.params.id),
  );

  app.patch(
    "/imports/:id",
    {
      config: editors,
      schema: {
        tags: ["imports"],
        summary: "Change the mapping, preset or source; the preview runs again",
        params: idParams,
        body: changeInput,
        response: { 202: importView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const { record } = await changeImport(db, ctx, request.params.id, request.body, jobOptions);
      return reply.status(202).send(await describeImport(db, ctx, record));
    },
  );

  app.get(
    "/imports/:id/errors",
    {
      config: members,
      schema: {
        tags: ["imports"],
        summary:
          "Rejected rows as CSV (line, column, value, reason): the commit's once it started, else the preview's",
        params: idParams,
        querystring: z.object({ phase: z.enum(["preview", "commit"]).optional() }),
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const record = await findImport(db, ctx, request.params.id);
      const phase =
        request.query.phase ??
        (record.rowsApplied > 0 || record.status === "committing" || record.status === "committed"
          ? "commit"
          : "preview");
      async function* lines() {
        yield csvLine(["line", "column", "value", "reason"]);
        let afterId: string | undefined;
        for (;;) {
          const page = await rowErrorsPage(db, ctx, record.id, phase, {
            limit: 5000,
            ...(afterId ? { afterId } : {}),
          });
          for (const e of page) yield csvLine([e.line, e.column, e.value, e.reason]);
          if (page.length < 5000) return;
          afterId = page[page.length - 1]?.id;
        }
      }
      const name = record.fileName.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "_") || "import";
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}-${phase}-errors.csv"`)
        .send(Readable.from(lines()));
    },
  );

  app.post(
    "/imports/:id/commit",
    {
      config: editors,
      schema: {
        tags: ["imports"],
        summary: "Commit the import (idempotent upsert in resumable batches) as a job",
        params: idParams,
        response: { 202: importView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = workspaceOf(request);
      const { record } = await startCommit(db, ctx, request.params.id, jobOptions);
      return reply.status(202).send(await describeImport(db, ctx, record));
    },
  );

  app.post(
    "/imports/:id/cancel",
    {
      config: editors,
      schema: {
        tags: ["imports"],
        summary: "Cancel the import; committed batches stay, none is half-applied",
        params: idParams,
        response: { 200: importView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = workspaceOf(request);
      return describeImport(db, ctx, await cancelImport(db, ctx, request.params.id));
    },
  );

  app.get(
    "/import-fields",
    {
      config: members,
      schema: {
        tags: ["imports"],
        summary: "The fields a column can be mapped to, per entity",
        response: { 200: importFieldsView, ...problemResponses },
      },
    },
    async () => presentImportFields(),
  );

  app.get(
    "/import-templates",
    {
      config: members,
      schema: {
        tags: ["imports"],
        summary: "Saved column mappings",
        querystring: z.object({ entity: z.enum(importEntities).optional() }),
        response: { 200: z.object({ items: z.array(templateView) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (await listTemplates(db, workspaceOf(request), request.query.entity)).map(presentTemplate),
    }),
  );

  app.post(
    "/import-templates",
    {
      config: editors,
      schema: {
        tags: ["imports"],
        summary: "Save a column mapping as a template (columns matched by header name)",
        body: templateInput,
        response: { 201: templateView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentTemplate(await createTemplate(db, workspaceOf(request), request.body))),
  );

  app.delete(
    "/import-templates/:id",
    {
      config: editors,
      schema: {
        tags: ["imports"],
        summary: "Delete a template",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteTemplate(db, workspaceOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
