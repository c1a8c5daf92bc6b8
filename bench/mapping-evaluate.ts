/**
 * Ground truth for the mapping benchmark (truth.csv from the generator) and the measures computed
 * against it: precision / recall / F1 of "same" and "related" pairs, blocking recall and the
 * overlap matrix by status. Pair counts are derived per entity group, never by listing all pairs.
 */
import { readCsvRows } from "./mapping-csv.ts";

export interface Truth {
  entityOf: Map<string, number>;
  parentOf: Map<number, number>;
  /** Row ids per entity on each side. */
  vendorRows: Map<number, string[]>;
  partnerRows: Map<number, string[]>;
  sameTotal: number;
  relatedTotal: number;
}

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  found: number;
  correct: number;
  expected: number;
}

export function readTruth(path: string): Truth {
  const entityOf = new Map<string, number>();
  const parentOf = new Map<number, number>();
  const vendorRows = new Map<number, string[]>();
  const partnerRows = new Map<number, string[]>();
  let header = true;
  readCsvRows(path, ([side = "", id = "", entity = "", parent = ""]) => {
    if (header) {
      header = false;
      return;
    }
    const entityId = Number(entity);
    entityOf.set(id, entityId);
    if (parent !== "") parentOf.set(entityId, Number(parent));
    const rows = side === "vendor" ? vendorRows : partnerRows;
    const list = rows.get(entityId);
    if (list) list.push(id);
    else rows.set(entityId, [id]);
  });
  let sameTotal = 0;
  for (const [entity, vendor] of vendorRows)
    sameTotal += vendor.length * (partnerRows.get(entity)?.length ?? 0);
  // A group is a parent with its children: every cross-side pair inside a group, minus same-entity pairs.
  const groups = new Map<number, number[]>();
  const groupOf = (entity: number) => parentOf.get(entity) ?? entity;
  for (const entity of new Set([...vendorRows.keys(), ...partnerRows.keys()])) {
    const group = groups.get(groupOf(entity));
    if (group) group.push(entity);
    else groups.set(groupOf(entity), [entity]);
  }
  let relatedTotal = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let vendor = 0;
    let partner = 0;
    let sameInGroup = 0;
    for (const entity of members) {
      const v = vendorRows.get(entity)?.length ?? 0;
      const p = partnerRows.get(entity)?.length ?? 0;
      vendor += v;
      partner += p;
      sameInGroup += v * p;
    }
    relatedTotal += vendor * partner - sameInGroup;
  }
  return { entityOf, parentOf, vendorRows, partnerRows, sameTotal, relatedTotal };
}

export function isSame(truth: Truth, vendorId: string, partnerId: string): boolean {
  const a = truth.entityOf.get(vendorId);
  return a !== undefined && a === truth.entityOf.get(partnerId);
}

export function isRelated(truth: Truth, vendorId: string, partnerId: string): boolean {
  const a = truth.entityOf.get(vendorId);
  const b = truth.entityOf.get(partnerId);
  if (a === undefined || b === undefined || a === b) return false;
  const parentA = truth.parentOf.get(a);
  const parentB = truth.parentOf.get(b);
  return parentA === b || parentB === a || (parentA !== undefined && parentA === parentB);
}

export function quality(found: number, correct: number, expected: number): Quality {
  const precision = found === 0 ? 1 : correct / found;
  const recall = expected === 0 ? 1 : correct / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Number(x.toFixed(4));
  return { precision: r(precision), recall: r(recall), f1: r(f1), found, correct, expected };
}

export function evaluatePairs(
  truth: Truth,
  pairs: Iterable<{ leftId: string; rightId: string }>,
  relation: "same" | "related",
): Quality {
  const check = relation === "same" ? isSame : isRelated;
  let found = 0;
  let correct = 0;
  for (const pair of pairs) {
    found += 1;
    if (check(truth, pair.leftId, pair.rightId)) correct += 1;
  }
  return quality(found, correct, relation === "same" ? truth.sameTotal : truth.relatedTotal);
}

/**
 * Share of true same pairs that blocking put into the candidate list. Candidates come grouped by
 * probe (vendor row), so each true pair is looked up within its probe's short run.
 */
export function blockingRecall(
  truth: Truth,
  vendorIndex: Map<string, number>,
  partnerIndex: Map<string, number>,
  candidates: { probe: Int32Array; target: Int32Array; length: number },
): number {
  const runStart = new Map<number, [number, number]>();
  for (let c = 0; c < candidates.length; ) {
    const p = candidates.probe[c] ?? 0;
    let end = c;
    while (end < candidates.length && candidates.probe[end] === p) end += 1;
    runStart.set(p, [c, end]);
    c = end;
  }
  let covered = 0;
  for (const [entity, vendorIds] of truth.vendorRows) {
    const partnerIds = truth.partnerRows.get(entity);
    if (!partnerIds) continue;
    for (const vendorId of vendorIds) {
      const run = runStart.get(vendorIndex.get(vendorId) ?? -1);
      if (!run) continue;
      for (const partnerId of partnerIds) {
        const target = partnerIndex.get(partnerId) ?? -1;
        for (let c = run[0]; c < run[1]; c += 1)
          if (candidates.target[c] === target) {
            covered += 1;
            break;
          }
      }
    }
  }
  return truth.sameTotal === 0 ? 1 : Number((covered / truth.sameTotal).toFixed(4));
}

/** True and found "same" pairs per (vendor status, partner status) cell. */
export function overlapMatrix(
  truth: Truth,
  statusOf: Map<string, string>,
  found: Iterable<{ leftId: string; rightId: string }>,
): Array<{ vendorStatus: string; partnerStatus: string; expected: number; found: number }> {
  const cells = new Map<string, { expected: number; found: number }>();
  const cell = (v: string, p: string) => {
    const key = `${v}|${p}`;
    let entry = cells.get(key);
    if (!entry) {
      entry = { expected: 0, found: 0 };
      cells.set(key, entry);
    }
    return entry;
  };
  for (const [entity, vendorIds] of truth.vendorRows)
    for (const partnerId of truth.partnerRows.get(entity) ?? [])
      for (const vendorId of vendorIds)
        cell(statusOf.get(vendorId) ?? "", statusOf.get(partnerId) ?? "").expected += 1;
  for (const pair of found)
    cell(statusOf.get(pair.leftId) ?? "", statusOf.get(pair.rightId) ?? "").found += 1;
  return [...cells.entries()]
    .map(([key, value]) => {
      const [vendorStatus = "", partnerStatus = ""] = key.split("|");
      return { vendorStatus, partnerStatus, ...value };
    })
    .sort((a, b) => (a.vendorStatus + a.partnerStatus < b.vendorStatus + b.partnerStatus ? -1 : 1));
}
