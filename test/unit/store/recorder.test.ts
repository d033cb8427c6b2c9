import { afterEach, describe, expect, it, vi } from 'vitest';
import { planCues } from '../../../src/cues/cue-planner.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import type { AccelFrame } from '../../../src/sensors/samples.ts';
import { decodeHeartRateChunk, decodeMotionChunk, wallTimeOf } from '../../../src/store/codec.ts';
import { FULL_STORE_RETRY_MS, type RecorderOptions, SessionRecorder } from '../../../src/store/recorder.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { afterInterruption } from '../../../src/workout/interruption.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import { plankGoalSetFrom } from '../../../src/workout/progression.ts';
import { initialSessionState, type PlannedExercise, reduceSession } from '../../../src/workout/session.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';
import { EVERY_EXERCISE } from '../../devices-sensed.ts';

let dbCounter = 0;
const openStore = (name = `recorder-test-${++dbCounter}`) => SessionStore.open({ name });

const STRAP = { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' } as const;
const RATE_HZ = 200;
const PACKET_MS = 50;

/** A session driven as the app drives it: a page clock, 200 Hz packets, a beat a second, reps. */
class Rig {
  clockMs = 5000;
  wallMs = Date.UTC(2026, 10, 23, 18, 0, 0);
  readonly model = new SessionModel(() => this.clockMs);

  advance(ms: number, recorder: SessionRecorder, onSecond?: () => Promise<void>): Promise<void> {
    return (async () => {
      for (let t = 0; t < ms; t += PACKET_MS) {
        const n = (RATE_HZ * PACKET_MS) / 1000;
        const xyz = new Float32Array(n * 3);
        for (let i = 0; i < n; i++) xyz.set([0.01 * i, -0.98, Math.sin((this.clockMs + i * 5) / 300)], i * 3);
        const frame: AccelFrame = { t0Ms: this.clockMs, dtMs: 1000 / RATE_HZ, xyz };
        recorder.recordAccel(STRAP.id, frame);
        this.clockMs += PACKET_MS;
        this.wallMs += PACKET_MS;
        if (this.clockMs % 1000 === 0) {
          recorder.recordHeartRate(STRAP.id, {
            tMs: this.clockMs,
            bpm: 90 + ((this.clockMs / 1000) % 7),
            rrMs: [650, 660],
          });
          this.model.tick();
          recorder.update(this.model.state);
          await onSecond?.();
        }
      }
    })();
  }

  /** Starts the session and its recorder, on this rig's wall clock. */
  startRecording(store: SessionStore, options: RecorderOptions = {}): SessionRecorder {
    this.model.start();
    return SessionRecorder.start(store, this.model.state, [STRAP], {
      wallNow: () => this.wallMs,
      ...options,
    });
  }

  rep(recorder: SessionRecorder, peakDeg = 18): void {
    const event: MotionEvent = {
      type: 'rep',
      tMs: this.clockMs,
      emittedMs: this.clockMs + 120,
      startMs: this.clockMs - 1500,
      peakDeg,
    };
    this.model.handleMotion(event);
    recorder.recordMotionEvent(event);
    recorder.update(this.model.state);
  }
}

describe('SessionRecorder', () => {
  it('loses at most the last second when the tab dies, and resumes exactly where the session was', async () => {
    const name = `recorder-crash-${++dbCounter}`;
    const store = await openStore(name);
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'crash' });
    // The whole first superman set: 10 reps, 2 s apart, flushing every second as the app does.
    for (let r = 0; r < 10; r++) {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.rep(recorder, 15 + r);
    }
    expect(rig.model.state.phase).toBe('rest');
    // Into the rest, then the tab dies 600 ms after the last flush.
    await rig.advance(5000, recorder, () => recorder.flush());
    await recorder.flush();
    const atLastFlush = rig.model.state;
    await rig.advance(600, recorder);
    store.close();

    const reopened = await openStore(name);
    const unfinished = await reopened.findUnfinishedSession();
    expect(unfinished?.id).toBe('crash');
    const saved = (await reopened.loadBundle('crash'))!;
    expect(saved.sets).toHaveLength(1);
    expect(saved.sets[0]).toMatchObject({ exerciseId: 'superman', count: 10, peakDeg: 24, index: 0 });
    const savedFrames = saved.motion.flatMap(decodeMotionChunk);
    const lastSavedMs = Math.max(...savedFrames.map((f) => f.t0Ms + (f.xyz.length / 3 - 1) * f.dtMs));
    const lostMs = rig.clockMs - rig.model.state.startedMs! - lastSavedMs;
    expect(lostMs).toBeLessThanOrEqual(1000);
    expect(saved.events.filter((e) => e.data.kind === 'motion')).toHaveLength(10);
    expect(saved.heartRate.flatMap(decodeHeartRateChunk).length).toBeGreaterThanOrEqual(25);

    // A new page: its clock starts again near 0, and the person comes back 90 s later.
    const newPage = new Rig();
    newPage.clockMs = 800;
    newPage.wallMs = rig.wallMs + 90_000;
    const { recorder: resumed, state } = await SessionRecorder.resume(reopened, 'crash', newPage.clockMs, {
      wallNow: () => newPage.wallMs,
    });
    const shift = newPage.clockMs - atLastFlush.nowMs;
    expect(state.phase).toBe('rest');
    expect(state.completed).toEqual(
      atLastFlush.completed.map((r) => ({
        ...r,
        startedMs: r.startedMs + shift,
        workBeganMs: r.workBeganMs! + shift,
        endedMs: r.endedMs + shift,
      })),
    );
    expect(state.restEndsMs! - state.nowMs).toBe(atLastFlush.restEndsMs! - atLastFlush.nowMs);
    expect(state.startedMs).toBe(atLastFlush.startedMs! + shift);

    // The gap the app was away is cut from the timeline but kept for wall-clock times.
    await resumed.flush();
    const row = (await reopened.getSession('crash'))!;
    expect(row.gaps).toHaveLength(1);
    expect(row.gaps[0]!.gapMs).toBe(90_000 + 600);
    expect(wallTimeOf(row, row.gaps[0]!.atMs + 1)).toBe(newPage.wallMs + 1);
    reopened.close();
  });

  it('takes a session over from a tab that stored motion past its last snapshot, with no overlap', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'moved', writer: 'first-tab' });
    await rig.advance(3000, recorder, () => recorder.flush());
    // The first tab records on for 400 ms after its last snapshot and stores those frames as it stops.
    await rig.advance(400, recorder);
    await recorder.flush();

    const second = new Rig();
    second.clockMs = 800;
    second.wallMs = rig.wallMs;
    const { recorder: taken } = await SessionRecorder.resume(store, 'moved', second.clockMs, {
      wallNow: () => second.wallMs,
      writer: 'second-tab',
    });
    await second.advance(1000, taken);
    await taken.flush();

    const frames = (await store.loadBundle('moved'))!.motion.flatMap(decodeMotionChunk);
    // The first tab's 3.4 s of frames, and the second tab's from where they end: 0.6 s of its 1 s.
    expect(frames).toHaveLength(68 + 12);
    for (let i = 1; i < frames.length; i++) {
      const previousEnd = frames[i - 1]!.t0Ms + (frames[i - 1]!.xyz.length / 3 - 1) * frames[i - 1]!.dtMs;
      expect(frames[i]!.t0Ms).toBeGreaterThan(previousEnd);
    }
    store.close();
  });

  it('finishes a session: no longer unfinished, with its end time and summary', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store);
    for (let r = 0; r < 4; r++) {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.rep(recorder);
    }
    await rig.advance(1000, recorder);
    rig.model.finish();
    await recorder.finish(rig.model.state);
    expect(await store.findUnfinishedSession()).toBeNull();
    const [row] = await store.listSessions();
    expect(row).toMatchObject({ status: 'finished', endedAt: rig.wallMs });
    expect(row!.summary).toMatchObject({ sets: 1, reps: 4, durationMs: 9000 });
    expect(row!.summary.avgBpm).toBeGreaterThan(89);
    store.close();
  });

  it('writes the set just done again when its count is put right during the rest, and resumes with it', async () => {
    const name = `recorder-rest-fix-${++dbCounter}`;
    const store = await openStore(name);
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'fixed' });
    // Ten superman reps counted, the target: the set ends. The person did eight.
    for (let r = 0; r < 10; r++) {
      await rig.advance(2000, recorder);
      rig.rep(recorder);
    }
    await recorder.flush();
    expect(rig.model.state.phase).toBe('rest');
    rig.model.adjustCount(-1);
    rig.model.adjustCount(-1);
    recorder.update(rig.model.state);
    await rig.advance(1000, recorder, () => recorder.flush());
    const saved = (await store.loadBundle('fixed'))!;
    expect(saved.sets).toEqual([expect.objectContaining({ index: 0, count: 8, corrections: -2 })]);
    expect(saved.session.summary.reps).toBe(8);
    store.close();

    const reopened = await openStore(name);
    const { state } = await SessionRecorder.resume(reopened, 'fixed', 0, { wallNow: () => rig.wallMs });
    expect(state.completed).toMatchObject([{ count: 8, corrections: -2 }]);
    reopened.close();
  });

  it('keeps a set skipped while it waited for the person as never begun, and resumes with it so', async () => {
    const name = `recorder-never-begun-${++dbCounter}`;
    const store = await openStore(name);
    const rig = new Rig();
    rig.model.senseDevices(true, EVERY_EXERCISE);
    const recorder = rig.startRecording(store, { newId: () => 'unbegun' });
    await rig.advance(3000, recorder);
    rig.model.skip();
    recorder.update(rig.model.state);
    await rig.advance(1000, recorder, () => recorder.flush());
    const saved = (await store.loadBundle('unbegun'))!;
    expect(saved.sets).toEqual([expect.objectContaining({ index: 0, endedBy: 'skipped', neverBegun: true })]);
    store.close();

    const reopened = await openStore(name);
    const { state } = await SessionRecorder.resume(reopened, 'unbegun', 0, { wallNow: () => rig.wallMs });
    expect(state.completed).toMatchObject([{ setNumber: 1, count: 0, neverBegun: true }]);
    reopened.close();
  });

  it('keeps recording in memory and reports a clear error when the store stops taking data', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store);
    const failures: unknown[] = [];
    recorder.failure$.subscribe((f) => failures.push(f));
    await rig.advance(2000, recorder, () => recorder.flush());
    store.close();
    await rig.advance(3000, recorder, () => recorder.flush());
    rig.rep(recorder);
    expect(recorder.failure?.kind).toBe('unavailable');
    expect(recorder.failure?.message).toMatch(/export/);
    expect(failures.at(-1)).toBe(recorder.failure);
    const bundle = recorder.bundle();
    const frames = bundle.motion.flatMap(decodeMotionChunk);
    expect(frames).toHaveLength(5000 / PACKET_MS);
    expect(bundle.events).toHaveLength(1);
  });

  it('keeps what a full store refused, and writes all of it, once and in order, when the store has room again', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'filled' });
    await rig.advance(2000, recorder, () => recorder.flush());
    rig.rep(recorder);
    await recorder.flush();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await rig.advance(3000, recorder, () => recorder.flush());
      rig.rep(recorder);
      await rig.advance(1000, recorder, () => recorder.flush());
    } finally {
      full.mockRestore();
    }
    expect(recorder.failure?.kind).toBe('quota');
    // Space is back, but the store was asked a moment ago: it is left alone for a while.
    await rig.advance(1000, recorder, () => recorder.flush());
    expect(recorder.failure?.kind).toBe('quota');
    expect((await store.loadBundle('filled'))!.events).toHaveLength(1);

    const saved: unknown[] = [];
    recorder.saved$.subscribe(() => saved.push(null));
    expect(await recorder.catchUp()).toBe(true);
    expect(recorder.failure).toBeNull();
    expect(saved).toHaveLength(1);
    const stored = (await store.loadBundle('filled'))!;
    const kept = recorder.bundle();
    expect(stored.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(stored.motion.flatMap(decodeMotionChunk)).toEqual(kept.motion.flatMap(decodeMotionChunk));
    expect(stored.heartRate.flatMap(decodeHeartRateChunk)).toEqual(
      kept.heartRate.flatMap(decodeHeartRateChunk),
    );
    expect(stored.session.snapshot?.set?.count).toBe(2);
    store.close();
  });

  it('asks a full store again on its own after a while, not on every write', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'filled' });
    const asked = vi.spyOn(store, 'write');
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await rig.advance(10_000, recorder, () => recorder.flush());
    } finally {
      full.mockRestore();
    }
    expect(recorder.failure?.kind).toBe('quota');
    // The first write, and the one that found the store full: the rest waited.
    expect(asked.mock.calls.length).toBeLessThanOrEqual(2);
    rig.rep(recorder);
    await rig.advance(FULL_STORE_RETRY_MS, recorder, () => recorder.flush());
    expect(recorder.failure).toBeNull();
    const stored = (await store.loadBundle('filled'))!;
    expect(stored.motion.flatMap(decodeMotionChunk)).toHaveLength((10_000 + FULL_STORE_RETRY_MS) / PACKET_MS);
    expect(stored.events).toHaveLength(1);
    store.close();
  });

  it("is offered to a full store 'when due' only once the store has been left alone for a while", async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'filled' });
    await recorder.flush();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.model.finish();
      await recorder.finish(rig.model.state);
    } finally {
      full.mockRestore();
    }
    const asked = vi.spyOn(store, 'write');
    rig.wallMs += FULL_STORE_RETRY_MS - 1;
    expect(await recorder.catchUp('when due')).toBe(false);
    expect(asked).not.toHaveBeenCalled();
    rig.wallMs += 1;
    expect(await recorder.catchUp('when due')).toBe(true);
    expect((await store.getSession('filled'))?.status).toBe('finished');
    store.close();
  });

  it('writes nothing back of a session deleted while what the full store refused of it waited', async () => {
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store, { newId: () => 'filled', writer: 'tab-a' });
    await rig.advance(2000, recorder, () => recorder.flush());
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.model.finish();
      await recorder.finish(rig.model.state);
    } finally {
      full.mockRestore();
    }
    expect(recorder.failure?.kind).toBe('quota');
    // Another tab deletes it from the history: the store now has room, and nothing of it.
    await store.deleteSession('filled');
    let saved = 0;
    recorder.saved$.subscribe(() => saved++);
    // Nothing was written: neither saved, nor a sign that the store has room, and nothing is offered again.
    expect(await recorder.catchUp()).toBe(false);
    expect({ saved, failure: recorder.failure?.kind, letGo: recorder.letGo }).toEqual({
      saved: 0,
      failure: 'quota',
      letGo: true,
    });
    const asked = vi.spyOn(store, 'write');
    rig.model.adjustCount(1);
    recorder.update(rig.model.state);
    await recorder.catchUp();
    expect(asked).not.toHaveBeenCalled();
    expect(await store.loadBundle('filled')).toBeNull();
    expect(await store.weeks()).toEqual([]);
    // Memory still has it whole, for a file.
    expect(recorder.bundle().session.status).toBe('finished');
    store.close();
  });

  it('creates the session with its first write taken, though the store refused the ones before', async () => {
    const store = await openStore();
    const rig = new Rig();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    let recorder: SessionRecorder;
    try {
      recorder = rig.startRecording(store, { newId: () => 'filled', writer: 'tab-a' });
      await rig.advance(2000, recorder, () => recorder.flush());
    } finally {
      full.mockRestore();
    }
    expect(recorder.failure?.kind).toBe('quota');
    expect(await recorder.catchUp()).toBe(true);
    expect((await store.loadBundle('filled'))?.motion.flatMap(decodeMotionChunk)).toHaveLength(
      2000 / PACKET_MS,
    );
    store.close();
  });

  it('works without any store at all, in memory', async () => {
    const rig = new Rig();
    rig.model.start();
    const recorder = SessionRecorder.start(null, rig.model.state, [STRAP]);
    await rig.advance(1000, recorder, () => recorder.flush());
    expect(recorder.failure?.kind).toBe('unavailable');
    expect(recorder.bundle().motion).toHaveLength(1);
  });
});

