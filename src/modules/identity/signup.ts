/** Sign-up as one command: a user, and either a new workspace they own or the workspace they were invited to. */
import type { Db } from "../../db/client.ts";
import { acceptInvitation } from "../workspaces/invitations.ts";
import { createWorkspace } from "../workspaces/service.ts";
import { createUser, type User } from "./service.ts";

export async function signUp(
  db: Db,
  input: {
    name: string;
    email: string;
    password: string;
    workspaceName?: string | undefined;
    inviteToken?: string | undefined;
  },
): Promise<{ user: User; workspaceId: string }> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    if (input.inviteToken) {
      const workspaceId = await acceptInvitation(tx, input.inviteToken, user);
      return { user, workspaceId };
    }
    const workspace = await createWorkspace(tx, {
      name: input.workspaceName ?? `${input.name}'s workspace`,
      ownerUserId: user.id,
    });
    return { user, workspaceId: workspace.id };
  });
}
