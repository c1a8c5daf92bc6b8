import { z } from "zod";

/** The ICP criteria the API accepts (src/modules/icps/scoring.ts), as the editor builds them. */
const weight = z.number().int().min(1).max(100);
const values = z.array(z.string().trim().min(1)).min(1, "Add at least one value");
const bound = z.number().nonnegative().optional();

export const criterionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("industry"), weight, values }),
  z.object({ kind: z.literal("employees"), weight, min: bound, max: bound }),
  z.object({ kind: z.literal("annual_revenue"), weight, min: bound, max: bound }),
  z.object({ kind: z.literal("country"), weight, values }),
  z.object({ kind: z.literal("region"), weight, values }),
  z.object({ kind: z.literal("technologies"), weight, match: z.enum(["any", "all"]), values }),
  z.object({
    kind: z.literal("custom_attribute"),
    weight,
    key: z.string().trim().min(1),
    operator: z.enum(["eq", "neq", "in", "gte", "lte", "contains"]),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionKind = Criterion["kind"];

export const bandSchema = z.enum(["A", "B", "C"]);
export type Band = z.infer<typeof bandSchema>;
const bandCounts = z.object({ A: z.number(), B: z.number(), C: z.number() });

export const icpSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  criteria: z.array(criterionSchema),
  criteriaText: z.array(z.string()),
  bands: bandCounts,
  scoredAccounts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Icp = z.infer<typeof icpSchema>;

export const CRITERION_KINDS: { kind: CriterionKind; label: string }[] = [
  { kind: "industry", label: "Industry" },
  { kind: "employees", label: "Employees" },
  { kind: "annual_revenue", label: "Annual revenue" },
  { kind: "country", label: "Country" },
  { kind: "region", label: "Region" },
  { kind: "technologies", label: "Technologies" },
  { kind: "custom_attribute", label: "Custom attribute" },
];

export function newCriterion(kind: CriterionKind): Criterion {
  switch (kind) {
    case "industry":
    case "country":
    case "region":
      return { kind, weight: 20, values: [] };
    case "employees":
    case "annual_revenue":
      return { kind, weight: 20, min: undefined, max: undefined };
    case "technologies":
      return { kind, weight: 20, match: "any", values: [] };
    case "custom_attribute":
      return { kind, weight: 20, key: "", operator: "eq", value: "" };
  }
}
