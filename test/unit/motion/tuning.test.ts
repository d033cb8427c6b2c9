import { describe, expect, it } from 'vitest';
import { adaptTuning, NEUTRAL_TUNING, type PersonalTuning } from '../../../src/motion/index.ts';
import { EXERCISE_POSTURE, type VirtualExercise } from '../../../src/sensors/virtual/choreography.ts';
import { TYPICAL_PERSON } from '../../../src/sensors/virtual/person.ts';
import { simulateRecording } from '../../../src/sensors/virtual/recording.ts';
import {
  correctionOf,
  LessonStore,
  learnedInSession,
  parseTunings,
  type SetLesson,
  SetLessons,
  TuningModel,
  TuningStore,
} from '../../../src/workout/personal-tuning.ts';
import type { SetRecord } from '../../../src/workout/session.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { detectWith } from './detect-with.ts';

/** One set of `target` reps by a simulated person who moves through `depth` of the usual range. */
function set(exercise: VirtualExercise, depth: number, seed: number, tuning: PersonalTuning) {
  const rec = simulateRecording({
    seed,
    activities: [{ kind: 'exercise', exercise, target: 10 }],
    person: { ...TYPICAL_PERSON, depth },
    rateHz: 50,
    startPosture: EXERCISE_POSTURE[exercise],
    dropoutChance: 0,
  });
  return { truth: rec.truth.reps, counted: detectWith(exercise, rec, tuning) };
}

describe('learning from the person', () => {
  it('a person who moves through 55% of the range is undercounted once, corrects it, and is counted from the next set on', () => {
    const first = set('bird-dog', 0.55, 11, NEUTRAL_TUNING);
    expect(first.counted).toBeLessThan(first.truth);
    // The person taps +1 for each missed rep: the set ends with the true count.
    const tuning = adaptTuning(NEUTRAL_TUNING, { detected: first.counted, corrected: first.truth });
    expect(tuning.rangeScale).toBeLessThan(1);
    for (const seed of [12, 13, 14]) {
      const next = set('bird-dog', 0.55, seed, tuning);
      expect(next.counted).toBe(next.truth);
    }
    // A person of the usual range is still counted exactly with the neutral tuning.
    const usual = set('bird-dog', 1, 15, NEUTRAL_TUNING);
    expect(usual.counted).toBe(usual.truth);
  });

  it('an extra count raises the expected range; ending a hold by hand makes holds end sooner', () => {
    const extra = adaptTuning(NEUTRAL_TUNING, { detected: 11, corrected: 10 });
    expect(extra.rangeScale).toBeGreaterThan(1);
    const byHand = adaptTuning(NEUTRAL_TUNING, { detected: 0, corrected: 0, holdEndedByHand: true });
    expect(byHand.holdLeaveScale).toBeLessThan(1);
    expect(byHand.rangeScale).toBe(1);
    expect(adaptTuning(NEUTRAL_TUNING, { detected: 10, corrected: 10 })).toEqual(NEUTRAL_TUNING);
  });

  it('stays within bounds however many corrections come', () => {
    let t = NEUTRAL_TUNING;
    for (let i = 0; i < 30; i++) t = adaptTuning(t, { detected: 0, corrected: 10, holdEndedByHand: true });
    expect(t.rangeScale).toBeGreaterThanOrEqual(0.35);
    expect(t.holdLeaveScale).toBeGreaterThanOrEqual(0.4);
    for (let i = 0; i < 30; i++) t = adaptTuning(t, { detected: 12, corrected: 10 });
    expect(t.rangeScale).toBeLessThanOrEqual(1.5);
  });

  it('is kept for the next session, and broken or unknown entries are dropped', () => {
    const storage = new MemoryStorage();
    const model = new TuningModel(new TuningStore(storage));
    expect(model.tuningFor('bird-dog')).toEqual(NEUTRAL_TUNING);
    model.set('bird-dog', { rangeScale: 0.7, holdLeaveScale: 1 });
    const reopened = new TuningModel(new TuningStore(storage));
    expect(reopened.tuningFor('bird-dog')).toEqual({ rangeScale: 0.7, holdLeaveScale: 1 });
    expect(
      parseTunings({
        'bird-dog': { rangeScale: 'x' },
        dance: { rangeScale: 1, holdLeaveScale: 1 },
        superman: null,
      }),
    ).toEqual({});
    const unusable = new TuningModel(new TuningStore(null));
    unusable.set('superman', { rangeScale: 0.8, holdLeaveScale: 1 });
    expect(unusable.tuningFor('superman').rangeScale).toBe(0.8);
  });
});

