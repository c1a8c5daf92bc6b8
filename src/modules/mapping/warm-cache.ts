/**
 * The per-process store of warm indexes (warm-index.ts): one entry per partner, both sides as of a
 * completed run. An entry is only trusted when the partner's stored mapping state (`mappedAt` and
 * settings) is the one it reflects: a restart, another process mapping the partner, or a settings
 * change leave it cold, and the caller goes the cold way (reading both lists), which fills it again.
 * Bounded by ECOSTACK_MAPPING_CACHE_RECORDS records in all (least recently used partner dropped first).
 */
import type { WarmSide } from "./warm-index.ts";

/** Records (both sides, every cached partner) kept at most, unless ECOSTACK_MAPPING_CACHE_RECORDS says otherwise. */
export const defaultWarmIndexRecords = 2_000_000;

/** Records cached at most, from ECOSTACK_MAPPING_CACHE_RECORDS (0 turns the cache off). */
export function warmIndexLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ECOSTACK_MAPPING_CACHE_RECORDS;
  if (raw === undefined || raw.trim() === "") return defaultWarmIndexRecords;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`ECOSTACK_MAPPING_CACHE_RECORDS must be a whole number ≥ 0 (got "${raw}")`);
  return value;
}

/** Both sides of one partner's mapping as of `mappedAt` with these engine settings. */
export type WarmEntry = {
  workspaceId: string;
  partnerId: string;
  /** The stored mapping state this reflects: `mappedAt` text and the settings as JSON. */
  mappedAt: string;
  settings: string;
  vendor: WarmSide;
  partner: WarmSide;
};

const entries = new Map<string, WarmEntry>();
const entryKey = (workspaceId: string, partnerId: string) => `${workspaceId}|${partnerId}`;
/**
 * Records an entry counts against the limit: the sides' current records. Tombstoned base records
 * stay in memory until the side is compacted (at most `rebuildShare` of it, warm-index.ts) and are not counted, so
 * that a partner whose lists fit keeps fitting after a re-map that changed some records.
 */
const heldBy = (entry: WarmEntry) => entry.vendor.size + entry.partner.size;

/**
 * Removes and returns the partner's entry: a run owns it while it works (a second run of the same
 * partner at once finds none and goes the cold way) and gives it back with `keepWarmIndex`.
 */
export function takeWarmIndex(workspaceId: string, partnerId: string): WarmEntry | undefined {
  const key = entryKey(workspaceId, partnerId);
  const entry = entries.get(key);
  entries.delete(key);
  return entry;
}

/** Whether a side pair of these sizes may be cached at all. */
export function fitsWarmIndex(records: number): boolean {
  const limit = warmIndexLimit();
  return limit > 0 && records <= limit;
}

/** Stores the entry as the most recently used, dropping least recently used ones over the limit. */
export function keepWarmIndex(entry: WarmEntry): void {
  const limit = warmIndexLimit();
  const key = entryKey(entry.workspaceId, entry.partnerId);
  entries.delete(key);
  if (limit === 0 || heldBy(entry) > limit) return;
  let total = heldBy(entry);
  for (const other of entries.values()) total += heldBy(other);
  for (const [otherKey, other] of entries) {
    if (total <= limit) break;
    entries.delete(otherKey);
    total -= heldBy(other);
  }
  entries.set(key, entry);
}

/** Drops every entry (the next re-map of each partner goes the cold way). */
export function clearWarmIndexes(): void {
  entries.clear();
}

/** Records held now, in all entries. */
export function warmIndexRecords(): number {
  let total = 0;
  for (const entry of entries.values()) total += heldBy(entry);
  return total;
}
