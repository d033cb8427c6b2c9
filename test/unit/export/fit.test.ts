import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { OWN_EXERCISE_NAME, toFit } from '../../../src/export/fit.ts';
import { allHeartRate } from '../../../src/export/replay.ts';
import { wallTimeOf } from '../../../src/store/codec.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { begunAt, recordSession, STARTED_AT, withoutWeight } from './recorded-session.ts';

describe('FIT export', () => {
  it("writes a strength-training activity that Garmin's own decoder reads back set by set", async () => {
    const bundle = await recordSession();
    const bytes = await toFit(bundle);
    const decoder = new Decoder(Stream.fromByteArray(bytes));
    expect(decoder.isFIT()).toBe(true);
    expect(decoder.checkIntegrity()).toBe(true);
    const { messages, errors } = decoder.read();
    expect(errors).toEqual([]);

    expect(messages.fileIdMesgs?.[0]).toMatchObject({ type: 'activity', manufacturer: 'development' });
    expect(messages.sessionMesgs?.[0]).toMatchObject({
      sport: 'training',
      subSport: 'strengthTraining',
      avgHeartRate: bundle.session.summary.avgBpm,
      maxHeartRate: bundle.session.summary.maxBpm,
    });
    expect(messages.sessionMesgs?.[0]?.startTime).toEqual(new Date(STARTED_AT));
    expect(messages.activityMesgs).toHaveLength(1);
    expect(messages.lapMesgs).toHaveLength(1);

    const active = (messages.setMesgs ?? []).filter((s) => s.setType === 'active');
    const rests = (messages.setMesgs ?? []).filter((s) => s.setType === 'rest');
    expect(active.map((s) => [s.category, s.categorySubtype, s.repetitions, s.weight])).toEqual([
      [['hyperextension'], [29], 3, undefined],
      [['hyperextension'], [29], 3, undefined],
      [['plank'], [43], undefined, undefined],
      [['core'], [48], 4, undefined],
      [['core'], [OWN_EXERCISE_NAME], undefined, undefined],
      [['pullUp'], [25], 3, 27.5],
    ]);
    expect(rests).toHaveLength(5);
    const plank = bundle.sets.find((s) => s.exerciseId === 'elbow-plank')!;
    expect(active[2]?.duration).toBeCloseTo(plank.holdMs! / 1000, 3);
    expect(active[2]?.startTime).toEqual(
      new Date(Math.floor(wallTimeOf(bundle.session, plank.endedMs - plank.holdMs!) / 1000) * 1000),
    );

    expect(messages.exerciseTitleMesgs?.map((t) => t.wktStepName)).toEqual([
      'Superman',
      'Elbow plank',
      'Bird dog',
      'Drawing-in',
      'Wide-grip lat pulldown',
    ]);
    const records = messages.recordMesgs ?? [];
    // Every beat heard in the session, and none heard after its end.
    const endMs = bundle.session.snapshot!.endedMs!;
    const beats = allHeartRate(bundle).filter((s) => s.tMs <= endMs);
    expect(beats.length).toBeLessThan(allHeartRate(bundle).length);
    expect(records).toHaveLength(beats.length);
    expect(records.every((r) => typeof r.heartRate === 'number' && r.heartRate >= 80)).toBe(true);
  });

  it('gives the local time of the place the session was done, wherever the file is made', async () => {
    const bundle = await recordSession();
    const tokyo = { ...bundle, session: { ...bundle.session, utcOffsetMin: 540 } };
    const [activity] = decode(await toFit(tokyo)).activityMesgs ?? [];
    const asFitSeconds = (d: unknown) => (d instanceof Date ? d.getTime() / 1000 - 631_065_600 : Number(d));
    // Whole seconds both, apart by the offset exactly: a reader takes the zone from the difference.
    const ahead = (a: { localTimestamp?: unknown; timestamp?: unknown } | undefined) =>
      asFitSeconds(a?.localTimestamp) - asFitSeconds(a?.timestamp);
    expect(ahead(activity)).toBe(540 * 60);
    // The clocks went forward during it (Berlin, the last Sunday of March): the local time of its
    // end is summer time's.
    const berlin = { ...bundle, session: { ...bundle.session, utcOffsetMin: 60, endUtcOffsetMin: 120 } };
    expect(ahead(decode(await toFit(berlin)).activityMesgs?.[0])).toBe(120 * 60);
  });
  it('gives a lat pulldown done before a weight was logged no weight, where 0 kg would be one', async () => {
    const messages = decode(await toFit(withoutWeight(await recordSession())));
    const pulldown = (messages.setMesgs ?? []).filter((s) => s.setType === 'active').at(-1);
    expect(pulldown).toMatchObject({ category: ['pullUp'], repetitions: 3 });
    expect(pulldown).not.toHaveProperty('weight');
  });
});

