/**
 * `ecostack partner …` and `ecostack account list` as real child processes, on a fresh embedded
 * data dir (or a throwaway database on TEST_DATABASE_URL). The steps build on each other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../modules/accounts/service.ts";
import {
  type CliTarget,
  cliOwnerContext,
  createCliTarget,
  createOwnedWorkspace,
  failureLine,
  parseJson,
} from "../test/cli.ts";
import { linesOf, PROCESS_TEST_TIMEOUT, runCli } from "../test/processes.ts";

type PartnerJson = {
  id: string;
  name: string;
  domain: string | null;
  layers: string[];
  types: string[];
  lifecycle: string;
};

describe("ecostack partner and account commands", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let target: CliTarget;
  let workspaceId = "";
  const cli = (...args: string[]) => runCli(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget("cli-partners");
    workspaceId = await createOwnedWorkspace(cli, { email: "ops@partners.test", workspace: "Partner Co" });
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
    const database = await target.open();
    try {
      const ctx = cliOwnerContext(workspaceId);
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
