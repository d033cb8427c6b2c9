import { describe, expect, it } from 'vitest';
import { planCues } from '../../../src/cues/cue-planner.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { createMotionDetector } from '../../../src/motion/pipeline.ts';
import type { PositionEvent, PositionStatus } from '../../../src/motion/position.ts';
import type { Posture } from '../../../src/motion/posture.ts';
import { summarize } from '../../../src/store/summary.ts';
import {
  correctableInRest,
  lastSetToCorrect,
  setJustDoneToCorrect,
  sidesCorrected,
} from '../../../src/workout/count-corrections.ts';
import { heldSoFarMs } from '../../../src/workout/held-seconds.ts';
import { begunWithStartHold } from '../../../src/workout/hold-timing.ts';
import {
  afterInterruption,
  countedSince,
  pausedAsDevicesAre,
  savedAtOnce,
  staysPausedAfterInterruption,
} from '../../../src/workout/interruption.ts';
import { upNext } from '../../../src/workout/next-set.ts';
import { timerMs } from '../../../src/workout/pauses.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  type PlannedExercise,
  recordsKeptOnFinish,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { planRanThrough, skippedUndone } from '../../../src/workout/set-outcomes.ts';
import {
  SETTLE_BACK_MS,
  WRONG_POSITION_REPEAT_MS,
  WRONG_POSITION_TIMES,
} from '../../../src/workout/set-position.ts';
import { BREATH_STOPPED_AFTER_MS, STOPPED_AFTER_MS } from '../../../src/workout/set-progress.ts';
import {
  FORM_WARNING_SHOWN_MS,
  RECOVERED_SHOWN_MS,
  shownFormIssue,
  showsRecovery,
  showsSetUnderWay,
} from '../../../src/workout/set-shown.ts';
import { setsKeptOnFinishing } from '../../../src/workout/sets-kept.ts';
import { devicesCount, EVERY_EXERCISE, strapHeartRateOnly, strapSees } from '../../devices-sensed.ts';
import { synthFrames } from '../motion/synth.ts';

const rep = (tMs: number, side?: 'left' | 'right'): MotionEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs + 200,
  startMs: tMs - 2500,
  peakDeg: 15,
  side,
});

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(reduceSession, state);
}

/** A session of `plan` started, its go heard, and its first hold begun at `tMs`, detected at `emittedMs`. */
function holdBegun(plan: readonly PlannedExercise[], tMs: number, emittedMs = tMs): SessionState {
  return run(
    initialSessionState(plan),
    { type: 'start', nowMs: 0 },
    { type: 'go-heard', nowMs: 0 },
    { type: 'motion', event: { type: 'hold-start', tMs, emittedMs } },
  );
}

const supermanTwoSets: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 30 } },
  { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 20 } },
];

/** The superman's first set of three reps under way from 0 s, its first rep counted at 2 s. */
function oneRepInTheFirstSet(): SessionState {
  return run(
    initialSessionState(supermanTwoSets),
    { type: 'start', nowMs: 0 },
    { type: 'motion', event: rep(2000) },
  );
}

