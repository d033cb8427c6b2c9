import { describe, expect, it } from 'vitest';
import type { RepEvent } from '../../../src/motion/events.ts';
import { NEUTRAL_TUNING } from '../../../src/motion/tuning.ts';
import {
  type LessonSources,
  LessonStore,
  learnFromLastSet,
  SetLessons,
  TuningModel,
  TuningStore,
} from '../../../src/workout/personal-tuning.ts';
import { type ExerciseId, exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { devicesCount } from '../../devices-sensed.ts';

const rep = (tMs: number): RepEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs + 200,
  startMs: tMs - 2500,
  peakDeg: 15,
});
const run = (state: SessionState, ...actions: SessionAction[]) => actions.reduce(reduceSession, state);
// The strap is connected and counts the superman: its detector is what a correction would teach.
const sources: LessonSources = {
  expectedPeakDeg: () => 18,
  countedByMotion: () => true,
  tuningFor: () => NEUTRAL_TUNING,
};

/** The torso pitched `deg` from lying flat: gravity's direction in the strap's axes. */
const pitched = (deg: number) =>
  [0, Math.sin((deg * Math.PI) / 180), Math.cos((deg * Math.PI) / 180)] as const;

/**
 * One set of `exerciseId` begun at 0 s, its "Go" heard at 1 s, played through the session and the
 * app's lessons as the strap that counts it reads it: `act` for what happens, `see` for the strap's
 * tilt, then what the lessons taught.
 */
function setThroughLessons(
  exerciseId: ExerciseId,
  dosage: { readonly sets: number; readonly target: number },
  sources: Omit<LessonSources, 'tuningFor'>,
) {
  const tunings = new TuningModel(new TuningStore(null));
  const lessons = new SetLessons(tunings, sources, new LessonStore(null));
  let s = run(
    initialSessionState([{ exercise: exerciseById(exerciseId), dosage: { ...dosage, restS: 45 } }]),
    devicesCount([exerciseId]),
  );
  const act = (action: SessionAction) => {
    s = reduceSession(s, action);
    lessons.observe(s);
  };
  act({ type: 'start', nowMs: 0 });
  act({ type: 'go-heard', nowMs: 1000 });
  return {
    lessons,
    act,
    see: (tMs: number, deg: number) => lessons.seeTilt(tMs, ...pitched(deg)),
    state: () => s,
    tuning: () => tunings.tuningFor(exerciseId),
  };
}

