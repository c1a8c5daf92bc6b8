/** The mapping run on the database: full and incremental re-maps, deletes, the job, cancel and resume. */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { accounts } from "../accounts/tables.ts";
import { runJob } from "../jobs/run.ts";
import { cancelJob, getJob } from "../jobs/service.ts";
import { partnerAccounts } from "../partners/tables.ts";
import { enqueueMapping, MAPPING_RUN } from "./job.ts";
import { mapPartner } from "./run.ts";
import { readSide } from "./sources.ts";
import { accountMatches, partnerMappingState } from "./tables.ts";
import { type MappingWorld, makeMappingWorld } from "./test-world.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;

async function storedMatches(partnerId: string) {
  return db()
    .select()
    .from(accountMatches)
    .where(eq(accountMatches.partnerId, partnerId))
    .orderBy(asc(accountMatches.accountId), asc(accountMatches.partnerAccountId));
}

const pairsOf = (rows: Awaited<ReturnType<typeof storedMatches>>) =>
  rows.map((r) => ({
    accountId: r.accountId,
    partnerAccountId: r.partnerAccountId,
    kind: r.kind,
    score: r.score,
    evidence: r.evidence,
  }));

describe("mapPartner", () => {
  let w: MappingWorld;
  beforeAll(async () => {
    w = await makeMappingWorld(db());
  });

  it("maps in full the first time and stores overlaps with their evidence", async () => {
    const result = await mapPartner(db(), w.ctx, w.partner.id);
    expect(result).toMatchObject({
      vendorAccounts: 7,
      partnerAccounts: 7,
      changedVendor: 7,
      changedPartner: 7,
      same: 4,
      related: 1,
      full: true,
    });
    expect(Object.keys(result.phasesMs)).toEqual(expect.arrayContaining(["read", "match", "write"]));
    const rows = await storedMatches(w.partner.id);
    const byPair = new Map(rows.map((r) => [`${r.accountId}|${r.partnerAccountId}`, r]));
    expect(byPair.get(`${w.vendor.get("acme")}|${w.theirs.get("acme")}`)).toMatchObject({
      kind: "same",
      score: 1,
      evidence: ["same domain acme-robotics.de", "name 1.00", "country DE"],
    });
    expect(byPair.get(`${w.vendor.get("fjord")}|${w.theirs.get("fjordSub")}`)).toMatchObject({
      kind: "related",
    });
    // Delta Air Lines is not Delta Faucet.
    expect(rows.some((r) => r.accountId === w.vendor.get("delta"))).toBe(false);
    const [state] = await db()
      .select()
      .from(partnerMappingState)
      .where(eq(partnerMappingState.partnerId, w.partner.id));
    expect(state?.mappedAt).toBeInstanceOf(Date);
    expect(state?.settings).toMatchObject({ engine: expect.any(String), sameThreshold: expect.any(Number) });
  });

  it("re-maps incrementally: nothing changed touches nothing", async () => {
    const before = await storedMatches(w.partner.id);
    const result = await mapPartner(db(), w.ctx, w.partner.id);
    expect(result).toMatchObject({ full: false, changedVendor: 0, changedPartner: 0, same: 4, related: 1 });
    expect(await storedMatches(w.partner.id)).toEqual(before);
  });

  it("re-maps only a changed partner record, leaving every other overlap row as it was", async () => {
    const before = await storedMatches(w.partner.id);
    const borealisId = w.theirs.get("borealis") ?? "";
    await db()
      .update(partnerAccounts)
      .set({ name: "Zephyr Mills", updatedAt: sql`now()` })
      .where(eq(partnerAccounts.id, borealisId));
    const result = await mapPartner(db(), w.ctx, w.partner.id);
    expect(result).toMatchObject({ full: false, changedVendor: 0, changedPartner: 1, same: 3, related: 1 });
    const after = await storedMatches(w.partner.id);
    expect(after).toEqual(before.filter((r) => r.partnerAccountId !== borealisId));
  });

  it("re-maps only a changed vendor record: a new overlap appears, the others keep ids and stamps", async () => {
    const before = await storedMatches(w.partner.id);
    const deltaId = w.vendor.get("delta") ?? "";
    await db()
      .update(accounts)
      .set({ name: "Delta Faucet Co", website: "https://deltafaucet.com", updatedAt: sql`now()` })
      .where(eq(accounts.id, deltaId));
    const result = await mapPartner(db(), w.ctx, w.partner.id);
    expect(result).toMatchObject({ full: false, changedVendor: 1, changedPartner: 0, same: 4 });
    const after = await storedMatches(w.partner.id);
    const added = after.filter((r) => r.accountId === deltaId);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ partnerAccountId: w.theirs.get("deltaFaucet"), kind: "same" });
    expect(after.filter((r) => r.accountId !== deltaId)).toEqual(before);
  });

  it("drops the overlaps of a deleted partner account at once", async () => {
    const acmeId = w.theirs.get("acme") ?? "";
    await db().delete(partnerAccounts).where(eq(partnerAccounts.id, acmeId));
    const rows = await storedMatches(w.partner.id);
    expect(rows.some((r) => r.partnerAccountId === acmeId)).toBe(false);
    expect((await mapPartner(db(), w.ctx, w.partner.id)).same).toBe(3);
  });

  it("ends where a full re-map ends (deterministic), and a settings change forces a full run", async () => {
    const incremental = pairsOf(await storedMatches(w.partner.id));
    const full = await mapPartner(db(), w.ctx, w.partner.id, { full: true });
    expect(full.full).toBe(true);
    expect(pairsOf(await storedMatches(w.partner.id))).toEqual(incremental);
    await db()
      .update(partnerMappingState)
      .set({ settings: { engine: "older", sameThreshold: 0.5 } })
      .where(eq(partnerMappingState.partnerId, w.partner.id));
    expect((await mapPartner(db(), w.ctx, w.partner.id)).full).toBe(true);
    expect(pairsOf(await storedMatches(w.partner.id))).toEqual(incremental);
  });

  it("reads a side in keyset pages", async () => {
    const all = await readSide(db(), w.ctx, "vendor", w.partner.id, {}, undefined, 2);
    expect(all.map((r) => r.id)).toEqual([...w.vendor.values()].sort());
    expect(all.find((r) => r.id === w.vendor.get("acme"))).toEqual({
      id: w.vendor.get("acme"),
      name: "Acme Robotics GmbH",
      website: "https://www.acme-robotics.de",
      country: "DE",
    });
  });

  it("refuses a partner of another workspace", async () => {
    const other = await makeMappingWorld(db());
    await expect(mapPartner(db(), w.ctx, other.partner.id)).rejects.toThrow(/not found/i);
  });
});