describe('SessionRecorder begun with no store', () => {
  it('writes all it recorded to a store that opens later (an older tab let go of it), and what comes after as it comes', async () => {
    const rig = new Rig();
    rig.model.start();
    const recorder = SessionRecorder.start(null, rig.model.state, [STRAP], {
      wallNow: () => rig.wallMs,
      newId: () => 'late',
    });
    for (let r = 0; r < 3; r++) {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.rep(recorder);
    }
    expect(recorder.failure?.kind).toBe('unavailable');
    const store = await openStore();
    expect(await recorder.saveTo(store)).toBe(true);
    expect(recorder.failure).toBeNull();
    const saved = (await store.loadBundle('late'))!;
    const inMemory = recorder.bundle();
    expect(saved.session.snapshot).toEqual(inMemory.session.snapshot);
    expect(saved.events).toEqual(inMemory.events);
    expect(saved.heartRate.flatMap(decodeHeartRateChunk)).toHaveLength(6);
    // From the session's first frame.
    expect(saved.motion.flatMap(decodeMotionChunk)[0]?.t0Ms).toBe(0);

    await rig.advance(2000, recorder, () => recorder.flush());
    rig.rep(recorder);
    await recorder.flush();
    expect((await store.loadBundle('late'))!.events).toHaveLength(4);
    // A store is taken once: another does not take the session from it.
    expect(await recorder.saveTo(await openStore())).toBe(false);
    store.close();
  });
});

