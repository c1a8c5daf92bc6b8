/** How sharing settings and the shared view leave the API: every field named. */
import { z } from "zod";
import type { SharedSection, SharedView } from "./policy.ts";
import {
  accountStatuses,
  sharedFields,
  sharingLevels,
  sharingSides,
  vendorPopulations,
} from "./populations.ts";
import type { SharingSettings } from "./service.ts";

/** Rows per population in one response; `overlapCount` tells how many there are in all. */
export const SHARED_VIEW_ROW_LIMIT = 500;

const partnerRef = z.object({ id: z.uuid(), name: z.string() });
const filterView = z.object({ icpId: z.string().optional(), minScore: z.number().int().optional() });

export const sharingSettingsView = z.object({
  partner: partnerRef,
  levels: z.array(z.enum(sharingLevels)),
  fields: z.array(z.enum(sharedFields)),
  rules: z.array(
    z.object({
      side: z.enum(sharingSides),
      population: z.enum(vendorPopulations),
      label: z.string(),
      filter: filterView,
      level: z.enum(sharingLevels),
      fields: z.array(z.string()),
      minCount: z.number().int(),
      /** false: no rule stored for this population (it shares nothing and restricts nothing). */
      set: z.boolean(),
    }),
  ),
});

export function presentSharingSettings(settings: SharingSettings): z.infer<typeof sharingSettingsView> {
  return {
    partner: { id: settings.partner.id, name: settings.partner.name },
    levels: [...sharingLevels],
    fields: [...sharedFields],
    rules: settings.rules.map((r) => ({
      side: r.side,
      population: r.population,
      label: r.label,
      filter: {
        ...(r.filter.icpId ? { icpId: r.filter.icpId } : {}),
        ...(r.filter.minScore !== undefined ? { minScore: r.filter.minScore } : {}),
      },
      level: r.level,
      fields: r.fields,
      minCount: r.minCount,
      set: r.set,
    })),
  };
}

const statusEnum = z.enum(accountStatuses);
const optionalText = z.string().nullable().optional();

const sharedSectionView = z.object({
  side: z.enum(sharingSides),
  population: z.enum(vendorPopulations),
  label: z.string(),
  level: z.enum(sharingLevels),
  counts: z
    .object({
      minCount: z.number().int(),
      cells: z.array(
        z.object({ vendorStatus: statusEnum, partnerStatus: statusEnum, count: z.number().int().nullable() }),
      ),
      total: z.number().int().nullable(),
    })
    .optional(),
  overlaps: z
    .array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        partnerAccount: z.object({
          id: z.uuid(),
          name: z.string(),
          domain: z.string().nullable(),
          status: statusEnum,
        }),
        account: z.object({
          name: optionalText,
          domain: optionalText,
          status: optionalText,
          industry: optionalText,
          country: optionalText,
          region: optionalText,
          owner: optionalText,
        }),
      }),
    )
    .optional(),
  overlapCount: z.number().int().optional(),
});

export const sharedViewResponse = z.object({ partner: partnerRef, populations: z.array(sharedSectionView) });

function presentSection(section: SharedSection): z.infer<typeof sharedSectionView> {
  return {
    side: section.side,
    population: section.population,
    label: section.label,
    level: section.level,
    ...(section.counts
      ? {
          counts: {
            minCount: section.counts.minCount,
            cells: section.counts.cells.map((c) => ({
              vendorStatus: c.vendorStatus,
              partnerStatus: c.partnerStatus,
              count: c.count,
            })),
            total: section.counts.total,
          },
        }
      : {}),
    ...(section.overlaps
      ? {
          overlaps: section.overlaps.slice(0, SHARED_VIEW_ROW_LIMIT).map((row) => ({
            id: row.id,
            kind: row.kind,
            partnerAccount: {
              id: row.partnerAccount.id,
              name: row.partnerAccount.name,
              domain: row.partnerAccount.domain,
              status: row.partnerAccount.status,
            },
            // Only the allowed fields were computed; copy exactly those.
            account: Object.fromEntries(
              sharedFields.filter((f) => f in row.account).map((f) => [f, row.account[f] ?? null]),
            ),
          })),
          overlapCount: section.overlaps.length,
        }
      : {}),
  };
}

export function presentSharedView(partner: { id: string; name: string }, view: SharedView) {
  return {
    partner: { id: partner.id, name: partner.name },
    populations: view.populations.map(presentSection),
  };
}