describe('what a superman set teaches the counter', () => {
  /** A set of ten under way, two reps seen by the strap at 4 s and 7 s. */
  const twoRepsSeen = () =>
    run(
      initialSessionState([
        { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 45 } },
      ]),
      devicesCount(['superman']),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(7000) },
    );
  /** `tapped` reps counted with +1 from `fromMs`, 3 s apart. */
  const plusOnes = (s: SessionState, tapped: number, fromMs: number) =>
    run(
      s,
      ...Array.from(
        { length: tapped },
        (_, i) => ({ type: 'adjust', delta: 1, nowMs: fromMs + i * 3000 }) as const,
      ),
    );

  /** Two reps seen by the strap, then `tapped` reps counted with +1, `away` the strap out of reach first. */
  function setEnded(tapped: number, away: boolean): SessionState {
    let s = twoRepsSeen();
    if (away) s = run(s, { type: 'motion-reach', away: ['superman'], nowMs: 8000 });
    return run(plusOnes(s, tapped, 10_000), { type: 'finish', nowMs: 30_000 });
  }

  it('learns nothing from reps counted with +1 while the strap that counts it was out of reach', () => {
    const s = setEnded(3, true);
    expect(s.completed[0]).toMatchObject({ count: 5 });
    expect(learnFromLastSet(null, s.completed, 0, true, sources).teach).toBeNull();
  });

  describe('a set the strap dropped out of for 20 s late in it', () => {
    /** Reps seen at 4 s and 7 s, `tapped` +1 from 10 s with the strap there, `tappedAway` from 45 s, the strap away from 40 s to 60 s. */
    function droppedLate(tapped: number, tappedAway: number): SessionState {
      const away = run(plusOnes(twoRepsSeen(), tapped, 10_000), {
        type: 'motion-reach',
        away: ['superman'],
        nowMs: 40_000,
      });
      return run(
        plusOnes(away, tappedAway, 45_000),
        { type: 'motion-reach', away: [], nowMs: 60_000 },
        { type: 'finish', nowMs: 70_000 },
      );
    }

    it('learns from an undercount put right before the drop', () => {
      const s = droppedLate(1, 0);
      expect(s.completed[0]).toMatchObject({ count: 3, corrections: 1, deviceAway: true });
      expect(learnFromLastSet(null, s.completed, 0, true, sources).teach?.rangeScale).toBeLessThan(1);
    });

    it('learns that much and no more where reps were counted with +1 in the drop too', () => {
      const before = learnFromLastSet(null, droppedLate(1, 0).completed, 0, true, sources).teach;
      const s = droppedLate(1, 2);
      expect(s.completed[0]).toMatchObject({ count: 5, corrections: 3, countedAway: 2 });
      expect(learnFromLastSet(null, s.completed, 0, true, sources).teach).toEqual(before);
    });

    it('learns nothing from reps counted with +1 in the drop alone', () => {
      const s = droppedLate(0, 2);
      expect(s.completed[0]).toMatchObject({ count: 4, corrections: 2, countedAway: 2 });
      expect(learnFromLastSet(null, s.completed, 0, true, sources).teach).toBeNull();
    });
  });

  it('learns from reps put right with +1 that the strap, there all along, did not count', () => {
    const s = setEnded(3, false);
    expect(s.completed[0]).toMatchObject({ count: 5, corrections: 3 });
    expect(learnFromLastSet(null, s.completed, 0, true, sources).teach?.rangeScale).toBeLessThan(1);
  });
});

