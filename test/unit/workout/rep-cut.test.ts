import { describe, expect, it } from 'vitest';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { NEUTRAL_TUNING } from '../../../src/motion/tuning.ts';
import { LessonStore, SetLessons, TuningModel, TuningStore } from '../../../src/workout/personal-tuning.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import { repCutAtEnd } from '../../../src/workout/rep-cut.ts';
import {
  initialSessionState,
  type PlannedExercise,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { MemoryStorage } from '../../memory-storage.ts';

// The lat pulldown's chest profile expects a lean back of 9° a rep (motion/profiles.ts).
const EXPECTED_PEAK_DEG = 9;

const rep = (tMs: number): MotionEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs + 300,
  startMs: tMs - 2500,
  peakDeg: 9,
});

const pulldown = (sets = 1): PlannedExercise[] => [
  { exercise: exerciseById('lat-pulldown'), dosage: { sets, target: 12, restS: 60 } },
];

/** A session on a page: the reducer's states, each seen by the page's lessons as the app sees them. */
function page(plan = pulldown(), storage = new MemoryStorage(), from = initialSessionState(plan)) {
  const tunings = new TuningModel(new TuningStore(storage));
  const lessons = new SetLessons(
    tunings,
    { expectedPeakDeg: () => EXPECTED_PEAK_DEG, countedByMotion: () => true },
    new LessonStore(storage),
  );
  let state = from;
  const act = (...actions: SessionAction[]): SessionState => {
    for (const action of actions) {
      state = reduceSession(state, action);
      lessons.observe(state);
    }
    return state;
  };
  return { storage, tunings, act };
}

/** Reps every 4 s from "Go" at 0 s, the first ending at 4 s. */
const steadyReps = (n: number, from = 0): SessionAction[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'motion', event: rep(from + 4000 * (i + 1)) }) as const);