describe('SessionRecorder ended with no store', () => {
  it('lets go of its raw motion when asked, keeping the rest, and its row says so once a store takes it', async () => {
    const rig = new Rig();
    rig.model.start();
    const recorder = SessionRecorder.start(null, rig.model.state, [STRAP], {
      wallNow: () => rig.wallMs,
      newId: () => 'held',
    });
    for (let r = 0; r < 3; r++) {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.rep(recorder);
    }
    // Under way, it keeps all of it.
    expect(recorder.dropMotionHeld()).toBe(false);
    rig.model.finish();
    await recorder.finish(rig.model.state);
    expect(recorder.motionBytes).toBeGreaterThan(0);
    const events = recorder.bundle().events;

    expect(recorder.dropMotionHeld()).toBe(true);
    expect(recorder.motionBytes).toBe(0);
    expect(recorder.bundle()).toMatchObject({ motion: [], events });
    expect(recorder.sessionRow()).toMatchObject({
      motionBytes: 0,
      motionDropped: true,
      summary: { reps: 3 },
    });

    const store = await openStore();
    expect(await recorder.saveTo(store)).toBe(true);
    const saved = (await store.loadBundle('held'))!;
    expect(saved.motion).toEqual([]);
    expect(saved.events).toEqual(events);
    expect(saved.heartRate.flatMap(decodeHeartRateChunk)).toHaveLength(6);
    expect(saved.session).toMatchObject({ status: 'finished', motionDropped: true, summary: { reps: 3 } });
    // Saved, its motion is the store's to remove, not memory's.
    expect(recorder.dropMotionHeld()).toBe(false);
    store.close();
  });
});

