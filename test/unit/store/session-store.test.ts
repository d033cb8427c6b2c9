import { afterEach, describe, expect, it, vi } from 'vitest';
import { replayStreams } from '../../../src/export/replay.ts';
import {
  decodeHeartRateChunk,
  decodeMotionChunk,
  encodeHeartRateChunk,
  encodeMotionChunk,
} from '../../../src/store/codec.ts';
import { progress } from '../../../src/store/progress.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { summarize } from '../../../src/store/summary.ts';
import { supermanSet } from '../../set-record.ts';

let dbCounter = 0;
const openStore = () => SessionStore.open({ name: `store-test-${++dbCounter}` });

/**
 * Refuses, as a full store does (the write refused aborts its transaction), every row put into the
 * object stores `refused` names; the rest are written.
 */
function refusePuts(refused: (into: IDBObjectStore) => boolean) {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (!refused(this)) return put.apply(this, args);
    this.transaction.abort();
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

function bundle(id: string, startedAt: number): SessionBundle {
  return {
    session: {
      id,
      startedAt,
      utcOffsetMin: 0,
      endedAt: startedAt + 60_000,
      status: 'finished',
      updatedAt: startedAt + 60_000,
      plan: [],
      snapshot: null,
      summary: summarize([], [], 60_000),
      sources: [],
      gaps: [],
    },
    sets: [],
    events: [{ sessionId: id, seq: 0, tMs: 10, data: { kind: 'cue', text: 'Go' } }],
    heartRate: [encodeHeartRateChunk(id, 0, 'strap', [{ tMs: 0, bpm: 80, rrMs: [750] }])],
    motion: [
      encodeMotionChunk(id, 0, 'strap', [
        { t0Ms: 0, dtMs: 5, xyz: new Float32Array([0, 0, 1, 0, 0.5, 0.5]) },
      ]),
    ],
  };
}

describe('motion and heart-rate chunks', () => {
  it('keep frames, their timing and 1 mg resolution, clamping beyond ±32 g', () => {
    const frames = [
      { t0Ms: 100, dtMs: 5, xyz: new Float32Array([0.0123, -0.9876, 0.1234, 0.5, 40, -40]) },
      { t0Ms: 217.5, dtMs: 0, xyz: new Float32Array([1, 2, 3]) },
    ];
    const row = encodeMotionChunk('s', 3, 'strap', frames);
    expect(row.mg.byteLength).toBe(9 * 2);
    const back = decodeMotionChunk(row);
    expect(back.map((f) => [f.t0Ms, f.dtMs, f.xyz.length])).toEqual([
      [100, 5, 6],
      [217.5, 0, 3],
    ]);
    expect(back[0]!.xyz[0]).toBeCloseTo(0.012, 6);
    expect(back[0]!.xyz[1]).toBeCloseTo(-0.988, 6);
    expect(back[0]!.xyz[4]).toBeCloseTo(32.767, 4);
    expect(back[0]!.xyz[5]).toBeCloseTo(-32.767, 4);
    expect(Array.from(back[1]!.xyz)).toEqual([1, 2, 3]);
  });

  it('keep each beat with its own RR intervals', () => {
    const samples = [
      { tMs: 1000, bpm: 72, rrMs: [812, 830] },
      { tMs: 2000, bpm: 73, rrMs: [] },
      { tMs: 3000, bpm: 75, rrMs: [790] },
    ];
    expect(decodeHeartRateChunk(encodeHeartRateChunk('s', 0, 'strap', samples))).toEqual(samples);
  });
});

describe('SessionStore', () => {
  it('says whether a full store takes a write again with a small one of its own, leaving the sessions as they were', async () => {
    const store = await openStore();
    await store.importBundles([bundle('a', 1_000)]);
    const put = IDBObjectStore.prototype.put;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(store.takesAWrite()).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      full.mockRestore();
    }
    expect(IDBObjectStore.prototype.put).toBe(put);
    await expect(store.takesAWrite()).resolves.toBeUndefined();
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['a']);
    expect(await store.importJournals()).toEqual([]);
    store.close();
  });

  it('deletes a session from a full store, which refuses a transaction that writes anything however much it deletes, and then counts its week without it', async () => {
    const store = await openStore();
    // Two sessions of one week: deleting one rewrites the week's chart row, it does not delete it.
    await store.importBundles([bundle('a', 1_000), bundle('b', 2_000)]);
    let full = true;
    const { put, delete: remove } = IDBObjectStore.prototype;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (!full) return put.apply(this, args);
      // As Chromium does: the whole transaction is refused at its end, its deletes with it.
      this.transaction.abort();
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const freed = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      this.transaction.addEventListener('complete', () => (full = false));
      return remove.apply(this, args);
    });
    try {
      await store.deleteSession('a');
    } finally {
      refused.mockRestore();
      freed.mockRestore();
    }
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b']);
    expect(await store.loadBundle('a')).toBeNull();
    expect((await store.weeks()).flatMap((week) => week.past.map((past) => past.id))).toEqual(['b']);
    store.close();
  });

  it('keeps a session and its week together when a full store refuses its week rewritten, even once its raw motion has gone', async () => {
    const store = await openStore();
    await store.importBundles([bundle('a', 1_000), bundle('b', 2_000)]);
    const put = IDBObjectStore.prototype.put;
    // Full for good: what a delete frees is less than the week's row takes.
    const refused = refusePuts(() => true);
    try {
      await expect(store.deleteSession('a')).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      refused.mockRestore();
    }
    expect(IDBObjectStore.prototype.put).toBe(put);
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b', 'a']);
    const weeks = await store.weeks();
    expect(weeks.map((week) => week.sessions)).toEqual([2]);
    expect(weeks.flatMap((week) => week.past.map((past) => past.id))).toEqual(['a', 'b']);
    // Only its raw motion went, which was to go with it: its sets, beats and events are kept.
    const kept = await store.loadBundle('a');
    expect(kept).toMatchObject({ motion: [], events: bundle('a', 1_000).events });
    expect(kept?.heartRate).toHaveLength(1);
    store.close();
  });

  it('counts no raw motion for a session a full store would not delete once that motion has gone, where its row has room to say so', async () => {
    const store = await openStore();
    await store.importBundles([bundle('a', 1_000), bundle('b', 2_000)]);
    // Counted into each session's row, as Settings counts what raw motion takes.
    expect((await store.motionUsage()).map((u) => [u.id, u.bytes])).toEqual([
      ['a', 26],
      ['b', 26],
    ]);
    // Room for a session's row, and never for its week's chart row rewritten.
    const refused = refusePuts((into) => into.name === 'weeks');
    try {
      await expect(store.deleteSession('a')).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      refused.mockRestore();
    }
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b', 'a']);
    expect((await store.loadBundle('a'))?.motion).toEqual([]);
    expect((await store.motionUsage()).map((u) => [u.id, u.bytes])).toEqual([
      ['a', 0],
      ['b', 26],
    ]);
    expect((await store.getSession('a'))?.motionDropped).toBe(true);
    store.close();
  });

  it('lists newest first, deletes one session with all its rows, and deletes everything', async () => {
    const store = await openStore();
    await store.importBundles([bundle('a', 1000), bundle('b', 3000), bundle('c', 2000)]);
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    await store.deleteSession('c');
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b', 'a']);
    expect(await store.loadBundle('c')).toBeNull();
    const a = await store.loadBundle('a');
    expect(a?.events).toHaveLength(1);
    expect(a?.motion[0]?.mg).toBeInstanceOf(Int16Array);
    await store.deleteAll();
    expect(await store.listSessions()).toEqual([]);
    expect(await store.allSets()).toEqual([]);
    store.close();
  });

  it('never overwrites a session it already has when importing', async () => {
    const store = await openStore();
    await store.importBundles([bundle('a', 1000)]);
    const changed = bundle('a', 9999);
    const result = await store.importBundles([changed, bundle('d', 5000), bundle('d', 5000)]);
    expect(result).toEqual({ added: ['d'], skipped: ['a', 'd'] });
    expect((await store.getSession('a'))?.startedAt).toBe(1000);
    store.close();
  });

  it('takes a finished session in place of its unfinished copy, and only that', async () => {
    const store = await openStore();
    // Storage filled up in the middle of the session: its row stayed as it was, unfinished.
    const whole = bundle('a', Date.UTC(2026, 10, 2, 8));
    const stale: SessionBundle = {
      ...whole,
      session: { ...whole.session, status: 'active', endedAt: null },
      events: [],
    };
    await store.importBundles([stale]);
    const result = await store.importBundles([whole]);
    expect(result.added).toEqual(['a']);
    expect(result.replaced).toEqual([await storedAs(stale)]);
    expect(await store.loadBundle('a')).toEqual(await storedAs(whole));
    expect(await store.unfinishedSessions()).toEqual([]);
    // A finished copy is never replaced, nor by an unfinished one.
    expect(await store.importBundles([{ ...whole, events: [] }])).toEqual({ added: [], skipped: ['a'] });
    expect(await store.importBundles([stale])).toEqual({ added: [], skipped: ['a'] });
    expect((await store.loadBundle('a'))?.events).toHaveLength(1);
    store.close();

    /** The bundle as the store gives it back: its snapshot in the row. */
    async function storedAs(b: SessionBundle): Promise<SessionBundle> {
      const other = await openStore();
      await other.importBundles([b]);
      const back = (await other.loadBundle(b.session.id))!;
      other.close();
      return back;
    }
  });

  it('puts back the copy an import replaced only while the session is still here: one deleted since stays deleted', async () => {
    const store = await openStore();
    const whole = bundle('a', Date.UTC(2026, 10, 2, 8));
    const stale: SessionBundle = {
      ...whole,
      session: { ...whole.session, status: 'active', endedAt: null },
      events: [],
    };
    await store.importBundles([stale]);
    const [before] = (await store.importBundles([whole])).replaced!;
    expect(await store.putBackReplaced(before!)).toBe(true);
    expect(await store.loadBundle('a')).toEqual(before);
    expect(await store.unfinishedSessions()).toEqual([before!.session]);

    await store.importBundles([whole]);
    await store.deleteSession('a');
    expect(await store.putBackReplaced(before!)).toBe(false);
    expect(await store.sessionIds()).toEqual([]);
    expect((await store.weeks()).flatMap((week) => week.past)).toEqual([]);
    store.close();
  });

  it('takes the whole of a session in place of the cut-short copy closed since, never of one that went elsewhere', async () => {
    const store = await openStore();
    const start = Date.UTC(2026, 10, 2, 8);
    const set = (index: number, startedMs: number) => ({
      ...supermanSet({ setNumber: index + 1, startedMs, endedMs: startedMs + 40_000 }),
      sessionId: 'a',
      index,
    });
    const withSets = (sets: SessionBundle['sets'], durationMs: number): SessionBundle => {
      const base = bundle('a', start);
      return {
        ...base,
        session: {
          ...base.session,
          endedAt: start + durationMs,
          summary: { ...base.session.summary, durationMs },
        },
        sets,
      };
    };
    // Storage failed after the first set; the copy left here was closed where it stopped.
    await store.importBundles([withSets([set(0, 0)], 60_000)]);
    const whole = withSets([set(0, 0), set(1, 90_000), set(2, 180_000)], 240_000);
    const result = await store.importBundles([whole]);
    expect(result.added).toEqual(['a']);
    expect(result.replaced?.[0]?.sets).toHaveLength(1);
    expect((await store.loadBundle('a'))?.sets).toHaveLength(3);
    // A copy that does not hold every set here went another way: it is not taken, however long.
    const other = withSets([set(0, 0), set(1, 95_000)], 600_000);
    expect(await store.importBundles([other])).toEqual({ added: [], skipped: ['a'] });
    expect((await store.loadBundle('a'))?.sets).toHaveLength(3);
    store.close();
  });
});

