import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../http/policy.ts";
import { createJobRuntime } from "../../jobs/runtime.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { type Auth, call, makeMember, makeWorkspace, signIn } from "../../test/factories.ts";
import type { JobView } from "./presenters.ts";
import { registerJobHandler } from "./registry.ts";
import { enqueueJob, getJob, isFinished, type Job } from "./service.ts";

let t: TestApp;
let ctx: WorkspaceContext;
let ownerAuth: Auth;
let viewerAuth: Auth;

beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
  const { workspace, owner } = await makeWorkspace(t.database.db);
  ctx = { workspaceId: workspace.id, role: "owner", actor: { kind: "user", userId: owner.id } };
  ownerAuth = await signIn(t.app, owner.email);
  viewerAuth = await signIn(t.app, (await makeMember(t.database.db, workspace, "viewer")).email);
});
afterAll(async () => t.close());

/** A latch a test handler waits on, so a test can act while the job is mid-way. */
function latch() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const finished = (id: string) => until(() => getJob(t.database.db, ctx, id), isFinished, `job ${id} to end`);

// Handlers used only by these tests: each batch adds its number to a log and reports progress.
const counted: number[] = [];
registerJobHandler("test.count", async (run) => {
  const batches = Number(run.input.batches);
  for (let i = run.resumeFrom.done; i < batches; i += 1) {
    counted.push(i);
    await run.reportProgress(i + 1, batches, `batch ${i + 1}`);
  }
  return { sum: (batches * (batches - 1)) / 2 };
});

registerJobHandler("test.fail", async (run) => {
  await run.reportProgress(1, 4);
  throw new Error("Row 3 has no name");
});

const gates = new Map<string, { reached: ReturnType<typeof latch>; release: ReturnType<typeof latch> }>();
const gatedLog: number[] = [];
/** Pauses after batch `pauseAfter` until the test releases it (the job id keys the gate). */
registerJobHandler("test.gated", async (run) => {
  const batches = Number(run.input.batches);
  const pauseAfter = Number(run.input.pauseAfter);
  for (let i = run.resumeFrom.done; i < batches; i += 1) {
    gatedLog.push(i);
    if (i === pauseAfter) {
      const gate = gates.get(run.id);
      gate?.reached.open();
      await gate?.release.opened;
    }
    await run.reportProgress(i + 1, batches);
  }
  return { batches };
});

function gateFor(job: Job) {
  const gate = { reached: latch(), release: latch() };
  gates.set(job.id, gate);
  return gate;
}

describe("jobs", () => {
  it("runs a job to completion with progress, visible over the API", async () => {
    const job = await enqueueJob(t.database.db, ctx, "test.count", { batches: 5 });
    expect(job.status).toBe("queued");
    const done = await finished(job.id);
    expect(done).toMatchObject({
      status: "succeeded",
      progress: { done: 5, total: 5, percent: 100 },
      message: "batch 5",
      error: null,
      result: { sum: 10 },
    });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt?.getTime()).toBeGreaterThanOrEqual(done.startedAt?.getTime() ?? Infinity);

    const shown = await call(t.app, viewerAuth, "GET", `/api/v1/jobs/${job.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json<JobView>()).toEqual({
      id: job.id,
      kind: "test.count",
      status: "succeeded",
      progress: { done: 5, total: 5, percent: 100 },
      message: "batch 5",
      error: null,
      result: { sum: 10 },
      createdAt: job.createdAt.toISOString(),
      startedAt: done.startedAt?.toISOString(),
      finishedAt: done.finishedAt?.toISOString(),
    });

    const second = await enqueueJob(t.database.db, ctx, "test.count", { batches: 1 });
    await finished(second.id);
    const list = await call(t.app, viewerAuth, "GET", "/api/v1/jobs?limit=1");
    const page = list.json<{ items: JobView[]; nextCursor: string }>();
    expect(page.items.map((j) => j.id)).toEqual([second.id]);
    const next = await call(t.app, viewerAuth, "GET", `/api/v1/jobs?limit=1&cursor=${page.nextCursor}`);
    expect(next.json<{ items: JobView[] }>().items.map((j) => j.id)).toEqual([job.id]);
  });

  it("records a failure with its reason, and an unknown kind as a failure", async () => {
    const job = await enqueueJob(t.database.db, ctx, "test.fail", {});
    expect(await finished(job.id)).toMatchObject({
      status: "failed",
      error: "Row 3 has no name",
      progress: { done: 1, total: 4, percent: 25 },
      result: null,
    });
    const unknown = await enqueueJob(t.database.db, ctx, "test.nobody", {});
    expect(await finished(unknown.id)).toMatchObject({
      status: "failed",
      error: "No handler for jobs of kind 'test.nobody'.",
    });
  });

  it("cancels a running job between batches; the rest never runs; a second cancel is a conflict", async () => {
    const job = await enqueueJob(t.database.db, ctx, "test.gated", { batches: 6, pauseAfter: 1 });
    const gate = gateFor(job);
    await gate.reached.opened;
    expect(await call(t.app, viewerAuth, "POST", `/api/v1/jobs/${job.id}/cancel`)).toMatchObject({
      statusCode: 403,
    });
    const cancel = await call(t.app, ownerAuth, "POST", `/api/v1/jobs/${job.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json<JobView>().status).toBe("cancelled");
    const logged = gatedLog.length;
    gate.release.open();
    await t.jobs?.idle();
    // The handler stopped at its next progress report: batch 2 was never started.
    expect(gatedLog.length).toBe(logged);
    expect(await getJob(t.database.db, ctx, job.id)).toMatchObject({
      status: "cancelled",
      progress: { done: 1, total: 6 },
      result: null,
    });
    const again = await call(t.app, ownerAuth, "POST", `/api/v1/jobs/${job.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe("The job has already been cancelled.");
  });

  it("survives a restart: a job interrupted mid-way resumes where it stopped and completes", async () => {
    const runtime = t.jobs;
    if (!runtime) throw new Error("the test app has no job runtime");
    gatedLog.length = 0;
    const job = await enqueueJob(t.database.db, ctx, "test.gated", { batches: 5, pauseAfter: 2 });
    const gate = gateFor(job);
    await gate.reached.opened;
    // Shut the runtime down while the handler is inside batch 3, then let the batch end.
    const stopped = runtime.stop();
    gate.release.open();
    await stopped;
    const interrupted = await getJob(t.database.db, ctx, job.id);
    expect(interrupted).toMatchObject({ status: "running", progress: { done: 2, total: 5 } });
    expect(gatedLog).toEqual([0, 1, 2]);

    gates.delete(job.id);
    const restarted = createJobRuntime(t.database, { pollingIntervalSeconds: 0.5 });
    await restarted.start();
    try {
      expect(await finished(job.id)).toMatchObject({
        status: "succeeded",
        progress: { done: 5, total: 5, percent: 100 },
        result: { batches: 5 },
      });
      // Batch 3 (index 2) was interrupted before its progress was recorded, so it ran again.
      expect(gatedLog).toEqual([0, 1, 2, 2, 3, 4]);
    } finally {
      await restarted.stop();
    }
  });

  it("hides another workspace's jobs", async () => {
    const job = await enqueueJob(t.database.db, ctx, "test.count", { batches: 1 });
    const other = await makeWorkspace(t.database.db);
    const stranger = await signIn(t.app, other.owner.email);
    expect((await call(t.app, stranger, "GET", `/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await call(t.app, stranger, "POST", `/api/v1/jobs/${job.id}/cancel`)).statusCode).toBe(404);
    expect((await call(t.app, stranger, "GET", "/api/v1/jobs")).json().items).toEqual([]);
  });
});