describe('SessionRecorder whose store failed for good', () => {
  it('says it saves no more, and lets go of its raw motion when asked once it has ended', async () => {
    const rig = new Rig();
    rig.model.start();
    const store = await openStore();
    const recorder = SessionRecorder.start(store, rig.model.state, [STRAP], {
      wallNow: () => rig.wallMs,
      newId: () => 'failed',
    });
    await rig.advance(2000, recorder, () => recorder.flush());
    expect(recorder.savesNoMore).toBe(false);
    // Closed as the browser closes a database it clears: every write is refused from then on.
    store.close();
    for (let r = 0; r < 3; r++) {
      await rig.advance(2000, recorder, () => recorder.flush());
      rig.rep(recorder);
    }
    expect(recorder.failure?.kind).toBe('unavailable');
    expect(recorder.savesNoMore).toBe(true);
    rig.model.finish();
    await recorder.finish(rig.model.state);
    expect(recorder.motionBytes).toBeGreaterThan(0);
    const events = recorder.bundle().events;

    expect(recorder.dropMotionHeld()).toBe(true);
    expect(recorder.bundle()).toMatchObject({ motion: [], events });
    expect(recorder.sessionRow()).toMatchObject({
      motionBytes: 0,
      motionDropped: true,
      summary: { reps: 3 },
    });
  });
});

