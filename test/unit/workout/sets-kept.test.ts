import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../../src/cues/cue-planner.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { setOutcome } from '../../../src/workout/set-outcomes.ts';
import {
  finishQuestionText,
  interruptedWhenText,
  keptSoFarText,
  setsKeptOf,
  setsKeptOnFinishing,
  setsKeptText,
} from '../../../src/workout/sets-kept.ts';
import { supermanSet } from '../../set-record.ts';

const plankSet = (holdMs: number, patch = {}) =>
  supermanSet({ exerciseId: 'elbow-plank', target: 30, count: 0, holdMs, endedBy: 'stopped', ...patch });

describe('setOutcome', () => {
  it('calls a set done that reached its target, or ended by itself short of it', () => {
    expect(setOutcome(supermanSet())).toBe('done');
    // Reps that stopped coming, a hold the detectors saw end: the set ran its course.
    expect(setOutcome(supermanSet({ count: 6, endedBy: 'stopped' }))).toBe('done');
    expect(setOutcome(plankSet(20_000))).toBe('done');
    expect(setOutcome(plankSet(25_000, { endedBy: 'form' }))).toBe('done');
  });

  it('calls a set cut short that a tap ended short of its target: Skip set, Finish, End hold', () => {
    // End hold at 12 of 30 s: the person's tap ended it, as Skip set's does, and "done" was heard as
    // the hold held to its end.
    expect(setOutcome(plankSet(12_000, { endedByHand: true }))).toBe('cut short');
    expect(setOutcome(supermanSet({ count: 6, endedBy: 'stopped', skippedUnderWay: true }))).toBe(
      'cut short',
    );
    expect(setOutcome(supermanSet({ count: 6, endedBy: 'stopped', finishedUnderWay: true }))).toBe(
      'cut short',
    );
    expect(setOutcome(plankSet(12_000, { finishedUnderWay: true }))).toBe('cut short');
  });

  it('calls a set ended by a tap at or past its target done', () => {
    expect(setOutcome(plankSet(30_400, { endedByHand: true }))).toBe('done');
    expect(setOutcome(plankSet(45_000, { finishedUnderWay: true }))).toBe('done');
    // Put right after the tap up to its target.
    expect(
      setOutcome(supermanSet({ count: 10, corrections: 4, endedBy: 'target', skippedUnderWay: true })),
    ).toBe('done');
  });

  it('calls a set with nothing counted or held skipped, however it ended', () => {
    expect(setOutcome(supermanSet({ count: 0, endedBy: 'skipped' }))).toBe('skipped');
    expect(setOutcome(supermanSet({ count: 0, endedBy: 'skipped', neverBegun: true }))).toBe('skipped');
    expect(setOutcome(plankSet(0, { endedBy: 'skipped' }))).toBe('skipped');
  });
});

describe('setsKeptOf', () => {
  it('counts each set by its outcome', () => {
    expect(
      setsKeptOf([
        supermanSet(),
        supermanSet({ count: 6, endedBy: 'stopped', finishedUnderWay: true }),
        supermanSet({ count: 0, endedBy: 'skipped' }),
        plankSet(20_000),
      ]),
    ).toEqual({ done: 2, cutShort: 1, skipped: 1 });
  });
});

// The sets of a session as the store kept them: superman 1 done, 2 skipped before it began, 3 skipped
// at 2 reps, the glute bridge skipped before it began, the drawing-in ended with End hold at 20 of
// 45 s, and the bird dog under way when Finish was tapped.
const walked = [
  supermanSet({ peakDeg: 19.5, startedMs: 5337, workBeganMs: 6401, endedMs: 374_390, corrections: 1 }),
  supermanSet({
    setNumber: 2,
    count: 0,
    peakDeg: null,
    startedMs: 419_550,
    endedMs: 420_000,
    endedBy: 'skipped',
    neverBegun: true,
  }),
  supermanSet({
    setNumber: 3,
    count: 2,
    peakDeg: 17.2,
    startedMs: 436_461,
    workBeganMs: 437_501,
    endedMs: 450_200,
    endedBy: 'stopped',
    skippedUnderWay: true,
  }),
  supermanSet({
    exerciseId: 'glute-bridge',
    target: 15,
    count: 0,
    peakDeg: null,
    startedMs: 495_300,
    endedMs: 495_400,
    endedBy: 'skipped',
    neverBegun: true,
  }),
  supermanSet({
    exerciseId: 'drawing-in',
    target: 45,
    count: 0,
    holdMs: 20_699,
    peakDeg: null,
    startedMs: 501_881,
    workBeganMs: 502_901,
    endedMs: 523_600,
    endedBy: 'stopped',
    endedByHand: true,
  }),
  supermanSet({
    exerciseId: 'bird-dog',
    target: 20,
    count: 5,
    sides: { left: 2, right: 3 },
    peakDeg: 7.4,
    startedMs: 553_800,
    workBeganMs: 553_801,
    endedMs: 582_500,
    endedBy: 'stopped',
    finishedUnderWay: true,
  }),
];

describe('a hold ended with End hold short of its target', () => {
  it('is counted cut short in the question before Finish, as the file of the session calls it', () => {
    expect(setsKeptOf(walked)).toEqual({ done: 1, cutShort: 3, skipped: 2 });
    expect(finishQuestionText(setsKeptOf(walked))).toBe(
      'End the session? 1 set done, 3 cut short, 2 skipped',
    );
  });
});

