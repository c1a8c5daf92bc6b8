/**
 * Runtime configuration, read once from the environment and validated at start-up so that a
 * typo in a variable fails loudly instead of silently falling back to a default.
 */
import path from "node:path";
import { z } from "zod";

const boolFlag = z
  .enum(["0", "1", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  ECOSTACK_DATA_DIR: z.string().min(1).default("./.ecostack"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  ECOSTACK_DEMO: boolFlag.optional(),
  ECOSTACK_PUBLIC_URL: z.string().url().optional(),
  ECOSTACK_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  ECOSTACK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ECOSTACK_LOGIN_MAX_PER_IP: z.coerce.number().int().positive().default(20),
  ECOSTACK_LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  ECOSTACK_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  ECOSTACK_UPLOAD_DIR: z.string().min(1).optional(),
  ECOSTACK_IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(536_870_912),
  ECOSTACK_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(5_000_000),
  ECOSTACK_IMPORT_MAX_COLUMNS: z.coerce.number().int().positive().default(500),
  ECOSTACK_UPLOAD_RETENTION_DAYS: z.coerce.number().positive().default(7),
  // Read by the mapping warm index (src/modules/mapping/warm-cache.ts); checked here so that a
  // typo stops the start instead of the first mapping run.
  ECOSTACK_MAPPING_CACHE_RECORDS: z.coerce.number().int().min(0).optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** undefined = decide by driver (seed on an empty embedded database, never on a server). */
  demo: boolean | undefined;
  publicUrl: string | undefined;
  bodyLimit: number;
  logLevel: z.infer<typeof envSchema>["ECOSTACK_LOG_LEVEL"];
  login: { maxPerIp: number; maxPerAccount: number; windowSeconds: number };
  /** CSV imports: where uploads are stored and the limits of a file. */
  imports: {
    uploadDir: string;
    maxBytes: number;
    maxRows: number;
    maxColumns: number;
    /** Uploads never committed are removed after this many days. */
    retentionDays: number;
  };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid"}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ECOSTACK_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    demo: e.ECOSTACK_DEMO,
    publicUrl: e.ECOSTACK_PUBLIC_URL,
    bodyLimit: e.ECOSTACK_BODY_LIMIT,
    logLevel: e.ECOSTACK_LOG_LEVEL,
    login: {
      maxPerIp: e.ECOSTACK_LOGIN_MAX_PER_IP,
      maxPerAccount: e.ECOSTACK_LOGIN_MAX_PER_ACCOUNT,
      windowSeconds: e.ECOSTACK_LOGIN_WINDOW_SECONDS,
    },
    imports: {
      uploadDir: path.resolve(e.ECOSTACK_UPLOAD_DIR ?? path.join(e.ECOSTACK_DATA_DIR, "uploads")),
      maxBytes: e.ECOSTACK_IMPORT_MAX_BYTES,
      maxRows: e.ECOSTACK_IMPORT_MAX_ROWS,
      maxColumns: e.ECOSTACK_IMPORT_MAX_COLUMNS,
      retentionDays: e.ECOSTACK_UPLOAD_RETENTION_DAYS,
    },
  };
}
