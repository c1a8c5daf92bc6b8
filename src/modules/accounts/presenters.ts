/** The only shapes in which accounts and opportunities leave the API. */
import { z } from "zod";
import { accountStatuses, opportunitySourceRoutes } from "../strategy/vocabulary.ts";
import type { Opportunity } from "./opportunities.ts";
import { opportunityStatuses } from "./schemas.ts";
import type { Account } from "./service.ts";

const isoDate = z.iso.datetime();

export const accountView = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  annualRevenue: z.number().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  technologies: z.array(z.string()),
  status: z.enum(accountStatuses),
  owner: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const presentAccount = (a: Account) => ({
  id: a.id,
  name: a.name,
  website: a.website,
  domain: a.domain,
  industry: a.industry,
  employees: a.employees,
  annualRevenue: a.annualRevenue,
  country: a.country,
  region: a.region,
  technologies: a.technologies,
  status: a.status,
  owner: a.owner,
  attributes: a.attributes,
  externalSource: a.externalSource,
  externalId: a.externalId,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export const opportunityView = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  name: z.string(),
  amount: z.number(),
  currency: z.string(),
  stage: z.string().nullable(),
  status: z.enum(opportunityStatuses),
  closeDate: z.string().nullable(),
  sourceRoute: z.enum(opportunitySourceRoutes),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  solutionId: z.uuid().nullable(),
  journeyStageId: z.uuid().nullable(),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const presentOpportunity = (o: Opportunity) => ({
  id: o.id,
  accountId: o.accountId,
  accountName: o.accountName,
  name: o.name,
  amount: o.amount,
  currency: o.currency,
  stage: o.stage,
  status: o.status,
  closeDate: o.closeDate,
  sourceRoute: o.sourceRoute,
  partnerId: o.partnerId,
  partnerName: o.partnerName,
  solutionId: o.solutionId,
  journeyStageId: o.journeyStageId,
  externalSource: o.externalSource,
  externalId: o.externalId,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
