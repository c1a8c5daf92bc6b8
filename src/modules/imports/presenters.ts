/** How imports, import fields and templates leave the API (and the CLI's --json). */
import { z } from "zod";
import type { Job } from "../jobs/service.ts";
import { type ImportEntity, importEntities, importFieldSpecs, importStatuses } from "./fields.ts";
import type { ImportRecord } from "./store.ts";
import type { ImportTemplate } from "./templates.ts";

const cellValue = z.union([z.string(), z.number(), z.null()]);
const rowErrorView = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type RowErrorView = z.infer<typeof rowErrorView>;

export const importView = z.object({
  id: z.uuid(),
  entity: z.enum(importEntities),
  partner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  source: z.string(),
  fileName: z.string(),
  fileBytes: z.number().int(),
  preset: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(
    z.object({
      column: z.number().int(),
      header: z.string(),
      field: z.string().nullable(),
      attribute: z.string().nullable(),
    }),
  ),
  status: z.enum(importStatuses),
  preview: z
    .object({
      rows: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      reject: z.number().int(),
      sample: z.array(
        z.object({
          line: z.number().int(),
          action: z.enum(["create", "update", "unchanged"]),
          values: z.record(z.string(), cellValue),
        }),
      ),
      errors: z.array(rowErrorView),
    })
    .nullable(),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  rowsTotal: z.number().int().nullable(),
  rowsApplied: z.number().int(),
  error: z.string().nullable(),
  job: z
    .object({
      id: z.uuid(),
      kind: z.string(),
      status: z.string(),
      progress: z.object({
        done: z.number().int(),
        total: z.number().int().nullable(),
        percent: z.number().int().nullable(),
      }),
      message: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
  committedAt: z.iso.datetime().nullable(),
});
export type ImportView = z.infer<typeof importView>;

export function presentImport(
  record: ImportRecord,
  extra: { partnerName: string | null; job: Job | null; previewErrors: RowErrorView[] },
): ImportView {
  const { job } = extra;
  return {
    id: record.id,
    entity: record.entity,
    partner: record.partnerId ? { id: record.partnerId, name: extra.partnerName ?? "" } : null,
    source: record.source,
    fileName: record.fileName,
    fileBytes: record.fileBytes,
    preset: record.preset,
    encoding: record.encoding,
    delimiter: record.delimiter,
    headers: record.headers,
    mapping: record.mapping.map((m) => ({
      column: m.column,
      header: m.header,
      field: m.field,
      attribute: m.attribute,
    })),
    status: record.status,
    preview: record.preview
      ? {
          rows: record.preview.rows,
          create: record.preview.create,
          update: record.preview.update,
          unchanged: record.preview.unchanged,
          reject: record.preview.reject,
          sample: record.preview.sample.map((s) => ({ line: s.line, action: s.action, values: s.values })),
          errors: extra.previewErrors,
        }
      : null,
    counts: {
      created: record.counts.created,
      updated: record.counts.updated,
      unchanged: record.counts.unchanged,
      rejected: record.counts.rejected,
    },
    rowsTotal: record.rowsTotal,
    rowsApplied: record.rowsApplied,
    error: record.error,
    job: job
      ? {
          id: job.id,
          kind: job.kind,
          status: job.status,
          progress: { done: job.progress.done, total: job.progress.total, percent: job.progress.percent },
          message: job.message,
        }
      : null,
    createdAt: record.createdAt.toISOString(),
    committedAt: record.committedAt?.toISOString() ?? null,
  };
}

const fieldView = z.object({ field: z.string(), label: z.string(), required: z.boolean() });
export const importFieldsView = z.object(
  Object.fromEntries(importEntities.map((e) => [e, z.array(fieldView)])) as Record<
    ImportEntity,
    z.ZodArray<typeof fieldView>
  >,
);

export function presentImportFields(): z.infer<typeof importFieldsView> {
  return Object.fromEntries(
    importEntities.map((entity) => [
      entity,
      importFieldSpecs[entity].map((s) => ({ field: s.field, label: s.label, required: s.required })),
    ]),
  ) as z.infer<typeof importFieldsView>;
}

export const templateView = z.object({
  id: z.uuid(),
  name: z.string(),
  entity: z.enum(importEntities),
  preset: z.string(),
  mapping: z.array(
    z.object({ header: z.string(), field: z.string().nullable(), attribute: z.string().nullable() }),
  ),
  createdAt: z.iso.datetime(),
});

export const presentTemplate = (template: ImportTemplate): z.infer<typeof templateView> => ({
  id: template.id,
  name: template.name,
  entity: template.entity,
  preset: template.preset,
  mapping: template.mapping.map((m) => ({ header: m.header, field: m.field, attribute: m.attribute })),
  createdAt: template.createdAt.toISOString(),
});
