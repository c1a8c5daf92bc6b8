/** Every module's tables, gathered for drizzle (queries with relations) and drizzle-kit (migrations). */

export * from "../modules/accounts/tables.ts";
export * from "../modules/apikeys/tables.ts";
export * from "../modules/audit/tables.ts";
export * from "../modules/icps/tables.ts";
export * from "../modules/identity/tables.ts";
export * from "../modules/imports/tables.ts";
export * from "../modules/jobs/tables.ts";
export * from "../modules/journey/tables.ts";
export * from "../modules/mapping/tables.ts";
export * from "../modules/partners/tables.ts";
export * from "../modules/plays/tables.ts";
export * from "../modules/sharing/tables.ts";
export * from "../modules/solutions/tables.ts";
export * from "../modules/vcoc/tables.ts";
export * from "../modules/workspaces/tables.ts";
