/** How a job leaves the API (and the CLI's --json). */
import { z } from "zod";
import { type Job, jobStatuses } from "./service.ts";

export const jobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int().nullable(),
    percent: z.number().int().min(0).max(100).nullable(),
  }),
  message: z.string().nullable(),
  error: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export const presentJob = (job: Job): JobView => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  progress: { done: job.progress.done, total: job.progress.total, percent: job.progress.percent },
  message: job.message,
  error: job.error,
  result: job.result,
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});
