import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../test/processes.ts";
import { DataDirLockedError, lockDataDir } from "./lock.ts";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = tempDir("lock");
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const lockFile = (dir: string) => path.join(dir, "ecostack.lock");
const readLockFile = (dir: string): { pid: number; hostname: string; startedAt: string } =>
  JSON.parse(fs.readFileSync(lockFile(dir), "utf8"));

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** Another process that takes the lock with the real lockDataDir and holds it until SIGTERM. */
async function lockInChild(dir: string): Promise<ChildProcess> {
  const source = [
    'import { lockDataDir } from "./src/db/lock.ts";',
    "const lock = lockDataDir(process.argv[1]);",
    'process.on("SIGTERM", () => { lock.release(); process.exit(0); });',
    "setInterval(() => {}, 1000);",
    'process.stdout.write("locked\\n");',
  ].join("\n");
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", source, dir], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("locked\n")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`lock holder exited (${code}) early:\n${output}`)));
  });
  return child;
}

/** The pid of a process that has run and exited (so no live process holds it, barring reuse). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn");
  const { code } = await waitForExit(child);
  expect(code).toBe(0);
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe("lockDataDir", () => {
  it("creates the directory and writes this process's pid and host into ecostack.lock", () => {
    const dir = path.join(freshDir(), "nested", "data");
    const lock = lockDataDir(dir);
    expect(lock.file).toBe(lockFile(dir));
    const info = readLockFile(dir);
    expect(info.pid).toBe(process.pid);
    expect(info.hostname).toBe(os.hostname());
    expect(Number.isNaN(Date.parse(info.startedAt))).toBe(false);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a second lock while another live process holds the directory, naming its pid", async () => {
    const dir = freshDir();
    const holder = await lockInChild(dir);
    expect(readLockFile(dir).pid).toBe(holder.pid);

    let caught: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    const locked = caught as DataDirLockedError;
    expect(locked.pid).toBe(holder.pid);
    expect(locked.dataDir).toBe(dir);
    expect(locked.message).toBe(
      `The data directory ${dir} is already in use by another Ecostack process (pid ${holder.pid}). ` +
        "Stop that process first, or set ECOSTACK_DATA_DIR to another directory.",
    );
    expect(locked.message).not.toContain("\n");
    // The failed attempt left the holder's lock untouched.
    expect(readLockFile(dir).pid).toBe(holder.pid);

    // Once the holder releases the lock and exits, the directory can be locked here.
    holder.kill("SIGTERM");
    expect(await waitForExit(holder)).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    const lock = lockDataDir(dir);
    expect(readLockFile(dir).pid).toBe(process.pid);
    lock.release();
  });

  it("makes another process fail while this process holds the lock", async () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        [
          'import { DataDirLockedError, lockDataDir } from "./src/db/lock.ts";',
          "try { lockDataDir(process.argv[1]); process.stdout.write('acquired'); }",
          "catch (e) { process.stdout.write(e instanceof DataDirLockedError ? 'locked by ' + e.pid : String(e)); }",
        ].join("\n"),
        dir,
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    expect(await waitForExit(child)).toEqual({ code: 0, signal: null });
    expect(output).toBe(`locked by ${process.pid}`);
    expect(readLockFile(dir).pid).toBe(process.pid);
    lock.release();
  });

  it("can be locked again after release, and release is idempotent", () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    first.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    const second = lockDataDir(dir);
    expect(readLockFile(dir).pid).toBe(process.pid);
    // Releasing the first lock again must not remove the second one.
    first.release();
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    second.release();
    second.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("clears a lock left by a process that no longer exists (kill -9, power loss) and acquires it", async () => {
    const dir = freshDir();
    const pid = await deadPid();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid, hostname: os.hostname(), startedAt: new Date(0).toISOString() }),
    );
    const lock = lockDataDir(dir);
    const info = readLockFile(dir);
    expect(info.pid).toBe(process.pid);
    expect(info.pid).not.toBe(pid);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it.each([
    ["garbage", "this is not a lock {"],
    ["empty (half-written)", ""],
    ["JSON without a pid", JSON.stringify({ hostname: os.hostname() })],
  ])("treats a %s lock file as stale", (_label, content) => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), content);
    const lock = lockDataDir(dir);
    expect(readLockFile(dir).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("does not clear a lock recorded on another host, whose pid cannot be checked from here", () => {
    const dir = freshDir();
    const foreign = { pid: 4242, hostname: `not-${os.hostname()}`, startedAt: new Date().toISOString() };
    fs.writeFileSync(lockFile(dir), JSON.stringify(foreign));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/already in use by an Ecostack process \(pid 4242\) on host not-/);
    expect(readLockFile(dir)).toEqual(foreign);
  });
});

describe("within one process", () => {
  it("refuses a second lock of the same dir", () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      first.release();
    }
  });
});