describe('session reducer', () => {
  it('starts the first set of the first exercise on start', () => {
    const s = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 1000 });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ setNumber: 1, count: 0, startedMs: 1000 });
  });

  it('counts reps to the target, rests, then starts the next set', () => {
    let s = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 0 });
    s = run(s, { type: 'motion', event: rep(4000) }, { type: 'motion', event: rep(8000) });
    expect(s.set?.count).toBe(2);
    s = run(s, { type: 'motion', event: rep(12_000) });
    expect(s.phase).toBe('rest');
    // From when the last rep was seen (emitted 200 ms after it ended), for the rest's 30 s.
    expect(s.restEndsMs).toBe(12_200 + 30_000);
    expect(s.completed).toMatchObject([
      { exerciseId: 'superman', setNumber: 1, count: 3, endedBy: 'target', peakDeg: 15 },
    ]);
    expect(upNext(s)).toMatchObject({ exercise: { id: 'superman' }, setNumber: 2, sets: 2 });
    s = run(s, { type: 'tick', nowMs: 42_199 });
    expect(s.phase).toBe('rest');
    s = run(s, { type: 'tick', nowMs: 42_200 });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ setNumber: 2, count: 0, startedMs: 42_200 });
    // After the last superman set, the drawing-in's one set.
    s = run(s, { type: 'motion', event: rep(46_000) }, { type: 'motion', event: rep(50_000) });
    s = run(s, { type: 'motion', event: rep(54_000) });
    expect(s.phase).toBe('rest');
    expect(upNext(s)).toMatchObject({ exercise: { id: 'drawing-in' }, setNumber: 1, sets: 1 });
  });

  it('ignores movement from before the set began and during rest', () => {
    let s = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 5000 });
    s = run(s, { type: 'motion', event: rep(4000) });
    expect(s.set?.count).toBe(0);
    s = run(
      s,
      { type: 'motion', event: rep(6000) },
      { type: 'motion', event: rep(7000) },
      { type: 'motion', event: rep(8000) },
    );
    expect(s.phase).toBe('rest');
    const resting = run(s, { type: 'motion', event: rep(9000) });
    expect(resting).toBe(s);
  });

  it('ends a rep set when the person has stopped for a while, keeping the count', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(3000) },
    );
    s = run(s, { type: 'tick', nowMs: 3000 + STOPPED_AFTER_MS - 1 });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 3000 + STOPPED_AFTER_MS });
    expect(s.phase).toBe('rest');
    expect(s.completed[0]).toMatchObject({ count: 1, endedBy: 'stopped', endedMs: 3000 });
  });

  it('does not end a set counted by hand alone when the taps pause: the phone is out of reach', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'adjust', delta: 1, nowMs: 3000 },
    );
    s = run(s, { type: 'tick', nowMs: 3000 + 3 * STOPPED_AFTER_MS });
    expect(s.phase).toBe('set');
    expect(s.set?.count).toBe(1);
  });

  describe('while the device that sees the exercise is out of reach', () => {
    /** Superman under way with a rep counted at 3 s, its strap gone at 4 s, and resumed by the person at 7 s. */
    function resumedWithStrapAway(): SessionState {
      return run(
        initialSessionState(supermanTwoSets),
        devicesCount(['superman', 'drawing-in']),
        { type: 'start', nowMs: 0 },
        { type: 'motion', event: rep(3000) },
        { type: 'motion-reach', away: ['superman', 'drawing-in'], nowMs: 4000 },
        { type: 'pause', nowMs: 4000, reason: 'connection' },
        { type: 'resume', nowMs: 7000 },
      );
    }

    it('does not end a set as stopped: nothing can see the person move, and they go on with +1', () => {
      let s = run(resumedWithStrapAway(), { type: 'tick', nowMs: 7000 + 3 * STOPPED_AFTER_MS });
      expect(s.phase).toBe('set');
      expect(s.set?.count).toBe(1);
      s = run(
        s,
        { type: 'adjust', delta: 1, nowMs: 60_000 },
        { type: 'tick', nowMs: 60_000 + 2 * STOPPED_AFTER_MS },
        { type: 'adjust', delta: 1, nowMs: 100_000 },
      );
      expect(s.phase).toBe('rest');
      expect(s.completed[0]).toMatchObject({ count: 3, endedBy: 'target', corrections: 2 });
    });

    it('ends a set whose reps stopped once the device is back, counting the wait from its return', () => {
      let s = run(resumedWithStrapAway(), { type: 'motion-reach', away: [], nowMs: 40_000 });
      s = run(s, { type: 'tick', nowMs: 40_000 + STOPPED_AFTER_MS - 1 });
      expect(s.phase).toBe('set');
      s = run(s, { type: 'tick', nowMs: 40_000 + STOPPED_AFTER_MS });
      expect(s.phase).toBe('rest');
      expect(s.completed[0]).toMatchObject({ count: 1, endedBy: 'stopped' });
    });

    it('counts the wait from the resume when the device came back during the pause', () => {
      let s = run(
        initialSessionState(supermanTwoSets),
        devicesCount(['superman', 'drawing-in']),
        { type: 'start', nowMs: 0 },
        { type: 'motion', event: rep(3000) },
        { type: 'motion-reach', away: ['superman', 'drawing-in'], nowMs: 4000 },
        { type: 'pause', nowMs: 4000, reason: 'connection' },
        { type: 'motion-reach', away: [], nowMs: 30_000 },
        { type: 'resume', nowMs: 30_000 },
      );
      s = run(s, { type: 'tick', nowMs: 30_000 + STOPPED_AFTER_MS - 1 });
      expect(s.phase).toBe('set');
      s = run(s, { type: 'tick', nowMs: 30_000 + STOPPED_AFTER_MS });
      expect(s.phase).toBe('rest');
    });

    it('keeps with the set that its device only stopped sending motion, until it goes out of reach', () => {
      const stopped: SessionAction = {
        type: 'motion-reach',
        away: ['superman', 'drawing-in'],
        stopped: ['superman', 'drawing-in'],
        nowMs: 4000,
      };
      const begun = run(
        initialSessionState(supermanTwoSets),
        devicesCount(['superman', 'drawing-in']),
        { type: 'start', nowMs: 0 },
        { type: 'motion', event: rep(3000) },
      );
      const tapped = run(begun, stopped, { type: 'adjust', delta: 1, nowMs: 6000 });
      expect(tapped.set).toMatchObject({ deviceAway: true, deviceStopped: true, countedAway: 1 });
      // Back, then stopped again: still never out of reach.
      const again = run(tapped, { type: 'motion-reach', away: [], nowMs: 8000 }, { ...stopped, nowMs: 9000 });
      expect(again.set).toMatchObject({ deviceAway: true, deviceStopped: true });
      // Out of reach after: the set's device went out of reach, whatever it did before.
      const gone = run(again, { type: 'motion-reach', away: ['superman', 'drawing-in'], nowMs: 10_000 });
      expect(gone.set?.deviceAway).toBe(true);
      expect(gone.set?.deviceStopped).toBeUndefined();
      const ended = run(gone, { type: 'skip', nowMs: 12_000 });
      expect(ended.completed[0]).toMatchObject({ deviceAway: true, countedAway: 1 });
      expect(ended.completed[0]?.deviceStopped).toBeUndefined();
      const endedStopped = run(tapped, { type: 'skip', nowMs: 12_000 });
      expect(endedStopped.completed[0]).toMatchObject({ deviceAway: true, deviceStopped: true });
    });

    it('still ends the set of an exercise another device sees, when that one is there', () => {
      let s = run(
        initialSessionState(supermanTwoSets),
        devicesCount(['superman', 'drawing-in']),
        { type: 'start', nowMs: 0 },
        { type: 'motion', event: rep(3000) },
        { type: 'motion-reach', away: ['drawing-in'], nowMs: 4000 },
      );
      s = run(s, { type: 'tick', nowMs: 3000 + STOPPED_AFTER_MS });
      expect(s.completed[0]).toMatchObject({ count: 1, endedBy: 'stopped' });
    });

    it('begins a set waiting for the person on Resume, and the next at once: nothing can see their position', () => {
      let s = run(
        initialSessionState(supermanTwoSets),
        { type: 'devices-sensing', seesPosition: true, exercises: ['superman', 'drawing-in'], nowMs: 0 },
        { type: 'start', nowMs: 0 },
        { type: 'motion-reach', away: ['superman', 'drawing-in'], nowMs: 2000 },
        { type: 'pause', nowMs: 2000, reason: 'lost' },
      );
      expect(s.set?.waiting).toBe(true);
      s = run(s, { type: 'resume', nowMs: 5000 });
      expect(s.set).toMatchObject({ waiting: false, startedMs: 5000 });
      s = run(s, { type: 'adjust', delta: 3, nowMs: 20_000 }, { type: 'tick', nowMs: 20_000 + 30_000 });
      expect(s.set).toMatchObject({ setNumber: 2, startedMs: 50_000 });
      expect(s.set?.waiting).toBeFalsy();
    });
  });

  describe('a lat pulldown the watch counts while the strap that sees where the person is is out of reach', () => {
    const latPulldownThreeSets: PlannedExercise[] = [
      { exercise: exerciseById('lat-pulldown'), dosage: { sets: 3, target: 12, restS: 60 } },
    ];
    /** The strap's part: every exercise but the lat pulldown, which the watch counts. */
    const strapCounts = EVERY_EXERCISE.filter((id) => id !== 'lat-pulldown');
    const strapGone = (nowMs: number): SessionAction => ({
      type: 'motion-reach',
      away: strapCounts,
      positionAway: true,
      nowMs,
    });
    const strapBack = (nowMs: number): SessionAction => ({ type: 'motion-reach', away: [], nowMs });

    /** The first set begun by a tap at 1 s, the strap gone at 5 s, and the set skipped into its rest at 10 s. */
    function restingWithStrapAway(): SessionState {
      return run(
        initialSessionState(latPulldownThreeSets),
        strapSees(),
        { type: 'start', nowMs: 0 },
        { type: 'begin', nowMs: 1000 },
        { type: 'go-heard', nowMs: 1000 },
        strapGone(5000),
        { type: 'skip', nowMs: 10_000 },
      );
    }

    it('begins the next set when due, not waiting for a position nothing can see', () => {
      const s = run(restingWithStrapAway(), { type: 'tick', nowMs: 70_000 });
      expect(s.set).toMatchObject({ setNumber: 2, startedMs: 70_000 });
      expect(s.set?.waiting).toBeFalsy();
    });

    it('waits for the position again when the strap is back before the set is due', () => {
      const s = run(restingWithStrapAway(), strapBack(40_000), { type: 'tick', nowMs: 70_000 });
      expect(s.set).toMatchObject({ setNumber: 2, waiting: true });
    });

    it('begins a set waiting for the person on Resume once the strap is given up on, and waits on if it is back', () => {
      const pausedWaiting = run(
        initialSessionState(latPulldownThreeSets),
        strapSees(),
        { type: 'start', nowMs: 0 },
        strapGone(2000),
        { type: 'pause', nowMs: 2000, reason: 'lost' },
      );
      expect(pausedWaiting.set?.waiting).toBe(true);
      expect(run(pausedWaiting, { type: 'resume', nowMs: 5000 }).set).toMatchObject({
        waiting: false,
        startedMs: 5000,
      });
      expect(run(pausedWaiting, strapBack(4000), { type: 'resume', nowMs: 5000 }).set?.waiting).toBe(true);
    });
  });

  it('times a hold from its detected start and ends it at the target when the exercise says so', () => {
    let s = run(
      initialSessionState([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 4200, emittedMs: 4600 } });
    expect(s.set?.holdStartMs).toBe(4200);
    s = run(s, { type: 'tick', nowMs: 49_199 });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 49_250 });
    expect(s.phase).toBe('summary');
    expect(s.completed[0]).toMatchObject({ exerciseId: 'drawing-in', holdMs: 45_000, endedBy: 'target' });
  });

  it('keeps a hold whole through a drop of the strap the person never heard of, and through Finish', () => {
    const drawingIn = [supermanTwoSets[1]];
    const dropped = run(
      holdBegun(drawingIn, 1000),
      { type: 'pause', nowMs: 10_000, reason: 'connection' },
      { type: 'tick', nowMs: 10_500 },
      { type: 'resume', nowMs: 10_700 },
      { type: 'tick', nowMs: 46_700 },
    );
    expect(dropped.completed[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target' });
    expect(dropped.completed[0]?.pausedInHold).toBeUndefined();
    // Told of ("Paused: connection lost" comes at 2 s), the drop broke the hold.
    const told = run(
      holdBegun(drawingIn, 1000),
      { type: 'pause', nowMs: 10_000, reason: 'connection' },
      { type: 'tick', nowMs: 12_500 },
      { type: 'resume', nowMs: 12_700 },
      { type: 'tick', nowMs: 48_700 },
    );
    expect(told.completed[0]).toMatchObject({ holdMs: 45_000, pausedInHold: true });
    // Finish's question paused the hold, and the answer ended it there: held whole up to the tap.
    const finished = run(
      holdBegun(drawingIn, 1000),
      { type: 'pause', nowMs: 20_000, toAsk: true },
      { type: 'finish', nowMs: 25_000 },
    );
    expect(finished.completed[0]).toMatchObject({ holdMs: 19_000 });
    expect(finished.completed[0]?.pausedInHold).toBeUndefined();
    // Finish's question answered with "keep going": the person went on holding, and the voice, the
    // summary and the file say the hold was done; so does the ladder it earns a step of.
    const keptGoing = run(
      holdBegun(drawingIn, 1000),
      { type: 'pause', nowMs: 20_000, toAsk: true },
      { type: 'resume', nowMs: 22_000 },
      { type: 'tick', nowMs: 48_000 },
    );
    expect(keptGoing.completed[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target' });
    expect(keptGoing.completed[0]?.pausedInHold).toBeUndefined();
  });

  it('times a hold started by hand where no device sees it start (a heart-rate-only strap)', () => {
    let s = run(initialSessionState([supermanTwoSets[1]]), { type: 'start', nowMs: 0 });
    expect(s.set?.waiting).toBeFalsy();
    expect(s.set?.holdStartMs).toBeNull();
    s = run(s, { type: 'tick', nowMs: 60_000 });
    expect(s.set?.holdStartMs).toBeNull();
    s = run(s, { type: 'start-hold', nowMs: 61_000 });
    expect(s.set?.holdStartMs).toBe(61_000);
    // A second tap, or a detector seeing it late, does not move the start.
    s = run(s, { type: 'start-hold', nowMs: 62_000 });
    expect(s.set?.holdStartMs).toBe(61_000);
    s = run(s, { type: 'tick', nowMs: 106_000 });
    expect(s.phase).toBe('summary');
    expect(s.completed[0]).toMatchObject({ exerciseId: 'drawing-in', holdMs: 45_000, endedBy: 'target' });
  });

  it('does not start a hold by hand while paused, nor in a set of reps', () => {
    let s = run(initialSessionState([supermanTwoSets[1]]), { type: 'start', nowMs: 0 });
    s = run(s, { type: 'pause', nowMs: 1000 }, { type: 'start-hold', nowMs: 2000 });
    expect(s.set?.holdStartMs).toBeNull();
    let reps = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 0 });
    reps = run(reps, { type: 'start-hold', nowMs: 2000 });
    expect(reps.set?.holdStartMs).toBeNull();
  });

  it('ends a plank when the detector says the pose was lost, recording why', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
    ];
    let s = run(initialSessionState(plan), { type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 });
    s = run(
      s,
      { type: 'motion', event: { type: 'hold-start', tMs: 3000, emittedMs: 3400 } },
      { type: 'tick', nowMs: 40_000 },
      { type: 'motion', event: { type: 'form', tMs: 51_000, emittedMs: 51_300, issue: 'plank-sag' } },
      { type: 'motion', event: { type: 'hold-end', tMs: 51_000, emittedMs: 51_400, reason: 'form' } },
    );
    expect(s.phase).toBe('rest');
    expect(s.completed[0]).toMatchObject({ holdMs: 48_000, endedBy: 'form', formIssues: ['plank-sag'] });
  });

  it('ends a plank at the sag that ended its hold, when the detector says so with the form problem', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
    ];
    const holding = run(holdBegun(plan, 3000, 3400), { type: 'tick', nowMs: 51_500 });
    const sagged = run(holding, {
      type: 'motion',
      event: { type: 'form', tMs: 51_000, emittedMs: 51_600, issue: 'plank-sag', endsHold: true },
    });
    expect(sagged.phase).toBe('rest');
    expect(sagged.completed).toEqual([
      expect.objectContaining({
        holdMs: 48_000,
        endedMs: 51_000,
        endedBy: 'form',
        formIssues: ['plank-sag'],
      }),
    ]);
    // The hold-end that follows finds the hold over.
    const ended = { type: 'hold-end', tMs: 51_000, emittedMs: 51_600, reason: 'form' } as const;
    expect(run(sagged, { type: 'motion', event: ended })).toBe(sagged);
    // A sag warned of while the hold goes on leaves it going.
    const warned = run(holding, {
      type: 'motion',
      event: { type: 'form', tMs: 51_000, emittedMs: 51_000, issue: 'plank-sag' },
    });
    expect(warned.set).toMatchObject({ holdStartMs: 3000, formIssues: ['plank-sag'] });
  });

  it('takes a hold that ends within seconds for settling into position, and keeps waiting', () => {
    let s = run(
      initialSessionState([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    s = run(
      s,
      { type: 'motion', event: { type: 'hold-start', tMs: 2000, emittedMs: 2300 } },
      { type: 'motion', event: { type: 'hold-end', tMs: 3500, emittedMs: 3800, reason: 'left-pose' } },
    );
    expect(s.phase).toBe('set');
    expect(s.set?.holdStartMs).toBeNull();
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 5000, emittedMs: 5400 } });
    expect(s.set?.holdStartMs).toBe(5000);
  });

  it('stands the hold timer, the rest countdown and counting still while paused', () => {
    let s = run(
      initialSessionState([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    s = run(
      s,
      { type: 'motion', event: { type: 'hold-start', tMs: 1000, emittedMs: 1300 } },
      { type: 'pause', nowMs: 20_000 },
    );
    expect(s.pausedAtMs).toBe(20_000);
    // 45 s after the hold began, but 30 of them paused: the hold is not over.
    s = run(s, { type: 'tick', nowMs: 46_000 }, { type: 'motion', event: rep(47_000) });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'resume', nowMs: 50_000 });
    expect(s.set?.holdStartMs).toBe(31_000);
    s = run(s, { type: 'tick', nowMs: 75_999 });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 76_000 });
    expect(s.phase).toBe('summary');
    expect(s.completed[0].holdMs).toBe(45_000);
    // Kept, for the exports' timer: it stood still for those 30 s.
    expect(s.pauses).toEqual([{ atMs: 20_000, ms: 30_000 }]);
  });

  it('keeps each pause that lasted, in order, and none for a pause undone at once', () => {
    let s = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 0 });
    expect(s.pauses).toBeUndefined();
    s = run(s, { type: 'pause', nowMs: 5000 }, { type: 'resume', nowMs: 5000 });
    expect(s.pauses).toBeUndefined();
    s = run(
      s,
      { type: 'pause', nowMs: 8000, reason: 'connection' },
      { type: 'resume', nowMs: 11_000 },
      { type: 'pause', nowMs: 20_000 },
      { type: 'resume', nowMs: 80_000 },
    );
    // The first was the app's, for a device that dropped and came back: the voice may not have said it.
    expect(s.pauses).toEqual([
      { atMs: 8000, ms: 3000, deviceDropped: true, seenMs: 0 },
      { atMs: 20_000, ms: 60_000 },
    ]);
  });

  it('keeps a pause for a device given up for lost as the pause it became, not a drop it came back from', () => {
    const s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'pause', nowMs: 8000, reason: 'connection' },
      { type: 'pause', nowMs: 80_000, reason: 'lost' },
      { type: 'pause', nowMs: 90_000, reason: 'connection' },
      { type: 'resume', nowMs: 95_000 },
    );
    // Kept as the device's all the same: the set it fell in counted nothing for 87 s for want of it.
    expect(s.pauses).toEqual([{ atMs: 8000, ms: 87_000, deviceLost: true }]);
  });

  it('keeps a pause begun for a device already given up for lost as said at once, where a drop is said 2 s on', () => {
    const s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'pause', nowMs: 8000, reason: 'lost' },
      { type: 'pause', nowMs: 9000, reason: 'lost' },
      { type: 'resume', nowMs: 12_000 },
    );
    expect(s.pauses).toEqual([{ atMs: 8000, ms: 4000, deviceLost: true, saidAtOnce: true }]);
    // Picked up on a new page that finds the device back: still the pause that was said at once.
    const reloaded = afterInterruption(
      run(
        initialSessionState(supermanTwoSets),
        { type: 'start', nowMs: 0 },
        { type: 'pause', nowMs: 8000, reason: 'lost' },
      ),
    );
    expect(run(pausedAsDevicesAre(reloaded, null, 30_000), { type: 'resume', nowMs: 31_000 }).pauses).toEqual(
      [
        { atMs: 8000, ms: 22_000, deviceLost: true, saidAtOnce: true },
        { atMs: 30_000, ms: 1000 },
      ],
    );
  });

  it('keeps a pause begun for a device already given up for lost as said at once, though Reconnect tried it again', () => {
    const s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'pause', nowMs: 8000, reason: 'lost' },
      { type: 'pause', nowMs: 9000, reason: 'connection' },
      { type: 'resume', nowMs: 12_000 },
    );
    expect(s.pauses).toEqual([{ atMs: 8000, ms: 4000, deviceLost: true, saidAtOnce: true }]);
    expect(s).not.toHaveProperty('pausedSaidAtOnce');
  });

  it("keeps a pause the person went on from, its device given up for lost, as the device's", () => {
    const s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'pause', nowMs: 8000, reason: 'connection' },
      { type: 'pause', nowMs: 80_000, reason: 'lost' },
      { type: 'resume', nowMs: 84_000 },
      { type: 'pause', nowMs: 90_000 },
      { type: 'resume', nowMs: 95_000 },
    );
    // The second, the person's own, is theirs.
    expect(s.pauses).toEqual([
      { atMs: 8000, ms: 76_000, deviceLost: true },
      { atMs: 90_000, ms: 5000 },
    ]);
  });

  it('shows a form problem on the set screen for a while after it was seen, again if it comes back', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: { type: 'form', tMs: 4000, emittedMs: 4000, issue: 'over-extension' } },
    );
    const set = s.set;
    if (!set) throw new Error('no set');
    expect(shownFormIssue(set, 4000)).toBe('over-extension');
    expect(shownFormIssue(set, 4000 + FORM_WARNING_SHOWN_MS - 1)).toBe('over-extension');
    expect(shownFormIssue(set, 4000 + FORM_WARNING_SHOWN_MS)).toBeNull();
    s = run(s, {
      type: 'motion',
      event: { type: 'form', tMs: 20_000, emittedMs: 20_000, issue: 'over-extension' },
    });
    expect(s.set?.formIssues).toEqual(['over-extension']);
    expect(s.set && shownFormIssue(s.set, 25_000)).toBe('over-extension');
    // A pause stands the warning's time still, as it does the set's other timers.
    s = run(s, { type: 'pause', nowMs: 21_000 }, { type: 'resume', nowMs: 61_000 });
    expect(s.set && shownFormIssue(s.set, 65_000)).toBe('over-extension');
    expect(s.set && shownFormIssue(s.set, 70_000)).toBeNull();
  });

  it('ends a rest early when the heart rate has recovered, and the next set knows why', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      ...[1000, 2000, 3000].map((t): SessionAction => ({ type: 'motion', event: rep(t) })),
    );
    expect(s.phase).toBe('rest');
    // Not while paused: the person asked for the clock to stop.
    expect(run(s, { type: 'pause', nowMs: 20_000 }, { type: 'recovered', nowMs: 21_000 }).phase).toBe('rest');
    s = run(s, { type: 'recovered', nowMs: 20_000 });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ setNumber: 2, startedMs: 20_000, afterRecovery: true });
    // A rest cut short by hand, or run out, is no recovery.
    const skipped = run(
      s,
      ...[21_000, 22_000, 23_000].map((t): SessionAction => ({ type: 'motion', event: rep(t) })),
      {
        type: 'skip',
        nowMs: 30_000,
      },
    );
    expect(skipped.set?.afterRecovery).toBeUndefined();
    expect(run(s, { type: 'recovered', nowMs: 21_000 })).toBe(s);
  });

  it('rests for the whole rest from when the set was seen to end, however late the last tick', () => {
    // The last rep ended at 12 s, was emitted at 12.2 s and reached the session at 12.24 s, when the
    // rest was announced; the last tick was at 12 s.
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(8000) },
      { type: 'tick', nowMs: 12_000 },
      { type: 'motion', event: rep(12_000), nowMs: 12_240 },
    );
    expect(s.completed[0]).toMatchObject({ endedMs: 12_000, endedBy: 'target' });
    expect(s.restEndsMs).toBe(12_240 + 30_000);
    // The next set, begun by hand: a +1 by hand that reaches the target rests from the tap, too.
    s = run(s, { type: 'skip', nowMs: 13_000 }, { type: 'motion', event: rep(15_000), nowMs: 15_200 });
    s = run(s, { type: 'adjust', delta: 1, nowMs: 16_000 }, { type: 'tick', nowMs: 16_100 });
    s = run(s, { type: 'adjust', delta: 1, nowMs: 16_900 });
    expect(s.completed[1]).toMatchObject({ count: 3, endedMs: 16_900, corrections: 2 });
    expect(s.restEndsMs).toBe(16_900 + 30_000);
  });

  it('moves the end of a paused rest on by the pause', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(1000) },
      { type: 'motion', event: rep(2000) },
      { type: 'motion', event: rep(3000) },
    );
    expect(s.restEndsMs).toBe(33_200);
    s = run(s, { type: 'pause', nowMs: 10_000 }, { type: 'tick', nowMs: 40_000 });
    expect(s.phase).toBe('rest');
    s = run(s, { type: 'resume', nowMs: 40_000 }, { type: 'tick', nowMs: 63_199 });
    expect(s.phase).toBe('rest');
    s = run(s, { type: 'tick', nowMs: 63_200 });
    expect(s.phase).toBe('set');
  });

  it('gives a set skipped while paused its whole rest from Resume, the pause before the skip not added', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(1000) },
      { type: 'pause', nowMs: 5000 },
      { type: 'skip', nowMs: 65_000 },
    );
    expect(s.phase).toBe('rest');
    // The rest shows its 30 s while still paused, not the minute paused before the skip as well.
    expect((s.restEndsMs ?? 0) - (s.pausedAtMs ?? 0)).toBe(30_000);
    s = run(s, { type: 'resume', nowMs: 70_000 }, { type: 'tick', nowMs: 99_999 });
    expect(s.phase).toBe('rest');
    s = run(s, { type: 'tick', nowMs: 100_000 });
    expect(s.phase).toBe('set');
  });

  it('keeps a hold ended while paused at what was held when the pause began', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 45, restS: 20 } },
    ];
    let s = run(initialSessionState(plan), { type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 });
    s = run(
      s,
      { type: 'motion', event: { type: 'hold-start', tMs: 1000, emittedMs: 1300 } },
      { type: 'pause', nowMs: 21_000 },
      { type: 'skip', nowMs: 80_000 },
    );
    expect(s.completed[0].holdMs).toBe(20_000);
    let finished = run(holdBegun(plan, 1000, 1300), { type: 'pause', nowMs: 11_000 });
    finished = run(finished, { type: 'finish', nowMs: 90_000 });
    expect(finished.completed[0].holdMs).toBe(10_000);
  });

  it('counts bird-dog sides and breath cycles', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 4, restS: 10 } },
      { exercise: exerciseById('bat-hang'), dosage: { sets: 1, target: 2, restS: 10 } },
    ];
    let s = run(initialSessionState(plan), { type: 'start', nowMs: 0 });
    s = run(
      s,
      { type: 'motion', event: rep(1000, 'right') },
      { type: 'motion', event: rep(2000, 'left') },
      { type: 'motion', event: rep(3000, 'right') },
      { type: 'motion', event: rep(4000, 'left') },
    );
    expect(s.completed[0].sides).toEqual({ left: 2, right: 2 });
    s = run(s, { type: 'skip', nowMs: 5000 });
    expect(s.phase).toBe('set');
    s = run(
      s,
      { type: 'motion', event: { type: 'breath', tMs: 12_000, emittedMs: 12_500 } },
      { type: 'motion', event: rep(13_000) },
      { type: 'motion', event: { type: 'breath', tMs: 20_000, emittedMs: 20_500 } },
    );
    expect(s.phase).toBe('summary');
    expect(s.completed[1]).toMatchObject({ exerciseId: 'bat-hang', count: 2 });
  });

  it('records a set skipped before it counted anything as skipped, and says so', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'skip', nowMs: 3000 },
    );
    expect(s.completed[0]).toMatchObject({ count: 0, endedBy: 'skipped' });
    s = run(s, { type: 'finish', nowMs: 4000 });
    expect(s.phase).toBe('summary');
  });

  // The voice answers the tap with "Set skipped" and what was done, not as if the set had ended by
  // itself: the record tells the two apart.
  it('records a set skipped under way as skipped by the person, with what it counted or held', () => {
    const supermanSkipped = run(oneRepInTheFirstSet(), { type: 'skip', nowMs: 4000 });
    expect(supermanSkipped.completed[0]).toMatchObject({
      count: 1,
      endedBy: 'stopped',
      skippedUnderWay: true,
    });
    const drawingIn: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 45, restS: 20 } },
    ];
    const holding = run(holdBegun(drawingIn, 1000), { type: 'tick', nowMs: 8000 });
    const holdSkipped = run(holding, { type: 'skip', nowMs: 8000 });
    expect(holdSkipped.completed[0]).toMatchObject({
      holdMs: 7000,
      endedBy: 'stopped',
      skippedUnderWay: true,
    });
    // Ended by itself, by End hold or by Finish: not skipped.
    const holdLeft = run(holding, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 8000, emittedMs: 8000, reason: 'left-pose' },
    });
    const holdEnded = run(holding, { type: 'end-hold', nowMs: 8000 });
    const finished = run(holding, { type: 'finish', nowMs: 8000 });
    const stopped = run(oneRepInTheFirstSet(), { type: 'tick', nowMs: 2000 + STOPPED_AFTER_MS });
    for (const ended of [holdLeft, holdEnded, finished, stopped]) {
      expect(ended.completed[0]).toMatchObject({ endedBy: 'stopped' });
      expect(ended.completed[0]).not.toHaveProperty('skippedUnderWay');
    }
    // Skipped with nothing done, "skipped" says it all.
    const skippedUndoneSet = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'skip', nowMs: 3000 },
    );
    expect(skippedUndoneSet.completed[0]).not.toHaveProperty('skippedUnderWay');
  });
  it('tells the sets Finish would keep skipped apart from those done, as the summary does', () => {
    let s = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'skip', nowMs: 5000 },
    );
    expect(setsKeptOnFinishing(s)).toEqual({ done: 0, cutShort: 0, skipped: 1 });
    // The next set just begun, nothing counted: it never ran, and Finish keeps nothing of it.
    s = run(s, { type: 'skip', nowMs: 6000 }, { type: 'go-heard', nowMs: 6000 });
    expect(setsKeptOnFinishing(s)).toEqual({ done: 0, cutShort: 0, skipped: 1 });
    // Under way some seconds, nothing counted yet: Finish keeps it as skipped too.
    s = run(s, { type: 'tick', nowMs: 12_000 });
    expect(setsKeptOnFinishing(s)).toEqual({ done: 0, cutShort: 0, skipped: 2 });
    // Something counted, short of its target: Finish would cut it short.
    s = run(s, { type: 'motion', event: rep(13_000) });
    expect(setsKeptOnFinishing(s)).toEqual({ done: 0, cutShort: 1, skipped: 1 });
  });

  // Partly done: neither done nor skipped with nothing in it, as the question and the voice tell them.
  it('tells the sets Finish would keep that were skipped under way, something counted, as cut short', () => {
    const skippedAtOne = run(oneRepInTheFirstSet(), { type: 'skip', nowMs: 4000 });
    expect(setsKeptOnFinishing(skippedAtOne)).toEqual({ done: 0, cutShort: 1, skipped: 0 });
    // Put right in the rest, up to its target: done after all; down to none: skipped, not cut short.
    expect(setsKeptOnFinishing(run(skippedAtOne, { type: 'adjust', delta: 2, nowMs: 5000 }))).toEqual({
      done: 1,
      cutShort: 0,
      skipped: 0,
    });
    const none = run(skippedAtOne, { type: 'adjust', delta: -1, nowMs: 5000 });
    expect(setsKeptOnFinishing(none)).toEqual({ done: 0, cutShort: 0, skipped: 1 });
    // The next set under way, short of its target: Finish would cut it short too; done in full: done.
    const underWay = run(skippedAtOne, { type: 'skip', nowMs: 5000 }, { type: 'motion', event: rep(7000) });
    expect(setsKeptOnFinishing(underWay)).toEqual({ done: 0, cutShort: 2, skipped: 0 });
    const done = run(underWay, { type: 'motion', event: rep(8000) }, { type: 'motion', event: rep(9000) });
    expect(done.phase).toBe('rest');
    expect(setsKeptOnFinishing(done)).toEqual({ done: 1, cutShort: 1, skipped: 0 });
  });

  // What a reload a moment later must not lose: written at once, not with the next second's write.
  it("tells the person's taps and the reps counted as they come from the clock moving on", () => {
    const underWay = oneRepInTheFirstSet();
    expect(savedAtOnce(underWay, run(underWay, { type: 'tick', nowMs: 2500 }))).toBe(false);
    expect(savedAtOnce(underWay, run(underWay, { type: 'motion', event: rep(3000) }))).toBe(false);
    expect(countedSince(underWay, run(underWay, { type: 'motion', event: rep(3000) }))).toBe(true);
    expect(countedSince(underWay, run(underWay, { type: 'tick', nowMs: 2500 }))).toBe(false);
    const corrected = run(underWay, { type: 'adjust', delta: 1, nowMs: 2500 });
    expect(savedAtOnce(corrected, run(corrected, { type: 'adjust', delta: -1, nowMs: 2600 }))).toBe(true);
    for (const action of [
      { type: 'adjust', delta: 1, nowMs: 2500 },
      { type: 'pause', nowMs: 2500 },
      { type: 'skip', nowMs: 2500 },
      { type: 'finish', nowMs: 2500 },
    ] satisfies SessionAction[]) {
      expect(savedAtOnce(underWay, run(underWay, action)), action.type).toBe(true);
    }
    const paused = run(underWay, { type: 'pause', nowMs: 2500 });
    expect(savedAtOnce(paused, run(paused, { type: 'resume', nowMs: 4000 }))).toBe(true);
    // A hold the detectors saw begin is written at once, and its end with the set it ends.
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 30 } },
    ];
    const ready = run(
      initialSessionState(plank),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    const holding = holdBegun(plank, 1000);
    expect(holding.set?.holdStartMs).toBe(1000);
    expect(savedAtOnce(ready, holding)).toBe(true);
    const held = run(holding, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 20_000, emittedMs: 20_000, reason: 'left-pose' },
    });
    expect(held.phase).toBe('rest');
    expect(savedAtOnce(holding, held)).toBe(true);
  });

  it('lets the screen correct the count, skip a set and finish early', () => {
    let s = oneRepInTheFirstSet();
    s = run(s, { type: 'adjust', delta: -1, nowMs: 3000 }, { type: 'adjust', delta: -1, nowMs: 3500 });
    expect(s.set?.count).toBe(0);
    // The second −1 found nothing to take away: what the person changed is one down, then one up.
    expect(s.set?.corrections).toBe(-1);
    s = run(s, { type: 'adjust', delta: 1, nowMs: 4000 }, { type: 'skip', nowMs: 9000 });
    // Skipped with a rep counted: stopped short, with what it counted.
    expect(s.completed[0]).toMatchObject({ count: 1, endedBy: 'stopped' });
    expect(s.completed[0].corrections).toBeUndefined();
    s = run(s, { type: 'finish', nowMs: 10_000 });
    expect(s.phase).toBe('summary');
    expect(s.endedMs).toBe(10_000);
  });

  it('puts the count of the set just done right during its rest, and keeps the net correction', () => {
    // Counted three where the person did one: the set ended at its target, too early.
    let s = run(
      oneRepInTheFirstSet(),
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: rep(4000) },
    );
    expect(s.phase).toBe('rest');
    const restEndsMs = s.restEndsMs;
    s = run(s, { type: 'adjust', delta: -1, nowMs: 6000 }, { type: 'adjust', delta: -1, nowMs: 7000 });
    expect(s.phase).toBe('rest');
    expect(s.restEndsMs).toBe(restEndsMs);
    // Ended short of its target, as the count now says (the CSV and FIT tell it so).
    expect(s.completed).toMatchObject([{ count: 1, corrections: -2, endedBy: 'stopped' }]);
    // Down to nothing and no further; back up to what was counted, there is no correction left.
    s = run(s, ...[1, 2, 3].map((i): SessionAction => ({ type: 'adjust', delta: -1, nowMs: 7000 + i })));
    expect(s.completed[0]).toMatchObject({ count: 0, corrections: -3 });
    expect(s.completed[0].endedBy).toBe('skipped');
    s = run(s, ...[1, 2, 3].map((i): SessionAction => ({ type: 'adjust', delta: 1, nowMs: 8000 + i })));
    expect(s.completed[0]).toMatchObject({ count: 3, endedBy: 'target' });
    expect(s.completed[0]).not.toHaveProperty('corrections');
    // The next set begins as it would have: the correction touched only the record.
    s = run(s, { type: 'skip', nowMs: 9000 });
    expect(s.set).toMatchObject({ setNumber: 2, count: 0 });
    expect(run(s, { type: 'adjust', delta: 1, nowMs: 9500 }).completed[0].count).toBe(3);
  });

  it('goes straight on to the next set after a rest of 0 s, where a rest screen came until the next tick', () => {
    const noRest: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 0 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 2, restS: 0 } },
    ];
    let s = run(
      initialSessionState(noRest),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(2000) },
      { type: 'motion', event: rep(3000) },
    );
    expect(s).toMatchObject({ phase: 'set', exerciseIndex: 0, restEndsMs: null });
    expect(s.set).toMatchObject({ setNumber: 2, count: 0, startedMs: 3200, noRestBefore: true });
    expect(s.completed).toMatchObject([{ setNumber: 1, count: 2, endedBy: 'target', endedMs: 3000 }]);
    // Skip set on a set under way, and on to the next exercise, the same; a set that waits for the
    // person to get into position waits as after any rest.
    s = run(s, strapSees(3500), { type: 'motion', event: rep(5000) }, { type: 'skip', nowMs: 6000 });
    expect(s).toMatchObject({ phase: 'set', exerciseIndex: 1, restEndsMs: null });
    expect(s.set).toMatchObject({ setNumber: 1, waiting: true, startedMs: 6000, noRestBefore: true });
    expect(s.completed.at(-1)).toMatchObject({ setNumber: 2, count: 1, endedBy: 'stopped', endedMs: 6000 });
  });

  it('puts the set just done right from the next set when there is no rest, until that set counts', () => {
    const noRest: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 0 } },
    ];
    let s = run(
      initialSessionState(noRest),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(2000) },
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: rep(4000) },
      { type: 'tick', nowMs: 4250 },
    );
    expect(s.set).toMatchObject({ setNumber: 2, count: 0 });
    expect(setJustDoneToCorrect(s)).toBe(s.completed[0]);
    s = run(s, { type: 'adjust-last', delta: -1, nowMs: 5000 });
    expect(s.completed[0]).toMatchObject({ count: 2, corrections: -1, endedBy: 'stopped' });
    expect(s.set).toMatchObject({ setNumber: 2, count: 0 });
    // Under way, the set's own −1 / +1 are the ones on screen: the set before stays as it is.
    s = run(s, { type: 'motion', event: rep(7000) });
    expect(setJustDoneToCorrect(s)).toBeNull();
    expect(run(s, { type: 'adjust-last', delta: 1, nowMs: 8000 }).completed[0].count).toBe(2);
    // After a rest, the rest was the time to put it right.
    const rested = run(
      oneRepInTheFirstSet(),
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: rep(4000) },
      { type: 'skip', nowMs: 5000 },
    );
    expect(rested.set).toMatchObject({ setNumber: 2, count: 0 });
    expect(setJustDoneToCorrect(rested)).toBeNull();
    expect(run(rested, { type: 'adjust-last', delta: -1, nowMs: 6000 })).toBe(rested);
  });

  it('with no rest, offers no set to put right after a set skipped before it began, nor that set', () => {
    const noRest: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 3, target: 3, restS: 0 } },
    ];
    let s = run(
      initialSessionState(noRest),
      strapSees(),
      { type: 'start', nowMs: 0 },
      { type: 'begin', nowMs: 1000 },
      { type: 'motion', event: rep(2000) },
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: rep(4000) },
    );
    expect(s.set).toMatchObject({ setNumber: 2, count: 0, waiting: true });
    expect(setJustDoneToCorrect(s)).toBe(s.completed[0]);
    // Set 2 skipped while it waits for the person: set 3 follows at once, and set 2 was never done.
    s = run(s, { type: 'skip', nowMs: 6000 });
    expect(s.set).toMatchObject({ setNumber: 3, waiting: true });
    expect(s.completed[1]).toMatchObject({ setNumber: 2, count: 0, endedBy: 'skipped' });
    expect(setJustDoneToCorrect(s)).toBeNull();
    expect(run(s, { type: 'adjust-last', delta: 1, nowMs: 7000 })).toBe(s);
    // A set begun and skipped with nothing counted (reps done with no device to count them) is offered.
    const begun = run(
      initialSessionState(noRest),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'skip', nowMs: 20_000 },
    );
    expect(begun.set).toMatchObject({ setNumber: 2 });
    expect(setJustDoneToCorrect(begun)).toMatchObject({ setNumber: 1, count: 0, endedBy: 'skipped' });
    expect(run(begun, { type: 'adjust-last', delta: 3, nowMs: 21_000 }).completed[0]).toMatchObject({
      count: 3,
      endedBy: 'target',
    });
  });

  it('leaves a hold as it was during the rest, and gives a set skipped with nothing counted the reps done', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 30, restS: 60 } },
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 30 } },
    ];
    let s = run(holdBegun(plan, 1000, 1400), { type: 'tick', nowMs: 31_000 });
    expect(s.phase).toBe('rest');
    expect(run(s, { type: 'adjust', delta: 1, nowMs: 32_000 })).toBe(s);
    s = run(
      s,
      { type: 'skip', nowMs: 33_000 },
      { type: 'go-heard', nowMs: 33_000 },
      { type: 'skip', nowMs: 38_000 },
    );
    expect(s.completed.at(-1)).toMatchObject({ exerciseId: 'drawing-in', endedBy: 'skipped' });
    expect(s.phase).toBe('rest');
    expect(run(s, { type: 'adjust', delta: 1, nowMs: 38_500 })).toBe(s);
    // Reps done with nothing to count them (a heart-rate-only strap), then Skip set: put right after.
    s = run(
      s,
      { type: 'skip', nowMs: 39_000 },
      { type: 'go-heard', nowMs: 39_000 },
      { type: 'skip', nowMs: 49_000 },
    );
    expect(s.completed.at(-1)).toMatchObject({ exerciseId: 'superman', count: 0, endedBy: 'skipped' });
    expect(skippedUndone(s.completed.at(-1)!)).toBe(true);
    s = run(s, { type: 'adjust', delta: 1, nowMs: 50_000 }, { type: 'adjust', delta: 1, nowMs: 50_500 });
    expect(s.completed.at(-1)).toMatchObject({ count: 2, corrections: 2, endedBy: 'stopped' });
    expect(skippedUndone(s.completed.at(-1)!)).toBe(false);
    s = run(s, { type: 'adjust', delta: -2, nowMs: 51_000 });
    expect(skippedUndone(s.completed.at(-1)!)).toBe(true);
  });

  it('keeps of a set no device counts the reps tapped in it and in its rest as counted by hand, and of one a device counts none', () => {
    // A heart-rate-only strap: the superman's reps are tapped with +1, one of them undone with −1, one
    // forgotten and tapped in the rest after; nothing tapped in the second set until its rest.
    let s = run(
      initialSessionState(supermanTwoSets),
      strapHeartRateOnly(),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'adjust', delta: 1, nowMs: 4000 },
      { type: 'adjust', delta: 1, nowMs: 6000 },
      { type: 'adjust', delta: -1, nowMs: 6500 },
    );
    expect(s.set).toMatchObject({ count: 1, corrections: 1, countedByHand: 1 });
    s = run(s, { type: 'skip', nowMs: 10_000 }, { type: 'adjust', delta: 1, nowMs: 11_000 });
    expect(s.completed[0]).toMatchObject({ count: 2, corrections: 2, countedByHand: 2 });
    s = run(
      s,
      { type: 'skip', nowMs: 12_000 },
      { type: 'go-heard', nowMs: 13_000 },
      { type: 'skip', nowMs: 20_000 },
      { type: 'adjust', delta: 1, nowMs: 21_000 },
      { type: 'adjust', delta: 1, nowMs: 21_500 },
    );
    expect(s.completed[1]).toMatchObject({ count: 2, corrections: 2, countedByHand: 2 });

    // A strap that counts it: a +1 is a rep the detectors missed, in the set or in the rest after.
    const seen = run(
      initialSessionState(supermanTwoSets),
      devicesCount(['superman']),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(2000) },
      { type: 'adjust', delta: 1, nowMs: 3000 },
      { type: 'skip', nowMs: 5000 },
      { type: 'adjust', delta: 1, nowMs: 6000 },
    );
    expect(seen.completed[0]).toMatchObject({ count: 3, corrections: 2 });
    expect(seen.completed[0]).not.toHaveProperty('countedByHand');
  });

  it('keeps the bird dog sides adding up to a count put right, in the set and in its rest', () => {
    expect(sidesCorrected({ left: 2, right: 3 }, 1)).toEqual({ left: 3, right: 3 });
    expect(sidesCorrected({ left: 3, right: 3 }, 1)).toEqual({ left: 3, right: 4 });
    expect(sidesCorrected({ left: 3, right: 3 }, -1)).toEqual({ left: 2, right: 3 });
    expect(sidesCorrected({ left: 1, right: 0 }, -3)).toEqual({ left: 0, right: 0 });
    expect(sidesCorrected({ left: 0, right: 0 }, 3)).toEqual({ left: 1, right: 2 });
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('bird-dog'), dosage: { sets: 2, target: 6, restS: 30 } },
    ];
    let s = run(
      initialSessionState(plan),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(2000, 'right') },
      { type: 'motion', event: rep(5000, 'left') },
      { type: 'adjust', delta: 1, nowMs: 6000 },
    );
    expect(s.set).toMatchObject({ count: 3, sides: { left: 1, right: 2 } });
    s = run(s, { type: 'skip', nowMs: 7000 }, { type: 'adjust', delta: -2, nowMs: 8000 });
    expect(s.completed[0]).toMatchObject({ count: 1, sides: { left: 0, right: 1 } });
    // One side at a time only: a superman's sides stay as the detectors left them (none).
    const superman = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'adjust', delta: 1, nowMs: 1000 },
    );
    expect(superman.set?.sides).toEqual({ left: 0, right: 0 });
  });

  it("puts the session's last set right on the summary, which has no rest after it to do it in", () => {
    let s = run(
      initialSessionState([supermanTwoSets[0]]),
      { type: 'start', nowMs: 0 },
      { type: 'motion', event: rep(2000) },
      { type: 'finish', nowMs: 3000 },
    );
    expect(s.phase).toBe('summary');
    s = run(s, { type: 'adjust', delta: 1, nowMs: 4000 }, { type: 'adjust', delta: 1, nowMs: 4500 });
    expect(s.phase).toBe('summary');
    expect(s.completed).toMatchObject([{ count: 3, corrections: 2, endedBy: 'target' }]);
    // The session's end and length stay where Finish put them.
    expect(s.endedMs).toBe(3000);
    expect(s.nowMs).toBe(3000);
  });

  it('takes no correction of a hold on the summary', () => {
    const plan: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 30, restS: 60 } },
    ];
    const s = run(holdBegun(plan, 1000, 1400), { type: 'tick', nowMs: 31_000 });
    expect(s.phase).toBe('summary');
    expect(run(s, { type: 'adjust', delta: 1, nowMs: 32_000 })).toBe(s);
  });

  it('keeps the set under way when the session is finished: stopped with what it counted, or skipped', () => {
    const start = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    const twoReps = run(start, { type: 'motion', event: rep(2000) }, { type: 'motion', event: rep(5000) });
    const finished = run(twoReps, { type: 'finish', nowMs: 6000 });
    expect(finished.completed).toEqual([
      expect.objectContaining({ count: 2, endedBy: 'stopped', endedMs: 6000 }),
    ]);
    expect(finished.completed[0]?.endedByHand).toBeUndefined();
    expect(run(start, { type: 'finish', nowMs: 6000 }).completed).toEqual([
      expect.objectContaining({ count: 0, endedBy: 'skipped' }),
    ]);
    // A plank held when the session is finished: the hold so far.
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 1, target: 30, restS: 60 } },
    ];
    const held = run(holdBegun(plank, 1000), { type: 'finish', nowMs: 34_000 });
    expect(held.completed[0]).toMatchObject({ holdMs: 33_000, endedBy: 'stopped' });
  });

  // What "Session complete" means: every set of the plan ran to its end, by itself or by Skip set.
  it('ran through its plan only when no set of it was cut short by Finish or left undone', () => {
    const oneSet: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 3, restS: 30 } },
    ];
    const start = run(initialSessionState(oneSet), { type: 'start', nowMs: 0 });
    const twoReps = run(start, { type: 'motion', event: rep(2000) }, { type: 'motion', event: rep(4000) });
    expect(planRanThrough(run(twoReps, { type: 'motion', event: rep(6000) }))).toBe(true);
    // Reps that stopped coming end the set by themselves; Skip set is the person's own end of it.
    expect(planRanThrough(run(twoReps, { type: 'tick', nowMs: 4200 + STOPPED_AFTER_MS }))).toBe(true);
    expect(planRanThrough(run(twoReps, { type: 'skip', nowMs: 5000 }))).toBe(true);
    // The plan's last set, cut short by Finish (at its question, or with nothing counted yet): a
    // record for every set, but the set did not run to its end.
    const cutShort = run(twoReps, { type: 'finish', nowMs: 5000 });
    expect([cutShort.phase, cutShort.completed.length]).toEqual(['summary', 1]);
    expect(planRanThrough(cutShort)).toBe(false);
    expect(
      planRanThrough(
        run(twoReps, { type: 'pause', nowMs: 5000, toAsk: true }, { type: 'finish', nowMs: 6000 }),
      ),
    ).toBe(false);
    expect(planRanThrough(run(start, { type: 'finish', nowMs: 1000 }))).toBe(false);
    // Finished with sets of the plan never begun.
    expect(planRanThrough(run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 0 }))).toBe(
      false,
    );
    // A plank has no end of its own at its target: held past it, Finish ends it done, as End hold does.
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 1, target: 30, restS: 60 } },
    ];
    const holding = holdBegun(plank, 1000);
    expect(planRanThrough(run(holding, { type: 'finish', nowMs: 31_000 }))).toBe(true);
    expect(planRanThrough(run(holding, { type: 'finish', nowMs: 30_000 }))).toBe(false);
  });

  it("finished while paused (as on Finish's question), keeps the pause out of the workout and a hold as held up to it", () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    const finished = run(
      holdBegun(plank, 1000),
      { type: 'pause', nowMs: 21_000 },
      { type: 'finish', nowMs: 321_000 },
    );
    expect(finished.completed[0]).toMatchObject({ holdMs: 20_000, endedBy: 'stopped' });
    expect(finished.pausedAtMs).toBeNull();
    expect(finished.pauses).toEqual([{ atMs: 21_000, ms: 300_000 }]);
    expect(finished.endedMs).toBe(321_000);
  });

  it('times the session without its pauses, one still open included', () => {
    const times = { startedMs: 1000, endedMs: null, nowMs: 61_000, pauses: [{ atMs: 10_000, ms: 5000 }] };
    expect(timerMs(times)).toBe(55_000);
    expect(timerMs({ ...times, pausedAtMs: 51_000 })).toBe(45_000);
    expect(timerMs({ ...times, endedMs: 31_000, nowMs: 90_000 })).toBe(25_000);
    expect(timerMs({ startedMs: null, endedMs: null, nowMs: 5000 })).toBe(0);
  });

  it('aims each plank hold a step above the one before', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
    ];
    const hold = (fromMs: number, toMs: number): SessionAction[] => [
      { type: 'go-heard', nowMs: fromMs - 1000 },
      { type: 'motion', event: { type: 'hold-start', tMs: fromMs, emittedMs: fromMs } },
      { type: 'motion', event: { type: 'hold-end', tMs: toMs, emittedMs: toMs, reason: 'form' } },
    ];
    let s = run(initialSessionState(plank), { type: 'start', nowMs: 0 }, ...hold(2000, 38_400));
    expect(s.completed[0]).toMatchObject({ target: 30, holdMs: 36_400 });
    s = run(s, { type: 'skip', nowMs: 40_000 });
    expect(s.plan[0].dosage.target).toBe(41);
    s = run(s, ...hold(42_000, 70_000), { type: 'skip', nowMs: 71_000 });
    expect(s.completed[1]).toMatchObject({ target: 41, holdMs: 28_000 });
    // A shorter hold sets a reachable goal, still above it.
    expect(s.plan[0].dosage.target).toBe(33);
  });

  it('walks the whole default program to the summary', () => {
    let s = run(initialSessionState(), { type: 'start', nowMs: 0 });
    let now = 0;
    let guard = 0;
    while (s.phase !== 'summary' && guard++ < 200) {
      now += 1000;
      s = run(s, { type: 'skip', nowMs: now });
    }
    expect(s.phase).toBe('summary');
    const setsPlanned = s.plan.reduce((n, p) => n + p.dosage.sets, 0);
    expect(s.completed).toHaveLength(setsPlanned);
  });
});