describe('setsKeptOnFinishing', () => {
  const rep = (tMs: number): SessionAction => ({
    type: 'motion',
    event: { type: 'rep', tMs, emittedMs: tMs, startMs: tMs - 2000, peakDeg: 15 },
  });
  const run = (state: SessionState, ...actions: SessionAction[]) => actions.reduce(reduceSession, state);
  const supermanThreeSets = initialSessionState([
    { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 30 } },
  ]);

  // Finish itself ends the set under way: asked mid-set, the question must not call it done.
  it('counts the set Finish would end short of its target as cut short, before Finish and after', () => {
    const underWay = run(supermanThreeSets, { type: 'start', nowMs: 0 }, rep(2000), rep(4000));
    const asked = run(underWay, { type: 'pause', nowMs: 5000, toAsk: true });
    expect(setsKeptOnFinishing(asked)).toEqual({ done: 0, cutShort: 1, skipped: 0 });
    const finished = run(asked, { type: 'finish', nowMs: 8000 });
    expect(finished.completed).toMatchObject([{ count: 2, endedBy: 'stopped', finishedUnderWay: true }]);
    expect(setsKeptOnFinishing(finished)).toEqual({ done: 0, cutShort: 1, skipped: 0 });
  });

  it('counts a set Finish ends with nothing counted as skipped, and leaves the session as it is', () => {
    const started = run(supermanThreeSets, { type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 });
    // Seconds after "Go", nothing done: the set never ran, and is no set.
    expect(setsKeptOnFinishing(started)).toEqual({ done: 0, cutShort: 0, skipped: 0 });
    const underWay = run(started, { type: 'tick', nowMs: 6000 });
    expect(setsKeptOnFinishing(underWay)).toEqual({ done: 0, cutShort: 0, skipped: 1 });
    expect(underWay.phase).toBe('set');
  });
});

describe('setsKeptText', () => {
  it('says the sets done, and those cut short and skipped only when there are any', () => {
    expect(setsKeptText({ done: 1, cutShort: 0, skipped: 0 })).toBe('1 set done');
    expect(setsKeptText({ done: 4, cutShort: 2, skipped: 0 })).toBe('4 sets done, 2 cut short');
    expect(setsKeptText({ done: 4, cutShort: 0, skipped: 1 })).toBe('4 sets done, 1 skipped');
    expect(setsKeptText({ done: 4, cutShort: 1, skipped: 3 })).toBe('4 sets done, 1 cut short, 3 skipped');
  });

  // "0 sets done, 2 cut short" would read as nothing kept, and the session is kept.
  it('names the sets cut short first when none was done in full', () => {
    expect(setsKeptText({ done: 0, cutShort: 2, skipped: 0 })).toBe('2 sets cut short');
    expect(setsKeptText({ done: 0, cutShort: 1, skipped: 1 })).toBe('1 set cut short, 1 skipped');
  });

  it('writes the numbers as it is told, for the voice in words', () => {
    expect(setsKeptText({ done: 4, cutShort: 2, skipped: 1 }, spokenNumber)).toBe(
      'four sets done, two cut short, one skipped',
    );
  });
});

describe('finishQuestionText', () => {
  it('does not call sets skipped partway done', () => {
    expect(finishQuestionText({ done: 4, cutShort: 2, skipped: 0 })).toBe(
      'End the session? 4 sets done, 2 cut short',
    );
    expect(finishQuestionText({ done: 2, cutShort: 0, skipped: 1 })).toBe(
      'End the session? 2 sets done, 1 skipped',
    );
  });

  it('says a session with nothing done in any set will not be kept', () => {
    expect(finishQuestionText({ done: 0, cutShort: 0, skipped: 0 })).toBe(
      'End the session? No sets done, so it will not be kept',
    );
    expect(finishQuestionText({ done: 0, cutShort: 0, skipped: 2 })).toBe(
      'End the session? No sets done (2 skipped), so it will not be kept',
    );
    // Partly done is kept.
    expect(finishQuestionText({ done: 0, cutShort: 1, skipped: 0 })).toBe('End the session? 1 set cut short');
  });
});

describe('interruptedWhenText', () => {
  it('counts the sets before the interruption by the rule the summary will count them by', () => {
    expect(interruptedWhenText({ done: 3, cutShort: 1, skipped: 0 }, null)).toBe(
      'after 3 sets done, 1 cut short',
    );
    expect(interruptedWhenText({ done: 0, cutShort: 1, skipped: 0 }, 'in a rest')).toBe(
      'after 1 set cut short, in a rest',
    );
  });

  // The sets skipped before they counted anything are no news here: the summary tells them apart.
  it('leaves out the sets skipped, and says where it stopped when nothing was done', () => {
    expect(interruptedWhenText({ done: 4, cutShort: 0, skipped: 2 }, 'in a rest')).toBe(
      'after 4 sets done, in a rest',
    );
    expect(interruptedWhenText({ done: 0, cutShort: 0, skipped: 2 }, 'in a rest')).toBe('in a rest');
    expect(interruptedWhenText({ done: 0, cutShort: 0, skipped: 0 }, null)).toBe('before its first set');
  });
});

describe('keptSoFarText', () => {
  it('counts the sets done and cut short of a session not over, leaving the skipped out', () => {
    expect(keptSoFarText({ done: 3, cutShort: 1, skipped: 2 })).toBe('3 sets done, 1 cut short');
    expect(keptSoFarText({ done: 0, cutShort: 1, skipped: 0 })).toBe('1 set cut short');
    expect(keptSoFarText({ done: 0, cutShort: 0, skipped: 2 })).toBeNull();
  });
});