describe('what a +1 in a superman set teaches, by what the strap saw before it', () => {
  /** What happens in the set, in time order: the torso's pitch, a rep counted, a tap. */
  type Step =
    | { readonly tMs: number; readonly pitchDeg: number }
    | { readonly tMs: number; readonly rep: RepEvent }
    | { readonly tMs: number; readonly action: SessionAction };

  /** Lying still from 0 to `toMs`, the strap's readings every 100 ms, with lifts to `lifts[i].deg`. */
  function lying(toMs: number, lifts: readonly { fromMs: number; toMs: number; deg: number }[]): Step[] {
    const steps: Step[] = [];
    for (let t = 0; t <= toMs; t += 100) {
      const lift = lifts.find((l) => l.fromMs <= t && t <= l.toMs);
      const deg = lift ? lift.deg * Math.sin(((t - lift.fromMs) / (lift.toMs - lift.fromMs)) * Math.PI) : 0;
      steps.push({ tMs: t, pitchDeg: deg });
    }
    return steps;
  }

  /** A superman set of ten reps played through the session and the app's lessons; what it taught. */
  function taught(steps: readonly Step[], sets = 1) {
    const set = setThroughLessons(
      'superman',
      { sets, target: 10 },
      { expectedPeakDeg: () => 16, countedByMotion: () => true },
    );
    for (const step of [...steps].sort((a, b) => a.tMs - b.tMs)) {
      if ('pitchDeg' in step) set.see(step.tMs, step.pitchDeg);
      else if ('rep' in step) {
        set.lessons.seeRep(step.rep.startMs, step.rep.tMs);
        set.act({ type: 'motion', event: step.rep });
      } else set.act(step.action);
    }
    return { state: set.state(), tuning: set.tuning() };
  }
  const plusOne = (tMs: number): Step => ({ tMs, action: { type: 'adjust', delta: 1, nowMs: tMs } });
  const finish = (tMs: number): Step => ({ tMs, action: { type: 'finish', nowMs: tMs } });
  /** Reps lifted to 15° and counted, each 3 s from the start of its lift. */
  const counted = (startsMs: readonly number[]) => ({
    lifts: startsMs.map((fromMs) => ({ fromMs, toMs: fromMs + 2500, deg: 15 })),
    reps: startsMs.map(
      (fromMs): Step => ({ tMs: fromMs + 2700, rep: { ...rep(fromMs + 2500), startMs: fromMs } }),
    ),
  });

  it('learns nothing from a +1 tapped before the person moved at all, 1.4 s after the set began', () => {
    const reps = counted([5000, 9000, 13_000]);
    const { state, tuning } = taught([
      ...lying(18_000, reps.lifts),
      ...reps.reps,
      plusOne(2400),
      finish(18_000),
    ]);
    expect(state.completed[0]).toMatchObject({ count: 4, corrections: 1 });
    expect(tuning).toEqual(NEUTRAL_TUNING);
  });

  it('learns from a +1 after a lift through half the range that nothing counted', () => {
    const reps = counted([5000, 9000, 13_000]);
    // The third lift, to 8.8° (55% of the 16° expected), goes uncounted: the person taps +1 after it.
    const missed = { fromMs: 16_500, toMs: 19_000, deg: 8.8 };
    const steps = [...lying(22_000, [...reps.lifts, missed]), ...reps.reps, plusOne(20_000), finish(22_000)];
    const { state, tuning } = taught(steps);
    expect(state.completed[0]).toMatchObject({ count: 4, corrections: 1 });
    expect(tuning.rangeScale).toBeLessThan(1);
  });

  describe('a +1 tapped before the person moved, and taken back with −1 in the rest', () => {
    /** Three reps counted, the +1 at 1.4 s, the set stopped by itself and the −1 in its rest; then `after`. */
    const takenBack = (...after: Step[]) => {
      const reps = counted([5000, 9000, 13_000]);
      return taught(
        [
          ...lying(31_000, reps.lifts),
          ...reps.reps,
          plusOne(2400),
          { tMs: 35_000, action: { type: 'tick', nowMs: 35_000 } },
          { tMs: 36_000, action: { type: 'adjust', delta: -1, nowMs: 36_000 } },
          ...after,
        ],
        2,
      );
    };

    it('teaches nothing', () => {
      const { state, tuning } = takenBack();
      expect(state.phase).toBe('rest');
      expect(state.completed[0]).toMatchObject({ count: 3 });
      expect(state.completed[0]?.corrections ?? 0).toBe(0);
      expect(tuning).toEqual(NEUTRAL_TUNING);
    });

    it('teaches nothing tapped again after the −1', () => {
      const { state, tuning } = takenBack(plusOne(37_000));
      expect(state.completed[0]).toMatchObject({ count: 4, corrections: 1 });
      expect(tuning).toEqual(NEUTRAL_TUNING);
    });
  });

  describe('a +1 in the rest after a set that stopped by itself', () => {
    const reps = counted([5000, 9000, 17_000]);
    const stopsThenPlusOne = (lifts: readonly { fromMs: number; toMs: number; deg: number }[]) => [
      ...lying(31_000, lifts),
      ...reps.reps,
      { tMs: 35_000, action: { type: 'tick', nowMs: 35_000 } } as const,
      plusOne(36_000),
    ];

    it('teaches nothing where the strap saw every lift of the set counted', () => {
      const { state, tuning } = taught(stopsThenPlusOne(reps.lifts), 2);
      expect(state.phase).toBe('rest');
      expect(state.completed[0]).toMatchObject({ count: 4, corrections: 1, endedBy: 'stopped' });
      expect(tuning).toEqual(NEUTRAL_TUNING);
    });

    it('teaches where it saw a lift between two counted reps that it did not count', () => {
      const missed = { fromMs: 12_500, toMs: 15_500, deg: 8.8 };
      const { state, tuning } = taught(stopsThenPlusOne([...reps.lifts, missed]), 2);
      expect(state.completed[0]).toMatchObject({ count: 4, corrections: 1 });
      expect(tuning.rangeScale).toBeLessThan(1);
    });
  });
});