/** A position event judged at `emittedMs`, about a state that began at `tMs`. */
const position = (
  status: PositionStatus,
  posture: Posture | null,
  tMs: number,
  emittedMs = tMs + 1000,
): SessionAction => ({
  type: 'position',
  event: { type: 'position', status, posture, tMs, emittedMs } satisfies PositionEvent,
});

const currentPlannedId = (s: SessionState) => s.plan[s.exerciseIndex]?.exercise.id;

describe('sets that begin when the person is in position', () => {
  const sensing = (plan: readonly PlannedExercise[] = supermanTwoSets): SessionState =>
    run(initialSessionState(plan), strapSees());

  it('keeps what the device saw as the set began: the position, a still wrist, or nothing at all', () => {
    const waiting = run(sensing(), { type: 'start', nowMs: 1000 });
    // A chest strap tells face down from sitting: the person was in position.
    expect(run(waiting, position('in', 'face-down', 3000)).set?.startSeen).toBe('position');
    // A watch tells no posture: it saw the wrist still, and no more.
    expect(run(waiting, position('in', null, 3000)).set?.startSeen).toBe('stillness');
    // Begun as the strap turned heart-rate-only, or by a tap: nothing saw the person.
    const unseen = run(waiting, strapHeartRateOnly(3000)).set;
    expect(unseen).toMatchObject({ waiting: false });
    expect(unseen?.startSeen).toBeUndefined();
    expect(run(waiting, { type: 'begin', nowMs: 3200 }).set?.startSeen).toBeUndefined();
    // Seen, then up before anything was counted: the set waits again, and what was seen is gone.
    const left = run(waiting, position('in', 'face-down', 3000), position('away', 'upright', 4000), {
      type: 'tick',
      nowMs: 5000 + SETTLE_BACK_MS,
    });
    expect(left.set).toMatchObject({ waiting: true });
    expect(left.set?.startSeen).toBeUndefined();
  });

  it('waits for the person to be in position, counting nothing until then', () => {
    let s = run(sensing(), { type: 'start', nowMs: 1000 });
    expect(s.set).toMatchObject({ waiting: true, startedMs: 1000, count: 0 });
    s = run(
      s,
      { type: 'motion', event: rep(3000) },
      { type: 'tick', nowMs: 60_000 },
      { type: 'adjust', delta: 1, nowMs: 60_000 },
    );
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ waiting: true, count: 0 });
    // In position and still from 61 s, judged a second later: the set begins, dated from then.
    s = run(s, position('in', 'face-down', 61_000, 62_000));
    expect(s.set).toMatchObject({ waiting: false, startedMs: 61_000, lastProgressMs: 61_000 });
    s = run(s, { type: 'motion', event: rep(60_500) }, { type: 'motion', event: rep(65_000) });
    expect(s.set?.count).toBe(1);
  });

  it('goes straight to the next set when one is skipped before the person got into position', () => {
    let s = run(sensing(), { type: 'start', nowMs: 1000 }, { type: 'skip', nowMs: 3000 });
    expect(s.completed.at(-1)).toMatchObject({ setNumber: 1, count: 0, endedBy: 'skipped' });
    // Nothing was done, so there is nothing to rest from.
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ setNumber: 2, waiting: true, startedMs: 3000 });
    s = run(s, { type: 'skip', nowMs: 4000 });
    expect(s.phase).toBe('set');
    expect(currentPlannedId(s)).toBe('drawing-in');
    // A set that had begun rests as usual, though it counted nothing.
    s = run(s, position('in', 'face-up', 4000, 5000), { type: 'skip', nowMs: 6000 });
    expect(s.phase).toBe('summary');
    let t = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 0, 1000));
    t = run(t, { type: 'go-heard', nowMs: 1500 }, { type: 'skip', nowMs: 2000 });
    expect(t.phase).toBe('rest');
  });

  // In position while the set's line is said, the person waits for "Go", and the screen shows where
  // to be until then (see showsSetUnderWay): a set skipped before it was never under way.
  it('goes straight to the next set when one is skipped before its "Go" was heard, paused or not', () => {
    const inPosition = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000, 2000));
    expect(inPosition.set).toMatchObject({ waiting: false, startSeen: 'position' });
    // Paused as the set is said: the pause's line cuts it short, and the voice falls silent then.
    const paused = run(
      inPosition,
      { type: 'pause', nowMs: 5000 },
      { type: 'go-heard', nowMs: 5600 },
      { type: 'skip', nowMs: 8000 },
    );
    expect(paused.phase).toBe('set');
    expect(paused.set).toMatchObject({ setNumber: 2, waiting: true });
    expect(paused.completed).toEqual([expect.objectContaining({ endedBy: 'skipped', neverBegun: true })]);
    expect(correctableInRest(paused.completed[0])).toBe(false);
    const unpaused = run(inPosition, { type: 'skip', nowMs: 6000 });
    expect(unpaused.phase).toBe('set');
    expect(unpaused.completed).toEqual([expect.objectContaining({ endedBy: 'skipped', neverBegun: true })]);
    // Finish keeps such a set no more than one the person never got into position for.
    expect(recordsKeptOnFinish(run(inPosition, { type: 'pause', nowMs: 5000 }))).toEqual([]);
    expect(recordsKeptOnFinish(inPosition)).toEqual([]);
    // "Go" heard before the pause, the person was in the set: its rest follows, as it does unpaused.
    const heard = run(
      inPosition,
      { type: 'go-heard', nowMs: 9000 },
      { type: 'pause', nowMs: 10_000 },
      { type: 'skip', nowMs: 12_000 },
    );
    expect(heard.phase).toBe('rest');
    expect(heard.completed[0]).toMatchObject({ endedBy: 'skipped' });
    expect(heard.completed[0]?.neverBegun).toBeUndefined();
    const underWay = run(inPosition, { type: 'go-heard', nowMs: 9000 }, { type: 'tick', nowMs: 9250 });
    expect(recordsKeptOnFinish(underWay)).toHaveLength(1);
  });

  // In position while the voice still says the set's instructions, the person waits for "Go": the
  // screen shows the set under way when "Go" is said, not seconds before it.
  it('shows a set begun in position as under way once its "Go" is heard, or once it counts', () => {
    const begun = run(sensing(), { type: 'start', nowMs: 1000 }, position('in', 'face-down', 5000, 6000));
    expect(begun.set).toMatchObject({ waiting: false, count: 0 });
    expect(begun.set && showsSetUnderWay(begun.set)).toBe(false);
    const heard = run(begun, { type: 'go-heard', nowMs: 16_000 });
    expect(heard.set && showsSetUnderWay(heard.set)).toBe(true);
    // A person who set off before "Go" sees their count.
    const counted = run(begun, { type: 'motion', event: rep(9000) });
    expect(counted.set).toMatchObject({ count: 1 });
    expect(counted.set && showsSetUnderWay(counted.set)).toBe(true);
    // Begun by a tap, the set is under way at once: the screen answers the tap.
    const tapped = run(sensing(), { type: 'start', nowMs: 1000 }, { type: 'begin', nowMs: 4000 });
    expect(tapped.set && showsSetUnderWay(tapped.set)).toBe(true);
    // Still waiting for the position, it is not; begun at once where no device sees posture, it is.
    expect(showsSetUnderWay(run(sensing(), { type: 'start', nowMs: 1000 }).set!)).toBe(false);
    const unseen = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 1000 });
    expect(unseen.set && showsSetUnderWay(unseen.set)).toBe(true);
  });

  it('starts a set begun in position at a tap on Start the set, without waiting for its "Go" to be said', () => {
    const begun = run(sensing(), { type: 'start', nowMs: 1000 }, position('in', 'face-down', 5000, 6000));
    const tapped = run(begun, { type: 'begin', nowMs: 8000 });
    expect(tapped.set).toMatchObject({ waiting: false, startedMs: 5000, goHeardMs: 8000 });
    expect(tapped.set && showsSetUnderWay(tapped.set)).toBe(true);
    // Heard already, the tap changes nothing.
    const heard = run(begun, { type: 'go-heard', nowMs: 7000 });
    expect(run(heard, { type: 'begin', nowMs: 8000 })).toBe(heard);
  });

  it('marks a set skipped before it began as never begun, and offers no count to put right for it', () => {
    const lastSetDone = run(
      sensing([{ ...supermanTwoSets[0], dosage: { sets: 2, target: 3, restS: 0 } }]),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 0, 1000),
      ...[2000, 3000, 4000].map((t): SessionAction => ({ type: 'motion', event: rep(t) })),
    );
    expect(lastSetDone.set).toMatchObject({ setNumber: 2, waiting: true });
    // The session's last set, skipped while it waits for the person: nothing was done in it.
    const skipped = run(lastSetDone, { type: 'skip', nowMs: 6000 });
    expect(skipped.phase).toBe('summary');
    expect(skipped.completed[1]).toMatchObject({
      setNumber: 2,
      count: 0,
      endedBy: 'skipped',
      neverBegun: true,
    });
    expect(skippedUndone(skipped.completed[1]!)).toBe(true);
    expect(correctableInRest(skipped.completed[1]!)).toBe(false);
    // +1 on the summary would make a set never done into one done.
    expect(run(skipped, { type: 'adjust', delta: 1, nowMs: 7000 })).toBe(skipped);

    // Begun (in position, "Go" heard), then skipped with nothing counted: reps the detectors missed.
    const begun = run(
      lastSetDone,
      position('in', 'face-down', 5000, 5500),
      { type: 'go-heard', nowMs: 6000 },
      { type: 'skip', nowMs: 20_000 },
    );
    expect(begun.phase).toBe('summary');
    expect(begun.completed[1]).toMatchObject({ setNumber: 2, count: 0, endedBy: 'skipped' });
    expect(begun.completed[1]?.neverBegun).toBeUndefined();
    expect(correctableInRest(begun.completed[1]!)).toBe(true);
    expect(run(begun, { type: 'adjust', delta: 1, nowMs: 21_000 }).completed[1]).toMatchObject({
      count: 1,
      endedBy: 'stopped',
    });
    // Nor is a set finished before it began a set at all, to mark or to put right.
    expect(run(lastSetDone, { type: 'finish', nowMs: 6000 }).completed).toHaveLength(1);
  });

  // A lat pulldown never started before Finish, End session: listed skipped, 0 reps, with "counted
  // wrong? −1 +1" under it.
  it('offers no count to put right on the summary for a set Finish ended before anything in it was counted', () => {
    const pulldown: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 2, restS: 10 } },
      { exercise: exerciseById('lat-pulldown'), dosage: { sets: 1, target: 12, restS: 60, weightKg: 25 } },
    ];
    // A heart-rate-only strap: each set begins as it falls due, the person counting with +1.
    const underWay = run(
      initialSessionState(pulldown),
      strapHeartRateOnly(),
      { type: 'start', nowMs: 0 },
      { type: 'adjust', delta: 2, nowMs: 5000 },
      { type: 'tick', nowMs: 15_000 },
      { type: 'go-heard', nowMs: 15_000 },
    );
    expect(underWay.set).toMatchObject({ setNumber: 1, count: 0 });
    const finished = run(underWay, { type: 'finish', nowMs: 30_000 });
    expect(finished.completed[1]).toMatchObject({ exerciseId: 'lat-pulldown', count: 0, endedBy: 'skipped' });
    expect(lastSetToCorrect(finished)).toBeNull();
    expect(run(finished, { type: 'adjust', delta: 1, nowMs: 31_000 })).toBe(finished);

    // Finished with a rep counted: put right, down to none and up again.
    const oneRep = run(
      underWay,
      { type: 'adjust', delta: 1, nowMs: 20_000 },
      { type: 'finish', nowMs: 30_000 },
    );
    const none = run(oneRep, { type: 'adjust', delta: -1, nowMs: 31_000 });
    expect(none.completed[1]).toMatchObject({ count: 0, endedBy: 'skipped' });
    expect(lastSetToCorrect(none)).toBe(none.completed[1]);
    expect(run(none, { type: 'adjust', delta: 1, nowMs: 32_000 }).completed[1]).toMatchObject({ count: 1 });

    // Skipped with nothing counted, the session's last set: reps the detectors missed are still given.
    const skipped = run(underWay, { type: 'skip', nowMs: 30_000 });
    expect(skipped.phase).toBe('summary');
    expect(lastSetToCorrect(skipped)).toBe(skipped.completed[1]);
  });

  it('marks a set skipped moments after the person left position, nothing counted, as never begun', () => {
    const left = run(
      sensing(),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 0, 1000),
      position('away', 'upright', 2000, 3000),
    );
    expect(left.set?.leftMs).toBe(3000);
    const skipped = run(left, { type: 'skip', nowMs: 4000 });
    expect(skipped.completed[0]).toMatchObject({ endedBy: 'skipped', neverBegun: true });
    // A set that began at once (no device sees posture) has begun once its "Go" was heard and a rep
    // could have been done, whatever it counted.
    const atOnce = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'skip', nowMs: 5000 },
    );
    expect(atOnce.completed[0]?.neverBegun).toBeUndefined();
  });

  // A heart-rate-only strap, the set paused: +1 tapped to the target ended the set there, into a rest
  // that stood paused, with nothing said of the set's end.
  it('ends a set put right to its target while paused once the session goes on, not in the pause', () => {
    const threeSupermans = [{ ...supermanTwoSets[0], dosage: { sets: 3, target: 3, restS: 45 } }];
    const paused = run(
      initialSessionState(threeSupermans),
      strapHeartRateOnly(),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'adjust', delta: 2, nowMs: 8000 },
      { type: 'pause', nowMs: 9000 },
      { type: 'adjust', delta: 1, nowMs: 10_000 },
    );
    expect(paused.phase).toBe('set');
    expect(paused.set?.count).toBe(3);
    const goneOn = run(paused, { type: 'resume', nowMs: 30_000 });
    expect(goneOn.phase).toBe('rest');
    expect(goneOn.completed[0]).toMatchObject({ count: 3, endedBy: 'target' });
    expect(goneOn.restEndsMs).toBe(30_000 + 45_000);
  });

  // A heart-rate-only strap: the rest cut short with Start now, and the set after it skipped 2 s
  // after its "Go", nothing counted. The summary offered "Superman, set 2 counted wrong? −1 +1".
  it('marks a set skipped before "Go" or moments after it, nothing counted, as never run, where nothing sees the person', () => {
    const threeSupermans = [{ ...supermanTwoSets[0], dosage: { sets: 3, target: 10, restS: 45 } }];
    const restAfterOne = run(
      initialSessionState(threeSupermans),
      strapHeartRateOnly(),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'adjust', delta: 3, nowMs: 5000 },
      { type: 'skip', nowMs: 6000 },
    );
    expect(restAfterOne.phase).toBe('rest');
    const set2 = run(restAfterOne, { type: 'skip', nowMs: 8000 }, { type: 'go-heard', nowMs: 8000 });
    const skipped = run(set2, { type: 'skip', nowMs: 10_000 });
    expect(skipped.completed[1]).toMatchObject({
      setNumber: 2,
      count: 0,
      endedBy: 'skipped',
      neverBegun: true,
    });
    expect(correctableInRest(skipped.completed[1]!)).toBe(false);
    // Nothing done to rest from: set 3 follows at once.
    expect(skipped.set).toMatchObject({ setNumber: 3 });
    // Paused 2 s after "Go" and skipped a minute later: the pause is no time in the set.
    const skippedWhilePaused = run(
      set2,
      { type: 'pause', nowMs: 10_000 },
      { type: 'tick', nowMs: 70_000 },
      { type: 'skip', nowMs: 70_000 },
    );
    expect(skippedWhilePaused.completed[1]).toMatchObject({ setNumber: 2, neverBegun: true });
    // Skipped while "Go" is still being said.
    const unheard = run(restAfterOne, { type: 'skip', nowMs: 8000 }, { type: 'skip', nowMs: 12_000 });
    expect(unheard.completed[1]).toMatchObject({ setNumber: 2, neverBegun: true });
    // The session's last set so: the summary offers no count to put right.
    const last = run(
      restAfterOne,
      { type: 'skip', nowMs: 8000 },
      { type: 'go-heard', nowMs: 8000 },
      { type: 'skip', nowMs: 10_000 },
      { type: 'go-heard', nowMs: 10_000 },
      { type: 'skip', nowMs: 11_000 },
    );
    expect(last.phase).toBe('summary');
    expect(lastSetToCorrect(last)).toBeNull();
  });

  it('begins at once when the rest ends with the person already in position', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 500));
    s = run(s, ...[2000, 3000, 4000].map((t) => ({ type: 'motion', event: rep(t) }) as const));
    expect(s.phase).toBe('rest');
    s = run(s, { type: 'tick', nowMs: 34_200 });
    expect(s.set).toMatchObject({ setNumber: 2, waiting: true, startedMs: 34_200 });
    // Still since the middle of the rest: the set starts as it falls due, not before.
    s = run(s, position('in', 'face-down', 20_000, 34_300));
    expect(s.set).toMatchObject({ waiting: false, startedMs: 34_200 });
  });

  it('says a wrong position at once, then at most every 20 s, and forgets it when the person moves', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, { type: 'tick', nowMs: 5000 });
    s = run(s, position('wrong', 'face-up', 2000, 5100));
    expect(s.set).toMatchObject({ waiting: true, wrongPosture: 'face-up', warnedMs: 5100 });
    s = run(s, { type: 'tick', nowMs: 5100 + WRONG_POSITION_REPEAT_MS - 1 });
    expect(s.set?.warnedMs).toBe(5100);
    s = run(s, { type: 'tick', nowMs: 5100 + WRONG_POSITION_REPEAT_MS });
    expect(s.set?.warnedMs).toBe(25_100);
    // Turning over: no longer wrong; lying on the side a moment later is not said again so soon.
    s = run(s, position('away', 'side', 27_000, 28_000));
    expect(s.set?.wrongPosture).toBeNull();
    s = run(s, position('wrong', 'side', 28_000, 31_000));
    expect(s.set).toMatchObject({ wrongPosture: 'side', warnedMs: 25_100 });
    s = run(s, position('in', 'face-down', 33_000, 34_000));
    expect(s.set).toMatchObject({ waiting: false, wrongPosture: null, startedMs: 33_000 });
  });

  it('says a wrong position three times in a set at most, and shows it on', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('wrong', 'upright', 0, 10_000));
    const said: number[] = [];
    for (let t = 10_000; t <= 120_000; t += 1000) {
      s = run(s, { type: 'tick', nowMs: t });
      if (s.set?.warnedMs != null && s.set.warnedMs !== said.at(-1)) said.push(s.set.warnedMs);
    }
    expect(said).toEqual([10_000, 30_000, 50_000]);
    expect(WRONG_POSITION_TIMES).toBe(3);
    expect(s.set).toMatchObject({ waiting: true, wrongPosture: 'upright' });
  });

  it('starts a hold under way over after an interruption, once the person is in position again', () => {
    const hold: MotionEvent = { type: 'hold-start', tMs: 0, emittedMs: 0 };
    const holdAt = (tMs: number): SessionAction => ({
      type: 'motion',
      event: { ...hold, tMs, emittedMs: tMs },
    });
    const drawingIn = supermanTwoSets.slice(1);
    let s = run(sensing(drawingIn), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, { type: 'go-heard', nowMs: 2000 }, holdAt(2000), { type: 'tick', nowMs: 16_000 });
    expect(s.set?.holdStartMs).toBe(2000);
    // The page reloads: the hold held 14 s is not taken to go on, the set waits for the position.
    s = afterInterruption(s);
    expect(s.set).toMatchObject({ waiting: true, holdStartMs: null });
    s = run(s, { type: 'tick', nowMs: 60_000 });
    expect(s.phase).toBe('set');
    s = run(
      s,
      position('in', 'face-down', 20_000, 21_000),
      { type: 'go-heard', nowMs: 21_000 },
      holdAt(22_000),
    );
    expect(s.set).toMatchObject({ waiting: false, holdStartMs: 22_000 });
    // Without a device that sees the position, the next hold the detectors see is timed.
    const unsensed = run(
      initialSessionState(drawingIn),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      holdAt(2000),
    );
    expect(afterInterruption(unsensed).set).toMatchObject({ holdStartMs: null });
    expect(afterInterruption(unsensed).set?.waiting).toBeFalsy();
    // A rep set keeps its count and goes on, begun as it was.
    const reps = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 500));
    const counted = run(reps, { type: 'motion', event: rep(2000) });
    expect(afterInterruption(counted)).toMatchObject({ phase: 'set', set: { count: 1, waiting: false } });
    expect(afterInterruption(counted).set?.startedMs).toBe(counted.set?.startedMs);
  });

  it('keeps when a glute bridge reached the top of the rep under way, until the person leaves it or the rep is counted, and not for a superman', () => {
    const top = (tMs: number): SessionAction => ({
      type: 'motion',
      event: { type: 'top', tMs, emittedMs: tMs + 400 },
    });
    const started = (id: 'glute-bridge' | 'superman') =>
      run(
        initialSessionState([{ exercise: exerciseById(id), dosage: { sets: 1, target: 15, restS: 60 } }]),
        { type: 'start', nowMs: 0 },
        { type: 'go-heard', nowMs: 1000 },
      );
    const atTop = run(started('glute-bridge'), top(3000));
    expect(atTop.set?.atTopSinceMs).toBe(3000);
    expect(run(atTop, { type: 'motion', event: rep(7000) }).set).toMatchObject({
      count: 1,
      atTopSinceMs: null,
    });
    const leftTop: SessionAction = {
      type: 'motion',
      event: { type: 'top-left', tMs: 5000, emittedMs: 5000 },
    };
    expect(run(atTop, leftTop).set?.atTopSinceMs).toBeNull();
    expect(run(started('superman'), top(3000)).set?.atTopSinceMs).toBeUndefined();
  });

  it('goes on through a glute bridge rep held at the top longer than STOPPED_AFTER_MS, and ends as stopped only that long after the hips came down', () => {
    // Two reps, the last at 8 s; the third rises and stops at the top at 11 s, held 20 s.
    let s = run(
      initialSessionState([
        { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      ]),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(8000) },
      { type: 'motion', event: { type: 'top', tMs: 11_000, emittedMs: 11_400 } },
      { type: 'tick', nowMs: 8000 + STOPPED_AFTER_MS },
      { type: 'tick', nowMs: 30_000 },
    );
    expect(s.phase).toBe('set');
    expect(s.set?.count).toBe(2);
    // Down at 31 s: the rep is counted as the hips rest, from where the next is waited for.
    s = run(s, { type: 'motion', event: { type: 'top-left', tMs: 31_000, emittedMs: 31_200 } });
    s = run(s, { type: 'tick', nowMs: 31_500 + STOPPED_AFTER_MS - 1000 });
    expect(s.phase).toBe('set');
    s = run(
      s,
      { type: 'motion', event: rep(33_000) },
      { type: 'tick', nowMs: 33_000 + STOPPED_AFTER_MS - 1 },
    );
    expect(s.set?.count).toBe(3);
    // Up again and down with no rep seen: the set ends as stopped STOPPED_AFTER_MS after the hips came down.
    s = run(
      s,
      { type: 'motion', event: { type: 'top', tMs: 36_000, emittedMs: 36_400 } },
      { type: 'motion', event: { type: 'top-left', tMs: 40_000, emittedMs: 40_200 } },
      { type: 'tick', nowMs: 40_000 + STOPPED_AFTER_MS - 1 },
    );
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 40_000 + STOPPED_AFTER_MS });
    expect(s.phase).not.toBe('set');
    expect(s.completed[0]).toMatchObject({ count: 3, endedBy: 'stopped' });
  });

  it('forgets the top of a glute bridge rep the strap went out of reach in, so that the set can still end as stopped once it is back', () => {
    let s = run(
      initialSessionState([
        { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      ]),
      devicesCount(['glute-bridge']),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: { type: 'top', tMs: 7000, emittedMs: 7400 } },
      { type: 'motion-reach', away: ['glute-bridge'], nowMs: 8000 },
      { type: 'motion-reach', away: [], nowMs: 18_000 },
    );
    // The detectors begin again with the strap: no "top-left" will come of the rep it was away in.
    expect(s.set?.atTopSinceMs ?? null).toBeNull();
    s = run(s, { type: 'tick', nowMs: 18_000 + STOPPED_AFTER_MS });
    expect(s.completed[0]).toMatchObject({ count: 1, endedBy: 'stopped' });
  });

  it('waits for the next rep of a set picked up after an interruption from the "Go" said again, not from the rep before it', () => {
    const gluteBridge: PlannedExercise[] = [
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 60 } },
    ];
    // Three reps, the last at 10 s; the session went on to 16 s in the tab it moved from.
    let s = run(
      initialSessionState(gluteBridge),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(7000) },
      { type: 'motion', event: rep(10_000) },
      { type: 'tick', nowMs: 16_000 },
    );
    // Picked up in the other tab: the set is said again ("… three done. Lie on your back, … Go"),
    // heard 7 s on.
    s = afterInterruption(s);
    expect(s.set?.count).toBe(3);
    s = run(s, { type: 'tick', nowMs: 20_000 }, { type: 'go-heard', nowMs: 23_000 });
    s = run(s, { type: 'tick', nowMs: 10_000 + STOPPED_AFTER_MS });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 23_000 + STOPPED_AFTER_MS - 1 });
    expect(s.phase).toBe('set');
    expect(run(s, { type: 'motion', event: rep(30_000) }).set?.count).toBe(4);
    // No rep within STOPPED_AFTER_MS of "Go": the person has stopped, with the three reps kept.
    s = run(s, { type: 'tick', nowMs: 23_000 + STOPPED_AFTER_MS });
    expect(s.phase).toBe('summary');
    expect(s.completed[0]).toMatchObject({ count: 3, endedBy: 'stopped' });
  });

  it('keeps through Finish a set that ran before a reload, its "Go" yet to be heard again, as Finish kept it before; Skip set there still takes it as not begun', () => {
    // A superman set the strap saw the person begin, "Go" heard at 2 s, nothing counted by 16 s.
    const ran = run(
      sensing(),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 0, 1000),
      { type: 'go-heard', nowMs: 2000 },
      { type: 'tick', nowMs: 16_000 },
    );
    const kept = run(ran, { type: 'finish', nowMs: 17_000 }).completed;
    expect(kept).toEqual([expect.objectContaining({ setNumber: 1, count: 0, endedBy: 'skipped' })]);
    // The page reloads and says the set again; Finish is tapped before its new "Go".
    const pickedUp = afterInterruption(ran);
    expect(pickedUp.set?.goHeardMs).toBeUndefined();
    expect(run(pickedUp, { type: 'finish', nowMs: 17_000 }).completed).toEqual(kept);
    // Skip set there goes on as it does: to the next set at once, this one never begun.
    const skipped = run(pickedUp, { type: 'skip', nowMs: 17_000 });
    expect(skipped.completed).toEqual([expect.objectContaining({ endedBy: 'skipped', neverBegun: true })]);
    expect(skipped).toMatchObject({ phase: 'set', set: { setNumber: 2 } });

    // Nothing seeing the person: the set had run once 5 s had gone by after its "Go", not before.
    const unseen = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
    );
    const finishedAfterReloadAt = (ms: number) =>
      run(afterInterruption(run(unseen, { type: 'tick', nowMs: ms })), { type: 'finish', nowMs: ms });
    expect(finishedAfterReloadAt(10_000).completed).toEqual([
      expect.objectContaining({ count: 0, endedBy: 'skipped' }),
    ]);
    expect(finishedAfterReloadAt(3000).completed).toEqual([]);
  });

  it("goes on after an interruption paused only to ask Finish's question, gone with the page; a pause of the person's or for a device stays", () => {
    const counted = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      {
        type: 'motion',
        event: rep(2000),
      },
    );
    const asked = run(counted, { type: 'pause', nowMs: 5000, toAsk: true }, { type: 'tick', nowMs: 9000 });
    expect(staysPausedAfterInterruption(asked)).toBe(false);
    const resumed = afterInterruption(asked);
    expect(resumed).toMatchObject({ pausedAtMs: null, pauses: [{ atMs: 5000, ms: 4000 }] });
    expect(resumed.pausedToAsk).toBeUndefined();
    // The set goes on: the next rep is counted.
    expect(run(resumed, { type: 'motion', event: rep(12_000) }).set?.count).toBe(2);

    const byThePerson = run(counted, { type: 'pause', nowMs: 5000 });
    const forTheDevice = run(counted, { type: 'pause', nowMs: 5000, reason: 'connection' });
    for (const paused of [byThePerson, forTheDevice]) {
      expect(staysPausedAfterInterruption(paused)).toBe(true);
      expect(afterInterruption(paused).pausedAtMs).toBe(5000);
    }
  });

  it('keeps when a rest that goes on was picked up on a new page, until the rest is over; one that stays paused is picked up by its resume', () => {
    const resting = run(
      initialSessionState(supermanTwoSets),
      { type: 'start', nowMs: 0 },
      ...[2000, 4000, 6000].map((tMs): SessionAction => ({ type: 'motion', event: rep(tMs) })),
      { type: 'tick', nowMs: 30_000 },
    );
    expect(resting.phase).toBe('rest');
    const pickedUp = afterInterruption(resting);
    expect(pickedUp.restPickedUpMs).toBe(30_000);
    // Through a pause and on, until the set after it begins, Skip or Finish.
    const paused = run(pickedUp, { type: 'pause', nowMs: 31_000 }, { type: 'resume', nowMs: 33_000 });
    expect(paused.restPickedUpMs).toBe(30_000);
    expect(run(paused, { type: 'skip', nowMs: 34_000 })).not.toHaveProperty('restPickedUpMs');
    expect(run(paused, { type: 'finish', nowMs: 34_000 })).not.toHaveProperty('restPickedUpMs');
    expect(run(paused, { type: 'tick', nowMs: 200_000 })).toMatchObject({ phase: 'set' });
    expect(run(paused, { type: 'tick', nowMs: 200_000 })).not.toHaveProperty('restPickedUpMs');
    // Paused by the person when the page went: nothing is said of the rest until Resume.
    const stillPaused = afterInterruption(run(resting, { type: 'pause', nowMs: 31_000 }));
    expect(stillPaused).not.toHaveProperty('restPickedUpMs');
    // A set under way is said again as it is picked up, not a rest.
    expect(afterInterruption(oneRepInTheFirstSet())).not.toHaveProperty('restPickedUpMs');
  });

  it('says a pause made for a device, picked up on a new page, as that page finds the device', () => {
    const counted = oneRepInTheFirstSet();
    const forTheDevice = afterInterruption(
      run(counted, { type: 'pause', nowMs: 5000, reason: 'connection' }),
    );
    // Still out of reach, given up for lost by now: the pause says so, and lifts when it is back.
    expect(pausedAsDevicesAre(forTheDevice, 'lost', 60_000)).toMatchObject({
      pausedAtMs: 5000,
      pausedFor: 'lost',
      pausedForSinceMs: 60_000,
    });
    // Reconnected as the page loaded: nothing to wait for but the person, who taps Resume.
    const back = pausedAsDevicesAre(forTheDevice, null, 60_000);
    expect(back.pausedAtMs).toBe(60_000);
    expect(back).not.toHaveProperty('pausedFor');
    expect(back).not.toHaveProperty('pausedForSinceMs');
    // The 55 s the set stood still for the device are the device's; the wait for Resume the person's.
    expect(run(back, { type: 'resume', nowMs: 70_000 }).pauses).toEqual([
      { atMs: 5000, ms: 55_000, deviceLost: true },
      { atMs: 60_000, ms: 10_000 },
    ]);
    // The person's own pause stays theirs, whatever the device.
    const byThePerson = afterInterruption(run(counted, { type: 'pause', nowMs: 5000 }));
    expect(pausedAsDevicesAre(byThePerson, 'connection', 60_000)).toBe(byThePerson);
    expect(pausedAsDevicesAre(counted, 'connection', 60_000)).toBe(counted);
  });

  it('ends a set the person gets up from after a rep, and waits again if they had done none', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, position('away', 'upright', 4000, 5000));
    expect(s.set).toMatchObject({ waiting: false, leftMs: 5000 });
    s = run(s, { type: 'tick', nowMs: 5000 + SETTLE_BACK_MS });
    expect(s.set).toMatchObject({ waiting: true, count: 0 });
    s = run(s, position('in', 'face-down', 8000), { type: 'motion', event: rep(12_000) });
    s = run(s, position('away', 'upright', 15_000, 16_000));
    expect(s.phase).toBe('rest');
    expect(s.completed[0]).toMatchObject({
      count: 1,
      endedBy: 'stopped',
      gotUp: true,
      startedMs: 8000,
      endedMs: 15_000,
    });
  });

  // program.md's bat hang breath is a full breath out, a pause and a slow breath in: 15 s and more
  // for a person who breathes 4 times a minute, as slow breathing is often done.
  describe('a bat hang breathed slowly', () => {
    const batHang: PlannedExercise[] = [
      { exercise: exerciseById('bat-hang'), dosage: { sets: 2, target: 5, restS: 30 } },
    ];
    /** The bat hang's first set, in position at 2 s and its "Go" heard at 12 s, breathing at `breathsMs`. */
    const breathing = (breathsMs: readonly number[], untilMs: number): SessionState => {
      let s = run(sensing(batHang), { type: 'start', nowMs: 0 }, position('in', 'face-up', 2000, 3000), {
        type: 'go-heard',
        nowMs: 12_000,
      });
      for (let t = 12_000; t <= untilMs; t += 500) {
        s = run(s, { type: 'tick', nowMs: t });
        if (breathsMs.includes(t))
          s = run(s, { type: 'motion', event: { type: 'breath', tMs: t, emittedMs: t } });
      }
      return s;
    };

    it('counts breaths 16 to 18 s apart to the target, where a rep set would have stopped', () => {
      const slowly = [20_000, 36_000, 54_000, 71_000];
      const fourBreaths = breathing(slowly, 85_000);
      expect(fourBreaths.completed).toEqual([]);
      expect(fourBreaths.phase).toBe('set');
      expect(fourBreaths.set).toMatchObject({ count: 4 });
      const done = breathing([...slowly, 88_000], 88_000);
      expect(done.phase).toBe('rest');
      expect(done.completed[0]).toMatchObject({ exerciseId: 'bat-hang', count: 5, endedBy: 'target' });
    });

    it('ends at once as stopped when the person comes down from the wall between breaths', () => {
      let s = breathing([20_000, 36_000], 45_000);
      s = run(s, position('away', 'upright', 45_000, 45_500));
      expect(s.phase).toBe('rest');
      expect(s.completed[0]).toMatchObject({ count: 2, endedBy: 'stopped', gotUp: true, endedMs: 45_000 });
    });

    it('ends as stopped, dated at the last breath, once no breath comes for BREATH_STOPPED_AFTER_MS', () => {
      const waiting = breathing([20_000, 36_000], 36_000 + BREATH_STOPPED_AFTER_MS - 500);
      expect(waiting.phase).toBe('set');
      const stopped = run(waiting, { type: 'tick', nowMs: 36_000 + BREATH_STOPPED_AFTER_MS });
      expect(stopped.phase).toBe('rest');
      expect(stopped.completed[0]).toMatchObject({ count: 2, endedBy: 'stopped', endedMs: 36_000 });
      // Still at the wall: breaths that stopped coming, not a person who got up.
      expect(stopped.completed[0]?.gotUp).toBeUndefined();
    });
  });

  it('goes on as begun for a person back in position within moments, counting nothing while out of it', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    // Rolled onto the side to set the arms: a rep the detectors make of it is not the set's.
    s = run(s, position('away', 'side', 2500), { type: 'motion', event: rep(3200) });
    s = run(s, { type: 'tick', nowMs: 3500 + SETTLE_BACK_MS - 1 });
    expect(s.set).toMatchObject({ waiting: false, count: 0, startedMs: 1000 });
    s = run(s, position('in', 'face-down', 4000, 5000), { type: 'motion', event: rep(8000) });
    expect(s.set).toMatchObject({ waiting: false, count: 1, startedMs: 1000 });
    expect(s.set?.leftMs).toBeUndefined();
    // A hold settled into while out of position is the hold once the person is seen back in it.
    const drawingIn = [supermanTwoSets[1]];
    let h = run(sensing(drawingIn), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    h = run(h, { type: 'go-heard', nowMs: 2000 });
    h = run(h, position('away', 'side', 2500), {
      type: 'motion',
      event: { type: 'hold-start', tMs: 4200, emittedMs: 4600 },
    });
    expect(h.set?.holdStartMs).toBeNull();
    h = run(h, position('in', 'face-down', 4000, 5000));
    expect(h.set).toMatchObject({ waiting: false, holdStartMs: 4200, heldSinceMs: null });
    // Still in another position: waiting again, and said.
    let w = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    w = run(w, position('away', 'side', 2500), position('wrong', 'face-up', 3000, 3600));
    expect(w.set).toMatchObject({ waiting: true, wrongPosture: 'face-up', warnedMs: 3600 });
  });

  it('times a hold the person was already in from "Go", and leaves its end to the hold', () => {
    let s = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    expect(s.set?.holdStartMs).toBeNull();
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 14_000 });
    expect(s.set).toMatchObject({ waiting: false, startedMs: 10_000, holdStartMs: 14_000 });
    // Getting up ends the hold through the hold detector, not here.
    s = run(s, position('away', 'upright', 30_000, 31_000));
    expect(s.phase).toBe('set');
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 29_800, emittedMs: 31_200, reason: 'left-pose' },
    });
    expect(s.completed[0]).toMatchObject({ holdMs: 15_800, endedBy: 'stopped' });
  });

  it('takes a hold dated a moment before the set began as starting with it', () => {
    let s = run(
      sensing([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 3000),
      { type: 'go-heard', nowMs: 3000 },
    );
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 2800, emittedMs: 5000 } });
    expect(s.set?.holdStartMs).toBe(3000);
  });

  it('times a drawing-in hold from "Go" when the person was still in position before it, as the set was said', () => {
    const drawingIn: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 45, restS: 5 } },
    ];
    let s = run(sensing(drawingIn), { type: 'start', nowMs: 10_000 });
    // On hands and knees through the rest: still, in position, and the set begins while it is said.
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'tick', nowMs: 15_000 });
    expect(s.set).toMatchObject({
      waiting: false,
      startedMs: 10_000,
      holdStartMs: null,
      heldSinceMs: 10_000,
    });
    // A reload before "Go" forgets that stillness, as it forgets a hold.
    expect(afterInterruption(s).set).toMatchObject({ waiting: true, holdStartMs: null, heldSinceMs: null });
    s = run(s, { type: 'go-heard', nowMs: 16_000 });
    expect(s.set).toMatchObject({ holdStartMs: 16_000, heldSinceMs: null });
    s = run(s, { type: 'tick', nowMs: 60_999 });
    expect(s.phase).toBe('set');
    s = run(s, { type: 'tick', nowMs: 61_000 });
    expect(s.completed[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target', endedMs: 61_000 });
  });

  it('times a drawing-in hold begun after "Go" from its own start', () => {
    let s = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 16_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 17_500, emittedMs: 18_000 } });
    expect(s.set).toMatchObject({ holdStartMs: 17_500, heldSinceMs: null });
    // Seen late, dated back across "Go": held from "Go".
    let late = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    late = run(late, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 16_000 });
    late = run(late, { type: 'motion', event: { type: 'hold-start', tMs: 14_000, emittedMs: 17_000 } });
    expect(late.set).toMatchObject({ holdStartMs: 16_000, heldSinceMs: null });
  });

  // On hands and knees and still through the set's line, the person hears "Go" and draws the navel
  // in: that small movement ends the stillness the hold was timed from, a second or two after "Go",
  // and the detectors see the person still again once it is done.
  it('times a drawing-in hold once, from "Go", through the draw-in that follows it, and says "Hold" once', () => {
    const drawingIn = [supermanTwoSets[1]];
    const holdLines: string[] = [];
    const holdStarts: (number | null)[] = [];
    let s = run(sensing(drawingIn), { type: 'start', nowMs: 10_000 });
    const act = (...actions: SessionAction[]) => {
      for (const action of actions) {
        const next = reduceSession(s, action);
        for (const cue of planCues(s, next, { muted: false, tones: true, vibration: true }))
          if (cue.kind === 'say' && cue.text.startsWith('Hold')) holdLines.push(cue.text);
        s = next;
        holdStarts.push(s.set?.holdStartMs ?? null);
      }
    };
    act(
      { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } },
      position('in', 'face-down', 9500, 11_200),
      { type: 'go-heard', nowMs: 16_000 },
      { type: 'tick', nowMs: 17_000 },
    );
    expect(s.set?.holdStartMs).toBe(16_000);
    const confirmedMs = s.set?.holdConfirmedMs;
    holdStarts.length = 0;
    // The draw-in, 1.8 s after "Go"; still again 1 s later, seen 3 s on and, on a loaded phone, late.
    act(
      { type: 'motion', event: { type: 'hold-end', tMs: 17_800, emittedMs: 18_300, reason: 'left-pose' } },
      { type: 'tick', nowMs: 20_000 },
      { type: 'tick', nowMs: 24_000 },
      { type: 'motion', event: { type: 'hold-start', tMs: 18_800, emittedMs: 21_800 }, nowMs: 26_000 },
      { type: 'tick', nowMs: 40_000 },
      { type: 'tick', nowMs: 60_999 },
    );
    expect(holdStarts).toEqual(holdStarts.map(() => 16_000));
    expect(s.set?.holdConfirmedMs).toBe(confirmedMs);
    // Held from there in the pose drawn into, which End hold is read against.
    expect(s.set?.settledMs).toBe(18_800);
    act({ type: 'tick', nowMs: 61_000 });
    expect(s.completed[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target', endedMs: 61_000 });
    expect(holdLines).toEqual(['Hold']);
  });

  it('times a drawing-in hold from "Go" through the draw-in the strap sees, as the detectors report it', () => {
    // On hands and knees and still from 0 s, told "Go" at 2 s; drawing in at 4 s turns the chest 2° in
    // 0.8 s, and breathing goes on from there.
    const angles = (tS: number) => ({
      pitch:
        tS < 4
          ? 0
          : tS < 4.8
            ? 2 * Math.sin(((tS - 4) / 0.8) * (Math.PI / 2))
            : 2 + 0.4 * Math.sin((tS - 4.8) * 1.3),
      roll: 0,
    });
    const detector = createMotionDetector('drawing-in', 'chest');
    const events = synthFrames({ up: [0, 0, -1], angles, durationS: 50, rateHz: 50, noiseG: 0.004 }).flatMap(
      (frame) => [...detector.push(frame)],
    );
    const holds = events.filter((e) => e.type === 'hold-start' || e.type === 'hold-end');
    // The detectors take the draw-in for the end of the hold, and the stillness after it for another.
    expect(holds.map((e) => e.type)).toEqual(['hold-start', 'hold-end', 'hold-start']);
    let s = run(
      sensing([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 0, 1000),
      { type: 'go-heard', nowMs: 2000 },
    );
    const holdLines: string[] = [];
    for (const action of [
      ...events.map((event): SessionAction => ({ type: 'motion', event })),
      { type: 'tick', nowMs: 46_999 } as const,
      { type: 'tick', nowMs: 47_000 } as const,
    ]) {
      const next = reduceSession(s, action);
      for (const cue of planCues(s, next, { muted: false, tones: true, vibration: true }))
        if (cue.kind === 'say' && cue.text.startsWith('Hold')) holdLines.push(cue.text);
      if (next.set) expect(next.set.holdStartMs).toBe(2000);
      s = next;
    }
    expect(holdLines).toEqual(['Hold']);
    expect(s.completed[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target', endedMs: 47_000 });
  });

  it('forgets a drawing-in hold timed from "Go" as a false start when the person moves on it and is not still again', () => {
    const stillAtGo = (): SessionState =>
      run(
        sensing([supermanTwoSets[1]]),
        { type: 'start', nowMs: 10_000 },
        { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } },
        position('in', 'face-down', 9500, 11_200),
        { type: 'go-heard', nowMs: 16_000 },
        { type: 'motion', event: { type: 'hold-end', tMs: 18_000, emittedMs: 18_400, reason: 'left-pose' } },
      );
    // Not still again 10 s on: forgotten, before its first time call, and a hold after it is its own.
    let restless = run(stillAtGo(), { type: 'tick', nowMs: 27_900 });
    expect(restless.set?.holdStartMs).toBe(16_000);
    restless = run(restless, { type: 'tick', nowMs: 28_000 });
    expect(restless.phase).toBe('set');
    expect(restless.set).toMatchObject({ holdStartMs: null, heldSinceMs: null });
    restless = run(restless, {
      type: 'motion',
      event: { type: 'hold-start', tMs: 30_000, emittedMs: 33_000 },
    });
    expect(restless.set?.holdStartMs).toBe(30_000);
    // Still again only past that, seen before any tick: a hold of its own too.
    const late = run(stillAtGo(), {
      type: 'motion',
      event: { type: 'hold-start', tMs: 26_000, emittedMs: 29_000 },
    });
    expect(late.set?.holdStartMs).toBe(26_000);
    // Up and out of position: the set waits for the person again, as before any hold.
    let up = run(stillAtGo(), position('away', 'upright', 19_000, 20_000));
    expect(up.set).toMatchObject({ holdStartMs: null, leftMs: 20_000 });
    up = run(up, { type: 'tick', nowMs: 20_000 + SETTLE_BACK_MS });
    expect(up.set).toMatchObject({ waiting: true, holdStartMs: null });
    // A pause while the person draws in stands the wait for stillness still, as it does the hold.
    const paused = run(
      stillAtGo(),
      { type: 'pause', nowMs: 19_000 },
      { type: 'resume', nowMs: 49_000 },
      { type: 'tick', nowMs: 50_000 },
      { type: 'motion', event: { type: 'hold-start', tMs: 50_000, emittedMs: 53_000 } },
    );
    expect(paused.set).toMatchObject({ holdStartMs: 46_000, pausedInHold: true });
  });

  it('shows a drawing-in hold held only to the movement after "Go" until the person is seen still again, then from "Go"', () => {
    const settling = run(
      sensing([supermanTwoSets[1]]),
      { type: 'start', nowMs: 10_000 },
      { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } },
      position('in', 'face-down', 9500, 11_200),
      { type: 'go-heard', nowMs: 16_000 },
      { type: 'tick', nowMs: 17_900 },
    );
    expect(heldSoFarMs(settling.set!, 17_900)).toBe(1900);
    const moved = run(settling, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 18_000, emittedMs: 18_400, reason: 'left-pose' },
    });
    for (const nowMs of [18_400, 22_000, 27_900]) {
      const at = run(moved, { type: 'tick', nowMs });
      expect(heldSoFarMs(at.set!, nowMs)).toBe(2000);
    }
    const still = run(
      moved,
      { type: 'motion', event: { type: 'hold-start', tMs: 20_000, emittedMs: 23_000 } },
      { type: 'tick', nowMs: 23_500 },
    );
    expect(heldSoFarMs(still.set!, 23_500)).toBe(7500);
    // Not still again in time: no hold, as before one began.
    const restless = run(moved, { type: 'tick', nowMs: 28_000 });
    expect(heldSoFarMs(restless.set!, 28_000)).toBeNull();
  });

  // Still at "Go", moving 2 s on and paused 3 s on to be asked, then Finish: the set kept a hold of
  // 3 s, "cut short at 3 s of 45 s", where the detectors saw no hold of the 5 s any hold must last.
  it('keeps no hold for a drawing-in set ended by a tap while the person moved on "Go" and was not seen still again', () => {
    const settling = (plan: PlannedExercise[] = [supermanTwoSets[1]]): SessionState =>
      run(
        sensing(plan),
        { type: 'start', nowMs: 10_000 },
        { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } },
        position('in', 'face-down', 9500, 11_200),
        { type: 'go-heard', nowMs: 16_000 },
        { type: 'motion', event: { type: 'hold-end', tMs: 18_000, emittedMs: 18_400, reason: 'left-pose' } },
      );
    const asked = run(settling(), { type: 'pause', nowMs: 19_000, toAsk: true });
    expect(recordsKeptOnFinish(asked)).toMatchObject([{ endedBy: 'skipped', holdMs: 0 }]);
    const finished = run(asked, { type: 'finish', nowMs: 22_000 });
    expect(finished.completed).toHaveLength(1);
    expect(finished.completed[0]).toMatchObject({ endedBy: 'skipped', holdMs: 0 });
    expect(finished.completed[0]?.finishedUnderWay).toBeUndefined();
    expect(planCues(asked, finished, { muted: false, tones: true, vibration: true })).toContainEqual(
      expect.objectContaining({ text: 'Session ended: no set done, so it is not kept' }),
    );
    // Skip set alike, not paused: nothing held to cut short.
    const skipped = run(settling(), { type: 'tick', nowMs: 19_000 }, { type: 'skip', nowMs: 19_000 });
    expect(skipped.completed[0]).toMatchObject({ endedBy: 'skipped', holdMs: 0 });
    expect(skipped.completed[0]?.skippedUnderWay).toBeUndefined();
    // End hold alike: no hold to have ended by hand, and the rest follows as after Skip set.
    const before = run(
      settling([{ exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 45, restS: 30 } }]),
      { type: 'tick', nowMs: 21_000 },
    );
    const ended = run(before, { type: 'end-hold', nowMs: 21_000 });
    expect(ended.phase).toBe('rest');
    expect(ended.completed[0]).toMatchObject({ endedBy: 'skipped', holdMs: 0 });
    expect(ended.completed[0]?.endedByHand).toBeUndefined();
    expect(planCues(before, ended, { muted: false, tones: true, vibration: true })).toContainEqual(
      expect.objectContaining({ text: 'Set skipped' }),
    );
    // Seen still again, the hold goes on from "Go", and Finish cuts it short where it was.
    const still = run(
      settling(),
      { type: 'motion', event: { type: 'hold-start', tMs: 20_000, emittedMs: 23_000 } },
      { type: 'pause', nowMs: 26_000, toAsk: true },
      { type: 'finish', nowMs: 28_000 },
    );
    expect(still.completed[0]).toMatchObject({ endedBy: 'stopped', holdMs: 10_000, finishedUnderWay: true });
  });

  it('with the voice muted, times a hold the person was already in from when the set began on the phone', () => {
    let s = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    // Nothing to say: "Go" counts as heard the moment the set begins.
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 11_200 });
    expect(s.set).toMatchObject({ holdStartMs: 11_200, heldSinceMs: null });
  });

  it('holds nothing when the stillness before "Go" ends before it', () => {
    let s = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200));
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 13_000, emittedMs: 13_400, reason: 'left-pose' },
    });
    s = run(s, { type: 'go-heard', nowMs: 16_000 }, { type: 'tick', nowMs: 70_000 });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ holdStartMs: null, heldSinceMs: null });
    expect(s.completed).toEqual([]);
  });

  it('times a plank from the lift on "Go", not from lying still on the elbows while the set is said', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    // Lying on the elbows: still, in position; the set begins and its instructions are said.
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200));
    // Still before "Go": the hold it may be waits, unsaid and untimed, for the lift or its absence.
    expect(s.set).toMatchObject({
      waiting: false,
      startedMs: 10_000,
      holdStartMs: null,
      heldSinceMs: 10_000,
    });
    s = run(
      s,
      { type: 'tick', nowMs: 17_000 },
      { type: 'go-heard', nowMs: 18_000 },
      { type: 'tick', nowMs: 18_500 },
    );
    expect(s.set?.holdStartMs).toBeNull();
    // "Go" heard, the person lifts: that ends the stillness on the floor, 7 s of it, and not the set.
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 18_600, emittedMs: 19_000, reason: 'left-pose' },
    });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ holdStartMs: null, heldSinceMs: null });
    s = run(s, { type: 'tick', nowMs: 20_500 });
    expect(s.set?.holdStartMs).toBeNull();
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 20_000, emittedMs: 21_000 } });
    expect(s.set?.holdStartMs).toBe(20_000);
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 52_000, emittedMs: 52_500, reason: 'left-pose' },
    });
    expect(s.completed.at(-1)).toMatchObject({ exerciseId: 'elbow-plank', holdMs: 32_000 });
  });

  it('keeps a plank begun with Start hold while lying still on the elbows through the lift after the tap', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 18_000 });
    // Still on the elbows 1 s after "Go", the person taps Start hold, then lifts: that ends the
    // stillness on the floor, not the hold they began.
    s = run(s, { type: 'start-hold', nowMs: 19_000 });
    expect(s.set).toMatchObject({ holdStartMs: 19_000 });
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 19_500, emittedMs: 20_000, reason: 'left-pose' },
    });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ holdStartMs: 19_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 21_000, emittedMs: 24_000 } });
    expect(s.set).toMatchObject({ holdStartMs: 19_000, settledMs: 21_000 });
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 49_000, emittedMs: 49_500, reason: 'left-pose' },
    });
    expect(s.completed.at(-1)).toMatchObject({ exerciseId: 'elbow-plank', holdMs: 30_000 });
  });

  it('tells a hold begun with Start hold, paused in or not, from one the detectors began, or timed from "Go" through stillness they saw', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    const lying = run(sensing(plank), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    const goHeard = run(lying, { type: 'go-heard', nowMs: 2000 });
    const tapped = run(goHeard, { type: 'start-hold', nowMs: 3000 });
    expect(tapped.set).toMatchObject({ holdStartMs: 3000 });
    expect(begunWithStartHold(tapped.set!)).toBe(true);
    // A pause moves the hold's start on: it was begun with Start hold still.
    const pausedIn = run(tapped, { type: 'pause', nowMs: 5000 }, { type: 'resume', nowMs: 8000 });
    expect(pausedIn.set).toMatchObject({ holdStartMs: 6000 });
    expect(begunWithStartHold(pausedIn.set!)).toBe(true);
    const seen = run(goHeard, { type: 'motion', event: { type: 'hold-start', tMs: 4000, emittedMs: 7000 } });
    expect(seen.set).toMatchObject({ holdStartMs: 4000 });
    expect(begunWithStartHold(seen.set!)).toBe(false);
    let fromGo = run(sensing([supermanTwoSets[1]]), { type: 'start', nowMs: 10_000 });
    fromGo = run(fromGo, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    fromGo = run(fromGo, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 11_200 });
    expect(fromGo.set).toMatchObject({ holdStartMs: 11_200, holdConfirmedMs: 11_200 });
    expect(begunWithStartHold(fromGo.set!)).toBe(false);
  });

  it('times a plank from the lift after the person settles back onto the elbows, not from lying there', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, { type: 'go-heard', nowMs: 2000 });
    // Rolled onto a side to set the elbows, and back down on them, still, 2 s on.
    s = run(s, position('away', 'side', 3000, 4000));
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 5000, emittedMs: 5300 } });
    s = run(s, position('in', 'face-down', 5000, 6000), { type: 'tick', nowMs: 8000 });
    expect(s.set).toMatchObject({ waiting: false, startedMs: 1000, holdStartMs: null, heldSinceMs: 5000 });
    // Lying there 3 s, then the lift: the plank is timed from it, and the set goes on.
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 9000, emittedMs: 9200, reason: 'left-pose' },
    });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 10_500, emittedMs: 10_800 } });
    expect(s.phase).toBe('set');
    expect(s.set).toMatchObject({ holdStartMs: 10_500, heldSinceMs: null });
  });

  it("keeps the wait for a plank's lift out of a pause, and forgets it across a reload", () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 12_000 });
    // Paused 2 s after "Go" for 10 s: the lift may still come in the 2 s left after the pause.
    s = run(
      s,
      { type: 'pause', nowMs: 14_000 },
      { type: 'resume', nowMs: 24_000 },
      { type: 'tick', nowMs: 25_900 },
    );
    expect(s.set).toMatchObject({ holdStartMs: null, heldSinceMs: 20_000, goHeardMs: 22_000 });
    expect(run(s, { type: 'tick', nowMs: 26_000 }).set?.holdStartMs).toBe(20_000);
    // The page that picks the session up did not see that stillness: the set waits for the position.
    expect(afterInterruption(s).set).toMatchObject({ waiting: true, holdStartMs: null, heldSinceMs: null });
  });

  it('takes a plank\'s "Go" heard while paused as heard on resuming, so the lift after it is the hold', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200));
    // The strap drops out while the set is announced: "Paused: connection lost" cuts it short, and
    // once that is said the voice is free, which is what the app tells the session.
    s = run(s, { type: 'pause', nowMs: 12_000, reason: 'connection' }, { type: 'go-heard', nowMs: 14_500 });
    s = run(s, { type: 'resume', nowMs: 30_000 });
    expect(s.set?.goHeardMs).toBe(30_000);
    // "Go on" heard, the person lifts off the floor and settles into the plank a moment later.
    s = run(
      s,
      { type: 'motion', event: { type: 'hold-end', tMs: 30_600, emittedMs: 30_800, reason: 'left-pose' } },
      { type: 'motion', event: { type: 'hold-start', tMs: 31_500, emittedMs: 32_000 } },
    );
    expect(s.set).toMatchObject({ holdStartMs: 31_500, heldSinceMs: null });
  });

  it('times a plank the person lifted into before the set began from its start, to its end', () => {
    const plank: PlannedExercise[] = [
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } },
    ];
    let s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    // Up on elbows and toes as the position asks, and still: the set begins in the plank.
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200));
    s = run(s, { type: 'go-heard', nowMs: 18_000 }, { type: 'tick', nowMs: 21_900 });
    expect(s.set?.holdStartMs).toBeNull();
    // No lift within 4 s of "Go": the person was up already, and the hold runs from the set's start.
    s = run(s, { type: 'tick', nowMs: 22_000 });
    expect(s.set).toMatchObject({ holdStartMs: 10_000, heldSinceMs: null });
    const ended = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 31_200, emittedMs: 31_500, reason: 'left-pose' },
    });
    expect(ended.completed.at(-1)).toMatchObject({ exerciseId: 'elbow-plank', holdMs: 21_200 });
    // The same when the drop comes before any tick has found the lift missing.
    s = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    s = run(s, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    s = run(s, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 18_000 });
    s = run(s, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 31_200, emittedMs: 31_500, reason: 'left-pose' },
    });
    expect(s.completed.at(-1)).toMatchObject({ exerciseId: 'elbow-plank', holdMs: 21_200 });
    // Without a voice "Go" is heard as the set begins: a drop 4 s after it or later ends the plank.
    let quiet = run(sensing(plank), { type: 'start', nowMs: 10_000 });
    quiet = run(quiet, { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } });
    quiet = run(quiet, position('in', 'face-down', 9500, 11_200), { type: 'go-heard', nowMs: 11_200 });
    quiet = run(quiet, {
      type: 'motion',
      event: { type: 'hold-end', tMs: 16_200, emittedMs: 16_500, reason: 'left-pose' },
    });
    expect(quiet.completed.at(-1)).toMatchObject({ exerciseId: 'elbow-plank', holdMs: 6200 });
  });

  it('starts by hand, and at once when no device sees posture any more', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, { type: 'begin', nowMs: 4000 });
    expect(s.set).toMatchObject({ waiting: false, startedMs: 4000 });
    s = run(s, { type: 'skip', nowMs: 5000 }, { type: 'skip', nowMs: 6000 });
    expect(s.set?.waiting).toBe(true);
    s = run(s, strapHeartRateOnly(7000));
    expect(s.set).toMatchObject({ waiting: false, startedMs: 7000 });
    s = run(s, { type: 'skip', nowMs: 8000 });
    expect(s.set?.waiting).toBeUndefined();
  });

  it('keeps a set begun by hand begun, whatever position the sensor sees next', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('wrong', 'face-up', 1000));
    s = run(s, { type: 'begin', nowMs: 11_000 });
    expect(s.set).toMatchObject({ waiting: false, begunByHand: true });
    s = run(s, position('away', 'side', 11_200));
    expect(s.set).toMatchObject({ waiting: false, startedMs: 11_000 });
    // Begun by the sensor, a set that counted nothing goes back to waiting when the person leaves.
    s = run(s, { type: 'skip', nowMs: 12_000 }, { type: 'skip', nowMs: 13_000 });
    s = run(s, position('in', 'face-down', 14_000), position('away', 'upright', 16_000));
    s = run(s, { type: 'tick', nowMs: 17_000 + SETTLE_BACK_MS });
    expect(s.set?.waiting).toBe(true);
  });

  it('keeps what it saw while paused, and begins on resume if the person is in position', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, { type: 'pause', nowMs: 1000 });
    s = run(s, position('wrong', 'face-up', 1500, 4500));
    expect(s.set).toMatchObject({ waiting: true, wrongPosture: 'face-up', warnedMs: null });
    s = run(s, position('in', 'face-down', 6000, 7000));
    expect(s.set?.waiting).toBe(true);
    s = run(s, { type: 'resume', nowMs: 9000 });
    expect(s.set).toMatchObject({ waiting: false, startedMs: 9000 });
  });

  it('keeps a wrong position seen while paused, moments after the person left position, to say on resume', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, position('away', 'side', 2500), { type: 'pause', nowMs: 4000 });
    // Turned onto the back while paused, and still there when the person resumes.
    s = run(s, position('wrong', 'face-up', 5000, 9000), { type: 'resume', nowMs: 30_000 });
    s = run(s, { type: 'tick', nowMs: 30_000 + SETTLE_BACK_MS });
    expect(s.set).toMatchObject({ waiting: true, wrongPosture: 'face-up', warnedTimes: 1 });
  });

  it('after a rest the heart rate cut short, says why while the person gets into position, until the set counts', () => {
    const supermanTwice: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 60 } },
    ];
    let s = run(
      initialSessionState(supermanTwice),
      strapSees(),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 0),
      { type: 'motion', event: rep(3000) },
      { type: 'motion', event: rep(6000) },
      { type: 'recovered', nowMs: 40_000 },
    );
    expect(s.set).toMatchObject({ waiting: true, afterRecovery: true });
    expect(s.set && showsRecovery(s.set, 90_000)).toBe(true);
    s = run(s, position('in', 'face-down', 45_000));
    expect(s.set?.waiting).toBe(false);
    expect(s.set && showsRecovery(s.set, 46_000)).toBe(true);
    expect(s.set && showsRecovery(s.set, 46_000 + RECOVERED_SHOWN_MS)).toBe(false);
    s = run(s, { type: 'motion', event: rep(47_000) });
    expect(s.set && showsRecovery(s.set, 48_000)).toBe(false);
  });

  it('keeps no set the person never began when the session is finished', () => {
    // Three reps, Skip set, Start now, then Finish while still getting into position for set 2.
    const superman: PlannedExercise[] = [
      { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 30 } },
    ];
    let s = run(
      sensing(superman),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 1000),
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(7000) },
      { type: 'motion', event: rep(10_000) },
      { type: 'skip', nowMs: 11_000 },
      { type: 'skip', nowMs: 12_000 },
    );
    expect(s.set).toMatchObject({ setNumber: 2, waiting: true });
    // The set skipped at three reps of ten is cut short; the one not begun is no set.
    expect(setsKeptOnFinishing(s)).toEqual({ done: 0, cutShort: 1, skipped: 0 });
    s = run(s, { type: 'finish', nowMs: 15_000 });
    expect(s.phase).toBe('summary');
    expect(s.completed).toEqual([
      expect.objectContaining({ setNumber: 1, count: 3, endedBy: 'stopped', endedMs: 11_000 }),
    ]);
    // Once in position and told "Go" the set counts, and Finish keeps it.
    const begun = run(sensing(superman), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000), {
      type: 'go-heard',
      nowMs: 2000,
    });
    expect(setsKeptOnFinishing(begun)).toEqual({ done: 0, cutShort: 0, skipped: 1 });
    expect(run(begun, { type: 'finish', nowMs: 3000 }).completed).toHaveLength(1);
  });

  it('reads a set skipped or finished moments after the person left position as one never begun', () => {
    // Set 1 done; set 2 begun in position at 40 s, nothing counted, then the person gets up. Skip set
    // or Finish within SETTLE_BACK_MS of it must end as the same press once the set waits again.
    const done = run(
      sensing(),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 1000),
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(7000) },
      { type: 'motion', event: rep(10_000) },
      { type: 'tick', nowMs: 40_200 },
      position('in', 'face-down', 41_000),
    );
    expect(done.set).toMatchObject({ setNumber: 2, waiting: false, startedMs: 41_000 });
    const leftMoments = run(done, position('away', 'upright', 45_000, 46_000));
    expect(leftMoments.set?.leftMs).toBe(46_000);
    const waitingAgain = run(done, position('away', 'upright', 43_000, 44_000), {
      type: 'tick',
      nowMs: 44_000 + SETTLE_BACK_MS,
    });
    expect(waitingAgain.set?.waiting).toBe(true);

    const skip: SessionAction = { type: 'skip', nowMs: 47_000 };
    const skippedMoments = run(leftMoments, skip);
    // Nothing was done to rest from: the next set, as for a set skipped while waiting.
    expect(skippedMoments.phase).toBe('set');
    expect(skippedMoments.set).toMatchObject({ setNumber: 1, waiting: true });
    expect(skippedMoments.completed).toEqual(run(waitingAgain, skip).completed);
    expect(skippedMoments.set).toEqual(run(waitingAgain, skip).set);

    expect(setsKeptOnFinishing(leftMoments)).toEqual({ done: 1, cutShort: 0, skipped: 0 });
    const finish: SessionAction = { type: 'finish', nowMs: 47_000 };
    const finishedMoments = run(leftMoments, finish);
    expect(finishedMoments.completed).toEqual(run(waitingAgain, finish).completed);
    expect(summarize(finishedMoments.completed, [], 47_000)).toMatchObject({ sets: 1, skipped: 0 });
  });

  it('keeps a set counted or held by hand moments after the person left position under way', () => {
    // Counted by hand (the watch does not see it): reaching over to the phone for +1 takes the person
    // out of position a moment.
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, position('away', 'side', 3000), { type: 'adjust', delta: 1, nowMs: 4500 });
    s = run(s, { type: 'tick', nowMs: 4000 + SETTLE_BACK_MS + 2000 });
    expect(s.set).toMatchObject({ waiting: false, count: 1, startedMs: 1000 });
    expect(s.set?.leftMs).toBeUndefined();
    expect(run(s, { type: 'finish', nowMs: 10_000 }).completed).toMatchObject([
      { count: 1, endedBy: 'stopped' },
    ]);
    // A drawing-in hold started with a tap goes on as timed from it.
    let h = run(
      sensing([supermanTwoSets[1]]),
      { type: 'start', nowMs: 0 },
      position('in', 'face-down', 1000),
    );
    h = run(h, position('away', 'side', 3000), { type: 'start-hold', nowMs: 4500 });
    h = run(h, { type: 'tick', nowMs: 4000 + SETTLE_BACK_MS + 2000 });
    expect(h.set).toMatchObject({ waiting: false, holdStartMs: 4500 });
    expect(h.set?.leftMs).toBeUndefined();
  });

  it('forgets that the person left position once the set waits for them again after a reload', () => {
    // Out of position and still there (on the side, say) when the page went away: the new page
    // waits for the position, and once the person is in it the set goes on as begun.
    const drawingIn = [supermanTwoSets[1]];
    let s = run(sensing(drawingIn), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, position('away', 'side', 2500), {
      type: 'motion',
      event: { type: 'hold-start', tMs: 4000, emittedMs: 4200 },
    });
    s = afterInterruption(s);
    expect(s.set).toMatchObject({ waiting: true, heldSinceMs: null });
    expect(s.set?.leftMs).toBeUndefined();
    s = run(s, position('in', 'face-down', 20_000), { type: 'tick', nowMs: 30_000 });
    expect(s.set).toMatchObject({ waiting: false, startedMs: 20_000 });
  });

  it('goes on as begun when no device sees posture any more while the person is out of position', () => {
    let s = run(sensing(), { type: 'start', nowMs: 0 }, position('in', 'face-down', 1000));
    s = run(s, position('away', 'side', 3000), strapHeartRateOnly(4500));
    s = run(s, { type: 'tick', nowMs: 20_000 });
    // Nothing could see the person back: waiting would wait for good, with no "In position. Go." to come.
    expect(s.set).toMatchObject({ waiting: false, startedMs: 1000 });
    expect(s.set?.leftMs).toBeUndefined();
  });

  it('keeps waiting for position through a new session', () => {
    const s = run(sensing(), { type: 'start', nowMs: 0 }, { type: 'finish', nowMs: 1000 }, { type: 'reset' });
    expect(s.startsByPosition).toBe(true);
    expect(run(s, { type: 'start', nowMs: 2000 }).set?.waiting).toBe(true);
  });
});

