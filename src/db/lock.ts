/**
 * An exclusive lock on an embedded data directory. PGlite does not lock its data dir and two
 * processes opening it corrupt it, so the first process writes its pid into a lock file created
 * with O_EXCL; a second process fails at once. A lock left by a process that no longer exists
 * (kill -9, power loss) is detected and cleared.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another Ecostack process (pid ${pid}). ` +
        "Stop that process first, or set ECOSTACK_DATA_DIR to another directory.",
    );
  }
}

type LockInfo = { pid: number; hostname: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockInfo>;
    if (typeof info.pid === "number" && typeof info.hostname === "string") return info as LockInfo;
  } catch {
    // unreadable or half-written lock: treated as stale below
  }
  return undefined;
}

export type DataDirLock = { file: string; release(): void };

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "ecostack.lock");
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          const current = readLock(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const sameHost = holder?.hostname === os.hostname();
      if (holder && sameHost && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      if (holder && !sameHost) throw new DataDirLockedError(dataDir, holder.pid);
      // Stale: the process that held it is gone. Clear and retry once.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