describe('one writer per session', () => {
  it('refuses the writes of a tab once another has claimed the session, even one begun before', async () => {
    const store = await openStore();
    const { session, motion } = bundle('s', Date.UTC(2026, 10, 2, 8));
    await store.write({ session: { ...session, status: 'active', writer: 'tab-a' } }, 'tab-a');
    await store.write({ motion }, 'tab-a');
    await store.claim('s', 'tab-b');
    await expect(store.write({ motion: [{ ...motion[0]!, seq: 1 }] }, 'tab-a')).rejects.toMatchObject({
      kind: 'moved',
      message: 'This session moved to another tab and is recorded there now. Nothing was lost.',
    });
    await store.write({ motion: [{ ...motion[0]!, seq: 1, sourceId: 'b' }] }, 'tab-b');
    const saved = await store.loadBundle('s');
    expect(saved?.session.writer).toBe('tab-b');
    expect(saved?.motion.map((c) => c.sourceId)).toEqual(['strap', 'b']);
    store.close();
  });
});

describe('a session deleted while a write of it waits', () => {
  it('is not written back by a write made only if it is still stored, which writes it while it is', async () => {
    const store = await openStore();
    const { session, events, motion } = bundle('s', Date.UTC(2026, 10, 2, 8));
    await store.write({ session, events }, 'tab-a');
    expect(await store.write({ motion, onlyIfStored: true }, 'tab-a')).toBe(true);
    expect((await store.loadBundle('s'))?.motion).toHaveLength(1);
    await store.deleteSession('s');
    const corrected = { ...session, summary: summarize([supermanSet({ count: 6 })], [], 60_000) };
    // Said to the writer: nothing was written, which is no sign of room in a full store.
    const taken = await store.write(
      { session: corrected, events: [{ ...events[0]!, seq: 1 }], onlyIfStored: true },
      'tab-a',
    );
    expect(taken).toBe(false);
    expect(await store.loadBundle('s')).toBeNull();
    expect(await store.weeks()).toEqual([]);
    expect(await store.countSessions()).toBe(0);
    store.close();
  });
});