describe('when the work of a set began', () => {
  const plan: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 10 } },
  ];
  const started = () => run(initialSessionState(plan), { type: 'start', nowMs: 0 });

  it('is when "Go" was heard, after the instructions: a pause later does not move it', () => {
    const done = run(
      started(),
      { type: 'go-heard', nowMs: 14_000 },
      { type: 'pause', nowMs: 20_000 },
      { type: 'resume', nowMs: 35_000 },
      { type: 'adjust', delta: 1, nowMs: 40_000 },
      { type: 'adjust', delta: 1, nowMs: 44_000 },
    );
    expect(done.completed[0]).toMatchObject({ startedMs: 0, workBeganMs: 14_000, endedMs: 44_000 });
  });

  it('is the first rep where the person went before "Go" was heard', () => {
    const done = run(
      started(),
      { type: 'motion', event: rep(9000) },
      { type: 'go-heard', nowMs: 12_000 },
      { type: 'motion', event: rep(15_000) },
    );
    expect(done.completed[0]).toMatchObject({ startedMs: 0, workBeganMs: 9000 });
  });

  it("is the next set's own: the rest and that set's instructions come before it", () => {
    const first = run(
      started(),
      { type: 'go-heard', nowMs: 5000 },
      { type: 'adjust', delta: 2, nowMs: 20_000 },
      { type: 'tick', nowMs: 30_000 },
    );
    expect(first.phase).toBe('set');
    const second = run(
      first,
      { type: 'adjust', delta: 1, nowMs: 36_000 },
      { type: 'go-heard', nowMs: 38_000 },
      { type: 'adjust', delta: 1, nowMs: 40_000 },
    );
    expect(second.completed.map((set) => set.workBeganMs)).toEqual([5000, 36_000]);
  });

  it('is not known of a set in which neither came', () => {
    const skipped = run(started(), { type: 'skip', nowMs: 3000 });
    expect(skipped.completed[0]).not.toHaveProperty('workBeganMs');
  });
});

