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
    readonly hostname?: string,
  ) {
    super(
      hostname
        ? `The data directory ${dataDir} is already in use by an Ecostack process (pid ${pid}) on host ${hostname}. ` +
            `If that process is gone, delete ${path.join(dataDir, "ecostack.lock")}.`
        : `The data directory ${dataDir} is already in use by another Ecostack process (pid ${pid}). ` +
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

/** Lock files this process holds: opening the same data dir twice in one process is refused too. */
const heldHere = new Set<string>();

/** Create the lock file with its content in one step (write a temp file, then hard-link it). */
function createExclusively(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, content);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), "ecostack.lock");
  if (heldHere.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusively(file, JSON.stringify(info))) {
      heldHere.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          const current = readLock(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    }
    const holder = readLock(file);
    if (holder && holder.hostname !== os.hostname()) {
      throw new DataDirLockedError(dataDir, holder.pid, holder.hostname);
    }
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    // Stale: the process that held it is gone (or it is our own pid from a previous life,
    // as for pid 1 in a restarted container). Clear and retry once.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