/** Decodes with Garmin's SDK, checking the file first. */
function decode(bytes: Uint8Array) {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  expect(decoder.checkIntegrity()).toBe(true);
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  return messages;
}

/** The name of each active set, found as a reader finds it: the exercise_title the set points at. */
function setNames(messages: ReturnType<typeof decode>): string[] {
  const titles = messages.exerciseTitleMesgs ?? [];
  return (messages.setMesgs ?? [])
    .filter((s) => s.setType === 'active')
    .map((set) => {
      const byIndex = titles.find((t) => t.messageIndex === set.wktStepIndex);
      const byName = titles.filter(
        (t) => t.exerciseCategory === set.category?.[0] && t.exerciseName === set.categorySubtype?.[0],
      );
      // Both ways of pointing agree, and no two exercises share a category and number.
      expect(byName).toEqual([byIndex]);
      return byIndex?.wktStepName ?? 'Unknown';
    });
}

describe('FIT exercise names', () => {
  it('gives every set a name that resolves, the bat hang and drawing-in included', async () => {
    const bundle = await recordSession();
    const withBatHang: SessionBundle = {
      ...bundle,
      sets: [
        ...bundle.sets,
        {
          ...bundle.sets.at(-1)!,
          index: bundle.sets.length,
          exerciseId: 'bat-hang',
          setNumber: 1,
          count: 4,
          startedMs: bundle.sets.at(-1)!.endedMs + 1000,
          endedMs: bundle.sets.at(-1)!.endedMs + 40_000,
        },
      ],
    };
    const messages = decode(await toFit(withBatHang));
    expect(setNames(messages)).toEqual([
      'Superman',
      'Superman',
      'Elbow plank',
      'Bird dog',
      'Drawing-in',
      'Wide-grip lat pulldown',
      'Bat hang',
    ]);
    const batHang = (messages.setMesgs ?? []).filter((s) => s.setType === 'active').at(-1)!;
    expect(batHang.category).toEqual(['warmUp']);
  });
});

describe('FIT sets as the work done', () => {
  const seconds = (d: unknown) => (d as Date).getTime() / 1000;

  it("gives a hold's set the hold alone: the instructions and the wait for the tap before it are rest", async () => {
    const bundle = await recordSession();
    const messages = decode(await toFit(bundle));
    const sets = messages.setMesgs ?? [];
    const active = sets.filter((s) => s.setType === 'active');
    for (const [i, id] of [
      [2, 'elbow-plank'],
      [4, 'drawing-in'],
    ] as const) {
      const hold = bundle.sets.find((s) => s.exerciseId === id)!;
      // The set record runs from when it fell due, "Go" and the start of the hold some seconds later.
      expect(hold.endedMs - hold.startedMs - hold.holdMs!).toBeGreaterThan(1000);
      expect(active[i]!.duration).toBeCloseTo(hold.holdMs! / 1000, 3);
      expect(seconds(active[i]!.timestamp)).toBeCloseTo(
        wallTimeOf(bundle.session, hold.endedMs) / 1000,
        -0.5,
      );
    }
    // A rep set runs from when its work began: the recording's first superman from its first rep.
    const superman = bundle.sets[0]!;
    expect(superman.workBeganMs).toBeGreaterThan(superman.startedMs);
    expect(active[0]!.duration).toBeCloseTo((superman.endedMs - superman.workBeganMs!) / 1000, 3);
    // Set after set, each rest runs from the end of the work before it to the start of the next.
    sets.forEach((set, i) => {
      const next = sets[i + 1];
      if (next) expect(seconds(next.startTime)).toBe(seconds(set.timestamp));
      expect(set.setType).toBe(i % 2 === 0 ? 'active' : 'rest');
    });
  });
});

