/** An import with what its resource shows beside the row: partner name, current job, first preview errors. */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { getJob } from "../jobs/service.ts";
import { getPartner } from "../partners/service.ts";
import { type ImportView, presentImport } from "./presenters.ts";
import { findImport, type ImportRecord, rowErrorsPage } from "./store.ts";

const PREVIEW_ERRORS_SHOWN = 100;

export async function describeImport(
  db: Db,
  ctx: WorkspaceContext,
  record: ImportRecord,
): Promise<ImportView> {
  const [partner, job, errors] = await Promise.all([
    record.partnerId ? getPartner(db, ctx, record.partnerId).catch(() => undefined) : undefined,
    record.jobId ? getJob(db, ctx, record.jobId).catch(() => undefined) : undefined,
    record.preview ? rowErrorsPage(db, ctx, record.id, "preview", { limit: PREVIEW_ERRORS_SHOWN }) : [],
  ]);
  return presentImport(record, {
    partnerName: partner?.name ?? null,
    job: job ?? null,
    previewErrors: errors.map((e) => ({ line: e.line, column: e.column, value: e.value, reason: e.reason })),
  });
}

export async function describeImportById(db: Db, ctx: WorkspaceContext, id: string): Promise<ImportView> {
  return describeImport(db, ctx, await findImport(db, ctx, id));
}
