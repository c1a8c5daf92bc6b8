/** Every module's tables, gathered for drizzle (queries with relations) and drizzle-kit (migrations). */
export * from "../modules/apikeys/tables.ts";
export * from "../modules/identity/tables.ts";
export * from "../modules/workspaces/tables.ts";