describe('FIT sets of a session kept before a set kept when its work began', () => {
  const seconds = (d: unknown) => (d as Date).getTime() / 1000;

  it("runs a rep set from its first rep's movement, read from the detectors' events kept with it, not from when it fell due", async () => {
    const recorded = await recordSession();
    // Kept with no start of its work, the lat pulldown fell due 14 s before its first rep: its name
    // and how it is done were said first.
    const sets = recorded.sets.map(({ workBeganMs: _none, ...set }, i, all) =>
      i === all.length - 1 ? { ...set, startedMs: set.startedMs - 14_000 } : set,
    );
    const older = { ...recorded, sets };
    const active = (decode(await toFit(older)).setMesgs ?? []).filter((s) => s.setType === 'active');
    const pulldown = sets.at(-1)!;
    const firstRep = older.events
      .map((row) => (row.data.kind === 'motion' ? row.data.event : null))
      .find((event) => event?.type === 'rep' && event.tMs > pulldown.startedMs);
    const beganMs = firstRep?.type === 'rep' ? firstRep.startMs : Number.NaN;
    expect(beganMs - pulldown.startedMs).toBeGreaterThan(14_000);
    expect(active.at(-1)!.duration).toBeCloseTo((pulldown.endedMs - beganMs) / 1000, 3);
    // In FIT's whole seconds.
    expect(seconds(active.at(-1)!.startTime)).toBe(Math.floor(wallTimeOf(older.session, beganMs) / 1000));
  });

  it('runs a rep set whose first rep left no event it can read from when the set fell due, not from a later rep', async () => {
    const recorded = await recordSession();
    const sets = recorded.sets.map(({ workBeganMs: _none, ...set }) => set);
    const pulldown = sets.at(-1)!;
    const reps = recorded.events.filter(
      (row) => row.data.kind === 'motion' && row.data.event.type === 'rep' && row.tMs > pulldown.startedMs,
    );
    expect(reps).toHaveLength(3);
    // A backup read with the first rep's event unreadable, left out as its reader does.
    const dropped = { ...recorded, sets, events: recorded.events.filter((row) => row !== reps[0]) };
    const messages = decode(await toFit(dropped));
    const active = (messages.setMesgs ?? []).filter((s) => s.setType === 'active');
    // The second rep began some 3 s into the work: nothing says that none came before it.
    expect(seconds(active.at(-1)!.startTime)).toBe(
      Math.floor(wallTimeOf(dropped.session, pulldown.startedMs) / 1000),
    );
    expect(active.at(-1)!.duration).toBeCloseTo((pulldown.endedMs - pulldown.startedMs) / 1000, 3);
    expect(active.at(-1)!.repetitions).toBe(3);
    // The sets before it, their events whole, are still timed from their first rep.
    const whole = (decode(await toFit({ ...recorded, sets })).setMesgs ?? []).filter(
      (s) => s.setType === 'active',
    );
    expect(active.slice(0, -1)).toEqual(whole.slice(0, -1));
  });
});

describe('FIT sets skipped', () => {
  it('leaves out a set skipped before it counted anything: the time it waited is rest', async () => {
    const bundle = await recordSession();
    const last = bundle.sets.at(-1)!;
    const skipped = {
      ...last,
      index: bundle.sets.length,
      exerciseId: 'elbow-plank' as const,
      setNumber: 2,
      count: 0,
      holdMs: null,
      endedBy: 'skipped' as const,
      startedMs: last.endedMs + 30_000,
      endedMs: last.endedMs + 31_900,
    };
    const after = {
      ...last,
      index: bundle.sets.length + 1,
      setNumber: last.setNumber + 1,
      startedMs: last.endedMs + 60_000,
      endedMs: last.endedMs + 90_000,
    };
    // Kept as never begun (skipped while it waited for the person), or from before that was kept.
    const [unmarked, marked] = await Promise.all(
      [skipped, { ...skipped, neverBegun: true }].map((set) =>
        toFit({ ...bundle, sets: [...bundle.sets, set, after] }),
      ),
    );
    expect(marked).toEqual(unmarked);
    const messages = decode(unmarked!);
    const sets = messages.setMesgs ?? [];
    const active = sets.filter((s) => s.setType === 'active');
    expect(active).toHaveLength(bundle.sets.length + 1);
    expect(active.some((s) => s.repetitions === 0 && s.duration! < 2)).toBe(false);
    // The rest before the set after it runs from the end of the one before the skip.
    const seconds = (d: unknown) => (d as Date).getTime() / 1000;
    const rest = sets.filter((s) => s.setType === 'rest').at(-1)!;
    expect(rest.duration).toBeCloseTo(60, 0);
    expect(seconds(rest.timestamp)).toBeCloseTo(seconds(active.at(-1)!.startTime), 0);
  });
});

