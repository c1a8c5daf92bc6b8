/**
 * Runs the real `ecostack` command line as child processes (`node --import tsx src/cli/main.ts …`)
 * for the CLI and server tests: one-shot commands, and `serve` with its printed output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Per-test timeout of the process tests: a command takes 1–3 s and a first start of the embedded
 * database 5–10 s on an idle machine, several times that on a busy one.
 */
export const PROCESS_TEST_TIMEOUT = 180_000;

/** A fresh, empty directory under the OS temp dir; the caller removes it. */
export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ecostack-${label}-`));
}

/**
 * The environment of a child: this process's, without anything that would point it at another
 * database or change its behaviour, plus `overrides`. Logs are limited to warnings so stdout
 * carries what the command prints for people.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("ECOSTACK_") || name === "DATABASE_URL" || name === "PORT" || name === "HOST") {
      delete env[name];
    }
  }
  return { ...env, ECOSTACK_LOG_LEVEL: "warn", ...overrides };
}

export type CliResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs one command to completion. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`ecostack ${args.join(" ")} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The lines a command wrote to a stream, without the final newline's empty remainder. */
export function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export async function freePort(): Promise<number> {
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

export type ServeHandle = {
  child: ChildProcess;
  pid: number;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stdout matches, rejects when the process exits first or on timeout. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends a signal (SIGTERM by default) and waits for the exit; SIGKILL after 15 s. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `ecostack serve` on a free port of 127.0.0.1; `env` names the database (data dir or URL). */
export async function startServe(env: Record<string, string>): Promise<ServeHandle> {
  const port = await freePort();
  const child = spawnCli(["serve"], { PORT: String(port), HOST: "127.0.0.1", ...env });
  if (child.pid === undefined) throw new Error("ecostack serve did not start");
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    notify();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve({ code, signal });
      notify();
    });
  });

  const waitForStdout = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) {
          done();
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(
            new Error(
              `ecostack serve exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${stdout}\n${stderr}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`ecostack serve did not print ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    }
    return exited;
  };

  return {
    child,
    pid: child.pid,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForStdout,
    stop,
  };
}

/** What `serve` prints once it listens: the URL, and the demo login when there is one. */
export const RUNNING_LINE = /Ecostack is running at (http:\/\/\S+)/;
export const READY_LINE = /Press Ctrl\+C to stop\./;
export const DEMO_LINE = /Demo login: (\S+) \/ (\S+)/;
