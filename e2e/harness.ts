/**
 * Starts the real Ecostack server (`ecostack serve`) on a free port with a fresh embedded
 * database (or the seeded demo workspace), and a headless Chromium to drive the web app against it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_LINE, RUNNING_LINE, startServe, tempDir } from "../src/test/processes.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");
export const artifactsDir = path.join(repoRoot, "e2e", "artifacts");

export interface ServerHandle {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startServer(): Promise<ServerHandle> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ecostack-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    ECOSTACK_DATA_DIR: dataDir,
    ECOSTACK_DEMO: "0",
    ECOSTACK_LOG_LEVEL: "warn",
  };
  // The suite runs on the embedded database in dataDir, never on a configured server.
  delete env.DATABASE_URL;
  delete env.ECOSTACK_PUBLIC_URL;

  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`ecostack serve exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return { baseUrl, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`ecostack serve did not answer /api/health within 90 s:\n${output}`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 } as const;

export async function newDesktopContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  // Reduced motion makes the app skip transitions, so screenshots never catch one halfway.
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: DESKTOP,
    locale: "en-US",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

export function artifactPath(name: string): string {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, `${name}.png`);
}

/** A running server and a signed-out desktop page on it: what a browser test file starts from. */
export interface AppInBrowser {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The page's uncaught errors, in order; a test asserts there are none. */
  pageErrors: string[];
  /** Closes the browser, stops the server and removes its data. */
  close(): Promise<void>;
}

/** The server with the seeded demo workspace, and the demo login `serve` printed when it seeded it. */
export interface DemoAppInBrowser extends AppInBrowser {
  demoLogin: { email: string; password: string };
}

/** Opens Chromium on `baseUrl`; stops the server when the browser does not come up. */
async function openBrowserOn(baseUrl: string, stopServer: () => Promise<void>): Promise<AppInBrowser> {
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const context = await newDesktopContext(browser, baseUrl);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const opened = browser;
    const close = async () => {
      await opened.close();
      await stopServer();
    };
    return { baseUrl, browser, context, page, pageErrors, close };
  } catch (error) {
    await browser?.close();
    await stopServer();
    throw error;
  }
}

/** The server on a fresh, empty database (no demo) and a page on it. */
export async function openFreshApp(): Promise<AppInBrowser> {
  const server = await startServer();
  return openBrowserOn(server.baseUrl, server.stop);
}

/**
 * The server on a new data directory, which `serve` seeds with the demo workspace, and a page on
 * it, with the demo login it printed. `startTimeoutMs` bounds the wait for the server to listen.
 */
export async function openDemoApp(label: string, startTimeoutMs?: number): Promise<DemoAppInBrowser> {
  const dataDir = tempDir(label);
  const server = await startServe({ ECOSTACK_DATA_DIR: dataDir, ECOSTACK_LOG_LEVEL: "warn" });
  const stopServer = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let demoLogin: DemoAppInBrowser["demoLogin"];
  try {
    await server.waitForStdout(RUNNING_LINE, startTimeoutMs);
    const [, email = "", password = ""] = await server.waitForStdout(DEMO_LINE);
    demoLogin = { email, password };
  } catch (error) {
    await stopServer();
    throw error;
  }
  const app = await openBrowserOn(`http://127.0.0.1:${server.port}`, stopServer);
  return { ...app, demoLogin };
}