describe('pages and weeks', () => {
  it('lists sessions a page at a time, newest first, and keeps a chart row per week as they come and go', async () => {
    const store = await openStore();
    const monday = Date.UTC(2026, 10, 2, 8);
    const day = 86_400_000;
    await store.importBundles([0, 1, 2, 7, 8].map((d) => bundle(`d${d}`, monday + d * day)));
    expect((await store.pageOfSessions(2)).map((s) => s.id)).toEqual(['d8', 'd7']);
    expect(
      (await store.pageOfSessions(2, { startedAt: monday + 7 * day, id: 'd7' })).map((s) => s.id),
    ).toEqual(['d2', 'd1']);
    expect(await store.countSessions()).toBe(5);
    expect((await store.weeks()).map((w) => w.sessions)).toEqual([3, 2]);
    await store.deleteSession('d7');
    await store.deleteSession('d8');
    expect((await store.weeks()).map((w) => w.sessions)).toEqual([3]);
    store.close();
  });
});

describe('the history, a page at a time', () => {
  it('reaches every session exactly once when some began at the same moment, across any page', async () => {
    const store = await openStore();
    const start = Date.UTC(2026, 10, 2, 8);
    // The same session imported twice under other ids; three at the start of the oldest page; and
    // twelve oldest of all at one time, more than a page.
    const starts = [0, 1, 1, 2, 3, 3, 3, 4, 5, 5, ...Array(12).fill(-1)];
    const ids = starts.map((_, i) => `s${String(i).padStart(2, '0')}`);
    await store.importBundles(starts.map((d, i) => bundle(ids[i]!, start + d * 60_000)));
    for (const size of [1, 2, 3, 5, 20]) {
      const listed: string[] = [];
      for (let page = await store.pageOfSessions(size); page.length > 0; ) {
        listed.push(...page.map((s) => s.id));
        page = await store.pageOfSessions(size, page.at(-1));
      }
      expect(listed).toEqual((await store.listSessions()).map((s) => s.id));
      expect(new Set(listed).size).toBe(starts.length);
    }
    store.close();
  });
});

