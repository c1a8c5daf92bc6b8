/** Users and their sessions: create a user, check a password, open/close/read a session. */
import { and, eq, gt } from "drizzle-orm";
import { countAll, type Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { AppError, conflict } from "../../http/problem.ts";
import { listMembershipsOfUser, requireMembership } from "../workspaces/service.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.ts";
import type { SessionView } from "./schemas.ts";
import { randomToken, sha256 } from "./secrets.ts";
import { sessions, users } from "./tables.ts";

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email.trim().toLowerCase(), name: input.name.trim(), passwordHash })
      .returning();
    if (!user) throw new Error("insert returned no row");
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("An account with this e-mail already exists.", "email");
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new AppError("unauthenticated", "The account no longer exists.");
  return user;
}

/** Same answer, and about the same time, for an unknown e-mail and a wrong password. */
export async function authenticate(db: Db, email: string, password: string): Promise<User> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await burnPasswordCheck(password);
  } else if (await verifyPassword(user.passwordHash, password)) {
    return user;
  }
  throw new AppError("unauthenticated", "E-mail or password is incorrect.");
}

export async function openSession(
  db: Db,
  userId: string,
  currentWorkspaceId: string | null,
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  // Without an explicit choice, a new session opens on the user's first workspace.
  const workspaceId =
    currentWorkspaceId ?? (await listMembershipsOfUser(db, userId))[0]?.workspace.id ?? null;
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId,
      csrfToken: randomToken(24),
      currentWorkspaceId: workspaceId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    })
    .returning();
  if (!session) throw new Error("insert returned no row");
  return { token, session };
}

export async function findSessionByToken(db: Db, token: string): Promise<Session | undefined> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return session;
}

export async function closeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function switchWorkspace(
  db: Db,
  sessionId: string,
  userId: string,
  workspaceId: string,
): Promise<void> {
  await requireMembership(db, workspaceId, userId);
  await db.update(sessions).set({ currentWorkspaceId: workspaceId }).where(eq(sessions.id, sessionId));
}

export async function describeSession(db: Db, sessionId: string): Promise<SessionView> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) throw new AppError("unauthenticated", "The session has ended; sign in again.");
  const memberships = await listMembershipsOfUser(db, row.user.id);
  const current =
    memberships.find((m) => m.workspace.id === row.session.currentWorkspaceId)?.workspace.id ??
    memberships[0]?.workspace.id ??
    null;
  return {
    user: { id: row.user.id, email: row.user.email, name: row.user.name },
    memberships,
    currentWorkspaceId: current,
    csrfToken: row.session.csrfToken,
  };
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: countAll }).from(users);
  return row?.n ?? 0;
}
