/**
 * Types of the role × route matrix (src/http/routes.test.ts). Each module contributes the sample
 * requests for its own routes in `src/modules/<name>/routes.matrix.ts`, a function of MatrixEnv
 * returning entries keyed "METHOD /api/v1/path/:param"; routes.test.ts spreads them into the
 * matrix, and fails when a served route has no entry. The `…Sample` functions below are the
 * `prepare` of the plain read, list, rename and delete routes that several modules share.
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Policy, Role, WorkspaceContext } from "../http/policy.ts";
import type { User } from "../modules/identity/service.ts";
import type { Workspace } from "../modules/workspaces/service.ts";
import type { TestApp } from "./app.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type MatrixResponse = LightMyRequestResponse;
export type SessionAuth = { cookie: string; csrfToken: string };

/**
 * Who calls. Tenant "A" is the workspace under test; tenant "B" callers belong to another
 * workspace and send `X-Ecostack-Workspace: <A's id>` to reach into A.
 */
export type Caller = {
  name: string;
  kind: "anonymous" | "session" | "apiKey";
  tenant: "A" | "B" | null;
  role: Role | null;
};

export type Case = { caller: Caller; user: User | null; session: SessionAuth | null };

export type Prepared = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Runs after a successful call: the effect happened. */
  succeeded?: (response: MatrixResponse) => Promise<void> | void;
  /** Runs after a refused call: the target is exactly as before. */
  unchanged?: () => Promise<void> | void;
};

export type Entry = {
  /**
   * The policy this route was reviewed with. The gate is checked against the policy the route
   * declares; this pin makes any change of a declared policy a deliberate edit here too.
   */
  policy: Policy;
  /** The route's documented success status. */
  ok: number;
  /** The call ends or repoints the caller's session: session callers use a fresh one. */
  freshSession?: true;
  /**
   * The response shows A's data to any holder of the URL by design (an invitation link is a
   * capability); the no-leak check for other tenants' callers does not apply.
   */
  capabilityUrl?: true;
  /** Explicit expectations where the route's business rules decide, not the gate. */
  override?: (caller: Caller) => number | undefined;
  prepare(c: Case): Promise<Prepared>;
};

/** What a module's matrix entries may use. Functions, because the world is built in beforeAll. */
export type MatrixEnv = {
  app: () => TestApp;
  /** The workspace under test, and a context acting as its owner (to create sample resources). */
  workspaceA: () => Workspace;
  ownerCtxA: () => WorkspaceContext;
  uniq: () => string;
};

/** A sample resource of A, made fresh for one call. */
export type Sample = { id: string; name: string };
/** Reads a resource of A as its owner; rejects with "not found" when there is none. */
export type ReadAsOwner = (id: string) => Promise<{ name: string }>;

/** `GET …/:id`: the response is the sample, by its name. */
export function readsSample(make: () => Promise<Sample>): Entry["prepare"] {
  return async () => {
    const target = await make();
    return { params: { id: target.id }, succeeded: (r) => expect(r.json().name).toBe(target.name) };
  };
}

/** A list route: the sample is among the first `limit` items. */
export function listsSample(make: () => Promise<{ id: string }>, limit: string): Entry["prepare"] {
  return async () => {
    const target = await make();
    return {
      query: { limit },
      succeeded: (r) => expect(r.json().items.map((i: { id: string }) => i.id)).toContain(target.id),
    };
  };
}

/**
 * `PATCH …/:id` with a new name: the response matches `renamed` (by default, has the new name);
 * a refused call leaves the old name.
 */
export function renamesSample<T extends Sample>(
  make: () => Promise<T>,
  read: ReadAsOwner,
  newName: () => string,
  renamed: (target: T, name: string) => Record<string, unknown> = (_target, name) => ({ name }),
): Entry["prepare"] {
  return async () => {
    const target = await make();
    const name = newName();
    return {
      params: { id: target.id },
      body: { name },
      succeeded: (r) => expect(r.json()).toMatchObject(renamed(target, name)),
      async unchanged() {
        expect((await read(target.id)).name).toBe(target.name);
      },
    };
  };
}

/** `DELETE …/:id`: the sample is gone afterwards; a refused call leaves it as it was. */
export function deletesSample(make: () => Promise<Sample>, read: ReadAsOwner): Entry["prepare"] {
  return async () => {
    const target = await make();
    return {
      params: { id: target.id },
      async succeeded() {
        await expect(read(target.id)).rejects.toThrow("not found");
      },
      async unchanged() {
        expect((await read(target.id)).name).toBe(target.name);
      },
    };
  };
}
