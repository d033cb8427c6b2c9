// Today's plan as the app makes it from the settings and the sessions stored before, and what it says
// of the targets progression changed in it.
import { describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { defaultSettings, SETTINGS_KEY, withDosage } from '../../../src/workout/settings.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { finishedSession, supermanSet, supermanSetsReached } from '../../set-record.ts';

describe("today's plan", () => {
  it("keeps a drawing-in hold set below the program's 45 s as set, after holds that climbed the ladder", async () => {
    const name = 'plan-drawing-in-set-below-45-s';
    const store = await SessionStore.open({ name });
    await store.importBundles([
      finishedSession('earlier', Date.UTC(2026, 10, 20, 17, 30), [
        ...supermanSetsReached(),
        supermanSet({ exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 45_000, peakDeg: null }),
      ]),
    ]);
    store.close();
    const settings = withDosage(defaultSettings(), 'drawing-in', { target: 20 });
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage([[SETTINGS_KEY, JSON.stringify(settings)]]),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    app.start();
    const target = (id: string) => app.session.state.plan.find((p) => p.exercise.id === id)?.dosage.target;
    // The superman's rep more tells the plan is made from the session stored.
    await vi.waitFor(() => expect(target('superman')).toBe(11));
    expect(target('drawing-in')).toBe(20);
    expect(app.targetChanges.state.map((change) => change.exerciseId)).toEqual(['superman']);
    app.dispose();
  });

  it('asks one more superman rep after a stored session in which every set reached its target, and says why', async () => {
    const store = await SessionStore.open({ name: 'plan-from-stored-history' });
    await store.importBundles([
      finishedSession('earlier', Date.UTC(2026, 10, 20, 17, 30), [
        supermanSet({ setNumber: 1 }),
        // Counted 9, and put right by the person's +1: their count is the truth.
        supermanSet({ setNumber: 2, corrections: 1 }),
        supermanSet({ setNumber: 3 }),
        ...[1, 2, 3].map((setNumber) =>
          supermanSet({
            exerciseId: 'lat-pulldown',
            setNumber,
            target: 12,
            count: setNumber === 3 ? 9 : 12,
            peakDeg: null,
            endedBy: setNumber === 3 ? 'stopped' : 'target',
          }),
        ),
      ]),
    ]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name: 'plan-from-stored-history' }), page: null },
    });
    app.start();
    const target = (id: string) => app.session.state.plan.find((p) => p.exercise.id === id)?.dosage.target;
    await vi.waitFor(() => expect(target('superman')).toBe(11));
    // A set of the pulldown stopped short: its target stays.
    expect(target('lat-pulldown')).toBe(12);
    expect(app.targetChanges.state).toEqual([
      { exerciseId: 'superman', setting: 10, today: 11, reason: 'you did every set of 10 reps last time' },
    ]);
    app.dispose();
  });

  it('reads an unfinished session as no "last time": the one on offer to resume is still running its plan', async () => {
    const finished = finishedSession('finished', Date.UTC(2026, 10, 20, 17, 30), supermanSetsReached());
    // The next day's session, its tab closed in the rest after a set of 11 supermen, each reached.
    const begun = finishedSession('unfinished', Date.UTC(2026, 10, 21, 17, 30), [
      supermanSet({ target: 11, count: 11 }),
    ]);
    const unfinished = unfinishedInARest(begun);
    const name = 'plan-beside-an-unfinished-session';
    const store = await SessionStore.open({ name });
    await store.importBundles([finished, unfinished]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    app.start();
    await vi.waitFor(() => expect(app.persistence.history.state.unfinished?.id).toBe('unfinished'));
    const target = (id: string) => app.session.state.plan.find((p) => p.exercise.id === id)?.dosage.target;
    await vi.waitFor(() => expect(target('superman')).toBe(11));
    expect(app.targetChanges.state).toEqual([
      { exerciseId: 'superman', setting: 10, today: 11, reason: 'you did every set of 10 reps last time' },
    ]);
    // Kept as it is rather than resumed, it is over: it is last time now.
    await app.persistence.discardUnfinished();
    await vi.waitFor(() => expect(target('superman')).toBe(12));
    expect(app.targetChanges.state).toEqual([
      { exerciseId: 'superman', setting: 10, today: 12, reason: 'you did every set of 11 reps last time' },
    ]);
    app.dispose();
  });

  it('puts the advice to try a heavier weight away once one is set in the settings opened from the summary', async () => {
    const name = 'plan-heavier-weight-from-the-summary';
    const store = await SessionStore.open({ name });
    const atTop = finishedSession(
      'pulldown-at-top',
      Date.UTC(2026, 10, 20, 17, 30),
      [1, 2, 3, 4].map((setNumber) =>
        supermanSet({ exerciseId: 'lat-pulldown', setNumber, target: 15, count: 15, peakDeg: null }),
      ),
    );
    const plan = [
      { exerciseId: 'lat-pulldown' as const, dosage: { sets: 4, target: 15, restS: 90, weightKg: 25 } },
    ];
    await store.importBundles([{ ...atTop, session: { ...atTop.session, plan } }]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    // The person logged the 25 kg they pulled.
    app.settings.setDosage('lat-pulldown', { weightKg: 25 });
    app.start();
    await vi.waitFor(() => expect(app.heavierWeights.state).toEqual(['lat-pulldown']));
    app.session.start();
    app.session.finish();
    expect(app.session.state.phase).toBe('summary');
    // A session ended before any set is no session done: the 4 × 15 at 25 kg is still the last.
    expect(app.heavierWeights.state).toEqual(['lat-pulldown']);
    app.settings.setDosage('lat-pulldown', { weightKg: 27.5 });
    await vi.waitFor(() => expect(app.heavierWeights.state).toEqual([]));
    app.dispose();
  });

  it('makes the plan from the latest read of the sessions before, when an earlier read answers after it', async () => {
    const finished = finishedSession('finished', Date.UTC(2026, 10, 20, 17, 30), supermanSetsReached());
    const begun = finishedSession('unfinished', Date.UTC(2026, 10, 21, 17, 30), [
      supermanSet({ target: 11, count: 11 }),
    ]);
    const name = 'plan-from-the-latest-read';
    const store = await SessionStore.open({ name });
    await store.importBundles([finished, unfinishedInARest(begun)]);
    store.close();
    const reads = new HeldReads();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: async () => reads.of(await SessionStore.open({ name })), page: null },
    });
    app.start();
    const target = (id: string) => app.session.state.plan.find((p) => p.exercise.id === id)?.dosage.target;
    await vi.waitFor(() => expect(app.persistence.history.state.unfinished?.id).toBe('unfinished'));
    await vi.waitFor(() => expect(target('superman')).toBe(11));
    // The read the offer's withdrawal asks for finds the session still unfinished, and answers late:
    // after the one made once it was closed, which finds it over.
    reads.holdNext();
    await app.persistence.discardUnfinished();
    await vi.waitFor(() => expect(target('superman')).toBe(12));
    await reads.release();
    expect(target('superman')).toBe(12);
    app.dispose();
  });

  it('waits for nothing more once a session is resumed while the sessions before were being read', async () => {
    const name = 'plan-wait-over-when-a-session-is-resumed';
    const store = await SessionStore.open({ name });
    await store.importBundles([interruptedInARest('unfinished')]);
    store.close();
    const reads = new HeldReads();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: async () => reads.of(await SessionStore.open({ name })), page: null },
    });
    // The plan's reads once the sessions are read answer late: the person resumes the session
    // offered meanwhile.
    reads.holdWhile(() => app.persistence.history.state.pastRead);
    app.start();
    await vi.waitFor(() => expect(app.persistence.history.state.pastRead).toBe(true));
    expect(app.planWait.state).toBe('reading');
    await app.persistence.resume();
    expect(app.session.state.phase).toBe('rest');
    await reads.release();
    // Long before the 5 s a store that never opens is given: the next session's Start is not held back.
    await vi.waitFor(() => expect(app.planWait.state).toBe('none'), { timeout: 1000 });
    app.dispose();
  });

  it('begins a session whose Start was tapped while the store was still being read with the plan made from it', async () => {
    const name = 'plan-for-a-start-tapped-at-once';
    const store = await SessionStore.open({ name });
    await store.importBundles([
      finishedSession('earlier', Date.UTC(2026, 10, 20, 17, 30), supermanSetsReached()),
    ]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    app.start();
    // The page has just opened: the store is opening, and today's plan is not made from it yet.
    expect(app.planWait.state).toBe('reading');
    app.startSession();
    expect(app.session.state.phase).toBe('ready');
    expect(app.planWait.state).toBe('start-asked');
    await vi.waitFor(() => expect(app.session.state.phase).toBe('set'));
    expect(app.session.state.plan.find((p) => p.exercise.id === 'superman')?.dosage.target).toBe(11);
    expect(app.planWait.state).toBe('none');
    app.dispose();
  });

  it("has today's plan ready only once it is known whether an unfinished session is on offer", async () => {
    const name = 'plan-ready-after-the-offer-is-known';
    const store = await SessionStore.open({ name });
    await store.importBundles([interruptedInARest('unfinished')]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    app.start();
    expect(app.planWait.state).toBe('reading');
    // The start screen shows Start once the plan is ready: the offer must already be there above it.
    const offeredAsThePlanIsReady = await new Promise<string | null>((resolve) => {
      const watch = app.planWait.state$.subscribe((wait) => {
        if (wait !== 'none') return;
        resolve(app.persistence.history.state.unfinished?.id ?? null);
        queueMicrotask(() => watch.unsubscribe());
      });
    });
    expect(offeredAsThePlanIsReady).toBe('unfinished');
    app.dispose();
  });

  it('takes a Start tapped while the store was read as no choice when an unfinished session turns out to be on offer', async () => {
    const name = 'plan-for-a-start-tapped-before-the-offer';
    const store = await SessionStore.open({ name });
    await store.importBundles([interruptedInARest('unfinished')]);
    store.close();
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => SessionStore.open({ name }), page: null },
    });
    app.start();
    app.startSession();
    expect(app.planWait.state).toBe('start-asked');
    await vi.waitFor(() => expect(app.planWait.state).toBe('none'));
    // The person never saw the offer: it is shown, and neither resumed nor closed by a new session.
    expect(app.session.state.phase).toBe('ready');
    expect(app.persistence.history.state.unfinished?.id).toBe('unfinished');
    expect(app.persistence.history.state.recordingId).toBeNull();
    app.dispose();
  });

  it('gives up waiting for a store that has not opened in 5 s, untapped, with the plan as set', async () => {
    vi.useFakeTimers();
    try {
      const app = new Backbeat({
        navigator: {} as Navigator,
        settingsStorage: new MemoryStorage(),
        persistence: { openStore: () => new Promise(() => {}), page: null },
      });
      app.start();
      await vi.advanceTimersByTimeAsync(4900);
      expect(app.planWait.state).toBe('reading');
      await vi.advanceTimersByTimeAsync(200);
      expect(app.planWait.state).toBe('none');
      expect(app.session.state.phase).toBe('ready');
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('begins the session from the settings alone at once when there is no store to read', async () => {
    const app = new Backbeat({
      navigator: {} as Navigator,
      settingsStorage: new MemoryStorage(),
      persistence: { openStore: () => Promise.reject(new Error('no store in this test')), page: null },
    });
    app.start();
    await vi.waitFor(() => expect(app.planWait.state).toBe('none'));
    app.startSession();
    expect(app.session.state.phase).toBe('set');
    app.dispose();
  });

  it('begins a session whose Start was tapped with the plan as set when the store has not opened in 5 s', async () => {
    vi.useFakeTimers();
    try {
      const app = new Backbeat({
        navigator: {} as Navigator,
        settingsStorage: new MemoryStorage(),
        // As IndexedDB's open can hang in some browsers: the sessions before are never read.
        persistence: { openStore: () => new Promise(() => {}), page: null },
      });
      app.start();
      app.startSession();
      await vi.advanceTimersByTimeAsync(4900);
      expect(app.session.state.phase).toBe('ready');
      await vi.advanceTimersByTimeAsync(200);
      expect(app.session.state.phase).toBe('set');
      expect(app.planWait.state).toBe('none');
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A session whose tab was closed in the rest after its first set: on offer to resume. */
function unfinishedInARest(begun: ReturnType<typeof finishedSession>): ReturnType<typeof finishedSession> {
  return {
    ...begun,
    session: {
      ...begun.session,
      status: 'active' as const,
      endedAt: null,
      snapshot: {
        phase: 'rest' as const,
        exerciseIndex: 0,
        set: null,
        restEndsMs: 100_000,
        nowMs: 50_000,
        startedMs: 0,
        endedMs: null,
        pausedAtMs: null,
      },
    },
  };
}

function interruptedInARest(id: string): ReturnType<typeof finishedSession> {
  return unfinishedInARest(
    finishedSession(id, Date.now() - 3_600_000, [supermanSet({ target: 10, count: 10 })]),
  );
}

/**
 * A store whose reads of the unfinished sessions, once held, answer only when let go: read when asked,
 * as IndexedDB reads, and told late, as a read on a slow phone can be.
 */
class HeldReads {
  private holding: 'none' | 'next' | (() => boolean) = 'none';
  private readonly held: (() => void)[] = [];

  of(store: SessionStore): SessionStore {
    const read = store.unfinishedSessions.bind(store);
    store.unfinishedSessions = () => {
      const answer = read();
      if (this.holding === 'none' || (typeof this.holding === 'function' && !this.holding())) return answer;
      if (this.holding === 'next') this.holding = 'none';
      return new Promise((resolve) => this.held.push(() => resolve(answer)));
    };
    return store;
  }

  holdNext(): void {
    this.holding = 'next';
  }

  /** Holds the reads asked for while `when` holds. */
  holdWhile(when: () => boolean): void {
    this.holding = when;
  }

  async release(): Promise<void> {
    this.holding = 'none';
    for (const answer of this.held.splice(0)) answer();
    // Whatever was waiting for them has run.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