describe('what a plank ended with End hold teaches the hold detector', () => {
  /** A plank held from 3 s, the strap's readings every 100 ms at `pitchAt(t)`, End hold tapped at 30 s. */
  function endedAt30(pitchAt: (tMs: number) => number) {
    const set = setThroughLessons(
      'elbow-plank',
      { sets: 1, target: 60 },
      { expectedPeakDeg: () => undefined, holdLeaveDeg: () => 8, countedByMotion: () => true },
    );
    for (let t = 1000; t <= 30_000; t += 100) {
      set.see(t, pitchAt(t));
      if (t === 3000) set.act({ type: 'motion', event: { type: 'hold-start', tMs: 3000, emittedMs: 4000 } });
    }
    set.act({ type: 'end-hold', nowMs: 30_000 });
    return { record: set.state().completed[0], tuning: set.tuning() };
  }
  // Lying on the elbows, lifted into the plank at 2.5 s (12°), breathing a degree.
  const plank = (t: number) => (t < 2500 ? 0 : 12 + Math.sin(t / 900));

  it('nothing where the strap saw the plank still held as it was tapped: the person stopped it', () => {
    const { record, tuning } = endedAt30(plank);
    expect(record).toMatchObject({ exerciseId: 'elbow-plank', endedByHand: true, holdMs: 27_000 });
    expect(tuning).toEqual(NEUTRAL_TUNING);
  });

  it('holds end sooner where the strap saw the person come down 5° and still held, a drop it missed', () => {
    const { record, tuning } = endedAt30((t) => (t < 20_000 ? plank(t) : 7));
    expect(record).toMatchObject({ endedByHand: true });
    expect(tuning.holdLeaveScale).toBeLessThan(1);
    expect(tuning.rangeScale).toBe(1);
  });
});

describe('what a plank begun with Start hold, the person lifting into it after the tap, teaches ended with End hold', () => {
  // Lying on the elbows, the person taps Start hold at 1.5 s, lifts into the plank from 2 s to 4 s
  // (12°, more than half the 8° that ends the hold), and is seen still in it from 4 s; End hold at 12 s.
  function liftedAfterTapEndedAt12(pitchAt: (tMs: number) => number) {
    const set = setThroughLessons(
      'elbow-plank',
      { sets: 1, target: 60 },
      { expectedPeakDeg: () => undefined, holdLeaveDeg: () => 8, countedByMotion: () => true },
    );
    for (let t = 1000; t <= 12_000; t += 100) {
      set.see(t, pitchAt(t));
      if (t === 1500) set.act({ type: 'start-hold', nowMs: 1500 });
      if (t === 6000) set.act({ type: 'motion', event: { type: 'hold-start', tMs: 4000, emittedMs: 6000 } });
    }
    const held = set.state().set;
    set.act({ type: 'end-hold', nowMs: 12_000 });
    return { held, record: set.state().completed[0], tuning: set.tuning() };
  }
  const lifted = (t: number) => (t < 2000 ? 0 : t < 4000 ? (12 * (t - 2000)) / 2000 : 12 + Math.sin(t / 900));

  it('nothing where the strap saw the plank still held as it was tapped: the lift after Start hold is no end it missed', () => {
    const { held, record, tuning } = liftedAfterTapEndedAt12(lifted);
    expect(held).toMatchObject({ holdStartMs: 1500, settledMs: 4000 });
    expect(record).toMatchObject({ exerciseId: 'elbow-plank', endedByHand: true, holdMs: 10_500 });
    expect(tuning).toEqual(NEUTRAL_TUNING);
  });

  it('holds end sooner where the strap saw the person come down 5° from the plank they settled in, a drop it missed', () => {
    const { record, tuning } = liftedAfterTapEndedAt12((t) => (t < 9000 ? lifted(t) : 7));
    expect(record).toMatchObject({ endedByHand: true });
    expect(tuning.holdLeaveScale).toBeLessThan(1);
  });

  it('nothing where the strap never saw the person still in the plank after the tap: no hold of its own to have missed the end of', () => {
    const set = setThroughLessons(
      'elbow-plank',
      { sets: 1, target: 60 },
      { expectedPeakDeg: () => undefined, holdLeaveDeg: () => 8, countedByMotion: () => true },
    );
    // A plank that trembles 3° either way, more than the detector holds still: it reports no hold.
    const trembling = (t: number) => (t < 4000 ? lifted(t) : 12 + 3 * Math.sin(t / 150));
    for (let t = 1000; t <= 12_000; t += 100) {
      set.see(t, trembling(t));
      if (t === 1500) set.act({ type: 'start-hold', nowMs: 1500 });
    }
    expect(set.state().set).toMatchObject({ holdStartMs: 1500 });
    expect(set.state().set?.settledMs).toBeUndefined();
    set.act({ type: 'end-hold', nowMs: 12_000 });
    expect(set.state().completed[0]).toMatchObject({ endedByHand: true, holdMs: 10_500 });
    expect(set.tuning()).toEqual(NEUTRAL_TUNING);
  });
});

