// Two tabs' Persistence side by side in one page, with the browser's own Web Locks and
// BroadcastChannel between them, as two tabs have.
import { openDB } from 'idb';
import { filter, firstValueFrom, NEVER, Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyBeingRecorded, recordedInAnotherTab } from '../../src/app/history-model.ts';
import { Persistence, type PersistenceOptions } from '../../src/app/persistence.ts';
import { browserTabs } from '../../src/app/tabs.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../../src/sensors/samples.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import '../../src/ui/bb-storage-notice.ts';
import { SessionModel } from '../../src/workout/session-model.ts';
import { mount } from './mount.ts';

const STRAP: SourceInfo = { id: 'strap', name: 'Strap', kind: 'virtual', placement: 'chest' };
const tabs: Persistence[] = [];

function openTab(
  name: string,
  open: Pick<PersistenceOptions, 'openStore' | 'heldMotionBytes' | 'wallNow'> = {},
) {
  let clockMs = 1000;
  const session = new SessionModel(() => clockMs);
  const accel = new Subject<{ source: SourceInfo; frame: AccelFrame }>();
  const persistence = new Persistence(
    {
      session,
      devices: {
        state: { source: STRAP, devices: [], rejoining: false, awaiting: [] },
      },
      accel$: accel,
      heartRate$: new Subject<HeartRateSample | null>(),
      motion$: NEVER,
    },
    {
      openStore: () => SessionStore.open({ name }),
      ...open,
      page: null,
      now: () => clockMs,
      tabs: browserTabs(),
    },
  );
  tabs.push(persistence);
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      accel.next({ source: STRAP, frame: { t0Ms: clockMs, dtMs: 20, xyz: new Float32Array(15).fill(0.5) } });
      clockMs += 100;
    }
    session.tick();
  };
  /** A rep the detectors count now, begun 0.9 s before. */
  const rep = () => {
    const nowMs = session.state.nowMs;
    session.handleMotion({ type: 'rep', tMs: nowMs, emittedMs: nowMs, startMs: nowMs - 900, peakDeg: 12 });
  };
  /** Closes the tab, before the test's end, and deletes its store. */
  const close = async () => {
    await persistence.dispose();
    tabs.splice(tabs.indexOf(persistence), 1);
    indexedDB.deleteDatabase(name);
  };
  return { persistence, session, run, rep, close };
}

/** Two tabs of one store: the first records a session, the second has learned that it does. */
async function recordingInTheFirstOfTwo(name: string) {
  const first = openTab(name);
  await first.persistence.start();
  first.session.start();
  first.run(2000);
  await first.persistence.flush();
  const second = openTab(name);
  await second.persistence.start();
  await expect.poll(() => second.persistence.history.state.elsewhere?.status).toBe('active');
  return { first, second };
}

afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.dispose();
});

