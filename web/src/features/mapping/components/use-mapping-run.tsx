import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { isJobFinished, JobProgress, jobQueryOptions } from "../../../shared/ui/JobProgress";
import { mappingQueryKey } from "../api/get-mapping";
import { useStartMappingRun } from "../api/start-mapping-run";

/**
 * Starts a mapping job (one partner, or every partner with an account list) and renders its live
 * progress; when the job ends, the rankings, matrices, lists and recommendations are read again.
 */
export function useMappingRun(partnerId?: string) {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartMappingRun();
  const queryClient = useQueryClient();
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: mappingQueryKey });
    void queryClient.invalidateQueries({ queryKey: ["recommendations"] });
  }, [queryClient]);

  const job = useQuery({ ...jobQueryOptions(jobId ?? "none"), enabled: jobId !== null });
  const running = job.data !== undefined && !isJobFinished(job.data);

  const run = () => start.mutate(partnerId ? { partnerId } : {}, { onSuccess: (job) => setJobId(job.id) });

  const progress = (label: string) => (
    <>
      {start.error && <ErrorAlert error={start.error} title="Mapping did not start" />}
      {jobId && <JobProgress key={jobId} jobId={jobId} label={label} onFinished={onFinished} />}
    </>
  );
  return { run, busy: start.isPending || running, progress };
}