describe('FIT timer around time away from the app', () => {
  it('stops the timer while the app was closed, so set durations and timer time agree with the clock', async () => {
    const bundle = await recordSession();
    // The app was closed for 40 minutes in the middle of the plank hold (the third set).
    const plank = bundle.sets[2]!;
    const away = { atMs: plank.startedMs + 10_000, gapMs: 40 * 60_000 };
    const resumed: SessionBundle = {
      ...bundle,
      session: { ...bundle.session, gaps: [away], endedAt: bundle.session.endedAt! + away.gapMs },
    };
    const messages = decode(await toFit(resumed));
    // The SDK decodes FIT date_time fields as Dates.
    const seconds = (d: unknown) => (d as Date).getTime() / 1000;

    const timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    expect(timer.map((e) => e.eventType)).toEqual(['start', 'stopAll', 'start', 'stopAll']);
    const [, stop, start] = timer;
    expect(seconds(start!.timestamp) - seconds(stop!.timestamp)).toBeCloseTo(away.gapMs / 1000, -0.5);

    const session = messages.sessionMesgs![0]!;
    const timeAway = seconds(start!.timestamp) - seconds(stop!.timestamp);
    expect(session.totalElapsedTime! - session.totalTimerTime!).toBeCloseTo(timeAway, -0.5);
    expect(session.totalTimerTime).toBeCloseTo(bundle.session.snapshot!.endedMs! / 1000, 0);

    // Each set's clock span is its duration plus whatever time away falls inside it.
    const sets = messages.setMesgs ?? [];
    for (const set of sets) {
      const from = seconds(set.startTime);
      const to = seconds(set.timestamp);
      const inside = from <= seconds(stop!.timestamp) && to >= seconds(start!.timestamp) ? timeAway : 0;
      expect(to - from - inside).toBeCloseTo(set.duration!, -0.5);
    }
    const plankSet = sets.filter((s) => s.setType === 'active')[2]!;
    expect(plankSet.duration).toBeCloseTo(plank.holdMs! / 1000, 3);
    expect(seconds(plankSet.timestamp) - seconds(plankSet.startTime)).toBeGreaterThan(40 * 60);
    // The set durations add up to the timer time, less the time after the last set.
    const total = sets.reduce((n, s) => n + (s.duration ?? 0), 0);
    const afterLast = (bundle.session.snapshot!.endedMs! - bundle.sets.at(-1)!.endedMs) / 1000;
    // And less the time before the first set's work began: its instructions.
    const beforeFirst = bundle.sets[0]!.workBeganMs! / 1000;
    expect(total).toBeCloseTo(session.totalTimerTime! - afterLast - beforeFirst, 1);
  });
});