describe('two tabs', () => {
  it('a tab that starts its own session leaves the one recorded elsewhere alone, and learns when it ends', async () => {
    const name = `tabs-${Date.now()}`;
    const { first, second } = await recordingInTheFirstOfTwo(name);
    expect(second.persistence.history.state.unfinished).toBeNull();

    second.session.start();
    second.run(2000);
    await second.persistence.flush();
    await first.persistence.flush();
    const store = await SessionStore.open({ name });
    const active = await store.unfinishedSessions();
    expect(active).toHaveLength(2);
    // Starting there ended nothing: the first tab's session is still recording.
    expect(active.map((s) => s.status)).toEqual(['active', 'active']);

    first.session.finish();
    await expect.poll(() => second.persistence.history.state.elsewhere).toBeNull();
    await expect.poll(async () => (await store.unfinishedSessions()).length).toBe(1);
    store.close();
  });

  it('a tab learns of a session recorded in another that a full store refused from its first write, and of its end', async () => {
    const name = `tabs-unsaved-${Date.now()}`;
    const first = openTab(name);
    await first.persistence.start();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      first.session.start();
      first.run(2000);
      await first.persistence.flush();
      await expect.poll(() => first.persistence.history.state.problem?.kind).toBe('quota');

      // The store holds nothing of it: the second tab knows it from its lock alone.
      const second = openTab(name);
      await second.persistence.start();
      expect(await second.persistence.pastSessions()).toEqual([]);
      await expect.poll(() => recordedInAnotherTab(second.persistence.history.state)).toBe(true);
      expect(anyBeingRecorded(second.persistence.history.state)).toBe(true);
      // None of it here to move or resume.
      expect(second.persistence.history.state.elsewhere).toBeNull();
      expect(second.persistence.history.state.unfinished).toBeNull();

      first.rep();
      first.run(500);
      first.session.finish();
      await expect.poll(() => recordedInAnotherTab(second.persistence.history.state)).toBe(false);
      expect(anyBeingRecorded(second.persistence.history.state)).toBe(false);
    } finally {
      full.mockRestore();
    }
  });

  it('a tab recording a session a full store refuses saves it as soon as another tab deletes a session, not when its own wait for room is over', async () => {
    const name = `tabs-freed-${Date.now()}`;
    const first = openTab(name);
    await first.persistence.start();
    first.session.start();
    first.run(1500);
    first.rep();
    first.run(500);
    first.session.finish();
    await first.persistence.flush();
    await expect.poll(() => first.persistence.history.state.sessions).toHaveLength(1);
    const older = first.persistence.history.state.sessions[0]!.id;
    first.session.reset();

    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      first.session.start();
      first.run(2000);
      await first.persistence.flush();
      await expect.poll(() => first.persistence.history.state.problem?.kind).toBe('quota');
      const recorded = first.persistence.history.state.recordingId!;
      const second = openTab(name);
      await second.persistence.start();
      await expect.poll(() => second.persistence.history.state.unsavedElsewhere).toBe(true);

      // The older session deleted in the second tab makes the room the first tab's session waits for.
      full.mockRestore();
      await second.persistence.deleteSession(older);
      // Within seconds, where the first tab's own wait for room (FULL_STORE_RETRY_MS) is half a minute.
      await expect.poll(() => first.persistence.history.state.problem, { timeout: 5000 }).toBeNull();
      // Saved, it is one the second tab can move here.
      await expect.poll(() => second.persistence.history.state.elsewhere?.id).toBe(recorded);
      expect(second.persistence.history.state.unsavedElsewhere).toBe(false);
    } finally {
      full.mockRestore();
    }
  });

  it('a tab counts the sets done in the session recorded elsewhere, not those skipped or cut short', async () => {
    const name = `tabs-done-${Date.now()}`;
    const first = openTab(name);
    await first.persistence.start();
    first.session.start();
    first.run(1000);
    // The first set skipped before anything in it was done (the second follows at once, with no
    // rest), the second stopped after one rep.
    first.session.skip();
    first.run(1000);
    first.rep();
    first.session.skip();
    await first.persistence.flush();
    const second = openTab(name);
    await second.persistence.start();
    await expect.poll(() => second.persistence.history.state.elsewhere?.summary.sets).toBe(2);
    await expect
      .poll(() => second.persistence.history.state.elsewhereSets)
      .toEqual({ done: 0, cutShort: 1, skipped: 1 });
    const notice = await mount('bb-storage-notice', { persistence: second.persistence });
    // Skipped after one rep of its ten: cut short, not done.
    expect(notice.shadowRoot?.textContent).toMatch(
      /recording in another tab: your session from .*, 1 set cut short so far\./,
    );
    notice.remove();
  });

  it('a tab whose session moves away starts no session of its own while it lets go', async () => {
    const name = `tabs-move-${Date.now()}`;
    const { first, second } = await recordingInTheFirstOfTwo(name);
    // The first tab's set goes on while it saves its last second for the other tab: a rep counted
    // in that moment is a change of its set, not the start of a new session.
    let counted = false;
    const watch = first.persistence.history.state$.subscribe((state) => {
      if (counted || state.recordingId !== null || !state.hasCurrent) return;
      counted = true;
      setTimeout(() => first.session.adjustCount(1));
    });
    await second.persistence.moveHere();
    watch.unsubscribe();
    expect(counted).toBe(true);
    await expect.poll(() => first.persistence.history.state.movedAway).toBe(true);
    await first.persistence.flush();
    await second.persistence.flush();

    const store = await SessionStore.open({ name });
    // One session, still recording, in the tab it moved to; none started and ended in the first.
    const sessions = await store.listSessions();
    expect(sessions.map((s) => [s.id, s.status])).toEqual([
      [second.persistence.history.state.recordingId, 'active'],
    ]);
    store.close();
  });

  it('a tab whose session moved away says so once, and no more once the session has ended where it went', async () => {
    const name = `tabs-moved-${Date.now()}`;
    const { first, second } = await recordingInTheFirstOfTwo(name);
    await second.persistence.moveHere();
    await expect.poll(() => first.persistence.history.state.elsewhere?.status).toBe('active');
    await expect.poll(() => first.persistence.history.state.movedAway).toBe(true);
    const notice = await mount('bb-storage-notice', { persistence: first.persistence });
    // Said once, with the offer to move it back, not again in a box of its own.
    await expect
      .poll(() => notice.shadowRoot?.textContent)
      .toMatch(/recording in another tab.*It moved there from this tab/s);
    expect(notice.shadowRoot?.textContent).not.toMatch(/moved to another tab/);

    second.session.finish();
    await expect.poll(() => first.persistence.history.state.elsewhere).toBeNull();
    await expect.poll(() => first.persistence.history.state.movedAway).toBe(false);
    await notice.updateComplete;
    expect(notice.shadowRoot?.textContent).not.toMatch(/another tab/);
    notice.remove();
  });
  it('a tab whose session moved away offers to resume it, and says no more that it moved, once that tab has gone', async () => {
    const name = `tabs-moved-closed-${Date.now()}`;
    const { first, second } = await recordingInTheFirstOfTwo(name);
    await second.persistence.moveHere();
    await expect.poll(() => first.persistence.history.state.elsewhere?.status).toBe('active');
    const moved = second.persistence.history.state.recordingId;
    // The other tab is closed in the middle of the session: nobody records it now.
    await second.persistence.dispose();
    tabs.splice(tabs.indexOf(second.persistence), 1);
    await expect.poll(() => first.persistence.history.state.unfinished?.id).toBe(moved);
    await expect.poll(() => first.persistence.history.state.elsewhere).toBeNull();
    await expect.poll(() => first.persistence.history.state.movedAway).toBe(false);
    const notice = await mount('bb-storage-notice', { persistence: first.persistence });
    await expect.poll(() => notice.shadowRoot?.textContent).toMatch(/interrupted/);
    expect(notice.shadowRoot?.textContent).not.toMatch(/another tab/);
    notice.remove();
  });
});

