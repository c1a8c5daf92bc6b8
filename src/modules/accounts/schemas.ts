/** Input schemas of the account and opportunity API. */
import { z } from "zod";
import { enumFilter, textFilter } from "../partners/schemas.ts";
import { accountStatuses, opportunitySourceRoutes } from "../strategy/vocabulary.ts";
import { sortOptions } from "./keyset.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Amounts are stored as numeric(20,2); a quadrillion is far beyond any real deal or revenue. */
const money = z.number().min(0).max(1e15);

export const accountAttributes = z
  .record(z.string().min(1).max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 100, "has more than 100 attributes");

export const accountCreateInput = z.object({
  name: z.string().trim().min(1).max(200),
  website: optionalText(500),
  industry: optionalText(120),
  employees: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  annualRevenue: money.nullable().optional(),
  country: optionalText(120),
  region: optionalText(120),
  technologies: z.array(z.string().trim().min(1).max(120)).max(200).optional(),
  status: z.enum(accountStatuses).optional(),
  owner: optionalText(200),
  attributes: accountAttributes.optional(),
  externalSource: optionalText(60),
  externalId: optionalText(200),
});
export type AccountCreateInput = z.infer<typeof accountCreateInput>;
export const accountUpdateInput = accountCreateInput.partial();
export type AccountUpdateInput = z.infer<typeof accountUpdateInput>;

export const accountListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  status: enumFilter(accountStatuses),
  industry: textFilter(120),
  country: textFilter(120),
  sort: z.enum(sortOptions).default("name"),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const opportunityStatuses = ["open", "won", "lost"] as const;

export const opportunityCreateInput = z.object({
  accountId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  amount: money,
  currency: z.string().regex(/^[A-Z]{3}$/, "is a three-letter ISO currency code in capitals (USD, EUR…)"),
  stage: optionalText(120),
  status: z.enum(opportunityStatuses).optional(),
  closeDate: z.iso.date().nullable().optional(),
  sourceRoute: z.enum(opportunitySourceRoutes),
  partnerId: z.uuid().nullable().optional(),
  solutionId: z.uuid().nullable().optional(),
  journeyStageId: z.uuid().nullable().optional(),
  externalSource: optionalText(60),
  externalId: optionalText(200),
});
export type OpportunityCreateInput = z.infer<typeof opportunityCreateInput>;
export const opportunityUpdateInput = opportunityCreateInput.partial();
export type OpportunityUpdateInput = z.infer<typeof opportunityUpdateInput>;

export const opportunityListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  accountId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  status: enumFilter(opportunityStatuses),
  sourceRoute: enumFilter(opportunitySourceRoutes),
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;