describe("the mapping.run job", () => {
  it("maps every partner with an account list, with progress, and ends succeeded", async () => {
    const w = await makeMappingWorld(db());
    const job = await enqueueMapping(db(), w.ctx, { all: true });
    expect(job.kind).toBe(MAPPING_RUN);
    // A second request while the first is queued returns the same job.
    expect((await enqueueMapping(db(), w.ctx, { all: true })).id).toBe(job.id);
    const messages: string[] = [];
    const final = await runJob(db(), job.id, { onProgress: (j) => j.message && messages.push(j.message) });
    expect(final).toMatchObject({ status: "succeeded", progress: { percent: 100 } });
    expect(messages.some((m) => m.startsWith("Nordic Cloud Partners: "))).toBe(true);
    const partnersDone = (final?.result?.partners ?? []) as { partnerName: string; same: number }[];
    // The partner without an account list is not mapped.
    expect(partnersDone.map((p) => [p.partnerName, p.same])).toEqual([["Nordic Cloud Partners", 4]]);
  });

  it("stops when cancelled and a later run completes the mapping", async () => {
    const w = await makeMappingWorld(db());
    const job = await enqueueMapping(db(), w.ctx, { partnerId: w.partner.id });
    let cancelled = false;
    const final = await runJob(db(), job.id, {
      onProgress: (j) => {
        if (!cancelled && j.status === "running" && (j.progress.done ?? 0) > 0) {
          cancelled = true;
          void cancelJob(db(), w.ctx, job.id);
        }
      },
    });
    expect(final?.status).toBe("cancelled");
    const again = await enqueueMapping(db(), w.ctx, { partnerId: w.partner.id });
    expect(again.id).not.toBe(job.id);
    expect((await runJob(db(), again.id))?.status).toBe("succeeded");
    expect((await storedMatches(w.partner.id)).length).toBe(5);
  });

  it("resumes after an interruption and converges on the same rows", async () => {
    const w = await makeMappingWorld(db());
    const job = await enqueueMapping(db(), w.ctx, { partnerId: w.partner.id });
    let reports = 0;
    const interrupted = await runJob(db(), job.id, { interrupted: () => ++reports > 3 });
    expect(interrupted?.status).toBe("running");
    const resumed = await runJob(db(), job.id);
    expect(resumed?.status).toBe("succeeded");
    expect((await getJob(db(), w.ctx, job.id)).result).toMatchObject({ partners: [{ same: 4, related: 1 }] });
    expect((await storedMatches(w.partner.id)).length).toBe(5);
  });
});
