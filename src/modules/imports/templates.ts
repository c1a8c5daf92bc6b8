/** Saved column mappings (import templates): reusable for files with the same headers. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { invalid, notFound } from "../../http/problem.ts";
import { fieldSpec, type ImportEntity, importEntities } from "./fields.ts";
import type { TemplateEntry } from "./mapping.ts";
import { importTemplates } from "./tables.ts";

export type ImportTemplate = {
  id: string;
  name: string;
  entity: ImportEntity;
  preset: string;
  mapping: TemplateEntry[];
  createdAt: Date;
};

type Row = typeof importTemplates.$inferSelect;

function toTemplate(row: Row): ImportTemplate {
  const entity = importEntities.find((e) => e === row.entity) ?? "account";
  return {
    id: row.id,
    name: row.name,
    entity,
    preset: row.preset,
    mapping: (row.mapping as { columns?: TemplateEntry[] }).columns ?? [],
    createdAt: row.createdAt,
  };
}

export async function listTemplates(
  db: Db,
  ctx: WorkspaceContext,
  entity?: ImportEntity,
): Promise<ImportTemplate[]> {
  const rows = await db
    .select()
    .from(importTemplates)
    .where(inWorkspace(importTemplates, ctx, entity ? eq(importTemplates.entity, entity) : undefined))
    .orderBy(asc(importTemplates.name), asc(importTemplates.id));
  return rows.map(toTemplate);
}

export async function findTemplate(db: Db, ctx: WorkspaceContext, id: string): Promise<ImportTemplate> {
  const [row] = await db
    .select()
    .from(importTemplates)
    .where(inWorkspace(importTemplates, ctx, eq(importTemplates.id, id)));
  if (!row) throw notFound("Import template");
  return toTemplate(row);
}

export type NewTemplate = { name: string; entity: ImportEntity; preset: string; mapping: TemplateEntry[] };

export async function createTemplate(
  db: Db,
  ctx: WorkspaceContext,
  input: NewTemplate,
): Promise<ImportTemplate> {
  const seen = new Set<string>();
  input.mapping.forEach((entry, index) => {
    if (entry.field !== null && !fieldSpec(input.entity, entry.field))
      throw invalid(`mapping.${index}.field`, `${input.entity} has no field "${entry.field}"`);
    const header = entry.header.trim().toLowerCase();
    if (seen.has(header)) throw invalid(`mapping.${index}.header`, `header "${entry.header}" appears twice`);
    seen.add(header);
  });
  const [row] = await db
    .insert(importTemplates)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      entity: input.entity,
      preset: input.preset,
      mapping: { columns: input.mapping },
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toTemplate(row);
}

export async function deleteTemplate(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  const rows = await db
    .delete(importTemplates)
    .where(and(inWorkspace(importTemplates, ctx, eq(importTemplates.id, id))))
    .returning({ id: importTemplates.id });
  if (rows.length === 0) throw notFound("Import template");
}
