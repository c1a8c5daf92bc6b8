/**
 * `ecostack serve` as a real process on an embedded data dir: the first start seeds and prints the
 * demo login, a second server on the same dir is refused, a kill -9 loses nothing and leaves a
 * stale lock that the next start clears, and SIGTERM shuts down cleanly.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { DEMO_EMAIL, DEMO_WORKSPACE_NAME } from "./modules/demo/seed.ts";
import { countUsers } from "./modules/identity/service.ts";
import { TEST_PASSWORD } from "./test/factories.ts";
import {
  DEMO_LINE,
  linesOf,
  PROCESS_TEST_TIMEOUT,
  READY_LINE,
  RUNNING_LINE,
  runCli,
  type ServeHandle,
  startServe,
  tempDir,
} from "./test/processes.ts";

type SessionBody = {
  user: { id: string; email: string; name: string };
  memberships: { workspace: { id: string; name: string; slug: string }; role: string }[];
  currentWorkspaceId: string | null;
};

async function login(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as SessionBody };
}

const servers: ServeHandle[] = [];
const dirs: string[] = [];

async function serve(env: Record<string, string>): Promise<ServeHandle> {
  const server = await startServe(env);
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("serve on a new embedded data dir (demo on by default)", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let dataDir: string;
  let first: ServeHandle;
  let url: string;
  let demo: { email: string; password: string };
  const signedUp = { email: "survivor@example.test", workspace: "Survivor Cloud" };

  beforeAll(async () => {
    dataDir = tempDir("serve");
    dirs.push(dataDir);
    first = await serve({ ECOSTACK_DATA_DIR: dataDir });
    await first.waitForStdout(READY_LINE);
    const running = first.stdout().match(RUNNING_LINE);
    const login = first.stdout().match(DEMO_LINE);
    url = running?.[1] ?? "";
    demo = { email: login?.[1] ?? "", password: login?.[2] ?? "" };
  }, PROCESS_TEST_TIMEOUT);

  it("prints the URL it listens on and a demo login", () => {
    expect(url).toBe(`http://localhost:${first.port}`);
    expect(first.stdout()).toContain(`(database: embedded PostgreSQL in ${dataDir})`);
    expect(demo.email).toBe(DEMO_EMAIL);
    expect(demo.password.length).toBeGreaterThanOrEqual(10);
    expect(fs.existsSync(path.join(dataDir, "ecostack.lock"))).toBe(true);
  });

  it("lets the printed demo login sign in over HTTP, into Bluefjord Analytics", async () => {
    const { status, body } = await login(url, demo.email, demo.password);
    expect(status).toBe(200);
    expect(body.user.email).toBe(DEMO_EMAIL);
    expect(body.memberships).toEqual([
      { workspace: expect.objectContaining({ name: DEMO_WORKSPACE_NAME }), role: "owner" },
    ]);
    expect(body.currentWorkspaceId).toBe(body.memberships[0]?.workspace.id);
  });

  it("refuses a second server on the same data dir at once, with one line naming the dir", async () => {
    const started = Date.now();
    const second = await runCli(["serve"], {
      ECOSTACK_DATA_DIR: dataDir,
      PORT: String(first.port + 1),
      HOST: "127.0.0.1",
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(linesOf(second.stderr)).toEqual([
      `ecostack: The data directory ${dataDir} is already in use by another Ecostack process (pid ${first.pid}). ` +
        "Stop that process first, or set ECOSTACK_DATA_DIR to another directory.",
    ]);
    // The running server is unharmed.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it("survives kill -9: the next start clears the stale lock, keeps the data and does not re-seed", async () => {
    const signup = await fetch(`${url}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Sam Survivor",
        email: signedUp.email,
        password: TEST_PASSWORD,
        workspaceName: signedUp.workspace,
      }),
    });
    expect(signup.status).toBe(201);

    expect(await first.stop("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    const stale = JSON.parse(fs.readFileSync(path.join(dataDir, "ecostack.lock"), "utf8"));
    expect(stale.pid).toBe(first.pid);

    const restarted = await serve({ ECOSTACK_DATA_DIR: dataDir });
    await restarted.waitForStdout(READY_LINE);
    const again = restarted.stdout().match(DEMO_LINE);
    expect(again?.[1]).toBe(demo.email);
    expect(again?.[2]).toBe(demo.password);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "ecostack.lock"), "utf8"));
    expect(lock.pid).toBe(restarted.pid);

    const restartedUrl = `http://localhost:${restarted.port}`;
    const survivor = await login(restartedUrl, signedUp.email, TEST_PASSWORD);
    expect(survivor.status).toBe(200);
    expect(survivor.body.memberships.map((m) => [m.workspace.name, m.role])).toEqual([
      [signedUp.workspace, "owner"],
    ]);
    const demoAgain = await login(restartedUrl, demo.email, demo.password);
    expect(demoAgain.status).toBe(200);
    expect(demoAgain.body.memberships.map((m) => m.workspace.name)).toEqual([DEMO_WORKSPACE_NAME]);

    // SIGTERM: a clean exit that removes the lock file.
    expect(await restarted.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, "ecostack.lock"))).toBe(false);

    // Exactly the 4 demo users and the one signed up: nothing was seeded twice.
    const database = await openDatabase({ dataDir });
    try {
      expect(await countUsers(database.db)).toBe(5);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dataDir, "ecostack.lock"))).toBe(false);
  });
});

describe("serve with ECOSTACK_DEMO=0", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it("prints no demo login and creates no users", async () => {
    const dataDir = tempDir("nodemo");
    dirs.push(dataDir);
    const server = await serve({ ECOSTACK_DATA_DIR: dataDir, ECOSTACK_DEMO: "0" });
    await server.waitForStdout(READY_LINE);
    expect(server.stdout()).toMatch(RUNNING_LINE);
    expect(server.stdout()).not.toContain("Demo login");
    const demo = await login(`http://localhost:${server.port}`, DEMO_EMAIL, "whatever-password");
    expect(demo.status).toBe(401);
    expect(await server.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, "demo-login.json"))).toBe(false);

    const database = await openDatabase(loadConfig({ ECOSTACK_DATA_DIR: dataDir }));
    try {
      expect(await countUsers(database.db)).toBe(0);
    } finally {
      await database.close();
    }
  });
});
