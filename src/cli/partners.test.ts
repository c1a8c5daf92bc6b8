/**
 * `ecostack partner …` and `ecostack account list` as real child processes, on a fresh embedded
 * data dir (or a throwaway database on TEST_DATABASE_URL). The steps build on each other.
 */
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { createAccount } from "../modules/accounts/service.ts";
import { randomToken } from "../modules/identity/secrets.ts";
import { type CliResult, linesOf, PROCESS_TEST_TIMEOUT, runCli, tempDir } from "../test/processes.ts";

type Target = { env: Record<string, string>; dispose(): Promise<void> };

async function createTarget(): Promise<Target> {
  const dataDir = tempDir("cli-partners");
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return {
      env: { ECOSTACK_DATA_DIR: dataDir },
      async dispose() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `ecostack_cli_partners_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ECOSTACK_DATA_DIR: dataDir },
    async dispose() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function parseJson<T>(result: CliResult): T {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

function failureLine(result: CliResult): string {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  const lines = linesOf(result.stderr);
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

type PartnerJson = {
  id: string;
  name: string;
  domain: string | null;
  layers: string[];
  types: string[];
  lifecycle: string;
};

describe("ecostack partner and account commands", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: Target;
  let workspaceId = "";
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createTarget();
    const user = await cli(
      "user",
      "create",
      "--email",
      "ops@partners.test",
      "--name",
      "Ops",
      "--password",
      "long enough pw",
    );
    expect(user.code, user.stderr).toBe(0);
    const ws = parseJson<{ id: string }>(
      await cli("workspace", "create", "--name", "Partner Co", "--owner", "ops@partners.test", "--json"),
    );
    workspaceId = ws.id;
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await target?.dispose();
  });

  it("creates partners with repeated and comma-separated layers and types", async () => {
    const created = parseJson<PartnerJson>(
      await cli(
        "partner",
        "create",
        "--name",
        "Northwind SI",
        "--website",
        "https://www.northwind.co.uk",
        "--layer",
        "alliance",
        "--layer",
        "reseller_msp",
        "--type",
        "si,Boutique",
        "--lifecycle",
        "active",
        "--json",
      ),
    );
    expect(created).toMatchObject({
      name: "Northwind SI",
      domain: "northwind.co.uk",
      layers: ["reseller_msp", "alliance"],
      types: ["si", "Boutique"],
      lifecycle: "active",
    });
    const human = await cli("partner", "create", "--name", "Cloud Mart", "--layer", "cloud_market");
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(
      /^Created partner [0-9a-f-]{36} {2}Cloud Mart {2}\[Cloud market\] {2}prospect\.\n$/,
    );
  });

  it("lists partners, filtered by layer, as text and JSON", async () => {
    const all = parseJson<PartnerJson[]>(await cli("partner", "list", "--json"));
    expect(all.map((p) => p.name)).toEqual(["Cloud Mart", "Northwind SI"]);
    const alliance = parseJson<PartnerJson[]>(await cli("partner", "list", "--layer", "alliance", "--json"));
    expect(alliance.map((p) => p.name)).toEqual(["Northwind SI"]);
    const text = await cli("partner", "list", "--layer", "cloud_market", "--workspace", workspaceId);
    expect(linesOf(text.stdout)).toEqual([
      expect.stringMatching(/ {2}Cloud Mart {2}\[Cloud market\] {2}prospect$/),
    ]);
  });

  it("refuses bad options with one line naming the option", async () => {
    expect(failureLine(await cli("partner", "create", "--name", "X", "--layer", "telepathy"))).toMatch(
      /^ecostack: --layer: /,
    );
    expect(failureLine(await cli("partner", "create", "--name", "X", "--lifecycle", "retired"))).toMatch(
      /^ecostack: --lifecycle: /,
    );
    expect(failureLine(await cli("partner", "create", "--name", "X", "--website", "not a site"))).toBe(
      "ecostack: --website: is not a website address (for example acme.com)",
    );
    expect(failureLine(await cli("account", "list", "--status", "lead"))).toMatch(/^ecostack: --status: /);
  });

  it("lists accounts, filtered by status", async () => {
    expect((await cli("account", "list")).stdout).toBe("No accounts.\n");
    const config = loadConfig({ ...target.env, ECOSTACK_LOG_LEVEL: "silent" });
    const database = await openDatabase(config);
    try {
      const ctx = { workspaceId, role: "owner" as const, actor: { kind: "cli" as const } };
      await createAccount(database.db, ctx, {
        name: "Orbit Foods",
        website: "orbitfoods.com",
        status: "customer",
      });
      await createAccount(database.db, ctx, { name: "Nordlicht AG", status: "prospect" });
    } finally {
      await database.close();
    }
    const customers = parseJson<{ name: string; domain: string; status: string }[]>(
      await cli("account", "list", "--status", "customer", "--json"),
    );
    expect(customers).toEqual([
      expect.objectContaining({ name: "Orbit Foods", domain: "orbitfoods.com", status: "customer" }),
    ]);
    const text = await cli("account", "list");
    expect(linesOf(text.stdout).map((l) => l.split("  ")[1])).toEqual(["Nordlicht AG", "Orbit Foods"]);
  });
});
