/**
 * The one place where tenant scoping is expressed. Every query on a workspace-owned table goes
 * through `inWorkspace`, which ANDs `workspace_id = ctx.workspaceId` into the condition, so a
 * service cannot forget the tenant by omission of a where-clause.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type WorkspaceOwned = { workspaceId: PgColumn };
export type Tenant = { workspaceId: string };

export function inWorkspace(table: WorkspaceOwned, tenant: Tenant, ...conditions: (SQL | undefined)[]): SQL {
  const scoped = and(eq(table.workspaceId, tenant.workspaceId), ...conditions);
  if (!scoped) throw new Error("unreachable: and() of a defined condition");
  return scoped;
}
