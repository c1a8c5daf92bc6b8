/** The `ecostack` commands. Each command parses its options, then calls the same service as the API. */
import { Command, Option } from "commander";
import { ZodError } from "zod";
import { ConfigError, loadConfig } from "../config.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { apiKeyRoles, vendorRoles } from "../http/policy.ts";
import { createApiKey } from "../modules/apikeys/service.ts";
import { seedDemo } from "../modules/demo/seed.ts";
import {
  emailSchema,
  passwordSchema,
  personNameSchema,
  workspaceNameSchema,
} from "../modules/identity/schemas.ts";
import { randomToken } from "../modules/identity/secrets.ts";
import { createUser, findUserByEmail } from "../modules/identity/service.ts";
import { addMember, createWorkspace, listAllWorkspaces } from "../modules/workspaces/service.ts";
import { startServer } from "../server.ts";
import { registerAccountCommands } from "./accounts.ts";
import { registerAuditCommands } from "./audit.ts";
import { CliError, cliContext, describeError, print, resolveWorkspace, withDatabase } from "./context.ts";
import { registerExportCommands } from "./exports.ts";
import { registerIcpCommands } from "./icps.ts";
import { registerImportCommands } from "./imports.ts";
import { registerJobCommands } from "./jobs.ts";
import { registerMappingCommands } from "./mapping.ts";
import { registerPartnerCommands } from "./partners.ts";
import { registerStackCommands } from "./stack.ts";

function parseWith<T>(schema: { parse(v: unknown): T }, option: string, value: unknown): T {
  try {
    return schema.parse(value);
  } catch (error) {
    if (error instanceof ZodError)
      throw new CliError(`--${option}: ${error.issues[0]?.message ?? "is invalid"}`);
    throw error;
  }
}

