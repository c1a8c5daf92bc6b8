/** The only shapes in which value chain data leaves the API. */
import { z } from "zod";
import { channelKinds, lifecycleStages, stackLayers } from "../strategy/vocabulary.ts";
import type { ValueChain, ValueChainLink } from "./service.ts";

const stageRefView = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

export const linkPartnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  lifecycle: z.enum(lifecycleStages),
  layers: z.array(z.enum(stackLayers)),
});

export const valueChainLinkView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  channelKind: z.enum(channelKinds),
  position: z.number().int(),
  stageWeights: z.record(z.string(), z.number().int()),
  partners: z.array(linkPartnerView),
});

export const coverageView = z.object({
  overall: z.number(),
  coveredWeight: z.number(),
  totalWeight: z.number(),
  stages: z.array(
    z.object({
      stageKey: z.string(),
      stageName: z.string(),
      coverage: z.number().nullable(),
      coveredWeight: z.number(),
      totalWeight: z.number(),
    }),
  ),
  links: z.array(
    z.object({
      linkId: z.uuid(),
      covered: z.boolean(),
      weight: z.number(),
      activePartnerIds: z.array(z.uuid()),
    }),
  ),
  gaps: z.array(
    z.object({
      linkId: z.uuid(),
      linkName: z.string(),
      channelKind: z.enum(channelKinds),
      weight: z.number(),
      topStageKey: z.string().nullable(),
      topStageName: z.string().nullable(),
      assignedNotActivePartnerIds: z.array(z.uuid()),
      reason: z.string(),
    }),
  ),
});

export const valueChainView = z.object({
  icp: z.object({ id: z.uuid(), name: z.string() }),
  stages: z.array(stageRefView),
  links: z.array(valueChainLinkView),
  coverage: coverageView,
});

export const presentLink = (link: ValueChainLink) => ({
  id: link.id,
  name: link.name,
  description: link.description,
  channelKind: link.channelKind,
  position: link.position,
  stageWeights: link.stageWeights,
  partners: link.partners.map((p) => ({
    id: p.id,
    name: p.name,
    lifecycle: p.lifecycle,
    layers: [...p.layers],
  })),
});

export const presentValueChain = (chain: ValueChain) => ({
  icp: { id: chain.icp.id, name: chain.icp.name },
  stages: chain.stages.map((s) => ({ id: s.id, key: s.key, name: s.name })),
  links: chain.links.map(presentLink),
  coverage: {
    overall: chain.coverage.overall,
    coveredWeight: chain.coverage.coveredWeight,
    totalWeight: chain.coverage.totalWeight,
    stages: chain.coverage.stages.map((s) => ({
      stageKey: s.stageKey,
      stageName: s.stageName,
      coverage: s.coverage,
      coveredWeight: s.coveredWeight,
      totalWeight: s.totalWeight,
    })),
    links: chain.coverage.links.map((l) => ({
      linkId: l.linkId,
      covered: l.covered,
      weight: l.weight,
      activePartnerIds: l.activePartnerIds,
    })),
    gaps: chain.coverage.gaps.map((g) => ({
      linkId: g.linkId,
      linkName: g.linkName,
      channelKind: g.channelKind,
      weight: g.weight,
      topStageKey: g.topStageKey,
      topStageName: g.topStageName,
      assignedNotActivePartnerIds: g.assignedNotActivePartnerIds,
      reason: g.reason,
    })),
  },
});