describe('a tab an older Backbeat in another tab keeps from its store', () => {
  /** An older tab that does not let go of the database when a newer one asks; closed by what it gives. */
  async function olderTabHolding(name: string): Promise<() => void> {
    const olderTab = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
        db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] }).createIndex(
          'by-exercise',
          'exerciseId',
        );
      },
    });
    let open = true;
    return () => {
      if (open) olderTab.close();
      open = false;
    };
  }

  it('saves the session that ended while that tab was open once it has closed, as it ended', async () => {
    const name = `tabs-blocked-ended-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    const tab = openTab(name, { openStore: (asks) => SessionStore.open({ name, ...asks }) });
    try {
      await tab.persistence.start();
      tab.session.start();
      tab.run(1000);
      tab.rep();
      tab.run(1000);
      const id = tab.persistence.history.state.recordingId!;
      tab.session.finish();
      await tab.persistence.flush();
      expect(tab.persistence.history.state).toMatchObject({
        storage: 'memory',
        problem: { kind: 'blocked' },
      });
      expect(tab.persistence.sessionsHeldInMemory()).toBe(1);

      closeOlder();
      await expect
        .poll(() => tab.persistence.history.state.sessions.map((s) => [s.id, s.status]))
        .toEqual([[id, 'finished']]);
      expect(tab.persistence.history.state.sessions[0]?.summary.sets).toBe(1);
      expect(tab.persistence.history.state.problem).toBeNull();
      expect(tab.persistence.sessionsHeldInMemory()).toBe(0);
      expect(tab.persistence.history.state.unfinished).toBeNull();
    } finally {
      closeOlder();
      await tab.close();
    }
  });

  it('keeps every session recorded while that tab was open, and saves them all once it has closed, in order, each once', async () => {
    const name = `tabs-blocked-several-${Date.now()}`;
    const olderTab = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
        db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] }).createIndex(
          'by-exercise',
          'exerciseId',
        );
      },
    });
    let olderOpen = true;
    // The wall clock goes on with the tab's as a person's does: sessions begun in the same
    // millisecond tie, and History lists a tie by its ids, in no order of their own.
    const tab = openTab(name, {
      openStore: (asks) => SessionStore.open({ name, ...asks }),
      wallNow: () => Date.now() + tab.session.state.nowMs,
    });
    const reps = (count: number) => {
      for (let r = 0; r < count; r++) {
        tab.run(1500);
        tab.rep();
      }
      tab.run(500);
    };
    try {
      await tab.persistence.start();
      const ids: string[] = [];
      // Two sessions ended there, one with 1 rep and one with 2, and a third under way with 3.
      for (const count of [1, 2, 3]) {
        tab.session.reset();
        tab.session.start();
        reps(count);
        ids.push(tab.persistence.history.state.recordingId!);
        if (count < 3) tab.session.finish();
        await tab.persistence.flush();
      }
      expect(new Set(ids).size).toBe(3);
      expect(tab.persistence.sessionsHeldInMemory()).toBe(3);
      expect(tab.persistence.history.state.problem?.kind).toBe('blocked');
      const notice = await mount('bb-storage-notice', { persistence: tab.persistence });
      await expect
        .poll(() => notice.shadowRoot?.textContent)
        .toMatch(/3 sessions are kept in memory only\. Close that tab, and this one saves them by itself/);
      notice.remove();
      // What History lists each time the tab says it saves: never nothing, where "No sessions saved
      // yet." stood between "cannot be shown while an older Backbeat holds them" and the list.
      const listedWhileSaving: number[] = [];
      const watching = tab.persistence.history.state$.subscribe((state) => {
        if (state.storage === 'saving') listedWhileSaving.push(state.sessions.length);
      });
      // The older tab saves a session of its own meanwhile.
      await olderTab.put('sessions', {
        id: 'older-tab',
        startedAt: Date.now() - 3_600_000,
        summary: { sets: 0, reps: 0, holdMs: 0, durationMs: 60_000 },
        plan: [],
      });
      olderTab.close();
      olderOpen = false;

      await expect.poll(() => tab.persistence.history.state.storage).toBe('saving');
      await tab.persistence.flush();
      watching.unsubscribe();
      expect(listedWhileSaving.length).toBeGreaterThan(0);
      expect(listedWhileSaving.filter((listed) => listed !== 4)).toEqual([]);
      expect(tab.persistence.history.state.problem).toBeNull();
      expect(tab.persistence.sessionsHeldInMemory()).toBe(0);
      const store = await SessionStore.open({ name });
      const rows = await store.listSessions();
      expect(rows.map((row) => row.id).sort()).toEqual([...ids, 'older-tab'].sort());
      const saved = await Promise.all(ids.map((id) => store.loadBundle(id)));
      expect(saved.map((bundle) => bundle?.session.status)).toEqual(['finished', 'finished', 'active']);
      expect(saved.map((bundle) => bundle?.session.summary.reps)).toEqual([1, 2, 0]);
      expect(saved[2]?.session.snapshot?.set?.count).toBe(3);
      // Each from its first frame: the whole of it, not what came after the store opened.
      for (const bundle of saved) {
        expect(Math.min(...(bundle?.motion ?? []).flatMap((chunk) => [...chunk.frameT0Ms]))).toBe(0);
      }
      // Written in the order they were recorded.
      const written = saved.map((bundle) => bundle!.session.updatedAt);
      expect(written).toEqual([...written].sort((a, b) => a - b));
      expect(tab.persistence.history.state.sessions.map((s) => s.id)).toEqual(
        [...ids].reverse().concat('older-tab'),
      );
      store.close();
    } finally {
      if (olderOpen) olderTab.close();
      await tab.close();
    }
  });

  it("keeps the sessions held there through another tab's Delete all, which never had them, and saves them once that tab has closed", async () => {
    const name = `tabs-blocked-deleted-all-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    // Begun seconds apart on the wall clock too, as History lists them by when they began (see above).
    const tab = openTab(name, {
      openStore: (asks) => SessionStore.open({ name, ...asks }),
      wallNow: () => Date.now() + tab.session.state.nowMs,
    });
    const other = browserTabs()!;
    try {
      await tab.persistence.start();
      const ids: string[] = [];
      for (let session = 0; session < 2; session++) {
        tab.session.reset();
        tab.session.start();
        tab.run(1500);
        tab.rep();
        tab.run(500);
        ids.push(tab.persistence.history.state.recordingId!);
        tab.session.finish();
        await tab.persistence.flush();
      }
      expect(tab.persistence.sessionsHeldInMemory()).toBe(2);
      // The older tab's History deletes all that its store holds: none of these. A channel opened
      // after this tab's hears the message after it: by then this tab has taken it in.
      const probe = browserTabs()!;
      const heard = firstValueFrom(probe.messages$.pipe(filter((message) => message.type === 'deleted-all')));
      other.post({ type: 'deleted-all' });
      await heard;
      probe.close();
      expect(tab.persistence.sessionsHeldInMemory()).toBe(2);

      closeOlder();
      await expect
        .poll(() => tab.persistence.history.state.sessions.map((s) => s.id))
        .toEqual([...ids].reverse());
      // The last one's count put right on its summary, still on screen, is saved as ever.
      tab.session.adjustCount(1);
      await tab.persistence.flush();
      const store = await SessionStore.open({ name });
      expect((await store.setsOf(ids[1]!)).map((set) => set.count)).toEqual([2]);
      store.close();
    } finally {
      other.close();
      closeOlder();
      await tab.close();
    }
  });

  it('lets the oldest session held there go of its raw motion past what memory is given for them, and saves the rest of it', async () => {
    const name = `tabs-blocked-memory-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    // Room for the raw motion of the second session (35 frames of 44 bytes), not of both.
    const tab = openTab(name, {
      openStore: (asks) => SessionStore.open({ name, ...asks }),
      heldMotionBytes: 2000,
    });
    try {
      await tab.persistence.start();
      const ids: string[] = [];
      for (const count of [1, 2]) {
        tab.session.reset();
        tab.session.start();
        for (let r = 0; r < count; r++) {
          tab.run(1500);
          tab.rep();
        }
        tab.run(500);
        ids.push(tab.persistence.history.state.recordingId!);
        tab.session.finish();
        await tab.persistence.flush();
      }
      expect(tab.persistence.sessionsHeldInMemory()).toBe(2);

      closeOlder();
      await expect.poll(() => tab.persistence.history.state.sessions.length).toBe(2);
      const store = await SessionStore.open({ name });
      const [oldest, newest] = await Promise.all(ids.map((id) => store.loadBundle(id)));
      expect(oldest?.motion).toEqual([]);
      expect(oldest?.session).toMatchObject({ motionDropped: true, summary: { sets: 1, reps: 1 } });
      expect(oldest?.sets.map((set) => set.count)).toEqual([1]);
      expect(newest?.session.motionDropped).toBeUndefined();
      expect(newest?.session.summary).toMatchObject({ sets: 1, reps: 2 });
      expect(Math.min(...(newest?.motion ?? []).flatMap((chunk) => [...chunk.frameT0Ms]))).toBe(0);
      expect(newest?.motion.flatMap((chunk) => [...chunk.frameT0Ms])).toHaveLength(35);
      store.close();
    } finally {
      closeOlder();
      await tab.close();
    }
  });

  it('says on the summary of a session a full store refused whole once that tab closed that it is not saved yet, not that some of it is', async () => {
    const name = `tabs-blocked-full-summary-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    const tab = openTab(name, { openStore: (asks) => SessionStore.open({ name, ...asks }) });
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await tab.persistence.start();
      tab.session.start();
      tab.run(1500);
      tab.rep();
      tab.run(500);
      tab.session.finish();
      await tab.persistence.flush();

      // That tab closes on a device with no room left: the store opens and refuses the session whole.
      closeOlder();
      await expect.poll(() => tab.persistence.history.state.problem?.kind).toBe('quota');
      await tab.persistence.flush();
      expect(tab.persistence.noneHeldInMemorySaved()).toBe(true);
      expect(tab.persistence.storeNoteAtSummary()).toBe(
        'Storage is full: this session has not been saved yet. Save it as a file below now, and free some space on the device.',
      );
    } finally {
      full.mockRestore();
      closeOlder();
      await tab.close();
    }
  });

  it('keeps the sessions held there that a full store refuses once that tab has closed waiting for room, says so, and saves them once there is', async () => {
    const name = `tabs-blocked-full-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    // Begun seconds apart on the wall clock too, as History lists them by when they began (see above).
    const tab = openTab(name, {
      openStore: (asks) => SessionStore.open({ name, ...asks }),
      wallNow: () => Date.now() + tab.session.state.nowMs,
    });
    const oneRep = () => {
      tab.session.reset();
      tab.session.start();
      tab.run(1500);
      tab.rep();
      tab.run(500);
      return tab.persistence.history.state.recordingId!;
    };
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await tab.persistence.start();
      const ids: string[] = [];
      for (let session = 0; session < 2; session++) {
        ids.push(oneRep());
        tab.session.finish();
        await tab.persistence.flush();
      }
      expect(tab.persistence.sessionsHeldInMemory()).toBe(2);

      // That tab closes on a device with no room left.
      closeOlder();
      await expect.poll(() => tab.persistence.history.state.problem?.kind).toBe('quota');
      await tab.persistence.flush();
      expect(tab.persistence.sessionsHeldInMemory()).toBe(2);
      const notice = await mount('bb-storage-notice', { persistence: tab.persistence });
      await expect
        .poll(() => notice.shadowRoot?.textContent)
        .toContain(
          'Storage is full, so 2 sessions have not been saved yet. They are still here: make room in History, deleting old sessions or freeing their raw motion, and they are saved; or back them up before you close the app.',
        );
      notice.remove();
      // History lists what a backup holds: the two, from memory.
      await expect
        .poll(() => tab.persistence.history.state.sessions.map((s) => s.id))
        .toEqual([...ids].reverse());

      // Room again: the next session's end finds it, and the two held are written before it is done.
      full.mockRestore();
      ids.push(oneRep());
      tab.session.finish();
      await tab.persistence.flush();
      await expect.poll(() => tab.persistence.history.state.problem).toBeNull();
      expect(tab.persistence.sessionsHeldInMemory()).toBe(0);
      const store = await SessionStore.open({ name });
      const saved = await Promise.all(ids.map((id) => store.loadBundle(id)));
      expect(saved.map((bundle) => [bundle?.session.status, bundle?.session.summary.reps])).toEqual([
        ['finished', 1],
        ['finished', 1],
        ['finished', 1],
      ]);
      await expect
        .poll(() => tab.persistence.history.state.sessions.map((s) => s.id))
        .toEqual([...ids].reverse());
      store.close();
    } finally {
      full.mockRestore();
      closeOlder();
      await tab.close();
    }
  });

  it('saves once that tab has closed, with no reload: the session recorded in memory meanwhile, and says so', async () => {
    const name = `tabs-blocked-${Date.now()}`;
    const closeOlder = await olderTabHolding(name);
    const tab = openTab(name, { openStore: (asks) => SessionStore.open({ name, ...asks }) });
    try {
      await tab.persistence.start();
      expect(tab.persistence.history.state).toMatchObject({
        storage: 'memory',
        problem: { kind: 'blocked' },
      });
      const notice = await mount('bb-storage-notice', { persistence: tab.persistence });
      await expect
        .poll(() => notice.shadowRoot?.textContent)
        .toMatch(/open in another tab with an older version/);

      tab.session.start();
      tab.run(1000);
      tab.rep();
      tab.run(2000);
      // Still the older tab's doing, not a browser that keeps no data.
      expect(tab.persistence.history.state.problem?.kind).toBe('blocked');
      const id = tab.persistence.history.state.recordingId!;

      closeOlder();
      await expect.poll(() => tab.persistence.history.state.storage).toBe('saving');
      expect(tab.persistence.history.state.problem).toBeNull();
      await expect.poll(() => notice.shadowRoot?.textContent).not.toMatch(/another tab/);
      notice.remove();

      tab.run(1000);
      await tab.persistence.flush();
      const store = await SessionStore.open({ name });
      const saved = await store.loadBundle(id);
      // From its start: the rep, and the motion of the seconds before the store opened.
      expect(saved?.session.status).toBe('active');
      expect(saved?.session.snapshot?.set?.count).toBe(1);
      expect(Math.min(...(saved?.motion ?? []).flatMap((chunk) => [...chunk.frameT0Ms]))).toBe(0);

      tab.session.finish();
      await tab.persistence.flush();
      expect((await store.getSession(id))?.status).toBe('finished');
      await expect.poll(() => tab.persistence.history.state.sessions.map((s) => s.id)).toEqual([id]);
      store.close();
    } finally {
      closeOlder();
      await tab.close();
    }
  });
});

describe("a tab's channel to the others", () => {
  it('tells them nothing, and throws nothing, once its page has closed it', () => {
    const own = browserTabs()!;
    own.close();
    expect(() => own.post({ type: 'changed' })).not.toThrow();
  });
});
