import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../../db/columns.ts";
import { workspaces } from "../workspaces/tables.ts";

/** What the vendor sells; plays and the stack are drawn per solution × ICP. */
export const solutions = pgTable(
  "solutions",
  {
    id: idColumn(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("solutions_workspace_idx").on(t.workspaceId, t.id)],
);
