/**
 * The `ecostack` command line as real child processes. The commands run against a fresh embedded
 * data dir, or, when TEST_DATABASE_URL is set, a throwaway database on that PostgreSQL server.
 * The tests of the main flow run in order on one database: each builds on what the previous made.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { buildApp } from "../http/app.ts";
import { DEMO_EMAIL, DEMO_WORKSPACE_NAME } from "../modules/demo/seed.ts";
import { type CliTarget, createCliTarget, failureLine, parseJson } from "../test/cli.ts";
import {
  PROCESS_TEST_TIMEOUT,
  READY_LINE,
  runCli,
  type ServeHandle,
  startServe,
  tempDir,
} from "../test/processes.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("ecostack commands", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  const cli = (...args: string[]) => runCli(args, target.env);

  const owner = { email: "owner@example.test", name: "Olivia Owner", password: "owner password 1" };
  let acme: { id: string; name: string; slug: string };
  let globex: { id: string; name: string; slug: string };
  let acmeKey: { secret: string; prefix: string; id: string };
  let globexKey: { secret: string; prefix: string; id: string };
  let generated: { email: string; password: string };
  let noWorkspaceLine = "";
  let demo: {
    email: string;
    password: string;
    workspace: { id: string; name: string };
    users: { email: string; role: string }[];
  };

  beforeAll(async () => {
    target = await createCliTarget("cli");
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await target?.dispose();
  }, PROCESS_TEST_TIMEOUT);

  it("migrate --json applies the migrations and names the database", async () => {
    const result = parseJson<{ migrated: boolean; database: string }>(await cli("migrate", "--json"));
    expect(result).toEqual({ migrated: true, database: target.location });
    if (target.env.DATABASE_URL) {
      expect(fs.readdirSync(target.env.ECOSTACK_DATA_DIR ?? "")).toEqual([]);
    } else {
      expect(fs.existsSync(`${target.location}/pgdata`)).toBe(true);
      // The lock is released when the command ends.
      expect(fs.existsSync(`${target.location}/ecostack.lock`)).toBe(false);
    }
    // Migrating twice is a no-op.
    expect(parseJson(await cli("migrate", "--json"))).toEqual({ migrated: true, database: target.location });
  });

  it("user create --json creates a user and prints its id and e-mail (not the given password)", async () => {
    const result = parseJson<Record<string, unknown>>(
      await cli(
        "user",
        "create",
        "--email",
        "  Owner@Example.TEST ",
        "--name",
        owner.name,
        "--password",
        owner.password,
        "--json",
      ),
    );
    expect(result).toEqual({ id: expect.stringMatching(uuid), email: owner.email, name: owner.name });
  });

  it("rejects an invalid e-mail with exit 1 and one stderr line naming --email", async () => {
    const line = failureLine(
      await cli("user", "create", "--email", "not-an-email", "--name", "X", "--password", "long enough pw"),
    );
    expect(line).toBe("ecostack: --email: must be an e-mail address");
  });

  it("rejects a duplicate e-mail with exit 1 and one line", async () => {
    const line = failureLine(
      await cli("user", "create", "--email", owner.email, "--name", "Again", "--password", "long enough pw"),
    );
    expect(line).toBe("ecostack: --email: An account with this e-mail already exists.");
  });

  it("apikey create before any workspace exists fails with one line pointing to workspace create", async () => {
    noWorkspaceLine = failureLine(await cli("apikey", "create", "--name", "early"));
    expect(noWorkspaceLine).toMatch(
      /^ecostack: There is no workspace yet; create one with: ecostack workspace create --name NAME/,
    );
  });

  it("the 'no workspace yet' hint is a command that works (it names --owner)", () => {
    expect(noWorkspaceLine).toMatch(/^ecostack: There is no workspace yet/);
    expect(noWorkspaceLine).toContain("--owner");
  });

  it("workspace create --json creates a workspace owned by an existing user", async () => {
    acme = parseJson(
      await cli("workspace", "create", "--name", "Acme Cloud", "--owner", owner.email, "--json"),
    );
    expect(acme).toEqual({
      id: expect.stringMatching(uuid),
      name: "Acme Cloud",
      slug: "acme-cloud",
      owner: owner.email,
    });
  });

  it("workspace create refuses an owner that does not exist", async () => {
    const line = failureLine(
      await cli("workspace", "create", "--name", "Nobody Inc", "--owner", "nobody@example.test"),
    );
    expect(line).toBe(
      "ecostack: --owner: no user with e-mail nobody@example.test (create one with: ecostack user create)",
    );
  });

  it("workspace list --json lists the workspaces", async () => {
    const list = parseJson(await cli("workspace", "list", "--json"));
    expect(list).toEqual([{ id: acme.id, name: "Acme Cloud", slug: "acme-cloud" }]);
  });

  it("apikey create --json with a single workspace prints a secret starting esk_", async () => {
    const result = parseJson<{
      id: string;
      name: string;
      role: string;
      prefix: string;
      workspaceId: string;
      secret: string;
    }>(await cli("apikey", "create", "--name", "ci", "--json"));
    expect(result.secret).toMatch(/^esk_[A-Za-z0-9_-]{40,}$/);
    expect(result).toEqual({
      id: expect.stringMatching(uuid),
      name: "ci",
      role: "admin",
      prefix: result.secret.slice(0, 10),
      workspaceId: acme.id,
      secret: result.secret,
    });
    acmeKey = result;
  });

  it("apikey create without --workspace refuses to guess among two workspaces", async () => {
    globex = parseJson(
      await cli("workspace", "create", "--name", "Globex", "--owner", owner.email, "--json"),
    );
    const line = failureLine(await cli("apikey", "create", "--name", "n", "--json"));
    expect(line).toBe("ecostack: There are 2 workspaces; choose one with --workspace NAME|ID.");
  });

  it("apikey create --workspace <name> creates the key in that workspace", async () => {
    const result = parseJson<{
      id: string;
      role: string;
      prefix: string;
      workspaceId: string;
      secret: string;
    }>(
      await cli(
        "apikey",
        "create",
        "--name",
        "reporting",
        "--role",
        "viewer",
        "--workspace",
        "Globex",
        "--json",
      ),
    );
    expect(result.workspaceId).toBe(globex.id);
    expect(result.role).toBe("viewer");
    expect(result.secret).toMatch(/^esk_/);
    expect(result.secret).not.toBe(acmeKey.secret);
    globexKey = result;
    const unknown = failureLine(await cli("apikey", "create", "--name", "n", "--workspace", "Initech"));
    expect(unknown).toBe('ecostack: No workspace named or with id "Initech".');
  });

  it("user create without --password prints a generated one and joins --workspace with --role", async () => {
    const result = parseJson<{
      id: string;
      email: string;
      password: string;
      workspace: { id: string; name: string };
      role: string;
    }>(
      await cli(
        "user",
        "create",
        "--email",
        "ops@example.test",
        "--name",
        "Oscar Ops",
        "--workspace",
        acme.id,
        "--role",
        "admin",
        "--json",
      ),
    );
    expect(result).toMatchObject({
      email: "ops@example.test",
      workspace: { id: acme.id, name: "Acme Cloud" },
      role: "admin",
    });
    expect(result.password.length).toBeGreaterThanOrEqual(10);
    generated = { email: result.email, password: result.password };
  });

  it("demo --json seeds the demo workspace; a second demo fails with one clear line", async () => {
    demo = parseJson(await cli("demo", "--json"));
    expect(demo).toMatchObject({ email: DEMO_EMAIL, workspace: { name: DEMO_WORKSPACE_NAME } });
    expect(demo.password.length).toBeGreaterThanOrEqual(10);
    expect(demo.users).toEqual([
      { email: DEMO_EMAIL, role: "owner" },
      { email: "ops@ecostack.local", role: "admin" },
      { email: "pm@ecostack.local", role: "partner_manager" },
      { email: "viewer@ecostack.local", role: "viewer" },
    ]);
    const line = failureLine(await cli("demo"));
    expect(line).toBe(`ecostack: The demo workspace already exists (sign in as ${DEMO_EMAIL}).`);
  });

  it("what the commands made works in the API: keys, generated password, demo login", async () => {
    const config = loadConfig({ ...target.env, ECOSTACK_LOG_LEVEL: "silent" });
    const database = await openDatabase(config);
    const app = await buildApp({ database, config });
    try {
      const acmeView = await app.inject({
        method: "GET",
        url: "/api/v1/workspace",
        headers: { authorization: `Bearer ${acmeKey.secret}` },
      });
      expect(acmeView.statusCode).toBe(200);
      expect(acmeView.json()).toMatchObject({ id: acme.id, name: "Acme Cloud", role: "admin" });

      const globexView = await app.inject({
        method: "GET",
        url: "/api/v1/workspace",
        headers: { authorization: `Bearer ${globexKey.secret}` },
      });
      expect(globexView.statusCode).toBe(200);
      expect(globexView.json()).toMatchObject({ id: globex.id, name: "Globex", role: "viewer" });

      const ops = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: generated.email, password: generated.password },
      });
      expect(ops.statusCode).toBe(200);
      expect(ops.json().memberships).toEqual([
        { workspace: { id: acme.id, name: "Acme Cloud", slug: "acme-cloud" }, role: "admin" },
      ]);

      const demoLogin = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: demo.email, password: demo.password },
      });
      expect(demoLogin.statusCode).toBe(200);
      expect(demoLogin.json().memberships).toEqual([
        {
          workspace: expect.objectContaining({ id: demo.workspace.id, name: DEMO_WORKSPACE_NAME }),
          role: "owner",
        },
      ]);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe("commands on a data dir held by a running server", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let dataDir: string;
  let server: ServeHandle;

  beforeAll(async () => {
    dataDir = tempDir("cli-locked");
    server = await startServe({ ECOSTACK_DATA_DIR: dataDir, ECOSTACK_DEMO: "0" });
    await server.waitForStdout(READY_LINE);
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop("SIGTERM");
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, PROCESS_TEST_TIMEOUT);

  it.each([
    [["migrate", "--json"]],
    [["workspace", "list"]],
    [["user", "create", "--email", "late@example.test", "--name", "Late", "--password", "long enough pw"]],
    [["demo"]],
  ])("ecostack %j exits 1 with the 'already in use' line", async (args) => {
    const result = await runCli(args, { ECOSTACK_DATA_DIR: dataDir });
    const line = failureLine(result);
    expect(line).toBe(
      `ecostack: The data directory ${dataDir} is already in use by another Ecostack process (pid ${server.pid}). ` +
        "Stop that process first, or set ECOSTACK_DATA_DIR to another directory.",
    );
  });

  it("left the server running and its lock in place", async () => {
    expect(server.child.exitCode).toBe(null);
    const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
    expect(health.status).toBe(200);
    const lock = JSON.parse(fs.readFileSync(`${dataDir}/ecostack.lock`, "utf8"));
    expect(lock.pid).toBe(server.pid);
  });
});

describe("usage errors", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it("a usage error (missing required option) is one 'ecostack: …' line too", async () => {
    const dataDir = tempDir("cli-usage");
    try {
      const result = await runCli(["workspace", "create", "--name", "X"], { ECOSTACK_DATA_DIR: dataDir });
      expect(failureLine(result)).toMatch(/^ecostack: .*--owner/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