describe('a set another device took over part way through', () => {
  const strapLostWatchCounts = {
    type: 'device-took-over',
    from: 'chest',
    placement: 'wrist',
    how: 'lost',
  } as const;

  it('keeps, with the set, that the watch counted it from the third rep on, the strap given up for lost', () => {
    const state = run(
      oneRepInTheFirstSet(),
      { type: 'motion', event: rep(4000) },
      { type: 'pause', nowMs: 5000, reason: 'lost' },
      { ...strapLostWatchCounts, nowMs: 76_000 },
      { type: 'resume', nowMs: 76_000 },
      { type: 'motion', event: rep(79_000) },
    );
    expect(state.completed[0]).toMatchObject({
      count: 3,
      endedBy: 'target',
      takenOver: { from: 'chest', placement: 'wrist', how: 'lost', countBefore: 2, heldMsBefore: null },
    });
    // The set after it is the watch's from its start: nothing of it was the strap's.
    expect(state.phase).toBe('rest');
    const next = run(state, { type: 'skip', nowMs: 80_000 }, { type: 'motion', event: rep(83_000) });
    expect(next.set?.count).toBe(1);
    expect(next.set?.takenOver).toBeUndefined();
  });

  it('keeps the time held when the watch took over a hold', () => {
    const drawingIn: PlannedExercise[] = [
      { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 20 } },
    ];
    const state = run(
      holdBegun(drawingIn, 1000),
      { type: 'pause', nowMs: 11_000, reason: 'lost' },
      { ...strapLostWatchCounts, nowMs: 82_000 },
    );
    expect(state.set?.takenOver).toEqual({
      from: 'chest',
      placement: 'wrist',
      how: 'lost',
      countBefore: 0,
      heldMsBefore: 10_000,
    });
  });

  it('marks no set taken over before anything in it was counted, and keeps the first take-over of a set', () => {
    const begun = run(initialSessionState(supermanTwoSets), { type: 'start', nowMs: 0 });
    expect(run(begun, { ...strapLostWatchCounts, nowMs: 1000 }).set?.takenOver).toBeUndefined();
    const twice = run(
      oneRepInTheFirstSet(),
      { ...strapLostWatchCounts, nowMs: 3000 },
      { type: 'motion', event: rep(5000) },
      { type: 'device-took-over', from: 'wrist', placement: 'chest', how: 'stopped', nowMs: 6000 },
    );
    expect(twice.set?.takenOver).toMatchObject({ from: 'chest', placement: 'wrist', countBefore: 1 });
  });
});
