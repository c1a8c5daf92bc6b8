/**
 * Uploads are not kept forever: an uploaded file that was never committed (uploaded, previewed,
 * failed or cancelled) is removed once it is older than the retention period, and its import
 * says so (a committed import's file goes too, silently: its rows are stored); files in the upload directory that no import refers to (an upload cut off by a crash)
 * go too. Committed uploads are removed by the commit itself. Files outside the upload directory
 * (a local file imported with the CLI) are never touched. The server sweeps at start and every
 * few hours. A maintenance task across workspaces: it reads and writes only import rows whose
 * file lies in this server's upload directory.
 */
import fs from "node:fs";
import path from "node:path";
import { and, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { ImportStatus } from "./fields.ts";
import { imports } from "./tables.ts";

/** Statuses whose file is still waiting for a commit that may never come. */
const waiting: ImportStatus[] = ["uploaded", "previewed", "failed", "cancelled"];

export const removedUploadMessage = (days: number) =>
  `The uploaded file was removed after ${days} day${days === 1 ? "" : "s"} without a commit; upload it again.`;

export type SweepResult = { expired: number; orphans: number };

export async function sweepUploads(
  db: Db,
  options: { uploadDir: string; retentionDays: number; now?: Date },
): Promise<SweepResult> {
  const uploadDir = path.resolve(options.uploadDir);
  if (!fs.existsSync(uploadDir)) return { expired: 0, orphans: 0 };
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const inUploadDir = `${uploadDir}${path.sep}`;

  const stale = await db
    .select({ id: imports.id, filePath: imports.filePath, status: imports.status })
    .from(imports)
    .where(
      and(
        inArray(imports.status, [...waiting, "committed"]),
        lt(imports.createdAt, cutoff),
        sql`starts_with(${imports.filePath}, ${inUploadDir})`,
      ),
    );
  const present = stale.filter((s) => fs.existsSync(s.filePath));
  // A committed import's rows are stored: its file is simply no longer needed.
  const expired = present.filter((s) => s.status !== "committed");
  if (expired.length > 0) {
    // The row first: an import whose file is gone must say why before anyone tries to commit it.
    await db
      .update(imports)
      .set({ error: removedUploadMessage(options.retentionDays) })
      .where(
        inArray(
          imports.id,
          expired.map((s) => s.id),
        ),
      );
  }
  for (const s of present) fs.rmSync(s.filePath, { force: true });

  const files = fs
    .readdirSync(uploadDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(uploadDir, entry.name));
  // A file may go while the directory is read (an upload refused, a commit finishing).
  const old = files.filter((file) => (fs.statSync(file, { throwIfNoEntry: false })?.mtime ?? now) < cutoff);
  let orphans = 0;
  if (old.length > 0) {
    const known = await db
      .select({ filePath: imports.filePath })
      .from(imports)
      .where(inArray(imports.filePath, old));
    const referenced = new Set(known.map((k) => k.filePath));
    for (const file of old)
      if (!referenced.has(file)) {
        fs.rmSync(file, { force: true });
        orphans += 1;
      }
  }
  return { expired: expired.length, orphans };
}
