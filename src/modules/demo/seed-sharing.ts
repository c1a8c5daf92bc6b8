/**
 * Default sharing rules of the demo workspace, so that each partner's "What this partner sees"
 * shows something from the first start: strategic and Platinum/Gold partners exchange overlap rows
 * (vendor prospects with a few fields, customers as counts), the others counts only. Partners share
 * back at the same level, since the shared view only shows what the partner shares (reciprocity).
 */

import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { partners } from "../partners/tables.ts";
import { sharingRules } from "../sharing/tables.ts";

type DemoRule = {
  side: "vendor" | "partner";
  population: string;
  level: "counts" | "overlaps" | "all";
  fields?: string[];
  minCount?: number;
  filter?: Record<string, unknown>;
};

const closePartnerRules: DemoRule[] = [
  { side: "vendor", population: "customers", level: "counts", minCount: 3 },
  { side: "vendor", population: "open_opportunities", level: "counts", minCount: 3 },
  {
    side: "vendor",
    population: "prospects",
    level: "overlaps",
    fields: ["name", "status", "industry", "country"],
  },
  { side: "partner", population: "customers", level: "all" },
  {
    side: "partner",
    population: "open_opportunities",
    level: "overlaps",
    fields: ["name", "status", "industry", "country"],
  },
  { side: "partner", population: "prospects", level: "counts", minCount: 3 },
];

const otherPartnerRules: DemoRule[] = [
  { side: "vendor", population: "customers", level: "counts" },
  { side: "vendor", population: "prospects", level: "counts" },
  { side: "partner", population: "customers", level: "counts" },
  { side: "partner", population: "prospects", level: "counts" },
];

export async function seedDemoSharing(tx: Db, workspaceId: string): Promise<void> {
  const rows = await tx
    .select({ id: partners.id, tier: partners.tier, lifecycle: partners.lifecycle })
    .from(partners)
    .where(eq(partners.workspaceId, workspaceId));
  const values = rows.flatMap((partner) => {
    const close = partner.lifecycle === "strategic" || partner.tier === "Platinum" || partner.tier === "Gold";
    return (close ? closePartnerRules : otherPartnerRules).map((rule) => ({
      workspaceId,
      partnerId: partner.id,
      side: rule.side,
      population: rule.population,
      level: rule.level,
      fields: rule.fields ?? [],
      minCount: rule.minCount ?? 5,
      filter: rule.filter ?? {},
    }));
  });
  if (values.length > 0) await tx.insert(sharingRules).values(values);
}