export function buildCli(): Command {
  const program = new Command("ecostack")
    .description("Ecostack: design and run your partner ecosystem.")
    // Usage errors follow the CLI rule too: one line, prefixed, non-zero exit.
    .configureOutput({
      outputError: (str, write) => write(`ecostack: ${str.replace(/^error: /, "").trimEnd()}\n`),
    });

  program
    .command("serve")
    .description("Start the server (API and web app) on PORT (default 3000)")
    .action(async () => {
      await startServer(loadConfig());
    });

  program
    .command("migrate")
    .description("Apply database migrations and exit")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        print(
          !!opts.json,
          { migrated: true, database: database.location },
          `Migrations applied to ${database.location}.`,
        );
      });
    });

  const user = program.command("user").description("Manage users");
  user
    .command("create")
    .description("Create a user (and add them to a workspace with --workspace and --role)")
    .requiredOption("--email <email>", "e-mail address (login)")
    .requiredOption("--name <name>", "full name")
    .option("--password <password>", "password (at least 10 characters; generated and printed when omitted)")
    .option("--workspace <ref>", "workspace name or id to join")
    .addOption(new Option("--role <role>", "role in the workspace").choices(vendorRoles).default("viewer"))
    .option("--json", "print JSON")
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        workspace?: string;
        role: (typeof vendorRoles)[number];
        json?: boolean;
      }) => {
        const email = parseWith(emailSchema, "email", opts.email);
        const name = parseWith(personNameSchema, "name", opts.name);
        const generated = opts.password === undefined;
        const password = parseWith(passwordSchema, "password", opts.password ?? `pw-${randomToken(12)}`);
        await withDatabase(async (database) => {
          const created = await createUser(database.db, { email, name, password });
          let workspace: { id: string; name: string } | undefined;
          if (opts.workspace) {
            const ws = await resolveWorkspace(database, opts.workspace);
            await addMember(database.db, ws.id, created.id, opts.role);
            workspace = { id: ws.id, name: ws.name };
          }
          const data = {
            id: created.id,
            email,
            name,
            ...(generated ? { password } : {}),
            workspace,
            role: workspace ? opts.role : undefined,
          };
          const human = `Created user ${email}${generated ? ` with password ${password}` : ""}${workspace ? ` as ${opts.role} of ${workspace.name}` : ""}.`;
          print(!!opts.json, data, human);
        });
      },
    );

  const workspace = program.command("workspace").description("Manage workspaces");
  workspace
    .command("create")
    .description("Create a workspace owned by an existing user")
    .requiredOption("--name <name>", "workspace name (usually the vendor's company name)")
    .requiredOption("--owner <email>", "e-mail of the user who will own it")
    .option("--json", "print JSON")
    .action(async (opts: { name: string; owner: string; json?: boolean }) => {
      const name = parseWith(workspaceNameSchema, "name", opts.name);
      const ownerEmail = parseWith(emailSchema, "owner", opts.owner);
      await withDatabase(async (database) => {
        const owner = await findUserByEmail(database.db, ownerEmail);
        if (!owner)
          throw new CliError(
            `--owner: no user with e-mail ${ownerEmail} (create one with: ecostack user create)`,
          );
        const ws = await createWorkspace(database.db, { name, ownerUserId: owner.id });
        print(
          !!opts.json,
          { id: ws.id, name: ws.name, slug: ws.slug, owner: ownerEmail },
          `Created workspace ${ws.name} (${ws.id}).`,
        );
      });
    });
  workspace
    .command("list")
    .description("List workspaces")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const all = await listAllWorkspaces(database.db);
        const rows = all.map((w) => ({ id: w.id, name: w.name, slug: w.slug }));
        print(!!opts.json, rows, rows.map((w) => `${w.id}  ${w.name}`).join("\n") || "No workspaces.");
      });
    });

  const apikey = program.command("apikey").description("Manage workspace API keys");
  apikey
    .command("create")
    .description("Create an API key; the secret is printed once")
    .requiredOption("--name <name>", "what the key is for")
    .addOption(new Option("--role <role>", "role of the key").choices(apiKeyRoles).default("admin"))
    .option("--workspace <ref>", "workspace name or id (needed when there are several)")
    .option("--json", "print JSON")
    .action(
      async (opts: {
        name: string;
        role: (typeof apiKeyRoles)[number];
        workspace?: string;
        json?: boolean;
      }) => {
        await withDatabase(async (database) => {
          const ws = await resolveWorkspace(database, opts.workspace);
          const { apiKey, secret } = await createApiKey(database.db, cliContext(ws), {
            name: opts.name,
            role: opts.role,
          });
          print(
            !!opts.json,
            {
              id: apiKey.id,
              name: apiKey.name,
              role: apiKey.role,
              prefix: apiKey.prefix,
              workspaceId: ws.id,
              secret,
            },
            `API key "${apiKey.name}" (${apiKey.role}) for ${ws.name}:\n${secret}\nStore it now: it will not be shown again.`,
          );
        });
      },
    );

  program
    .command("demo")
    .description("Seed the demo workspace with a user for each role")
    .option("--password <password>", "password for the demo users (generated when omitted)")
    .option("--json", "print JSON")
    .action(async (opts: { password?: string; json?: boolean }) => {
      const password =
        opts.password === undefined ? undefined : parseWith(passwordSchema, "password", opts.password);
      await withDatabase(async (database) => {
        const login = await seedDemo(database.db, password);
        print(
          !!opts.json,
          {
            workspace: { id: login.workspace.id, name: login.workspace.name },
            email: login.email,
            password: login.password,
            users: login.users,
          },
          `Seeded ${login.workspace.name}. Sign in as ${login.email} / ${login.password}\n` +
            login.users.map((u) => `  ${u.email} (${u.role})`).join("\n"),
        );
      });
    });

  registerPartnerCommands(program);
  registerAccountCommands(program);
  registerStackCommands(program);
  // After the stack commands: entity exports join their `export` group.
  registerExportCommands(program);
  registerAuditCommands(program);
  registerJobCommands(program);
  registerIcpCommands(program);
  registerImportCommands(program);
  registerMappingCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    const known =
      error instanceof CliError || error instanceof ConfigError || error instanceof DataDirLockedError;
    process.stderr.write(`ecostack: ${describeError(error)}\n`);
    if (!known && process.env.ECOSTACK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