describe('FIT of sessions recorded in odd ways', () => {
  const seconds = (d: unknown) => (d as Date).getTime() / 1000;

  it('takes the app closed twice at the same moment (again within a second of a resume) as one time away', async () => {
    const bundle = await recordSession();
    const atMs = bundle.sets[2]!.startedMs + 10_000;
    const gaps = [
      { atMs, gapMs: 5 * 60_000 },
      { atMs, gapMs: 60 * 60_000 },
    ];
    const endedAt = bundle.session.endedAt! + 65 * 60_000;
    const messages = decode(await toFit({ ...bundle, session: { ...bundle.session, gaps, endedAt } }));
    const timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    expect(timer.map((e) => e.eventType)).toEqual(['start', 'stopAll', 'start', 'stopAll']);
    const times = timer.map((e) => seconds(e.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[2]! - times[1]!).toBeCloseTo(65 * 60, 0);
    const session = messages.sessionMesgs![0]!;
    expect(session.totalElapsedTime! - session.totalTimerTime!).toBeCloseTo(65 * 60, 0);
  });

  it('ends an unfinished session at its last write, after every heart rate it recorded', async () => {
    const bundle = await recordSession();
    const snapshot = bundle.session.snapshot!;
    // Left unfinished: the per-second writes moved the snapshot on; the summary was written earlier.
    const unfinished: SessionBundle = {
      ...bundle,
      session: {
        ...bundle.session,
        status: 'active',
        endedAt: null,
        snapshot: { ...snapshot, endedMs: null, nowMs: snapshot.endedMs! },
        summary: { ...bundle.session.summary, durationMs: bundle.sets[1]!.endedMs },
      },
    };
    const messages = decode(await toFit(unfinished));
    const session = messages.sessionMesgs![0]!;
    const end = seconds(session.timestamp);
    const records = (messages.recordMesgs ?? []).map((r) => seconds(r.timestamp));
    expect(records.length).toBeGreaterThan(10);
    expect(Math.max(...records)).toBeLessThanOrEqual(end);
    expect(session.totalTimerTime).toBeCloseTo(snapshot.endedMs! / 1000, 0);
  });

  it('has records even when no heart rate was heard: one at the start and one at the end', async () => {
    const bundle = await recordSession();
    const messages = decode(await toFit({ ...bundle, heartRate: [] }));
    const records = messages.recordMesgs ?? [];
    const session = messages.sessionMesgs![0]!;
    expect(records.map((r) => seconds(r.timestamp))).toEqual([
      seconds(session.startTime),
      seconds(session.timestamp),
    ]);
    expect(records.every((r) => r.heartRate === undefined)).toBe(true);
    expect(session.avgHeartRate).toBeUndefined();
  });

  it('stops the timer while the session was paused, so set durations and timer time leave the pause out', async () => {
    const bundle = await recordSession();
    const plank = bundle.sets[2]!;
    // Paused for 8 s in the middle of the plank hold, as the session's clock went on.
    // The hold's timer stood still with it: 8 s less held, to the same end.
    const pause = { atMs: plank.startedMs + 10_000, ms: 8000 };
    const held = { ...plank, holdMs: plank.holdMs! - pause.ms };
    const paused: SessionBundle = {
      ...bundle,
      session: { ...bundle.session, snapshot: { ...bundle.session.snapshot!, pauses: [pause] } },
      sets: bundle.sets.map((set) => (set === plank ? held : set)),
    };
    const messages = decode(await toFit(paused));
    const timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    expect(timer.map((e) => e.eventType)).toEqual(['start', 'stopAll', 'start', 'stopAll']);
    expect(seconds(timer[2]!.timestamp) - seconds(timer[1]!.timestamp)).toBe(8);
    const session = messages.sessionMesgs![0]!;
    expect(session.totalElapsedTime! - session.totalTimerTime!).toBeCloseTo(8, 3);
    const plankSet = (messages.setMesgs ?? []).filter((s) => s.setType === 'active')[2]!;
    expect(plankSet.duration).toBeCloseTo(held.holdMs / 1000, 3);
    // It began when the hold did, before the pause.
    expect(seconds(plankSet.timestamp) - seconds(plankSet.startTime)).toBeCloseTo(plank.holdMs! / 1000, -0.5);
    // The other sets ran through without a pause.
    const first = (messages.setMesgs ?? [])[0]!;
    expect(first.duration).toBeCloseTo((bundle.sets[0]!.endedMs - bundle.sets[0]!.workBeganMs!) / 1000, 3);
  });

  it('takes a pause the app was closed in as one stop, and a pause the session ended in as its end', async () => {
    const bundle = await recordSession();
    const atMs = bundle.sets[2]!.startedMs + 10_000;
    const snapshot = bundle.session.snapshot!;
    // Paused, closed for an hour 5 s into the pause, resumed paused, and resumed 15 s later.
    const closedInPause: SessionBundle = {
      ...bundle,
      session: {
        ...bundle.session,
        gaps: [{ atMs: atMs + 5000, gapMs: 3_600_000 }],
        endedAt: bundle.session.endedAt! + 3_600_000,
        snapshot: { ...snapshot, pauses: [{ atMs, ms: 20_000 }] },
      },
    };
    let messages = decode(await toFit(closedInPause));
    let timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    expect(timer.map((e) => e.eventType)).toEqual(['start', 'stopAll', 'start', 'stopAll']);
    expect(seconds(timer[2]!.timestamp) - seconds(timer[1]!.timestamp)).toBe(3600 + 20);
    let session = messages.sessionMesgs![0]!;
    expect(session.totalTimerTime).toBeCloseTo(snapshot.endedMs! / 1000 - 20, 3);

    // Finished while paused: the timer stopped when the pause began, and does not start again.
    const endedInPause: SessionBundle = {
      ...bundle,
      session: { ...bundle.session, snapshot: { ...snapshot, pausedAtMs: snapshot.endedMs! - 5000 } },
    };
    messages = decode(await toFit(endedInPause));
    timer = (messages.eventMesgs ?? []).filter((e) => e.event === 'timer');
    expect(timer.map((e) => e.eventType)).toEqual(['start', 'stopAll']);
    session = messages.sessionMesgs![0]!;
    expect(seconds(timer[1]!.timestamp)).toBe(seconds(session.timestamp) - 5);
    expect(session.totalElapsedTime! - session.totalTimerTime!).toBeCloseTo(5, 3);
  });

  it('refuses a session dated before FIT can hold a date, and says which files can', async () => {
    const bundle = await recordSession();
    const old = begunAt(bundle, Date.UTC(1985, 5, 1));
    await expect(toFit(old)).rejects.toThrow(/no date before July 1998.*dated 1985.*CSV and JSON/);
    const first = begunAt(bundle, Date.UTC(1998, 6, 5));
    expect(seconds(decode(await toFit(first)).sessionMesgs![0]!.startTime)).toBe(Date.UTC(1998, 6, 5) / 1000);
  });
});