describe('what a drawing-in set timed from "Go", the person drawing in on it, teaches ended with End hold', () => {
  // Still on hands and knees through "Go" at 1 s, the person draws in 2 s on, the chest turning 6° (more
  // than half the 10° that ends the hold), and taps End hold at 8 s, before being seen still again.
  it('nothing before they are seen still again, and the set keeps no hold: the detectors saw the stillness end, and no hold of 5 s', () => {
    const set = setThroughLessons(
      'drawing-in',
      { sets: 1, target: 45 },
      { expectedPeakDeg: () => undefined, holdLeaveDeg: () => 10, countedByMotion: () => true },
    );
    for (let t = 1000; t <= 8000; t += 100) {
      set.see(t, t < 3000 ? 0 : 6);
      if (t === 1500) set.act({ type: 'motion', event: { type: 'hold-start', tMs: 500, emittedMs: 1500 } });
      if (t === 3300)
        set.act({
          type: 'motion',
          event: { type: 'hold-end', tMs: 3000, emittedMs: 3300, reason: 'left-pose' },
        });
    }
    expect(set.state().set).toMatchObject({ holdStartMs: 1000, settlingInMs: 3000 });
    set.act({ type: 'end-hold', nowMs: 8000 });
    const record = set.state().completed[0];
    expect(record).toMatchObject({ exerciseId: 'drawing-in', endedBy: 'skipped', holdMs: 0 });
    expect(record?.endedByHand).toBeUndefined();
    expect(set.tuning()).toEqual(NEUTRAL_TUNING);
  });

  /** As above, the person seen still again 4 s in, drawn in 6° from the pose at "Go", then `pitchAt(t)` to End hold at 30 s. */
  function settledThenEndedAt30(pitchAt: (tMs: number) => number) {
    const set = setThroughLessons(
      'drawing-in',
      { sets: 1, target: 45 },
      { expectedPeakDeg: () => undefined, holdLeaveDeg: () => 10, countedByMotion: () => true },
    );
    for (let t = 1000; t <= 30_000; t += 100) {
      set.see(t, t < 3000 ? 0 : pitchAt(t));
      if (t === 1500) set.act({ type: 'motion', event: { type: 'hold-start', tMs: 500, emittedMs: 1500 } });
      if (t === 3300)
        set.act({
          type: 'motion',
          event: { type: 'hold-end', tMs: 3000, emittedMs: 3300, reason: 'left-pose' },
        });
      if (t === 7000) set.act({ type: 'motion', event: { type: 'hold-start', tMs: 4000, emittedMs: 7000 } });
    }
    set.act({ type: 'end-hold', nowMs: 30_000 });
    return { record: set.state().completed[0], tuning: set.tuning() };
  }
  const drawnIn = (t: number) => 6 + 0.3 * Math.sin(t / 800);

  it('once seen still again, nothing where the strap saw the person still drawn in at the tap, turned from "Go" as far as they drew in', () => {
    const { record, tuning } = settledThenEndedAt30(drawnIn);
    expect(record).toMatchObject({ endedByHand: true, holdMs: 29_000 });
    expect(tuning).toEqual(NEUTRAL_TUNING);
  });

  it('once seen still again, holds end sooner where the strap saw the person come out of the pose they drew into, an end it missed', () => {
    const { record, tuning } = settledThenEndedAt30((t) => (t < 20_000 ? drawnIn(t) : 12));
    expect(record).toMatchObject({ endedByHand: true });
    expect(tuning.holdLeaveScale).toBeLessThan(1);
  });
});
