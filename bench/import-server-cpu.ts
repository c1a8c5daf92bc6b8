/**
 * CPU seconds spent by the PostgreSQL backends serving one database, read from /proc (a local
 * server on Linux; elsewhere it reports null). On a shared machine wall-clock rows/s swing with
 * the load; rows per CPU second of client + server is the steadier figure to compare an import
 * with COPY. Backends are sampled every 200 ms, so one that exits early still counts.
 */
import { readdirSync, readFileSync } from "node:fs";

const ticksPerSecond = 100;

function backendsOf(database: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      // Backend titles read "postgres: 15/main: USER DATABASE HOST(PORT) STATE".
      if (!title.startsWith("postgres:") || !title.includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks;
}

export class ServerCpuMeter {
  private readonly database: string;
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly supported: boolean;

  constructor(database: string) {
    this.database = database;
    this.supported = process.platform === "linux";
    if (!this.supported) return;
    for (const [pid, ticks] of backendsOf(database)) {
      this.start.set(pid, ticks);
      this.last.set(pid, ticks);
    }
    this.timer = setInterval(() => this.sample(), 200);
  }

  private sample(): void {
    for (const [pid, ticks] of backendsOf(this.database)) {
      if (!this.start.has(pid)) this.start.set(pid, 0);
      this.last.set(pid, ticks);
    }
  }

  /** CPU seconds since the meter was made, or null when /proc cannot tell. */
  stop(): number | null {
    if (this.timer) clearInterval(this.timer);
    if (!this.supported) return null;
    this.sample();
    let ticks = 0;
    for (const [pid, last] of this.last) ticks += last - (this.start.get(pid) ?? 0);
    return ticks / ticksPerSecond;
  }
}
