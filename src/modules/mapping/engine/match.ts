/**
 * Account matching: find the same companies (and related ones: subsidiaries, siblings) between two
 * account lists. Pure and deterministic; blocking keeps the number of scored pairs near-linear.
 *
 * Two entry points:
 * - matchAccounts(left, right): a full comparison of two lists.
 * - createMatchIndex(records) + matchAgainstIndex(index, probes): index one side once, then match a
 *   few changed records against it (incremental re-mapping); with `counterpart` (an index over the
 *   probes' whole list) the results equal what a full run gives for those probes.
 */
import {
  type BlockingOptions,
  type CandidatePairs,
  createIndexFromPrepared,
  findCandidates,
  type MatchIndex,
  prepareAll,
  probeKeyIds,
  probeSideCounts,
} from "./blocking.ts";
import { mayMatch } from "./fingerprint.ts";
import { candidatesOfLists } from "./list-join.ts";
import type { MatchRecord, PreparedRecord } from "./prepare.ts";
import { defaultSameThreshold, type MatchKind, scorePair } from "./score.ts";

export type { MatchIndex } from "./blocking.ts";
export type { MatchRecord, PreparedRecord } from "./prepare.ts";
export { prepareRecord } from "./prepare.ts";
export { defaultSameThreshold, type MatchKind, scorePair } from "./score.ts";

export interface Match {
  leftId: string;
  rightId: string;
  score: number;
  kind: MatchKind;
  evidence: string[];
}

export interface MatchOptions extends BlockingOptions {
  /** Minimum score for "same"; the default was chosen on the SEC/exchange regression set for precision. */
  sameThreshold?: number;
}

export interface IndexMatchOptions extends MatchOptions {
  /** Index over the probes' whole list: block sizes are read from it so caps equal a full run's. */
  counterpart?: MatchIndex;
}

export interface MatchResult {
  same: Match[];
  related: Match[];
}

/** Index one side's records for repeated matching. */
export function createMatchIndex(records: readonly MatchRecord[]): MatchIndex {
  return createIndexFromPrepared(prepareAll(records));
}

/**
 * Score candidate pairs; matches come in probe order, each probe's sorted by the indexed id. With
 * both lists' fingerprints (candidatesOfLists) plainly different pairs are skipped before scorePair.
 */
export function scoreCandidates(
  probes: readonly PreparedRecord[],
  index: Pick<MatchIndex, "records">,
  candidates: CandidatePairs,
  sameThreshold = defaultSameThreshold,
  fingerprints?: { probes: Int32Array; targets: Int32Array },
): MatchResult {
  const same: Match[] = [];
  const related: Match[] = [];
  let sameFrom = 0;
  let relatedFrom = 0;
  const byRightId = (x: Match, y: Match) => (x.rightId < y.rightId ? -1 : x.rightId > y.rightId ? 1 : 0);
  const sortRun = (list: Match[], from: number) => {
    if (list.length - from > 1) {
      const run = list.slice(from).sort(byRightId);
      for (let i = 0; i < run.length; i += 1) list[from + i] = run[i] as Match;
    }
  };
  const { probe, target } = candidates;
  for (let c = 0; c < candidates.length; c += 1) {
    const p = probe[c] ?? 0;
    if (c > 0 && probe[c - 1] !== p) {
      sortRun(same, sameFrom);
      sortRun(related, relatedFrom);
      sameFrom = same.length;
      relatedFrom = related.length;
    }
    const t = target[c] ?? 0;
    if (fingerprints && !mayMatch(fingerprints.probes, p, fingerprints.targets, t, sameThreshold)) continue;
    const a = probes[p] as PreparedRecord;
    const b = index.records[t] as PreparedRecord;
    const scored = scorePair(a, b, sameThreshold);
    if (scored === null) continue;
    const match: Match = {
      leftId: a.id,
      rightId: b.id,
      score: scored.score,
      kind: scored.kind,
      evidence: scored.evidence,
    };
    (scored.kind === "same" ? same : related).push(match);
  }
  sortRun(same, sameFrom);
  sortRun(related, relatedFrom);
  return { same, related };
}

function matchPrepared(
  index: MatchIndex,
  probes: readonly PreparedRecord[],
  options: IndexMatchOptions,
): MatchResult {
  const keys = probeKeyIds(index, probes);
  const counts = probeSideCounts(index, keys, options.counterpart);
  const candidates = findCandidates(index, probes.length, keys, counts, options);
  return scoreCandidates(probes, index, candidates, options.sameThreshold);
}

/** Match probe records against an index (leftId = probe id, rightId = indexed id). */
export function matchAgainstIndex(
  index: MatchIndex,
  probes: readonly MatchRecord[],
  options: IndexMatchOptions = {},
): MatchResult {
  return matchPrepared(index, prepareAll(probes), options);
}

/**
 * Every left × right pair that is the same company (score ≥ threshold) or related (a subsidiary or a
 * sibling). Not forced one-to-one: duplicates within a side all match, and adding records that share
 * no blocking key with existing ones never changes existing results.
 */
export function matchAccounts(
  left: readonly MatchRecord[],
  right: readonly MatchRecord[],
  options: MatchOptions = {},
): MatchResult {
  return matchPreparedLists(prepareAll(left), prepareAll(right), options);
}

/** matchAccounts over records already prepared (a caller that keeps them, e.g. for re-mapping). */
export function matchPreparedLists(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  options: MatchOptions = {},
): MatchResult {
  const { candidates, fingerprints } = candidatesOfLists(left, right, options);
  return scoreCandidates(left, { records: right }, candidates, options.sameThreshold, fingerprints);
}