describe('a session rewritten into another week', () => {
  it('leaves the row of the week it was in', async () => {
    const store = await openStore();
    // Monday 02:00 UTC: that Monday's week in UTC, the week before in New York.
    const { session } = bundle('s', Date.UTC(2026, 10, 2, 2));
    await store.write({ session });
    expect((await store.weeks()).map((w) => w.week)).toEqual(['2026-11-02']);
    await store.write({ session: { ...session, utcOffsetMin: -300 } });
    expect((await store.weeks()).map((w) => [w.week, w.sessions])).toEqual([['2026-10-26', 1]]);
    store.close();
  });
});

describe('a finished session, compacted', () => {
  it('keeps every frame and beat in about a row a minute per source', async () => {
    const store = await openStore();
    const id = 'long';
    const base = bundle(id, Date.UTC(2026, 10, 2, 8));
    const motion = Array.from({ length: 150 }, (_, seq) =>
      encodeMotionChunk(id, seq, seq % 3 === 0 ? 'watch' : 'strap', [
        { t0Ms: seq * 1000, dtMs: 20, xyz: new Float32Array(30).fill(seq / 1000) },
        { t0Ms: seq * 1000 + 200, dtMs: 20, xyz: new Float32Array(12).fill(-seq / 1000) },
      ]),
    );
    const heartRate = Array.from({ length: 150 }, (_, seq) =>
      encodeHeartRateChunk(id, seq, 'strap', [{ tMs: seq * 1000, bpm: 80 + (seq % 20), rrMs: [700, 710] }]),
    );
    await store.importBundles([{ ...base, motion, heartRate }]);
    const before = replayStreams((await store.loadBundle(id))!);
    await store.compact(id);
    const after = await store.loadBundle(id);
    // The watch's 50 chunks in one row, the strap's 100 in two.
    expect(after!.motion.length).toBe(3);
    expect(after!.heartRate.length).toBe(3);
    expect(after!.motion.map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(replayStreams(after!)).toEqual(before);
    store.close();
  });
});

describe('weeks after a change of time zone', () => {
  // Node reads TZ afresh for every date computed after it is set: the app opened elsewhere.
  const inZone = (zone: string) => {
    vi.stubEnv('TZ', zone);
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(zone === 'UTC' ? 0 : 240);
  };
  afterEach(() => vi.unstubAllEnvs());

  const day = 86_400_000;
  const week = 7 * day;
  const firstMonday = Date.UTC(2026, 5, 1);
  /** A session of ten supermans at `at`. */
  const withReps = (id: string, at: number): SessionBundle => ({
    ...bundle(id, at),
    sets: [{ sessionId: id, index: 0, ...supermanSet({ peakDeg: 20, endedMs: 30_000 }) }],
  });
  // Monday and Thursday mornings from 1 June to 2 November, saved in UTC.
  const history = Array.from({ length: 23 }, (_, w) => [
    withReps(`mon-${w}`, firstMonday + w * week + 7 * 3600_000),
    withReps(`thu-${w}`, firstMonday + w * week + 3 * day + 18 * 3600_000),
  ]).flat();

  it('charts every week saved in UTC when the app is opened in New York', async () => {
    inZone('UTC');
    const store = await openStore();
    for (const b of history) await store.write({ session: b.session, sets: b.sets });
    inZone('America/New_York');
    const { bestSetReps } = progress(await store.weeks());
    expect(bestSetReps.x).toHaveLength(23);
    expect(bestSetReps.lines[0]).toEqual({ label: 'Superman', values: Array(23).fill(10), styleSlot: 0 });
    store.close();
  });

  it('takes a session deleted in New York out of the week it was saved in, in every zone', async () => {
    inZone('UTC');
    const store = await openStore();
    // Monday 02:00 in UTC is still Sunday evening in New York: the week before, there.
    const early = withReps('early', firstMonday + 3 * week + 2 * 3600_000);
    for (const b of [...history, early]) await store.write({ session: b.session, sets: b.sets });
    inZone('America/New_York');
    await store.deleteSession('early');
    await store.deleteSession('thu-5');
    inZone('UTC');
    const weeks = await store.weeks();
    const ids = weeks.flatMap((w) => w.past.map((p) => p.id));
    expect(ids).not.toContain('early');
    expect(ids).not.toContain('thu-5');
    expect(ids).toHaveLength(history.length - 1);
    // Each week row counts its two sessions, the week 'thu-5' left one.
    const counts = Array(23).fill(2);
    counts[5] = 1;
    expect(weeks.map((w) => w.sessions)).toEqual(counts);
    store.close();
  });
});