describe('a rep cut off by the end of the set', () => {
  it('a +1 on the summary for the rep Finish cut off teaches nothing of the range', () => {
    const { tunings, act } = page();
    act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 }, ...steadyReps(7));
    // Halfway through the eighth rep, the person taps Finish, and answers its question.
    act({ type: 'pause', nowMs: 30_000, toAsk: true }, { type: 'finish', nowMs: 33_000 });
    const done = act({ type: 'adjust', delta: 1, nowMs: 40_000 });
    expect(done.completed.at(-1)).toMatchObject({ count: 8, corrections: 1, finishedUnderWay: true });
    expect(tunings.tuningFor('lat-pulldown')).toEqual(NEUTRAL_TUNING);
  });

  it('a second +1 is a rep missed, and teaches as a rep missed always has', () => {
    const { tunings, act } = page();
    act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 }, ...steadyReps(7));
    act({ type: 'pause', nowMs: 30_000, toAsk: true }, { type: 'finish', nowMs: 33_000 });
    act({ type: 'adjust', delta: 1, nowMs: 40_000 }, { type: 'adjust', delta: 1, nowMs: 41_000 });
    expect(tunings.tuningFor('lat-pulldown').rangeScale).toBeCloseTo(0.6, 5);
    // Taken back to the one rep cut off: nothing learned, as before the second tap.
    act({ type: 'adjust', delta: -1, nowMs: 42_000 });
    expect(tunings.tuningFor('lat-pulldown')).toEqual(NEUTRAL_TUNING);
  });

  it('a +1 in the set for a rep missed mid-set teaches, though Finish came mid-rep, as does one beyond the rep cut off', () => {
    const { tunings, act } = page();
    // The fourth rep went uncounted, 8 s between the third and the fifth, and the person said so then.
    act(
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      ...steadyReps(3),
      { type: 'adjust', delta: 1, nowMs: 13_000 },
      ...steadyReps(4, 16_000),
    );
    act({ type: 'pause', nowMs: 34_000, toAsk: true }, { type: 'finish', nowMs: 36_000 });
    expect(tunings.tuningFor('lat-pulldown').rangeScale).toBeCloseTo(0.6, 5);
    act({ type: 'adjust', delta: 1, nowMs: 40_000 });
    expect(tunings.tuningFor('lat-pulldown').rangeScale).toBeCloseTo(0.6, 5);
  });

  it('a +1 after a pause mid-set as long as two reps, for the rep Finish cut off, teaches nothing', () => {
    const { tunings, act } = page();
    // Every rep counted; a breath taken between the third and the fourth.
    act(
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      ...steadyReps(3),
      ...steadyReps(4, 17_000),
    );
    act({ type: 'pause', nowMs: 35_000, toAsk: true }, { type: 'finish', nowMs: 37_000 });
    act({ type: 'adjust', delta: 1, nowMs: 40_000 });
    expect(tunings.tuningFor('lat-pulldown')).toEqual(NEUTRAL_TUNING);
  });

  it('a +1 for a rep missed after the last counted one teaches: Finish came with room for a whole rep', () => {
    const { tunings, act } = page();
    act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 }, ...steadyReps(7));
    act({ type: 'pause', nowMs: 35_000, toAsk: true }, { type: 'finish', nowMs: 36_000 });
    act({ type: 'adjust', delta: 1, nowMs: 40_000 });
    expect(tunings.tuningFor('lat-pulldown').rangeScale).toBeCloseTo(0.6, 5);
  });

  it('a +1 in the rest for the rep Skip set cut off teaches nothing, after a reload too', () => {
    const first = page(pulldown(2));
    first.act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 }, ...steadyReps(7));
    const resting = first.act({ type: 'skip', nowMs: 30_000 });
    expect(resting.completed.at(-1)).toMatchObject({ count: 7, skippedUnderWay: true });
    // The page reloads in the rest: the session comes back as it was, and the +1 is tapped there.
    const reloaded = page(pulldown(2), first.storage, resting);
    reloaded.act({ type: 'adjust', delta: 1, nowMs: 35_000 });
    expect(reloaded.tunings.tuningFor('lat-pulldown')).toEqual(NEUTRAL_TUNING);
  });

  it('a +1 for the glute bridge rep Finish cut off teaches nothing, its reps paced from rep to rep, not from leaving the top', () => {
    const bridge: PlannedExercise[] = [
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
    ];
    const { tunings, act } = page(bridge);
    act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 });
    // Reps every 8 s, each held 4 s at the top and back down 1 s after leaving it.
    for (let tMs = 8000; tMs <= 56_000; tMs += 8000) {
      act(
        { type: 'motion', event: { type: 'top', tMs: tMs - 5000, emittedMs: tMs - 5000 } },
        { type: 'motion', event: { type: 'top-left', tMs: tMs - 1000, emittedMs: tMs - 1000 } },
        { type: 'motion', event: rep(tMs) },
      );
    }
    // 2 s into the eighth rep, on the way up, the person taps Finish.
    act({ type: 'pause', nowMs: 58_000, toAsk: true }, { type: 'finish', nowMs: 60_000 });
    const done = act({ type: 'adjust', delta: 1, nowMs: 65_000 });
    expect(done.completed.at(-1)).toMatchObject({ count: 8, corrections: 1, finishedUnderWay: true });
    expect(tunings.tuningFor('glute-bridge')).toEqual(NEUTRAL_TUNING);
  });

  it('a set that stopped by itself, its missed rep put right after, teaches as before', () => {
    const { tunings, act } = page(pulldown(2));
    act({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 }, ...steadyReps(7));
    const resting = act({ type: 'tick', nowMs: 50_000 });
    expect(resting.completed.at(-1)).toMatchObject({ count: 7, endedBy: 'stopped' });
    act({ type: 'adjust', delta: 1, nowMs: 51_000 });
    expect(tunings.tuningFor('lat-pulldown').rangeScale).toBeCloseTo(0.6, 5);
  });
});

describe('repCutAtEnd', () => {
  it('a tap within half again the set’s pace of its last rep cut one off, however the reps before were spaced', () => {
    expect(repCutAtEnd([4000, 4000, 4200, 3800], 2000)).toBe(true);
    expect(repCutAtEnd([4000], 5000)).toBe(true);
    expect(repCutAtEnd([4000, 9000, 4000], 2000)).toBe(true);
  });

  it('not with room for a whole rep before the tap, nor with no rep to pace the set', () => {
    expect(repCutAtEnd([4000, 4000, 4000], 6000)).toBe(false);
    expect(repCutAtEnd([], 2000)).toBe(false);
  });
});
