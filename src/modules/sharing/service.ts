/**
 * Sharing settings per partner (read, replace with an audit entry) and the shared view computed
 * from them on every request: no cache, so a change takes effect on the next request.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { inWorkspace } from "../../db/scope.ts";
import type { WorkspaceContext } from "../../http/policy.ts";
import { AppError, type FieldError } from "../../http/problem.ts";
import { recordAudit } from "../audit/service.ts";
import { icps } from "../icps/tables.ts";
import { getPartner } from "../partners/service.ts";
import { computeSharedView, type SharedView, type SharingRule } from "./policy.ts";
import {
  DEFAULT_MIN_COUNT,
  isPopulationOf,
  type Population,
  type PopulationFilter,
  populationLabel,
  populationsOf,
  type SharingLevel,
  type SharingSide,
  sharedFields,
  sharingLevels,
  sharingSides,
  vendorPopulations,
} from "./populations.ts";
import { sharingRules } from "./tables.ts";
import { loadSharingWorld } from "./world.ts";

export const sharingRuleInput = z.object({
  side: z.enum(sharingSides),
  population: z.enum(vendorPopulations),
  level: z.enum(sharingLevels),
  fields: z
    .array(z.enum(sharedFields))
    .max(sharedFields.length * 2)
    .optional(),
  minCount: z.number().int().min(1).max(10_000).optional(),
  filter: z
    .object({
      icpId: z.uuid().optional(),
      minScore: z.number().int().min(0).max(100).optional(),
    })
    .strict()
    .optional(),
});
export const sharingSettingsInput = z.object({ rules: z.array(sharingRuleInput).max(20) });
export type SharingSettingsInput = z.infer<typeof sharingSettingsInput>;

/** One population of one side as the settings page shows it; `set: false` = no rule stored. */
export type SharingSetting = {
  side: SharingSide;
  population: Population;
  label: string;
  filter: PopulationFilter;
  level: SharingLevel;
  fields: string[];
  minCount: number;
  set: boolean;
};

export type SharingSettings = { partner: { id: string; name: string }; rules: SharingSetting[] };

const toFilter = (stored: Record<string, unknown>): PopulationFilter => ({
  ...(typeof stored.icpId === "string" ? { icpId: stored.icpId } : {}),
  ...(typeof stored.minScore === "number" ? { minScore: stored.minScore } : {}),
});

const asLevel = (value: string): SharingLevel =>
  (sharingLevels as readonly string[]).includes(value) ? (value as SharingLevel) : "hidden";

/** The stored rules of one partner, as the pure computation takes them. */
async function storedRules(db: Db, ctx: WorkspaceContext, partnerId: string): Promise<SharingRule[]> {
  const rows = await db
    .select()
    .from(sharingRules)
    .where(inWorkspace(sharingRules, ctx, eq(sharingRules.partnerId, partnerId)));
  const rules: SharingRule[] = [];
  for (const row of rows) {
    const side = row.side === "partner" ? "partner" : row.side === "vendor" ? "vendor" : null;
    if (!side || !isPopulationOf(side, row.population)) continue;
    rules.push({
      partnerId,
      side,
      population: row.population,
      level: asLevel(row.level),
      fields: sharedFields.filter((f) => row.fields.includes(f)),
      minCount: row.minCount,
      filter: toFilter(row.filter),
    });
  }
  return rules;
}

function settingsOf(partner: { id: string; name: string }, rules: readonly SharingRule[]): SharingSettings {
  const all: SharingSetting[] = [];
  for (const side of sharingSides) {
    for (const population of populationsOf(side)) {
      const rule = rules.find((r) => r.side === side && r.population === population);
      const filter = rule?.filter ?? {};
      all.push({
        side,
        population,
        label: populationLabel(side, population, filter),
        filter,
        level: rule?.level ?? "hidden",
        fields: [...(rule?.fields ?? [])],
        minCount: rule?.minCount ?? DEFAULT_MIN_COUNT,
        set: rule !== undefined,
      });
    }
  }
  return { partner: { id: partner.id, name: partner.name }, rules: all };
}