describe('SessionRecorder and the time zone', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps the offset from UTC the session began at, though it ends after a flight to Tokyo', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store);
    await rig.advance(2000, recorder, () => recorder.flush());
    vi.stubEnv('TZ', 'Asia/Tokyo');
    rig.model.finish();
    await recorder.finish(rig.model.state);
    const [row] = await store.listSessions();
    expect(row).toMatchObject({ status: 'finished', utcOffsetMin: -300, endUtcOffsetMin: 540 });
    store.close();
  });

  it('keeps the offset at the end only when the clocks changed during the session', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    const store = await openStore();
    const rig = new Rig();
    const recorder = rig.startRecording(store);
    await rig.advance(2000, recorder, () => recorder.flush());
    rig.model.finish();
    await recorder.finish(rig.model.state);
    const [row] = await store.listSessions();
    expect(row).not.toHaveProperty('endUtcOffsetMin');
    store.close();
  });
});

describe('SessionRecorder and a plan that changes', () => {
  it('resumes with the plan as it was last, not as it began', async () => {
    const name = `recorder-plan-${++dbCounter}`;
    const store = await openStore(name);
    const rig = new Rig();
    rig.model.start();
    const recorder = SessionRecorder.start(store, rig.model.state, [STRAP], { newId: () => 'plan' });
    const state = rig.model.state;
    const plan = state.plan.map((p) =>
      p.exercise.id === 'elbow-plank' ? { ...p, dosage: { ...p.dosage, target: 42 } } : p,
    );
    recorder.update({ ...state, plan });
    await recorder.flush();
    store.close();
    const reopened = await openStore(name);
    const { state: resumed } = await SessionRecorder.resume(reopened, 'plan', 0);
    expect(resumed.plan.find((p) => p.exercise.id === 'elbow-plank')?.dosage.target).toBe(42);
    reopened.close();
  });

  it("resumes a session's first plank with the hold last time its goal was set from, so the voice still says why", async () => {
    const name = `recorder-plank-reason-${++dbCounter}`;
    const store = await openStore(name);
    const plank: PlannedExercise = {
      exercise: exerciseById('elbow-plank'),
      dosage: { sets: 3, target: 53, restS: 60 },
      firstHoldLastTimeS: 48,
    };
    const model = new SessionModel(() => 5000, [plank]);
    model.start();
    const recorder = SessionRecorder.start(store, model.state, [STRAP], { newId: () => 'plank' });
    await recorder.flush();
    store.close();

    const reopened = await openStore(name);
    const { state } = await SessionRecorder.resume(reopened, 'plank', 0);
    const restored = afterInterruption(state);
    // The set screen and the summary read it as the voice does.
    expect(plankGoalSetFrom(restored.plan[0]!, restored.completed)).toEqual({
      heldS: 48,
      today: false,
      shortHoldSince: false,
    });
    const said = planCues(initialSessionState(restored.plan), restored, {
      muted: false,
      tones: true,
      vibration: true,
    });
    expect(said.find((cue) => cue.kind === 'say')).toMatchObject({
      text: expect.stringContaining(
        'goal fifty-three seconds: five seconds past your first plank last time.',
      ),
    });
    reopened.close();
  });

  it('resumes a session with the exercises still new to the person explained, so one not yet reached is explained when it comes', async () => {
    const name = `recorder-say-how-${++dbCounter}`;
    const store = await openStore(name);
    const drawingIn = exerciseById('drawing-in');
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 45 }, sayHow: true },
      { exercise: drawingIn, dosage: { sets: 1, target: 45, restS: 30 }, sayHow: true },
    ];
    const model = new SessionModel(() => 5000, plan);
    model.start();
    const recorder = SessionRecorder.start(store, model.state, [STRAP], { newId: () => 'say-how' });
    await recorder.flush();
    store.close();

    const reopened = await openStore(name);
    const { state } = await SessionRecorder.resume(reopened, 'say-how', 0);
    const restored = afterInterruption(state);
    const superman = reduceSession(restored, { type: 'skip', nowMs: 6000 });
    const said = planCues(restored, superman, { muted: false, tones: true, vibration: true });
    // Skipped as the new page said it again, the superman never ran: the drawing-in follows at once.
    expect(superman.phase).toBe('set');
    expect(said.filter((cue) => cue.kind === 'say').map((cue) => cue.text)).toContainEqual(
      expect.stringContaining(drawingIn.spokenHow.slice(0, -1)),
    );
    reopened.close();
  });
});

describe('SessionRecorder and a paused session', () => {
  it('brings a session paused when the app went away back paused, its timers standing still', async () => {
    const name = `recorder-paused-${++dbCounter}`;
    const store = await openStore(name);
    const rig = new Rig();
    rig.model.start();
    const recorder = SessionRecorder.start(store, rig.model.state, [STRAP], { newId: () => 'paused' });
    for (let r = 0; r < 10; r++) {
      await rig.advance(2000, recorder);
      rig.rep(recorder);
    }
    await rig.advance(4000, recorder);
    rig.model.pause();
    await rig.advance(3000, recorder);
    recorder.update(rig.model.state);
    await recorder.flush();
    const before = rig.model.state;
    store.close();

    const reopened = await openStore(name);
    const { state } = await SessionRecorder.resume(reopened, 'paused', 100);
    expect(state.pausedAtMs).toBe(before.pausedAtMs! - before.nowMs + 100);
    expect(state.restEndsMs! - state.pausedAtMs!).toBe(before.restEndsMs! - before.pausedAtMs!);
    reopened.close();
  });
});
