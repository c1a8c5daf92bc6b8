/**
 * Entity exports as streamed CSV: the header, then the rows in keyset pages of `pageSize`, so an
 * export of a million accounts holds one page in memory, never the table. The HTTP route and the
 * CLI both consume `streamEntityCsv`; when the last row has been produced the download is
 * recorded in the audit trail with its row count.
 *
 * Pages are separate reads, not one snapshot: a row created while an export runs may or may not
 * be in it (an id before the cursor is skipped), which is what an export of live data can promise
 * without holding a transaction — and on the embedded database the one connection — open.
 */
import type { Db } from "../../db/client.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { recordAudit } from "../audit/service.ts";
import { getWorkspace } from "../workspaces/service.ts";
import { csvLine, csvRecords } from "./csv.ts";
import { type ExportEntity, entityExports } from "./entities.ts";

export const exportFormats = ["csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const DEFAULT_EXPORT_PAGE_SIZE = 5000;
export const UTF8_BOM = "\uFEFF";

export type ExportOptions = {
  pageSize?: number;
  /** Told the number of rows written once the export is complete (after the audit entry). */
  onComplete?: (rows: number) => void;
};

export async function* streamEntityCsv(
  db: Db,
  ctx: WorkspaceContext,
  entity: ExportEntity,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const definition = entityExports[entity];
  const pageSize = options.pageSize ?? DEFAULT_EXPORT_PAGE_SIZE;
  // A UTF-8 byte order mark: without it Excel reads the file as Windows-1252 and "é" arrives as
  // "Ã©". Ecostack's importer and csv-parse (`bom: true`) skip it.
  yield `${UTF8_BOM}${csvLine(definition.headers)}`;
  let afterId: string | undefined;
  let rows = 0;
  for (;;) {
    const page = await definition.page(db, ctx, afterId, pageSize);
    if (page.rows.length > 0) yield csvRecords(page.rows);
    rows += page.rows.length;
    afterId = page.lastId;
    if (page.rows.length < pageSize) break;
  }
  await recordAudit(db, ctx, {
    action: "export.downloaded",
    subjectType: entity,
    details: { entity, format: "csv", rows },
  });
  options.onComplete?.(rows);
}

/** `accounts-acme-cloud-2026-11-29.csv`: the entity, whose data it is, and when it was taken. */
export async function exportFileName(
  db: Db,
  ctx: WorkspaceContext,
  entity: ExportEntity,
  now: Date = new Date(),
): Promise<string> {
  const workspace = await getWorkspace(db, ctx);
  // Slugs are [a-z0-9-] already; the filter keeps the header safe whatever a slug becomes.
  const slug = workspace.slug.replace(/[^a-z0-9-]/g, "");
  return `${entity}-${slug ? `${slug}-` : ""}${now.toISOString().slice(0, 10)}.csv`;
}
