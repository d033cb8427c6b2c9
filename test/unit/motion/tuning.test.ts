import { describe, expect, it } from 'vitest';
import { adaptTuning, NEUTRAL_TUNING, type PersonalTuning } from '../../../src/motion/index.ts';
import { EXERCISE_POSTURE, type VirtualExercise } from '../../../src/sensors/virtual/choreography.ts';
import { TYPICAL_PERSON } from '../../../src/sensors/virtual/person.ts';
import { simulateRecording } from '../../../src/sensors/virtual/recording.ts';
import {
  correctionOf,
  parseTunings,
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
    const lessonsFrom = (completed: readonly SetRecord[] = [], countedByMotion = true) => {
      const tunings = new TuningModel(new TuningStore(null));
      const sources = { expectedPeakDeg: () => 7, countedByMotion: () => countedByMotion };
      return { tunings, lessons: new SetLessons(tunings, sources, completed) };
    };
    const missedFour: SetRecord = { ...record, corrections: 4 };

    it('adapts once per corrected set, and not for a set counted right', () => {
      const { tunings, lessons } = lessonsFrom();
      lessons.observe([record]);
      expect(tunings.tuningFor('bird-dog')).toBe(NEUTRAL_TUNING);
      lessons.observe([record, missedFour]);
      lessons.observe([record, missedFour]);
      expect(tunings.tuningFor('bird-dog').rangeScale).toBeCloseTo(0.5, 2);
    });

    it('replaces the lesson of the set just done when its count is put right in the rest', () => {
      const { tunings, lessons } = lessonsFrom();
      // Counted ten, the person did twelve and says so during the rest: as if corrected in the set.
      lessons.observe([record]);
      const putRight: SetRecord = { ...record, count: 12, corrections: 2 };
      lessons.observe([putRight]);
      const learned = tunings.tuningFor('bird-dog');
      expect(learned).toEqual(adaptTuning(NEUTRAL_TUNING, correctionOf(putRight, 7)!));
      // A tap too many taken back: the lesson is that of the count as it now stands, not a second one.
      lessons.observe([{ ...record, count: 13, corrections: 3 }]);
      lessons.observe([{ ...putRight }]);
      expect(tunings.tuningFor('bird-dog')).toEqual(learned);
      // Back to what the detectors counted: nothing was learned.
      lessons.observe([record]);
      expect(tunings.tuningFor('bird-dog')).toEqual(NEUTRAL_TUNING);
    });

    it('after a reload, reads a correction in the rest against the count as it stood', () => {
      // The set taught its in-set correction before the reload; the tuning already holds it.
      const { tunings, lessons } = lessonsFrom([missedFour]);
      const inSet = adaptTuning(NEUTRAL_TUNING, correctionOf(missedFour, 7)!);
      tunings.set('bird-dog', inSet);
      lessons.observe([missedFour]);
      expect(tunings.tuningFor('bird-dog')).toBe(inSet);
      lessons.observe([{ ...missedFour, count: 9, corrections: 3 }]);
      expect(tunings.tuningFor('bird-dog')).toEqual(
        adaptTuning(inSet, { detected: 10, corrected: 9, typicalPeakDeg: 3.9, expectedPeakDeg: 7 }),
      );
    });

    it('learns nothing from a set counted by hand alone, in it or in its rest', () => {
      // A heart-rate-only strap: every rep was a +1, none was missed by a detector.
      const { tunings, lessons } = lessonsFrom([], false);
      const byHand: SetRecord = { ...record, peakDeg: null, corrections: 10 };
      lessons.observe([byHand]);
      lessons.observe([{ ...byHand, count: 11, corrections: 11 }]);
      expect(tunings.tuningFor('bird-dog')).toBe(NEUTRAL_TUNING);
    });

    it('learns nothing from the sets of a session put back on resume', () => {
      const { tunings, lessons } = lessonsFrom();
      lessons.observe([missedFour, missedFour]);
      expect(tunings.tuningFor('bird-dog')).toBe(NEUTRAL_TUNING);
    });
  });
});