export async function getSharingSettings(db: Db, ctx: WorkspaceContext, partnerId: string) {
  const partner = await getPartner(db, ctx, partnerId);
  return settingsOf(partner, await storedRules(db, ctx, partnerId));
}

/** Cross-field checks the schema cannot express, each naming its field (rules.N.population …). */
async function validateRules(db: Db, ctx: WorkspaceContext, input: SharingSettingsInput) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, rule] of input.rules.entries()) {
    if (!isPopulationOf(rule.side, rule.population)) {
      errors.push({
        path: `rules.${i}.population`,
        message: `is not a ${rule.side} population (one of ${populationsOf(rule.side).join(", ")})`,
      });
    }
    const key = `${rule.side}/${rule.population}`;
    if (seen.has(key)) errors.push({ path: `rules.${i}.population`, message: `${key} is set twice` });
    seen.add(key);
    const hasFilter = rule.filter && Object.keys(rule.filter).length > 0;
    if (hasFilter && rule.population !== "icp_fit_prospects") {
      errors.push({ path: `rules.${i}.filter`, message: "only icp_fit_prospects takes a filter" });
    }
    const icpId = rule.filter?.icpId;
    if (icpId) {
      const [icp] = await db
        .select({ id: icps.id })
        .from(icps)
        .where(inWorkspace(icps, ctx, eq(icps.id, icpId)));
      if (!icp) errors.push({ path: `rules.${i}.filter.icpId`, message: "no such ICP in this workspace" });
    }
  }
  const first = errors[0];
  if (first) throw new AppError("validation_failed", `${first.path}: ${first.message}`, errors);
}

/**
 * Replaces the partner's whole rule set (PUT semantics: a population left out becomes unset) and
 * records `sharing.changed` with the settings before and after, in the same transaction.
 */
export async function replaceSharingSettings(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
  input: SharingSettingsInput,
): Promise<SharingSettings> {
  const partner = await getPartner(db, ctx, partnerId);
  await validateRules(db, ctx, input);
  return db.transaction(async (tx) => {
    const before = await storedRules(tx, ctx, partnerId);
    await tx
      .delete(sharingRules)
      .where(inWorkspace(sharingRules, ctx, eq(sharingRules.partnerId, partnerId)));
    if (input.rules.length > 0) {
      await tx.insert(sharingRules).values(
        input.rules.map((rule) => ({
          workspaceId: ctx.workspaceId,
          partnerId,
          side: rule.side,
          population: rule.population,
          level: rule.level,
          fields: sharedFields.filter((f) => rule.fields?.includes(f)),
          minCount: rule.minCount ?? DEFAULT_MIN_COUNT,
          filter: rule.filter ?? {},
        })),
      );
    }
    const after = await storedRules(tx, ctx, partnerId);
    const summary = (rules: SharingRule[]) =>
      rules.map(({ side, population, level, fields, minCount, filter }) => ({
        side,
        population,
        level,
        fields,
        minCount,
        filter,
      }));
    await recordAudit(tx, ctx, {
      action: "sharing.changed",
      subjectType: "partner",
      subjectId: partnerId,
      details: { partnerName: partner.name, before: summary(before), after: summary(after) },
    });
    return settingsOf(partner, after);
  });
}

export async function getSharedView(
  db: Db,
  ctx: WorkspaceContext,
  partnerId: string,
): Promise<{ partner: { id: string; name: string }; view: SharedView }> {
  const partner = await getPartner(db, ctx, partnerId);
  const rules = await storedRules(db, ctx, partnerId);
  const world = await loadSharingWorld(db, ctx, partnerId, rules);
  return { partner: { id: partner.id, name: partner.name }, view: computeSharedView(world, partnerId) };
}
