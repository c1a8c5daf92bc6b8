/**
 * The demo's sales plays: for each solution × ICP, what happens at each journey stage, who leads
 * and with which partners. The manufacturing plays leave the ecosystem-platform layer and the
 * early referral stages thin on purpose, so the stack shows gaps to work on.
 */
import type { CoMotion, MotionFamily, StackLayer } from "../strategy/vocabulary.ts";
import { demoSolutions, FINANCE_ICP, MANUFACTURING_ICP } from "./strategy-catalog.ts";

export interface DemoStep {
  stage: string;
  description: string;
  leadLayer: StackLayer | null;
  partners: string[];
  coMotion: CoMotion;
  motionFamily: MotionFamily;
  assets?: { title: string; url: string }[];
  kpis?: { name: string; target: string }[];
}

export interface DemoPlay {
  name: string;
  solution: string;
  icp: string;
  objective: string;
  status: "draft" | "active";
  steps: DemoStep[];
}

const cloud = demoSolutions[0].name;
const embedded = demoSolutions[1].name;

export const demoPlays: DemoPlay[] = [
  {
    name: "Factory floor to dashboard with SIs",
    solution: cloud,
    icp: MANUFACTURING_ICP,
    objective:
      "Land Cloud Analytics in mid-sized plants through implementation partners; 20 new plants this year.",
    status: "active",
    steps: [
      {
        stage: "identify",
        description: "Publish the OEE benchmark report and target plants that download it.",
        leadLayer: null,
        partners: [],
        coMotion: "co_market",
        motionFamily: "marketing",
        assets: [{ title: "OEE benchmark 2026", url: "https://bluefjord.example/oee-benchmark" }],
        kpis: [{ name: "Report downloads", target: "400" }],
      },
      {
        stage: "reach",
        description: "Advisors introduce Bluefjord in their digital-priorities workshops.",
        leadLayer: "referral_influencer",
        partners: ["Northwind Advisory"],
        coMotion: "co_market",
        motionFamily: "market_development",
        kpis: [{ name: "Introductions", target: "30 per quarter" }],
      },
      {
        stage: "develop",
        description: "SI runs a two-week shop-floor pilot with the plant's MES data.",
        leadLayer: "alliance",
        partners: ["Fjordline Systems", "Ironbridge Consulting"],
        coMotion: "co_deliver",
        motionFamily: "partner_selling",
        assets: [{ title: "Pilot playbook", url: "https://bluefjord.example/pilot" }],
        kpis: [{ name: "Pilot to contract", target: "50%" }],
      },
      {
        stage: "expand",
        description: "MSP takes over operations and proposes further plants.",
        leadLayer: "reseller_msp",
        partners: ["Kestrel Managed Services"],
        coMotion: "co_retain",
        motionFamily: "partner_selling",
        kpis: [{ name: "Net revenue retention", target: "120%" }],
      },
    ],
  },
  {
    name: "Marketplace private offers",
    solution: cloud,
    icp: MANUFACTURING_ICP,
    objective: "Let plants buy Bluefjord against their cloud commitments.",
    status: "active",
    steps: [
      {
        stage: "influence",
        description: "Co-sell with the cloud's industrial account teams.",
        leadLayer: "cloud_market",
        partners: ["Stratus Cloud Marketplace"],
        coMotion: "co_sell",
        motionFamily: "partner_selling",
        kpis: [{ name: "Co-sell opportunities", target: "25" }],
      },
      {
        stage: "develop",
        description: "Private offer with commit burn-down.",
        leadLayer: "cloud_market",
        partners: ["Stratus Cloud Marketplace"],
        coMotion: "co_sell",
        motionFamily: "partner_selling",
        kpis: [{ name: "Marketplace bookings", target: "$1.5M" }],
      },
    ],
  },
  {
    name: "Reseller fast start",
    solution: cloud,
    icp: MANUFACTURING_ICP,
    objective: "Resellers bundle Cloud Analytics with SAP projects.",
    status: "draft",
    steps: [
      {
        stage: "develop",
        description: "Reseller bundles a starter package with SAP upgrades.",
        leadLayer: "reseller_msp",
        partners: ["Brightgate Solutions", "Aurora Systemhaus"],
        coMotion: "co_sell",
        motionFamily: "partner_selling",
      },
      {
        stage: "influence",
        description: "Joint webinar with the SI on OEE quick wins.",
        leadLayer: "alliance",
        partners: ["Ironbridge Consulting"],
        coMotion: "co_innovate",
        motionFamily: "marketing",
      },
    ],
  },
  {
    name: "Embedded risk dashboards with ISVs",
    solution: embedded,
    icp: FINANCE_ICP,
    objective: "Embed Bluefjord in the risk platforms banks already run.",
    status: "active",
    steps: [
      {
        stage: "identify",
        description: "Fintech community spotlights the regulatory reporting use case.",
        leadLayer: "ecosystem_platform",
        partners: ["OpenLedger Community"],
        coMotion: "co_market",
        motionFamily: "marketing",
      },
      {
        stage: "influence",
        description: "ISV demonstrates embedded risk dashboards to the bank.",
        leadLayer: "alliance",
        partners: ["Quantive Software"],
        coMotion: "co_innovate",
        motionFamily: "partner_selling",
      },
      {
        stage: "develop",
        description: "Core banking SI integrates the data feeds.",
        leadLayer: "alliance",
        partners: ["Meridian Digital"],
        coMotion: "co_deliver",
        motionFamily: "partner_selling",
      },
      {
        stage: "expand",
        description: "Roll out to further business units with the SI.",
        leadLayer: "alliance",
        partners: ["Meridian Digital"],
        coMotion: "co_retain",
        motionFamily: "partner_selling",
      },
    ],
  },
];
