import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { apiRequest } from "../api/client";

/** A background job as GET /api/v1/jobs/:id shows it. */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  progress: z.object({ done: z.number(), total: z.number().nullable(), percent: z.number().nullable() }),
  message: z.string().nullable(),
  error: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const isJobFinished = (job: Pick<Job, "status">) =>
  job.status !== "queued" && job.status !== "running";

/** Polls the job twice a second until it ends. */
export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: ["jobs", jobId],
    queryFn: ({ signal }) => apiRequest(`/v1/jobs/${jobId}`, { schema: jobSchema, signal }),
    refetchInterval: (query) => (query.state.data && isJobFinished(query.state.data) ? false : 500),
  });

const statusWords: Record<Job["status"], string> = {
  queued: "Waiting to start…",
  running: "Running",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

interface JobProgressProps {
  jobId: string;
  /** What the job does, e.g. "Rescoring accounts". */
  label: string;
  /** Called once when the job ends (succeeded, failed or cancelled). */
  onFinished?: (job: Job) => void;
}

/** A live progress bar of a background job, with its message or failure reason. */
export function JobProgress({ jobId, label, onFinished }: JobProgressProps) {
  const job = useQuery(jobQueryOptions(jobId));
  const reported = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (data && isJobFinished(data) && reported.current !== data.id) {
      reported.current = data.id;
      onFinished?.(data);
    }
  }, [data, onFinished]);

  if (!data) return null;
  const percent = data.progress.percent ?? (data.status === "queued" ? 0 : null);
  const counts =
    data.progress.total === null ? `${data.progress.done}` : `${data.progress.done} / ${data.progress.total}`;
  const color = data.status === "failed" ? "red" : data.status === "cancelled" ? "gray" : "eco";
  return (
    <Stack gap={6} role="status" aria-label={label} data-job-status={data.status}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}: {statusWords[data.status]}
        </Text>
        <Text size="xs" c="dimmed">
          {percent === null ? counts : `${percent}% · ${counts}`}
        </Text>
      </Group>
      <Progress
        value={percent ?? 100}
        color={color}
        striped={!isJobFinished(data)}
        animated={!isJobFinished(data)}
        aria-label={`${label} progress`}
      />
      {data.message && data.status !== "failed" && (
        <Text size="xs" c="dimmed">
          {data.message}
        </Text>
      )}
      {data.status === "failed" && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{data.error ?? "The job failed."}</Text>
        </Alert>
      )}
    </Stack>
  );
}
