import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { StoreError, toStoreError } from '../../../src/store/errors.ts';
import { pastSet, progress, weeksOf } from '../../../src/store/progress.ts';
import { type BackbeatDatabase, DB_VERSION, openBackbeatDB } from '../../../src/store/schema.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { describeSessionFacts } from '../../../src/ui/format.ts';
import { progressPlan } from '../../../src/workout/progression.ts';
import { defaultPlan } from '../../../src/workout/session-state.ts';
import { supermanSet } from '../../set-record.ts';

let dbCounter = 0;
const freshName = () => `schema-test-${++dbCounter}`;

/** Noon on Wednesday 3 June 2026, UTC: when session 'a' of the week rows' migrations started. */
const startedAt = Date.UTC(2026, 5, 3, 12);

/**
 * Session 'a' as an older version wrote it: finished ten minutes after `startedAt`, with no heart
 * rate, of its plan and the counts of its summary (the summary's fields as that version had them).
 */
function sessionA(plan: unknown[], counts: Record<string, number>) {
  return {
    id: 'a',
    startedAt,
    utcOffsetMin: 0,
    endedAt: startedAt + 600_000,
    status: 'finished',
    updatedAt: startedAt + 600_000,
    plan,
    snapshot: null,
    summary: { durationMs: 600_000, ...counts, avgBpm: null, maxBpm: null, recoveryBpm: null },
    sources: [],
    gaps: [],
  };
}

/** The sets as rows of session 'a', in order. */
function setsOfA<T>(sets: T[]) {
  return sets.map((set, index) => ({ ...set, sessionId: 'a', index }));
}

