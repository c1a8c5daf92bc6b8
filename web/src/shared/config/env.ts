import { z } from "zod";

/**
 * Build-time configuration, validated once at start-up so a bad value fails loudly
 * instead of producing requests to a wrong place.
 */
const envSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .regex(/^(\/|https?:\/\/)/, "must be a path starting with / or an http(s) URL")
    .optional()
    .default("/api"),
});

const parsed = envSchema.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid web configuration: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  apiBaseUrl: parsed.data.VITE_API_BASE_URL.replace(/\/$/, ""),
} as const;