describe('what a finished set teaches', () => {
  const record = {
    exerciseId: 'bird-dog',
    setNumber: 1,
    target: 10,
    count: 10,
    sides: { left: 5, right: 5 },
    holdMs: null,
    peakDeg: 3.9,
    startedMs: 0,
    endedMs: 60_000,
    endedBy: 'target',
    formIssues: [],
  } as const;

  it('nothing when the person corrected nothing', () => {
    expect(correctionOf(record, 7)).toBeNull();
  });

  it('the counts before and after the corrections, and the range of the reps counted', () => {
    expect(correctionOf({ ...record, corrections: 4 }, 7)).toEqual({
      detected: 6,
      corrected: 10,
      typicalPeakDeg: 3.9,
      expectedPeakDeg: 7,
      holdEndedByHand: undefined,
    });
    const hold = {
      ...record,
      exerciseId: 'elbow-plank',
      count: 0,
      peakDeg: null,
      endedByHand: true,
    } as const;
    expect(correctionOf(hold)).toMatchObject({ detected: 0, corrected: 0, holdEndedByHand: true });
  });

  it('a set whose counted reps show the person’s range expects that range next time', () => {
    const t = adaptTuning(NEUTRAL_TUNING, correctionOf({ ...record, corrections: 4 }, 7)!);
    expect(t.rangeScale).toBeCloseTo(0.5, 2);
  });

  describe('through a session', () => {
    const sources = (countedByMotion = true) => ({
      expectedPeakDeg: () => 7,
      countedByMotion: () => countedByMotion,
    });
    /** A page of the app: its tunings and lessons, read from `storage` as a reload reads them. */
    const page = (storage = new MemoryStorage(), countedByMotion = true) => {
      const tunings = new TuningModel(new TuningStore(storage));
      return {
        storage,
        tunings,
        lessons: new SetLessons(tunings, sources(countedByMotion), new LessonStore(storage)),
      };
    };
    const SESSION_START = 1000;
    const running = (completed: readonly SetRecord[], set: SetRecord) =>
      ({ phase: 'set', set: { startedMs: set.startedMs }, completed, startedMs: SESSION_START }) as const;
    const resting = (completed: readonly SetRecord[]) =>
      ({ phase: 'rest', set: null, completed, startedMs: SESSION_START }) as const;
    const ready = { phase: 'ready', set: null, completed: [], startedMs: null } as const;
    /** The set done to its end on this page: seen running, then ended into `done`. */
    const doSet = (lessons: SetLessons, before: readonly SetRecord[], done: SetRecord) => {
      lessons.observe(running(before, done));
      lessons.observe(resting([...before, done]));
    };
    const second: SetRecord = { ...record, setNumber: 2, startedMs: 120_000, endedMs: 180_000 };
    const missedFour: SetRecord = { ...record, corrections: 4 };
    const neutralWith = (set: SetRecord) => adaptTuning(NEUTRAL_TUNING, correctionOf(set, 7)!);

    it('adapts once per corrected set, and not for a set counted right', () => {
      const { tunings, lessons } = page();
      doSet(lessons, [], record);
      expect(tunings.tuningFor('bird-dog')).toBe(NEUTRAL_TUNING);
      const missed: SetRecord = { ...second, corrections: 4 };
      doSet(lessons, [record], missed);
      lessons.observe(resting([record, missed]));
      expect(tunings.tuningFor('bird-dog').rangeScale).toBeCloseTo(0.5, 2);
    });

    it('replaces the lesson of the set just done when its count is put right in the rest', () => {
      const { tunings, lessons } = page();
      // Counted ten, the person did twelve and says so during the rest: as if corrected in the set.
      doSet(lessons, [], record);
      const putRight: SetRecord = { ...record, count: 12, corrections: 2 };
      lessons.observe(resting([putRight]));
      const learned = tunings.tuningFor('bird-dog');
      expect(learned).toEqual(neutralWith(putRight));
      // A tap too many taken back: the lesson is that of the count as it now stands, not a second one.
      lessons.observe(resting([{ ...record, count: 13, corrections: 3 }]));
      lessons.observe(resting([{ ...putRight }]));
      expect(tunings.tuningFor('bird-dog')).toEqual(learned);
      // Back to what the detectors counted: nothing was learned.
      lessons.observe(resting([record]));
      expect(tunings.tuningFor('bird-dog')).toEqual(NEUTRAL_TUNING);
    });

    it('a set put right in its rest, then put back by Resume after a reload, is not learned again', () => {
      const first = page();
      doSet(first.lessons, [], record);
      const putRight: SetRecord = { ...record, count: 11, corrections: 1 };
      first.lessons.observe(resting([putRight]));
      const learned = first.tunings.tuningFor('bird-dog');
      expect(learned).toEqual(neutralWith(putRight));
      // Reloaded in the next set: the page starts empty, and the set comes back when Resume is tapped,
      // every time moved onto the new page's clock.
      const reloaded = page(first.storage);
      reloaded.lessons.observe(ready);
      const moved = (set: SetRecord) => ({
        ...set,
        startedMs: set.startedMs + 5e6,
        endedMs: set.endedMs + 5e6,
      });
      const resumed = { ...running([moved(putRight)], second), startedMs: SESSION_START + 5e6 };
      reloaded.lessons.observe(resumed);
      expect(reloaded.tunings.tuningFor('bird-dog')).toEqual(learned);
      // The session moved to another tab: the same.
      const elsewhere = page(first.storage);
      elsewhere.lessons.observe(ready);
      elsewhere.lessons.observe(resting([putRight]));
      expect(elsewhere.tunings.tuningFor('bird-dog')).toEqual(learned);
    });

    it('corrections of a set before and after a reload teach what they would have without it', () => {
      const first = page();
      doSet(first.lessons, [], record);
      first.lessons.observe(resting([{ ...record, count: 11, corrections: 1 }]));
      const reloaded = page(first.storage);
      reloaded.lessons.observe(ready);
      reloaded.lessons.observe(resting([{ ...record, count: 11, corrections: 1 }]));
      const twice: SetRecord = { ...record, count: 12, corrections: 2 };
      reloaded.lessons.observe(resting([twice]));
      expect(reloaded.tunings.tuningFor('bird-dog')).toEqual(neutralWith(twice));
    });

    it('learns nothing from a set counted by hand alone, in it or in its rest', () => {
      // A heart-rate-only strap: every rep was a +1, none was missed by a detector.
      const { tunings, lessons } = page(new MemoryStorage(), false);
      const byHand: SetRecord = { ...record, peakDeg: null, corrections: 10 };
      doSet(lessons, [], byHand);
      lessons.observe(resting([{ ...byHand, count: 11, corrections: 11 }]));
      expect(tunings.tuningFor('bird-dog')).toBe(NEUTRAL_TUNING);
    });

    it('learns nothing from the sets of a session put back with no lessons kept, and reads a later correction against the count put back', () => {
      // A session begun before lessons were kept: its corrected sets taught what they had to then.
      const { tunings, lessons } = page();
      const inSet = neutralWith(missedFour);
      tunings.set('bird-dog', inSet);
      lessons.observe(ready);
      lessons.observe(resting([record, missedFour]));
      expect(tunings.tuningFor('bird-dog')).toBe(inSet);
      lessons.observe(resting([record, { ...missedFour, count: 9, corrections: 3 }]));
      expect(tunings.tuningFor('bird-dog')).toEqual(
        adaptTuning(inSet, { detected: 10, corrected: 9, typicalPeakDeg: 3.9, expectedPeakDeg: 7 }),
      );
    });

    it('a new session keeps lessons of its own, not those of the last', () => {
      const storage = new MemoryStorage();
      const first = page(storage);
      doSet(first.lessons, [], missedFour);
      const learned = first.tunings.tuningFor('bird-dog');
      // The next session's first set starts at another moment of its session, and counts right.
      const next = page(storage);
      next.lessons.observe(ready);
      doSet(next.lessons, [], { ...record, startedMs: 30_000, endedMs: 90_000 });
      expect(next.tunings.tuningFor('bird-dog')).toEqual(learned);
      expect(next.lessons.learned()).toEqual([]);
    });
  });

  describe('what a session learned', () => {
    const lesson = (exerciseId: SetLesson['exerciseId'], before: PersonalTuning, after: PersonalTuning) => ({
      set: `${exerciseId}:${before.rangeScale}`,
      exerciseId,
      before,
      after,
      detected: 3,
      count: 4,
      corrections: 1,
      endedByHand: false,
      byMotion: true,
    });
    const lower = { rangeScale: 0.6, holdLeaveScale: 1 };

    it('the exercises whose counting the session changed, as they are counted now', () => {
      const kept = { session: 's', lessons: [lesson('superman', NEUTRAL_TUNING, lower)] };
      expect(learnedInSession(kept, () => lower)).toEqual([{ exerciseId: 'superman', tuning: lower }]);
    });

    it('nothing where the lessons cancel out, where it was forgotten since, or where nothing was kept', () => {
      const cancelled = {
        session: 's',
        lessons: [lesson('superman', NEUTRAL_TUNING, lower), lesson('superman', lower, NEUTRAL_TUNING)],
      };
      expect(learnedInSession(cancelled, () => NEUTRAL_TUNING)).toEqual([]);
      const kept = { session: 's', lessons: [lesson('superman', NEUTRAL_TUNING, lower)] };
      expect(learnedInSession(kept, () => NEUTRAL_TUNING)).toEqual([]);
      expect(learnedInSession(null, () => lower)).toEqual([]);
    });
  });
});
