import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../shared/api/client";
import { jobSchema } from "../../../shared/ui/JobProgress";

// The run answers with the job, bare or wrapped as `{ job }` like other long-work routes.
const runResponseSchema = z.union([z.object({ job: jobSchema }).transform((body) => body.job), jobSchema]);

/** Starts mapping one partner (partnerId) or every partner with an account list. */
export function useStartMappingRun() {
  return useMutation({
    mutationFn: (input: { partnerId?: string }) =>
      apiRequest("/v1/mapping/runs", { method: "POST", body: input, schema: runResponseSchema }),
  });
}