describe('schema migrations', () => {
  it('brings a version 1 database with its sessions and sets forward to the current version', async () => {
    const name = freshName();
    const v1 = await openBackbeatDB({ name, version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['sessions', 'sets']);
    // A session as the version 1 app saved it: no status, sources, gaps, snapshot or update time.
    const v1Session = {
      id: 'old',
      startedAt: Date.UTC(2026, 0, 5, 8),
      plan: [{ exerciseId: 'elbow-plank', dosage: { sets: 3, target: 30, restS: 60 } }],
      summary: {
        durationMs: 600_000,
        sets: 1,
        reps: 0,
        holdMs: 31_000,
        avgBpm: null,
        maxBpm: null,
        recoveryBpm: null,
      },
    };
    const v1Set = {
      sessionId: 'old',
      index: 0,
      exerciseId: 'elbow-plank',
      setNumber: 1,
      target: 30,
      count: 0,
      sides: { left: 0, right: 0 },
      holdMs: 31_000,
      peakDeg: null,
      startedMs: 1000,
      endedMs: 33_000,
      endedBy: 'form',
      formIssues: ['plank-sag'],
    };
    // Written with raw idb in the shape of that time: the current row types do not describe it.
    await v1.put('sessions', v1Session as never);
    await v1.put('sets', v1Set as never);
    v1.close();

    const store = await SessionStore.open({ name });
    const [session] = await store.listSessions();
    expect(session).toMatchObject({
      id: 'old',
      status: 'finished',
      endedAt: v1Session.startedAt + 600_000,
      updatedAt: v1Session.startedAt,
      snapshot: null,
      sources: [],
      gaps: [],
    });
    expect(await store.findUnfinishedSession()).toBeNull();
    const bundle = await store.loadBundle('old');
    expect(bundle?.sets).toEqual([v1Set]);
    expect(bundle?.motion).toEqual([]);
    // The charts' week row is built from the sessions already there.
    const [week] = await store.weeks();
    expect(week).toMatchObject({ sessions: 1, longestHoldMs: { 'elbow-plank': 31_000 } });
    store.close();

    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual([
      'events',
      'heartRate',
      'meta',
      'motion',
      'sessions',
      'sets',
      'snapshots',
      'weeks',
    ]);
    raw.close();
  });

  it('moves the resume snapshot of a version 2 session into its own store', async () => {
    const name = freshName();
    const v2 = await openBackbeatDB({ name, version: 2 });
    const snapshot = {
      phase: 'rest',
      exerciseIndex: 0,
      set: null,
      restEndsMs: 95_000,
      nowMs: 61_000,
      startedMs: 0,
      endedMs: null,
    } as const;
    await v2.put('sessions', {
      id: 'running',
      startedAt: 1000,
      endedAt: null,
      status: 'active',
      updatedAt: 62_000,
      plan: [],
      snapshot,
      summary: {
        durationMs: 61_000,
        sets: 1,
        reps: 10,
        holdMs: 0,
        avgBpm: 91,
        maxBpm: 104,
        recoveryBpm: null,
      },
      sources: [],
      gaps: [],
      // As version 2 wrote it: without the UTC offset a session keeps now.
    } as never);
    v2.close();

    const store = await SessionStore.open({ name });
    expect((await store.findUnfinishedSession())?.snapshot).toEqual(snapshot);
    store.close();
    const raw = await openDB(name);
    expect((await raw.get('sessions', 'running')).snapshot).toBeNull();
    expect(await raw.get('snapshots', 'running')).toEqual({ sessionId: 'running', snapshot });
    raw.close();
  });

  it('builds the week rows of a version 4 database again by the calendar, without the ghosts of other zones', async () => {
    const name = freshName();
    const v4 = await openBackbeatDB({ name, version: 4 });
    // Sessions as version 4 saved them, without their offset from UTC: Wednesday noon (UTC) of three
    // weeks in June 2026, each with ten supermans.
    const started = (week: number) => Date.UTC(2026, 5, 3 + 7 * week, 12);
    const session = (id: string, week: number) => ({
      id,
      startedAt: started(week),
      endedAt: started(week) + 600_000,
      status: 'finished',
      updatedAt: started(week) + 600_000,
      plan: [],
      snapshot: null,
      summary: {
        durationMs: 600_000,
        sets: 1,
        reps: 10,
        holdMs: 0,
        avgBpm: null,
        maxBpm: null,
        recoveryBpm: null,
      },
      sources: [],
      gaps: [],
    });
    const set = (sessionId: string) => ({
      sessionId,
      index: 0,
      ...supermanSet({ peakDeg: 18, startedMs: 1000, endedMs: 30_000 }),
    });
    // Week rows as version 4 kept them, keyed by Monday's midnight in the zone of the moment: some in
    // UTC, some in New York (04:00 UTC), and sessions deleted in the other zone still counted in them.
    const weekRow = (weekStart: number, ids: string[]) => ({
      weekStart,
      sessions: ids.length,
      reps: { superman: 10 * ids.length },
      longestHoldMs: {},
      holdTargetS: {},
      supermanBestDeg: 18,
      supermanLiftSumDeg: 18 * ids.length,
      supermanLiftSets: ids.length,
      avgBpm: null,
      maxBpm: null,
      recoveryBpm: null,
      past: ids.map((id) => ({ id, startedAt: started(0), sets: [] })),
    });
    for (const [id, week] of [
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ] as const) {
      await v4.put('sessions', session(id, week) as never);
      await v4.put('sets', set(id) as never);
    }
    await v4.put('weeks', weekRow(Date.UTC(2026, 5, 1), ['a', 'deleted-in-new-york']) as never);
    await v4.put('weeks', weekRow(Date.UTC(2026, 5, 1, 4), ['deleted-in-new-york']) as never);
    await v4.put('weeks', weekRow(Date.UTC(2026, 5, 8, 4), ['b']) as never);
    await v4.put('weeks', weekRow(Date.UTC(2026, 5, 15), ['c', 'deleted-in-utc']) as never);
    v4.close();

    vi.stubEnv('TZ', 'America/New_York');
    try {
      const store = await SessionStore.open({ name });
      // The sessions take the offset of the zone they are upgraded in: the best that can be said of them.
      expect((await store.listSessions()).map((s) => s.utcOffsetMin)).toEqual([-240, -240, -240]);
      const weeks = await store.weeks();
      expect(weeks.map((w) => [w.week, w.past.map((p) => p.id), w.bestCount])).toEqual([
        ['2026-06-01', ['a'], { superman: 10 }],
        ['2026-06-08', ['b'], { superman: 10 }],
        ['2026-06-15', ['c'], { superman: 10 }],
      ]);
      expect(progress(weeks).bestSetReps.lines[0]).toEqual({
        label: 'Superman',
        values: [10, 10, 10],
        styleSlot: 0,
      });
      // Deleted from another zone, a session leaves the week it was counted in.
      vi.stubEnv('TZ', 'Asia/Tokyo');
      await store.deleteSession('b');
      expect((await store.weeks()).map((w) => w.week)).toEqual(['2026-06-01', '2026-06-15']);
      store.close();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('builds the week rows of a version 5 database again with the sets of reps and breaths progression reads', async () => {
    const name = freshName();
    const v5 = await openBackbeatDB({ name, version: 5 });
    const session = sessionA(
      [
        { exerciseId: 'superman', dosage: { sets: 2, target: 10, restS: 45 } },
        { exerciseId: 'drawing-in', dosage: { sets: 1, target: 45, restS: 30 } },
        { exerciseId: 'bird-dog', dosage: { sets: 1, target: 20, restS: 30 } },
      ],
      { sets: 3, reps: 30, holdMs: 45_000 },
    );
    const sets = setsOfA([
      supermanSet({ setNumber: 1 }),
      supermanSet({ setNumber: 2 }),
      supermanSet({ exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 45_000, peakDeg: null }),
    ]);
    await v5.put('sessions', session as never);
    for (const set of sets) await v5.put('sets', set as never);
    // The week row as version 5 kept it: the holds' sets alone, and not how they ended.
    const { endedBy: _, ...drawingIn } = pastSet(sets[2]!);
    await v5.put('weeks', {
      week: '2026-06-01',
      sessions: 1,
      reps: { superman: 20 },
      longestHoldMs: { 'drawing-in': 45_000 },
      holdTargetS: {},
      supermanBestDeg: 16,
      supermanLiftSumDeg: 32,
      supermanLiftSets: 2,
      avgBpm: null,
      maxBpm: null,
      recoveryBpm: null,
      past: [{ id: 'a', startedAt, sets: [drawingIn] }],
    } as never);
    v5.close();

    const store = await SessionStore.open({ name });
    const weeks = await store.weeks();
    // And how many sets of each the session planned: one finished early raises nothing.
    const plannedSets = { superman: 2, 'drawing-in': 1 };
    const exercisesDone = ['superman', 'drawing-in'];
    expect(weeks.map((w) => w.past)).toEqual([
      [{ id: 'a', startedAt, sets: sets.map(pastSet), plannedSets, exercisesDone }],
    ]);
    // What the week rows now keep is enough for the superman's next target.
    const history = weeks.flatMap((w) => w.past);
    const superman = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'superman');
    expect(superman?.dosage.target).toBe(11);
    store.close();
  });

  it("puts a version 6 session's time held right: the sum of its holds in whole seconds, as their rows show them", async () => {
    const name = freshName();
    const v6 = await openBackbeatDB({ name, version: 6 });
    // Three planks of 47.6, 47.7 and 44.9 s: rows of 47, 47 and 44 s; the summary kept their sum in ms.
    const holds = [47_600, 47_700, 44_900];
    const session = sessionA([{ exerciseId: 'elbow-plank', dosage: { sets: 3, target: 45, restS: 60 } }], {
      sets: 3,
      skipped: 0,
      reps: 0,
      breaths: 0,
      holdMs: holds.reduce((a, b) => a + b, 0),
    });
    await v6.put('sessions', session as never);
    const sets = holds.map((holdMs, index) =>
      supermanSet({ exerciseId: 'elbow-plank', setNumber: index + 1, target: 45, count: 0, holdMs }),
    );
    for (const set of setsOfA(sets)) await v6.put('sets', set as never);
    v6.close();

    const store = await SessionStore.open({ name });
    const [migrated] = await store.listSessions();
    expect(migrated?.summary.holdMs).toBe(138_000);
    expect(describeSessionFacts(migrated!.summary)).toContain('2 min 18 s held');
    store.close();
  });

  it('builds the week rows of a version 7 database again with the best set of each week and the weight pulled', async () => {
    const name = freshName();
    const v7 = await openBackbeatDB({ name, version: 7 });
    const session = sessionA(
      [{ exerciseId: 'lat-pulldown', dosage: { sets: 2, target: 12, restS: 60, weightKg: 27.5 } }],
      { sets: 2, skipped: 0, reps: 25, breaths: 0, holdMs: 0 },
    );
    await v7.put('sessions', session as never);
    const sets = [13, 12].map((count, index) =>
      supermanSet({ exerciseId: 'lat-pulldown', setNumber: index + 1, target: 12, count }),
    );
    for (const set of setsOfA(sets)) await v7.put('sets', set as never);
    // The week row as version 7 kept it: the week's reps summed, no best set and no weight.
    await v7.put('weeks', {
      week: '2026-06-01',
      sessions: 1,
      reps: { 'lat-pulldown': 25 },
      longestHoldMs: {},
      supermanBestDeg: null,
      supermanLiftSumDeg: 0,
      supermanLiftSets: 0,
      avgBpm: null,
      maxBpm: null,
      recoveryBpm: null,
      past: [],
    } as never);
    v7.close();

    const store = await SessionStore.open({ name });
    const p = progress(await store.weeks());
    expect(p.pulldownWeight.lines.map((l) => [l.label, l.values])).toEqual([['Weight (kg)', [27.5]]]);
    expect(p.pulldownReps.lines.map((l) => [l.label, l.values])).toEqual([
      ['Best set (reps)', [13]],
      ['Target (reps)', [12]],
    ]);
    store.close();
  });

  it("counts a version 8 session's sets a tap ended short of their target as cut short, where it called them all done", async () => {
    const name = freshName();
    const v8 = await openBackbeatDB({ name, version: 8 });
    // Sets as the app saved them before the summary kept how many were cut short: Skip set at 4 of
    // 10 reps and Finish during a plank at 9 of 30 s say so in their rows; reps that stopped coming
    // at 7 ended by themselves, as did every set saved before a tap was kept, and stay done.
    const sets = [
      supermanSet({ setNumber: 1, count: 10 }),
      supermanSet({ setNumber: 2, count: 4, endedBy: 'stopped', skippedUnderWay: true }),
      supermanSet({ setNumber: 3, count: 7, endedBy: 'stopped' }),
      supermanSet({
        exerciseId: 'elbow-plank',
        target: 30,
        count: 0,
        holdMs: 9_000,
        endedBy: 'stopped',
        finishedUnderWay: true,
      }),
      supermanSet({ exerciseId: 'bird-dog', count: 0, endedBy: 'skipped' }),
    ];
    await v8.put(
      'sessions',
      sessionA([], { sets: 5, skipped: 1, reps: 21, breaths: 0, holdMs: 9_000 }) as never,
    );
    for (const set of setsOfA(sets)) await v8.put('sets', set as never);
    v8.close();

    const store = await SessionStore.open({ name });
    const [migrated] = await store.listSessions();
    expect(migrated?.summary).toMatchObject({ sets: 5, skipped: 1, cutShort: 2 });
    expect(describeSessionFacts(migrated!.summary)).toContain('2 done, 2 cut short, 1 skipped');
    store.close();
  });

  it("counts a version 11 session's hold ended with End hold short of its target as cut short, where it called it done", async () => {
    const name = freshName();
    const v11 = await openBackbeatDB({ name, version: 11 });
    const sets = [
      supermanSet({ setNumber: 1, count: 10 }),
      supermanSet({ setNumber: 2, count: 2, endedBy: 'stopped', skippedUnderWay: true }),
      supermanSet({
        exerciseId: 'drawing-in',
        target: 45,
        count: 0,
        holdMs: 20_699,
        endedBy: 'stopped',
        endedByHand: true,
      }),
    ];
    await v11.put(
      'sessions',
      sessionA([], { sets: 3, skipped: 0, cutShort: 1, reps: 12, breaths: 0, holdMs: 20_000 }) as never,
    );
    for (const set of setsOfA(sets)) await v11.put('sets', set as never);
    v11.close();

    const store = await SessionStore.open({ name });
    const [migrated] = await store.listSessions();
    expect(migrated?.summary).toMatchObject({ sets: 3, skipped: 0, cutShort: 2 });
    expect(describeSessionFacts(migrated!.summary)).toContain('1 done, 2 cut short');
    store.close();
  });

  it('leaves a version 8 session with nothing cut short or skipped as it was: years of them are not rewritten', async () => {
    const name = freshName();
    const v8 = await openBackbeatDB({ name, version: 8 });
    // Saved before the summary counted sets skipped: no count at all, which reads as none.
    const saved = sessionA([], { sets: 1, reps: 10, breaths: 0, holdMs: 0 } as never);
    await v8.put('sessions', saved as never);
    for (const set of setsOfA([supermanSet({ setNumber: 1, count: 10 })])) await v8.put('sets', set as never);
    v8.close();

    const store = await SessionStore.open({ name });
    const [migrated] = await store.listSessions();
    expect(migrated?.summary).toEqual(saved.summary);
    store.close();
  });

  it('builds the week rows of a version 9 database again with every exercise each session did', async () => {
    const name = freshName();
    const v9 = await openBackbeatDB({ name, version: 9 });
    const sets = [
      supermanSet({ exerciseId: 'glute-bridge', count: 15, target: 15 }),
      supermanSet({ exerciseId: 'bird-dog', count: 20, target: 20, sides: { left: 10, right: 10 } }),
      supermanSet({ exerciseId: 'bat-hang', count: 0, endedBy: 'skipped', neverBegun: true }),
    ];
    await v9.put(
      'sessions',
      sessionA([], { sets: 3, skipped: 1, cutShort: 0, reps: 35, breaths: 0, holdMs: 0 }) as never,
    );
    for (const set of setsOfA(sets)) await v9.put('sets', set as never);
    // The week row as version 9 kept it: the sets progression follows, of which there are none here.
    await v9.put('weeks', {
      week: '2026-06-01',
      past: [{ id: 'a', startedAt, sets: [], plannedSets: {} }],
    } as never);
    v9.close();

    const store = await SessionStore.open({ name });
    const [week] = await store.weeks();
    // The bat hang skipped before it began was not done: its movement is still to be explained.
    expect(week?.past.map((session) => session.exercisesDone)).toEqual([['glute-bridge', 'bird-dog']]);
    store.close();
  });

  it("builds the week rows of a version 9 database again with each week's highest target of reps", async () => {
    // Session 'a' does its full dose, 12 supermans; session 'b', two days later, a short one of 3.
    const name = freshName();
    const v9 = await openBackbeatDB({ name, version: 9 });
    const counts = { sets: 1, skipped: 0, cutShort: 0, breaths: 0, holdMs: 0 };
    await v9.put('sessions', sessionA([], { ...counts, reps: 12 }) as never);
    const shortSession = {
      ...sessionA([], { ...counts, reps: 3 }),
      id: 'b',
      startedAt: startedAt + 2 * 86_400_000,
    };
    await v9.put('sessions', shortSession as never);
    for (const set of setsOfA([supermanSet({ count: 12, target: 12 })])) await v9.put('sets', set as never);
    await v9.put('sets', { ...supermanSet({ count: 3, target: 3 }), sessionId: 'b', index: 0 } as never);
    // The week row as version 9 kept it: the target of the week's last session alone.
    await v9.put('weeks', {
      week: '2026-06-01',
      sessions: 2,
      bestCount: { superman: 12 },
      countTarget: { superman: 3 },
      heaviestKg: {},
      longestHoldMs: {},
      supermanBestDeg: 16,
      supermanLiftSumDeg: 32,
      supermanLiftSets: 2,
      avgBpm: null,
      maxBpm: null,
      recoveryBpm: null,
      past: [],
    } as never);
    v9.close();

    const store = await SessionStore.open({ name });
    const lines = progress(await store.weeks()).bestSetReps.lines;
    expect(lines.map((l) => [l.label, l.values])).toEqual([
      ['Superman', [12]],
      ['Superman target', [12]],
    ]);
    store.close();
  });

  it("tells a version 9 session's bird dog per side, from its sets' rows", async () => {
    const name = freshName();
    const v9 = await openBackbeatDB({ name, version: 9 });
    const sets = [
      supermanSet({ setNumber: 1, count: 10 }),
      supermanSet({ exerciseId: 'bird-dog', target: 20, count: 20 }),
      supermanSet({ exerciseId: 'bird-dog', setNumber: 2, target: 20, count: 15, endedBy: 'stopped' }),
    ];
    await v9.put('sessions', sessionA([], { sets: 3, skipped: 0, reps: 45, breaths: 0, holdMs: 0 }) as never);
    for (const set of setsOfA(sets)) await v9.put('sets', set as never);
    v9.close();

    const store = await SessionStore.open({ name });
    const [migrated] = await store.listSessions();
    expect(describeSessionFacts(migrated!.summary)).toBe(
      '10 min · 3 sets · 10 reps · Bird dog 18 right, 17 left',
    );
    store.close();
  });

  it("upgrades a version 10 database with the glute bridge's sets kept for progression, which offers it a set more", async () => {
    const name = freshName();
    const v10 = await openBackbeatDB({ name, version: 10 });
    const session = sessionA([], { sets: 1, skipped: 0, reps: 15, breaths: 0, holdMs: 0 });
    await v10.put('sessions', session as never);
    const bridge = supermanSet({ exerciseId: 'glute-bridge', target: 15, count: 15, peakDeg: null });
    for (const set of setsOfA([bridge])) await v10.put('sets', set as never);
    // The week as version 10 kept it: without the bridge's sets.
    for (const week of weeksOf([session as never], [])) await v10.put('weeks', week as never);
    v10.close();
    const store = await SessionStore.open({ name });
    const weeks = await store.weeks();
    expect(
      weeks.flatMap((week) => week.past.flatMap((past) => past.sets.map((set) => set.exerciseId))),
    ).toEqual(['glute-bridge']);
    store.close();
  });

  it('builds the week rows of a version 12 database again, leaving out of the longest hold one broken by a pause', async () => {
    const name = freshName();
    const v12 = await openBackbeatDB({ name, version: 12 });
    const session = sessionA([], { sets: 2, skipped: 0, reps: 0, breaths: 0, holdMs: 77_000 });
    await v12.put('sessions', session as never);
    const sets = setsOfA([
      supermanSet({ exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 45_000, pausedInHold: true }),
      supermanSet({ exerciseId: 'elbow-plank', setNumber: 1, target: 30, count: 0, holdMs: 32_000 }),
    ]);
    for (const set of sets) await v12.put('sets', set as never);
    // The week as version 12 kept it: the broken drawing-in its longest.
    await v12.put('weeks', {
      ...weeksOf([session as never], sets as never)[0]!,
      longestHoldMs: { 'drawing-in': 45_000, 'elbow-plank': 32_000 },
    } as never);
    v12.close();
    const store = await SessionStore.open({ name });
    const holds = progress(await store.weeks()).holds.lines.map((line) => [line.label, line.values]);
    expect(holds).toEqual([
      ['Elbow plank (s)', [32]],
      ['Elbow plank target (s)', [30]],
      ['Drawing-in (s)', [null]],
      ['Drawing-in target (s)', [null]],
    ]);
    store.close();
  });

  it("builds the week rows of a version 13 database again, keeping a plank's goal through a hold ended short by hand", async () => {
    const name = freshName();
    const v13 = await openBackbeatDB({ name, version: 13 });
    const plan = [{ exerciseId: 'elbow-plank', dosage: { sets: 3, target: 45, restS: 60 } }];
    const session = sessionA(plan, { sets: 1, skipped: 0, reps: 0, breaths: 0, holdMs: 12_000 });
    await v13.put('sessions', session as never);
    const sets = setsOfA([
      supermanSet({
        exerciseId: 'elbow-plank',
        target: 45,
        count: 0,
        holdMs: 12_400,
        endedBy: 'stopped',
        endedByHand: true,
      }),
    ]);
    for (const set of sets) await v13.put('sets', set as never);
    // The week as version 13 kept it: its plank with no word of the tap that ended it.
    const [week] = weeksOf([session as never], sets as never);
    await v13.put('weeks', {
      ...week!,
      past: week!.past.map((past) => ({
        ...past,
        sets: past.sets.map(({ endedByHand: _hand, ...set }) => set),
      })),
    } as never);
    v13.close();
    const store = await SessionStore.open({ name });
    const history = (await store.weeks()).flatMap((w) => w.past);
    const plank = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'elbow-plank');
    expect(plank?.dosage.target).toBe(45);
    store.close();
  });

  it("tells a version 14 session's hold broken by a pause with the pause, from its sets' rows", async () => {
    const name = freshName();
    const v14 = await openBackbeatDB({ name, version: 14 });
    const session = sessionA([], { sets: 2, skipped: 0, reps: 0, breaths: 0, holdMs: 77_000 });
    await v14.put('sessions', session as never);
    const sets = setsOfA([
      supermanSet({ exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 45_400, pausedInHold: true }),
      supermanSet({ exerciseId: 'elbow-plank', setNumber: 1, target: 30, count: 0, holdMs: 32_000 }),
    ]);
    for (const set of sets) await v14.put('sets', set as never);
    v14.close();
    const store = await SessionStore.open({ name });
    const [upgraded] = await store.listSessions();
    expect(upgraded?.summary.pausedHoldMs).toBe(45_000);
    expect(describeSessionFacts(upgraded!.summary)).toBe(
      '10 min · 2 sets · 1 min 17 s held, 45 s of it with a pause',
    );
    store.close();
  });

  it('builds the week rows once an upgrade from version 8 on, however many of its steps change what they keep', async () => {
    const built: Record<number, [number, string[]]> = {};
    for (let version = 8; version < DB_VERSION; version++) {
      const name = freshName();
      const older = await openBackbeatDB({ name, version });
      await older.put(
        'sessions',
        sessionA([], { sets: 1, skipped: 0, reps: 10, breaths: 0, holdMs: 0 }) as never,
      );
      await older.put('sets', setsOfA([supermanSet()])[0] as never);
      older.close();
      const clears = vi.spyOn(IDBObjectStore.prototype, 'clear');
      try {
        const store = await SessionStore.open({ name });
        const times = clears.mock.contexts.filter((s) => (s as IDBObjectStore).name === 'weeks').length;
        built[version] = [times, (await store.weeks()).flatMap((week) => week.past.map((past) => past.id))];
        store.close();
      } finally {
        clears.mockRestore();
      }
    }
    // Version 14's rows keep all that today's do: its upgrade leaves them as they were, none here.
    expect(built).toEqual({
      8: [1, ['a']],
      9: [1, ['a']],
      10: [1, ['a']],
      11: [1, ['a']],
      12: [1, ['a']],
      13: [1, ['a']],
      14: [0, []],
    });
  });

  it("upgrades a version 9 database in one pass over its sets' rows, rewriting only the sessions it tells anew", async () => {
    const name = freshName();
    const v9 = await openBackbeatDB({ name, version: 9 });
    const withBirdDog = sessionA([], { sets: 2, skipped: 0, reps: 30, breaths: 0, holdMs: 0 });
    const supermanOnly = {
      ...sessionA([], { sets: 1, skipped: 0, reps: 10, breaths: 0, holdMs: 0 }),
      id: 'b',
      startedAt: startedAt + 86_400_000,
    };
    await v9.put('sessions', withBirdDog as never);
    await v9.put('sessions', supermanOnly as never);
    const sets = [
      supermanSet({ setNumber: 1, count: 10 }),
      supermanSet({ exerciseId: 'bird-dog', target: 20, count: 20 }),
    ];
    for (const set of setsOfA(sets)) await v9.put('sets', set as never);
    await v9.put('sets', { ...supermanSet({ setNumber: 1, count: 10 }), sessionId: 'b', index: 0 } as never);
    v9.close();

    const reads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const writes = vi.spyOn(IDBCursor.prototype, 'update');
    try {
      const store = await SessionStore.open({ name });
      const setsReads = reads.mock.contexts.filter(
        (objectStore) => (objectStore as IDBObjectStore).name === 'sets',
      );
      // Years of sets are read once, for the sessions' summaries and their weeks both.
      expect(setsReads).toHaveLength(1);
      // The session with a bird dog is told per side; the other's summary is as it was, not rewritten.
      expect(writes.mock.calls.map(([row]) => (row as { id: string }).id)).toEqual(['a']);
      const sessions = await store.listSessions();
      expect(sessions.map((s) => [s.id, describeSessionFacts(s.summary)])).toEqual([
        ['b', '10 min · 1 set · 10 reps'],
        ['a', '10 min · 2 sets · 10 reps · Bird dog 10 each side'],
      ]);
      expect(sessions.find((s) => s.id === 'b')?.summary).toEqual(supermanOnly.summary);
      const [week] = await store.weeks();
      expect(week?.past.map((past) => [past.id, past.exercisesDone])).toEqual([
        ['a', ['superman', 'bird-dog']],
        ['b', ['superman']],
      ]);
      store.close();
    } finally {
      reads.mockRestore();
      writes.mockRestore();
    }
  });

  it('reports a blocked upgrade as a StoreError while an older tab holds the database open', async () => {
    const name = freshName();
    // An old tab that does not close its connection when asked to.
    const oldTab = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
        db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] }).createIndex(
          'by-exercise',
          'exerciseId',
        );
      },
    });
    const error = await openBackbeatDB({ name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('blocked');
    expect((error as StoreError).message).toMatch(/another tab/);
    expect((error as StoreError).message).toMatch(/Close that tab, and this one saves sessions by itself/);
    oldTab.close();
  });

  it('waits for an older tab that holds the database open, when asked to, and opens once it has closed', async () => {
    const name = freshName();
    const oldTab = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
        db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] }).createIndex(
          'by-exercise',
          'exerciseId',
        );
      },
    });
    let told = 0;
    let opened: BackbeatDatabase | null = null;
    const opening = openBackbeatDB({ name, onBlocked: () => told++ }).then((db) => (opened = db));
    await vi.waitFor(() => expect(told).toBe(1));
    expect(opened).toBeNull();
    oldTab.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('weeks');
    db.close();
  });

  it('closes its own connection and says so when a newer version wants to upgrade', async () => {
    const name = freshName();
    let told = false;
    const db = await openBackbeatDB({ name, onVersionChange: () => (told = true) });
    const newer = await openDB(name, DB_VERSION + 1);
    expect(told).toBe(true);
    expect(() => db.transaction('sessions')).toThrow();
    newer.close();
    // This (older) code now meets a newer database.
    const error = await openBackbeatDB({ name }).catch((e: unknown) => e);
    expect((error as StoreError).kind).toBe('version');
    // There is no other tab here: the words say what is true, a newer version of the data.
    expect((error as StoreError).message).toMatch(/comes from a newer version of Backbeat/);
    expect((error as StoreError).message).not.toMatch(/tab/);
  });

  it('classifies a quota failure', () => {
    const error = toStoreError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/export it/);
  });
});
