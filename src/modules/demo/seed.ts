/**
 * The demo workspace a newcomer lands in: an invented vendor with one user per role, and its
 * Ecosystem Strategy Stack (solutions, ICPs, value chains, partners, plays) and CRM data
 * (seed-strategy.ts), so every page tells a story with real gaps from the first start.
 */
import type { Db } from "../../db/client.ts";
import type { Role } from "../../http/policy.ts";
import { randomToken } from "../identity/secrets.ts";
import { createUser, findUserByEmail } from "../identity/service.ts";
import { addMember, createWorkspace, type Workspace } from "../workspaces/service.ts";
import { seedDemoMapping } from "./seed-mapping.ts";
import { seedDemoSharing } from "./seed-sharing.ts";
import { seedDemoStrategy } from "./seed-strategy.ts";

export const DEMO_WORKSPACE_NAME = "Bluefjord Analytics";
export const DEMO_EMAIL = "demo@ecostack.local";

const demoPeople: { email: string; name: string; role: Role }[] = [
  { email: DEMO_EMAIL, name: "Dana Demo (channel chief)", role: "owner" },
  { email: "ops@ecostack.local", name: "Omar Ops (partner ops)", role: "admin" },
  { email: "pm@ecostack.local", name: "Priya Patel (partner manager)", role: "partner_manager" },
  { email: "viewer@ecostack.local", name: "Victor Viewer", role: "viewer" },
];

export type DemoLogin = {
  email: string;
  password: string;
  workspace: Workspace;
  users: { email: string; role: Role }[];
};

export class DemoExistsError extends Error {
  constructor() {
    super(`The demo workspace already exists (sign in as ${DEMO_EMAIL}).`);
  }
}

export async function seedDemo(db: Db, password = `demo-${randomToken(9)}`): Promise<DemoLogin> {
  if (await findUserByEmail(db, DEMO_EMAIL)) throw new DemoExistsError();
  return db.transaction(async (tx) => {
    const [owner, ...others] = demoPeople;
    if (!owner) throw new Error("no demo owner");
    const ownerUser = await createUser(tx, { email: owner.email, name: owner.name, password });
    const workspace = await createWorkspace(tx, { name: DEMO_WORKSPACE_NAME, ownerUserId: ownerUser.id });
    for (const person of others) {
      const user = await createUser(tx, { email: person.email, name: person.name, password });
      await addMember(tx, workspace.id, user.id, person.role);
    }
    await seedDemoStrategy(tx, workspace.id);
    await seedDemoMapping(tx, workspace.id);
    await seedDemoSharing(tx, workspace.id);
    return {
      email: DEMO_EMAIL,
      password,
      workspace,
      users: demoPeople.map(({ email, role }) => ({ email, role })),
    };
  });
}
