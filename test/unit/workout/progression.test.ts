import { describe, expect, it } from 'vitest';
import { spokenDuration } from '../../../src/cues/cue-planner.ts';
import { describeTargetChange } from '../../../src/ui/format.ts';
import { type Exercise, type ExerciseId, exerciseById } from '../../../src/workout/program.ts';
import {
  belowProgramDose,
  changeBehind,
  countDose,
  DRAWING_IN_STEPS_S,
  drawingInTargetS,
  heavierWeightsDue,
  keptPlankGoalsSetFrom,
  nextPlankTargetS,
  type PastSession,
  pastLastHoldText,
  plankGoalSetFrom,
  plankTargetAfter,
  progressPlan,
  sessionsPerExercise,
  setOfferDue,
  supermanRange,
  targetChanges,
} from '../../../src/workout/progression.ts';
import {
  initialSessionState,
  type PlannedExercise,
  reduceSession,
  type SessionAction,
  type SetRecord,
} from '../../../src/workout/session.ts';
import { defaultPlan } from '../../../src/workout/session-state.ts';

function set(exerciseId: ExerciseId, patch: Partial<SetRecord>): SetRecord {
  return {
    exerciseId,
    setNumber: 1,
    target: 10,
    count: 0,
    sides: { left: 0, right: 0 },
    holdMs: null,
    peakDeg: null,
    startedMs: 0,
    endedMs: 0,
    endedBy: 'target',
    formIssues: [],
    ...patch,
  };
}

const day = (n: number) => Date.UTC(2026, 10, n);
const drawingIn = (startedAt: number, target: number, holdMs: number): PastSession => ({
  startedAt,
  sets: [set('drawing-in', { target, holdMs, endedBy: holdMs >= target * 1000 ? 'target' : 'stopped' })],
});
const plank = (startedAt: number, ...holdsS: number[]): PastSession => ({
  startedAt,
  sets: holdsS.map((s, i) => set('elbow-plank', { setNumber: i + 1, target: 30, holdMs: s * 1000 })),
});

/** A session of rep or breath sets of one exercise, each with `target`, ended as `ends` says. */
const counted = (
  startedAt: number,
  exerciseId: ExerciseId,
  target: number,
  ...ends: SetRecord['endedBy'][]
) => ({
  startedAt,
  sets: ends.map((endedBy, i) =>
    set(exerciseId, { setNumber: i + 1, target, count: endedBy === 'target' ? target : target - 3, endedBy }),
  ),
});

/** The target of the next session of an exercise with its sets as the program gives them. */
const countTarget = (history: readonly PastSession[], exercise: Exercise, target: number) =>
  countDose(history, exercise, { sets: exercise.dosage.sets, target }).target;

/** What progression changed of `plan`, the plan as set, in today's plan. */
const changesOf = (plan: readonly PlannedExercise[], history: readonly PastSession[]) =>
  targetChanges(plan, progressPlan(plan, history), history);

/** The default plan with the drawing-in set to a hold of `targetS`. */
const planWithDrawingIn = (targetS: number) =>
  defaultPlan().map((p) =>
    p.exercise.id === 'drawing-in' ? { ...p, dosage: { ...p.dosage, target: targetS } } : p,
  );

describe('elbow plank', () => {
  it('aims each hold a step above the last one', () => {
    expect(nextPlankTargetS(32_400)).toBe(37);
    const today = [
      set('elbow-plank', { holdMs: 31_000 }),
      set('superman', { count: 10 }),
      set('elbow-plank', { setNumber: 2, holdMs: 40_900 }),
    ];
    expect(plankTargetAfter([], 30)).toBe(30);
    expect(plankTargetAfter(today.slice(0, 1), 30)).toBe(36);
    expect(plankTargetAfter(today, 30)).toBe(45);
  });

  it('follows a shorter hold down rather than setting a goal out of reach', () => {
    expect(plankTargetAfter([set('elbow-plank', { holdMs: 20_000 })], 40)).toBe(25);
  });

  it("keeps the goal of a hold the person ended with a tap short of it, for the session's next hold", () => {
    // Program.md's plank is held "as long as form holds": a hold ended by End hold, Skip set or the
    // person's own tap is a bad moment, which lowers no goal, as a first plank so ended keeps its goal
    // for the next session (see progressPlan).
    const tapped = (patch: Partial<SetRecord>) =>
      set('elbow-plank', { target: 45, holdMs: 20_000, endedBy: 'stopped', ...patch });
    expect(plankTargetAfter([tapped({ endedByHand: true })], 45)).toBe(45);
    expect(plankTargetAfter([tapped({ skippedUnderWay: true })], 45)).toBe(45);
    // Past its goal, the next aims a step above it, as after a hold form ended.
    expect(plankTargetAfter([tapped({ holdMs: 48_000, endedByHand: true })], 45)).toBe(53);
    // Form that ended it short sets the next goal from it.
    expect(plankTargetAfter([tapped({ endedBy: 'form' })], 45)).toBe(25);

    // Three planks aimed at 30 s: the first held 40 s until form gave, the second ended by End hold at 20 s.
    const plan = [{ exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } }];
    const actions: SessionAction[] = [
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'motion', event: { type: 'hold-start', tMs: 1000, emittedMs: 1000 } },
      { type: 'motion', event: { type: 'hold-end', tMs: 41_000, emittedMs: 41_500, reason: 'left-pose' } },
      { type: 'skip', nowMs: 42_000 },
    ];
    const second = actions.reduce(reduceSession, initialSessionState(plan));
    expect(second.plan[0]?.dosage.target).toBe(45);
    const after: SessionAction[] = [
      { type: 'go-heard', nowMs: 42_000 },
      { type: 'motion', event: { type: 'hold-start', tMs: 43_000, emittedMs: 43_000 } },
      { type: 'end-hold', nowMs: 63_000 },
      { type: 'skip', nowMs: 64_000 },
    ];
    const third = after.reduce(reduceSession, second);
    expect(third.completed.map((s) => [s.target, s.holdMs, s.endedByHand ?? false])).toEqual([
      [30, 40_000, false],
      [45, 20_000, true],
    ]);
    expect(third.phase).toBe('set');
    expect(third.plan[0]?.dosage.target).toBe(45);
  });

  it('ignores a false start of a few seconds', () => {
    expect(
      plankTargetAfter([set('elbow-plank', { holdMs: 30_000 }), set('elbow-plank', { holdMs: 2000 })], 20),
    ).toBe(35);
  });

  it('reads the first plank goal from a history once, for the plans made of it and their changes', () => {
    // Years of sessions are walked back to the last with a plank: once for a plan, not once again for
    // each plan made of the same history (a short session's, the full one's) and for what it changed.
    let reads = 0;
    const hold = set('elbow-plank', { target: 30, endedBy: 'stopped', endedByHand: true });
    Object.defineProperty(hold, 'holdMs', {
      get: () => {
        reads++;
        return 12_000;
      },
    });
    const history: PastSession[] = [{ startedAt: day(2), sets: [hold] }];
    const today = progressPlan(defaultPlan(), history);
    const once = reads;
    expect(once).toBeGreaterThan(0);
    progressPlan(defaultPlan(), history);
    const changes = targetChanges(defaultPlan(), today, history);
    expect(reads).toBe(once);
    expect(changes.find((c) => c.exerciseId === 'elbow-plank')?.reason).toBe(
      "last time's goal, as you ended your first plank yourself, at 12 s, which does not lower it",
    );
  });

  it('tells which hold today a plank goal was set from, so the person hears why it moved', () => {
    const plank = (target: number): PlannedExercise => ({
      exercise: exerciseById('elbow-plank'),
      dosage: { sets: 3, target, restS: 60 },
    });
    const today = [set('elbow-plank', { holdMs: 48_700 }), set('elbow-plank', { holdMs: 2000 })];
    // The 2 s after it is a false start, too short to build on: the goal is set from the 48 s before it.
    expect(plankGoalSetFrom(plank(53), today)).toEqual({ heldS: 48, today: true, shortHoldSince: true });
    expect(plankGoalSetFrom(plank(53), today.slice(0, 1))).toEqual({
      heldS: 48,
      today: true,
      shortHoldSince: false,
    });
    // The first hold's goal is the one set: no hold today, nor last time, to set it from.
    expect(plankGoalSetFrom(plank(6), [])).toBeNull();
    // A goal that is not the step above the last hold was not set from it.
    expect(plankGoalSetFrom(plank(60), today)).toBeNull();
    const drawingIn = { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 53, restS: 30 } };
    expect(plankGoalSetFrom(drawingIn, today)).toBeNull();
  });

  it("tells the first plank of a session that its goal was set from the last session's first hold", () => {
    const history = [plank(day(2), 48.7, 30)];
    const first = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'elbow-plank')!;
    expect(first.dosage.target).toBe(53);
    expect(plankGoalSetFrom(first, [])).toEqual({ heldS: 48, today: false, shortHoldSince: false });
    // A first hold skipped before it began sets nothing: the next aims at the same goal, for that reason.
    expect(plankGoalSetFrom(first, [set('elbow-plank', { holdMs: 0, endedBy: 'skipped' })])).toEqual({
      heldS: 48,
      today: false,
      shortHoldSince: false,
    });
    // With no plank in past sessions the goal is the one set.
    const none = progressPlan(defaultPlan(), []).find((p) => p.exercise.id === 'elbow-plank')!;
    expect(plankGoalSetFrom(none, [])).toBeNull();
  });

  it("names as last time's first plank its first real hold, not a false start or a set skipped before it", () => {
    const history: PastSession[] = [
      {
        startedAt: day(2),
        sets: [
          set('elbow-plank', { setNumber: 1, target: 30, holdMs: 2_400, endedBy: 'stopped' }),
          set('elbow-plank', { setNumber: 2, target: 30, holdMs: 0, endedBy: 'skipped' }),
          set('elbow-plank', { setNumber: 3, target: 30, holdMs: 48_700 }),
        ],
      },
    ];
    const first = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'elbow-plank')!;
    expect(first.dosage.target).toBe(53);
    expect(first.firstHoldLastTimeS).toBe(48);
    expect(plankGoalSetFrom(first, [])).toEqual({ heldS: 48, today: false, shortHoldSince: false });
  });

  it("tells which hold a kept plank set's goal was set from, as its set screen told it", () => {
    const history = [plank(day(2), 48.7)];
    const plan = progressPlan(defaultPlan(), history);
    const kept = [
      set('elbow-plank', { setNumber: 1, target: 53, holdMs: 55_200 }),
      set('elbow-plank', { setNumber: 2, target: 60, holdMs: 40_000 }),
      set('elbow-plank', { setNumber: 3, target: 50, holdMs: 30_000 }),
      set('elbow-plank', { setNumber: 4, target: 35, holdMs: 3_000 }),
      set('elbow-plank', { setNumber: 5, target: 35, holdMs: 36_000 }),
    ];
    // Each set's, in one pass over the session's sets: a superman between the holds changes nothing.
    expect(keptPlankGoalsSetFrom([kept[0]!, set('superman', { count: 10 }), ...kept.slice(1)], plan)).toEqual(
      [
        { heldS: 48, today: false, shortHoldSince: false },
        null,
        { heldS: 55, today: true, shortHoldSince: false },
        // A goal changed by hand (50 s where the step past 40 s is 45 s) was not set from a hold.
        null,
        { heldS: 30, today: true, shortHoldSince: false },
        // Set 4 ended 3 s in: set 5 aims past set 3's 30 s, not the 3 s held last.
        { heldS: 30, today: true, shortHoldSince: true },
      ],
    );
    expect(keptPlankGoalsSetFrom([set('superman', { count: 10 })], plan)).toEqual([null]);
    expect(keptPlankGoalsSetFrom([], plan)).toEqual([]);
  });

  it('says how far past the hold it was set from a goal is, for the screen and for the voice', () => {
    const today = { heldS: 48, today: true, shortHoldSince: false };
    expect(pastLastHoldText(53, today)).toBe('5 s past your last hold');
    expect(pastLastHoldText(53, today, spokenDuration)).toBe('five seconds past your last hold');
    expect(pastLastHoldText(53, { heldS: 48, today: false, shortHoldSince: false })).toBe(
      '5 s past your first plank last time',
    );
    // After a hold ended seconds in, "your last hold" would be that one: the hold it was set from is named.
    const beforeAShortOne = { heldS: 54, today: true, shortHoldSince: true };
    expect(pastLastHoldText(59, beforeAShortOne)).toBe('5 s past your hold of 54 s');
    expect(pastLastHoldText(59, beforeAShortOne, spokenDuration)).toBe(
      'five seconds past your hold of fifty-four seconds',
    );
  });

  it('starts a new session a step above the first hold of the last one with a plank', () => {
    const plankOf = (plan: readonly PlannedExercise[]) => plan.find((p) => p.exercise.id === 'elbow-plank')!;
    const history = [plank(day(3), 40, 45, 50), plank(day(1), 20), { startedAt: day(5), sets: [] }];
    expect(plankOf(progressPlan(defaultPlan(), [])).dosage.target).toBe(plankOf(defaultPlan()).dosage.target);
    expect(plankOf(progressPlan(defaultPlan(), history)).dosage.target).toBe(45);
  });
});

describe('drawing-in', () => {
  it('starts at 45 s', () => {
    expect(drawingInTargetS([])).toBe(45);
    expect(DRAWING_IN_STEPS_S).toEqual([45, 60, 120]);
  });

  it('climbs to 60 s, then 2 min, one step per session held to the end, and stays at the top', () => {
    const history = [drawingIn(day(1), 45, 45_000)];
    expect(drawingInTargetS(history)).toBe(60);
    history.push(drawingIn(day(2), 60, 60_000));
    expect(drawingInTargetS(history)).toBe(120);
    history.push(drawingIn(day(3), 120, 120_000));
    expect(drawingInTargetS(history)).toBe(120);
  });

  it('stays on a step until it is held for the whole time, and never goes back down', () => {
    const history = [
      drawingIn(day(1), 45, 45_000),
      drawingIn(day(2), 60, 38_000),
      drawingIn(day(3), 60, 52_000),
    ];
    expect(drawingInTargetS(history)).toBe(60);
    // Order of storage does not matter, only the order of the days.
    expect(drawingInTargetS([...history].reverse())).toBe(60);
  });

  it('does not count an easier hold the person chose as reaching a higher step', () => {
    const history = [drawingIn(day(1), 45, 45_000), drawingIn(day(2), 30, 30_000)];
    expect(drawingInTargetS(history)).toBe(60);
  });

  it("keeps a hold set below the program's 45 s as it is set, whatever was held before", () => {
    // Set to 20 s for a sore back: raising it to 45 s would undo that choice, as it would a superman's.
    const today = (setS: number, history: readonly PastSession[]) =>
      progressPlan(planWithDrawingIn(setS), history).find((p) => p.exercise.id === 'drawing-in')?.dosage
        .target;
    const heldBefore = [drawingIn(day(1), 45, 45_000), drawingIn(day(2), 60, 60_000)];
    expect(today(20, [])).toBe(20);
    expect(today(20, heldBefore)).toBe(20);
    expect(today(20, [...heldBefore, drawingIn(day(3), 20, 20_000)])).toBe(20);
    // From 45 s up, the ladder goes on.
    expect(today(45, [])).toBe(45);
    expect(today(45, heldBefore)).toBe(120);
    expect(belowProgramDose(exerciseById('drawing-in'), 44)).toBe(true);
    expect(belowProgramDose(exerciseById('drawing-in'), 45)).toBe(false);
  });
});

/**
 * The sets of a session of one drawing-in hold of `targetS`, held from 1 s and run to its target by the
 * session itself, with these pauses of it (at, for how long, in seconds of the session's clock).
 */
function drawingInHeldWith(targetS: number, ...pauses: { at: number; for: number }[]): SetRecord[] {
  const plan = [{ exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: targetS, restS: 30 } }];
  const actions: SessionAction[] = [
    { type: 'start', nowMs: 0 },
    { type: 'go-heard', nowMs: 0 },
    { type: 'motion', event: { type: 'hold-start', tMs: 1000, emittedMs: 3000 } },
  ];
  let pausedMs = 0;
  for (const pause of pauses) {
    actions.push(
      { type: 'pause', nowMs: (pause.at + pausedMs) * 1000 },
      { type: 'resume', nowMs: (pause.at + pausedMs + pause.for) * 1000 },
    );
    pausedMs += pause.for;
  }
  actions.push({ type: 'tick', nowMs: (1 + targetS + pausedMs) * 1000 });
  const s = actions.reduce(reduceSession, initialSessionState(plan));
  expect(s.phase).toBe('summary');
  return [...s.completed];
}

describe('a hold broken by a pause', () => {
  it('is no step up the drawing-in ladder, nor told as held whole', () => {
    // As a person saw it: paused at 13 s for 6 min, resumed and run on to 45 s.
    const paused = drawingInHeldWith(45, { at: 14, for: 360.2 });
    expect(paused[0]).toMatchObject({ holdMs: 45_000, endedBy: 'target' });
    const history = [{ startedAt: day(1), sets: paused }];
    expect(drawingInTargetS(history)).toBe(45);
    expect(changesOf(defaultPlan(), history).find((c) => c.exerciseId === 'drawing-in')).toBeUndefined();
    // A hold whole the next day climbs as ever, and a broken one after it does not bring it down.
    const whole = { startedAt: day(2), sets: drawingInHeldWith(45) };
    expect(drawingInTargetS([...history, whole])).toBe(60);
    const brokenSince = { startedAt: day(3), sets: drawingInHeldWith(60, { at: 30, for: 20 }) };
    expect(drawingInTargetS([...history, whole, brokenSince])).toBe(60);
    expect(changesOf(defaultPlan(), [...history, whole, brokenSince])[0]?.reason).toBe(
      'you held the whole 45 s in an earlier session, and a shorter hold does not lower it',
    );
  });

  it("is no plank hold for the next one's goal to aim past, in the session or the next", () => {
    // Two planks aimed at 30 s; the first held 40 s in two parts, paused 1 min after 20 s.
    const plan = [{ exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 30, restS: 60 } }];
    const actions: SessionAction[] = [
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 0 },
      { type: 'motion', event: { type: 'hold-start', tMs: 1000, emittedMs: 3000 } },
      { type: 'pause', nowMs: 21_000 },
      { type: 'resume', nowMs: 81_000 },
      { type: 'motion', event: { type: 'hold-end', tMs: 101_000, emittedMs: 101_500, reason: 'left-pose' } },
    ];
    const s = actions.reduce(reduceSession, initialSessionState(plan));
    expect(s.completed[0]).toMatchObject({ holdMs: 40_000, endedBy: 'stopped' });
    expect(plankTargetAfter(s.completed, 30)).toBe(30);
    expect(progressPlan(defaultPlan(), [{ startedAt: day(1), sets: s.completed }])).toEqual(defaultPlan());
  });
});

describe('superman range of motion', () => {
  it('follows the highest lift of each session over time', () => {
    const history: PastSession[] = [
      {
        startedAt: day(3),
        sets: [set('superman', { peakDeg: 19 }), set('superman', { setNumber: 2, peakDeg: 21.5 })],
      },
      { startedAt: day(1), sets: [set('superman', { peakDeg: 14 }), set('glute-bridge', { peakDeg: 30 })] },
      { startedAt: day(2), sets: [set('glute-bridge', { peakDeg: 28 })] },
      { startedAt: day(4), sets: [set('superman', { peakDeg: 20 })] },
    ];
    expect(supermanRange(history)).toEqual({
      points: [
        { startedAt: day(1), peakDeg: 14 },
        { startedAt: day(3), peakDeg: 21.5 },
        { startedAt: day(4), peakDeg: 20 },
      ],
      bestDeg: 21.5,
      latestDeg: 20,
      changeDeg: 6,
    });
  });

  it('has no range before the first superman with a measured lift', () => {
    expect(supermanRange([])).toBeNull();
    expect(supermanRange([{ startedAt: day(1), sets: [set('superman', { peakDeg: null })] }])).toBeNull();
  });
});

describe('reps and breath cycles within the range the program gives', () => {
  const superman = exerciseById('superman');

  it('asks one more after a session in which every set reached its target', () => {
    expect(countTarget([counted(day(1), 'superman', 10, 'target', 'target', 'target')], superman, 10)).toBe(
      11,
    );
    const batHang = exerciseById('bat-hang');
    expect(countTarget([counted(day(1), 'bat-hang', 4, 'target', 'target')], batHang, 4)).toBe(5);
    const pulldown = exerciseById('lat-pulldown');
    expect(
      countTarget([counted(day(1), 'lat-pulldown', 12, 'target', 'target', 'target')], pulldown, 12),
    ).toBe(13);
  });

  it('counts a set whose count the person put right up to its target, as it then ended by it', () => {
    const putRight = {
      startedAt: day(1),
      sets: [
        set('superman', { setNumber: 1, target: 10, count: 10, endedBy: 'target' }),
        set('superman', { setNumber: 2, target: 10, count: 10, corrections: 1, endedBy: 'target' }),
      ],
    };
    expect(countTarget([putRight], superman, 10)).toBe(11);
  });

  it('keeps the target after a session finished before every planned set was done', () => {
    const early = { ...counted(day(1), 'superman', 10, 'target'), plannedSets: { superman: 3 } };
    expect(countTarget([early], superman, 10)).toBe(10);
    const whole = {
      ...counted(day(1), 'superman', 10, 'target', 'target', 'target'),
      plannedSets: { superman: 3 },
    };
    expect(countTarget([whole], superman, 10)).toBe(11);
  });

  it.each([
    ['a set skipped', 'skipped'],
    ['a set stopped short', 'stopped'],
  ] as const)('keeps the target after a session with %s', (_, end) => {
    expect(countTarget([counted(day(1), 'superman', 10, 'target', end, 'target')], superman, 10)).toBe(10);
  });

  it('grows a step a session, up to the top of the range and no further', () => {
    const history = [10, 11, 12, 12].map((target, i) =>
      counted(day(i + 1), 'superman', target, 'target', 'target', 'target'),
    );
    expect(countTarget(history.slice(0, 1), superman, 10)).toBe(11);
    expect(countTarget(history.slice(0, 2), superman, 10)).toBe(12);
    expect(countTarget(history, superman, 10)).toBe(12);
  });

  it('does not go down after a bad day', () => {
    const history = [
      counted(day(1), 'superman', 10, 'target', 'target', 'target'),
      counted(day(2), 'superman', 11, 'target', 'stopped', 'skipped'),
    ];
    expect(countTarget(history, superman, 10)).toBe(11);
  });

  it('never asks less than the setting, and leaves a setting above the range as it is', () => {
    const history = [counted(day(1), 'superman', 10, 'target', 'target', 'target')];
    expect(countTarget(history, superman, 12)).toBe(12);
    expect(countTarget([counted(day(1), 'superman', 14, 'target', 'target')], superman, 14)).toBe(14);
  });

  it('keeps a target set below the range as it is set, whatever was done before', () => {
    // Set to 6 with a back that hurts: one more a session would push past what the person chose, and
    // the 11 earned before the setting was lowered would undo it at once.
    const atSix = [counted(day(2), 'superman', 6, 'target', 'target', 'target')];
    expect(countTarget(atSix, superman, 6)).toBe(6);
    const beforeTheSetting = [counted(day(1), 'superman', 11, 'target', 'target', 'target')];
    expect(countTarget(beforeTheSetting, superman, 6)).toBe(6);
    expect(countTarget([...beforeTheSetting, ...atSix], superman, 6)).toBe(6);
    expect(countTarget(beforeTheSetting, superman, 6)).toBe(6);
    const batHang = exerciseById('bat-hang');
    expect(countTarget([counted(day(1), 'bat-hang', 2, 'target', 'target')], batHang, 2)).toBe(2);
  });

  it('leaves an exercise without a range at its setting', () => {
    const birdDog = exerciseById('bird-dog');
    expect(countTarget([counted(day(1), 'bird-dog', 20, 'target')], birdDog, 20)).toBe(20);
  });
});

describe("the lat pulldown's sets within the program's 3–4", () => {
  const pulldown = exerciseById('lat-pulldown');
  const all = (n: number) => Array<SetRecord['endedBy']>(n).fill('target');
  /** Today's sets and reps of the pulldown, from the default plan (3 × 12 reps). */
  const dose = (history: readonly PastSession[]) => {
    const { sets, target } = progressPlan(defaultPlan(), history).find(
      (p) => p.exercise.id === 'lat-pulldown',
    )!.dosage;
    return { sets, target };
  };

  it('adds a 4th set after a session in which all 3 reached 15 reps, the reps starting again at 12', () => {
    expect(dose([counted(day(1), 'lat-pulldown', 15, ...all(3))])).toEqual({ sets: 4, target: 12 });
  });

  it('adds no set before every set reaches the top of the reps', () => {
    expect(dose([counted(day(1), 'lat-pulldown', 14, ...all(3))])).toEqual({ sets: 3, target: 15 });
    expect(dose([counted(day(1), 'lat-pulldown', 15, 'target', 'target', 'stopped')])).toEqual({
      sets: 3,
      target: 12,
    });
  });

  it('grows the reps of 4 sets to 15, and stays at 4 × 15, the most the program asks for', () => {
    const history = [counted(day(1), 'lat-pulldown', 15, ...all(3))];
    [12, 13, 14].forEach((target, i) => {
      history.push(counted(day(i + 2), 'lat-pulldown', target, ...all(4)));
    });
    expect(dose(history)).toEqual({ sets: 4, target: 15 });
    history.push(counted(day(5), 'lat-pulldown', 15, ...all(4)));
    expect(dose(history)).toEqual({ sets: 4, target: 15 });
  });

  it('does not go back to 3 sets after a bad day, nor after a short session of one set', () => {
    const history = [
      counted(day(1), 'lat-pulldown', 15, ...all(3)),
      counted(day(2), 'lat-pulldown', 12, 'target', 'target', 'stopped', 'skipped'),
      counted(day(3), 'lat-pulldown', 15, 'target'),
    ];
    expect(dose(history)).toEqual({ sets: 4, target: 12 });
  });

  it('does not count one set of a short session as the 3 sets of the full one', () => {
    const history = [
      counted(day(1), 'lat-pulldown', 13, ...all(3)),
      counted(day(2), 'lat-pulldown', 14, 'target'),
    ];
    expect(dose(history)).toEqual({ sets: 3, target: 14 });
  });

  it("keeps the person's sets outside the program's 3–4 and their reps above the bottom", () => {
    const history = [counted(day(1), 'lat-pulldown', 15, ...all(2))];
    expect(countDose(history, pulldown, { sets: 2, target: 12 })).toEqual({ sets: 2, target: 15 });
    const five = [counted(day(1), 'lat-pulldown', 15, ...all(5))];
    expect(countDose(five, pulldown, { sets: 5, target: 12 })).toEqual({ sets: 5, target: 15 });
    // 15 reps done in 4 sets are not 15 in the 5 the person set.
    const four = [counted(day(1), 'lat-pulldown', 15, ...all(4))];
    expect(countDose(four, pulldown, { sets: 5, target: 12 })).toEqual({ sets: 5, target: 12 });
    // A set added begins at the person's 14 reps, never below what they set.
    const three = [counted(day(1), 'lat-pulldown', 15, ...all(3))];
    expect(countDose(three, pulldown, { sets: 3, target: 14 })).toEqual({ sets: 4, target: 14 });
    // 4 sets set by the person after 3 of 14: the reps of 3 sets are not those of 4.
    const fourteen = [counted(day(1), 'lat-pulldown', 14, ...all(3))];
    expect(countDose(fourteen, pulldown, { sets: 4, target: 12 })).toEqual({ sets: 4, target: 12 });
  });

  it('keeps the superman and the bat hang at the sets the person set', () => {
    const history = [counted(day(1), 'superman', 12, ...all(3)), counted(day(1), 'bat-hang', 5, ...all(2))];
    const progressed = progressPlan(defaultPlan(), history);
    expect(progressed.map((p) => p.dosage.sets)).toEqual(defaultPlan().map((p) => p.dosage.sets));
  });
});

describe("the lat pulldown's weight, once every set of 4 × 15 is done", () => {
  const all = (n: number) => Array<SetRecord['endedBy']>(n).fill('target');
  const atTop = (startedAt: number, weightKg?: number): PastSession => ({
    ...counted(startedAt, 'lat-pulldown', 15, ...all(4)),
    ...(weightKg === undefined ? {} : { plannedWeightKg: { 'lat-pulldown': weightKg } }),
  });
  /** Today's pulldown from the default plan (3 × 12 reps at 25 kg) and `history`, at `weightKg`. */
  const pulldownToday = (history: readonly PastSession[], weightKg = 25) => {
    const planned = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'lat-pulldown')!;
    return { ...planned, dosage: { ...planned.dosage, weightKg } };
  };
  const due = (history: readonly PastSession[], weightKg?: number) =>
    heavierWeightsDue([pulldownToday(history, weightKg)], history);

  it('is due when every set of 4 × 15 was done last time at the weight planned today', () => {
    expect(due([atTop(day(1), 25)])).toEqual(['lat-pulldown']);
    // A session kept before its weight was: the weight of today's plan is taken for it.
    expect(due([atTop(day(1))])).toEqual(['lat-pulldown']);
    // The weight set lighter since is still at or below the one that did it.
    expect(due([atTop(day(1), 25)], 22.5)).toEqual(['lat-pulldown']);
  });

  it('is not due once a heavier weight than last time is set', () => {
    expect(due([atTop(day(1), 25)], 27.5)).toEqual([]);
  });

  it('stays due after a shorter session since, as the plan stays at 4 × 15, by the weight of 4 × 15', () => {
    const oneSet = (startedAt: number, weightKg: number): PastSession => ({
      ...counted(startedAt, 'lat-pulldown', 15, 'target'),
      plannedSets: { 'lat-pulldown': 1 },
      plannedWeightKg: { 'lat-pulldown': weightKg },
    });
    const history = [atTop(day(1), 25), oneSet(day(2), 25)];
    expect(pulldownToday(history).dosage).toMatchObject({ sets: 4, target: 15 });
    expect(due(history)).toEqual(['lat-pulldown']);
    // The 4 × 15 was done at 30 kg: 27.5 kg today is lighter, whatever the short session lifted.
    expect(due([atTop(day(1), 30), oneSet(day(2), 20)], 27.5)).toEqual(['lat-pulldown']);
    // A heavier weight than the one 4 × 15 was done at is being tried: no advice to do so.
    expect(due([atTop(day(1), 25), oneSet(day(2), 27.5)], 27.5)).toEqual([]);
  });

  it('is not due before every set of 4 × 15 is done, nor after a session short of it since', () => {
    expect(due([])).toEqual([]);
    expect(due([counted(day(1), 'lat-pulldown', 14, ...all(4))])).toEqual([]);
    expect(due([counted(day(1), 'lat-pulldown', 15, ...all(3))])).toEqual([]);
    const shortSince = [
      atTop(day(1), 25),
      counted(day(2), 'lat-pulldown', 15, 'target', 'target', 'stopped', 'target'),
    ];
    expect(due(shortSince)).toEqual([]);
  });

  it('is never due for an exercise done without a weight, at the top of its range or not', () => {
    const history = [counted(day(1), 'superman', 12, ...all(3))];
    const superman = progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'superman')!;
    expect(superman.dosage.target).toBe(12);
    expect(heavierWeightsDue([superman], history)).toEqual([]);
  });
});

describe("the glute bridge's more sets, which program.md offers and names no number of", () => {
  const bridge = exerciseById('glute-bridge');
  const asSet = { sets: 1, target: 15 };

  it('offers a 2nd set once its one set reached its target in 2 sessions in a row', () => {
    const first = counted(day(1), 'glute-bridge', 15, 'target');
    expect(setOfferDue([], bridge, asSet)).toBe(false);
    expect(setOfferDue([first], bridge, asSet)).toBe(false);
    expect(setOfferDue([first, counted(day(3), 'glute-bridge', 15, 'target')], bridge, asSet)).toBe(true);
    // A session without a bridge between is no session of it.
    const between = counted(day(2), 'superman', 10, 'target');
    expect(setOfferDue([first, between, counted(day(3), 'glute-bridge', 15, 'target')], bridge, asSet)).toBe(
      true,
    );
  });

  it('offers none after a set short of its target in either session', () => {
    const reached = counted(day(1), 'glute-bridge', 15, 'target');
    const short = counted(day(2), 'glute-bridge', 15, 'stopped');
    expect(setOfferDue([reached, short], bridge, asSet)).toBe(false);
    expect(setOfferDue([short, reached], bridge, asSet)).toBe(false);
  });

  it('offers none to a person with more sets set already, nor of an exercise the program gives its sets', () => {
    const twice = [
      counted(day(1), 'glute-bridge', 15, 'target'),
      counted(day(2), 'glute-bridge', 15, 'target'),
    ];
    expect(setOfferDue(twice, bridge, { sets: 2, target: 15 })).toBe(false);
    const supermen = [counted(day(1), 'superman', 10, 'target'), counted(day(2), 'superman', 10, 'target')];
    expect(setOfferDue(supermen, exerciseById('superman'), { sets: 1, target: 10 })).toBe(false);
  });
});

describe('sessionsPerExercise', () => {
  it('counts each session once for each exercise it did, however many sets', () => {
    const history: PastSession[] = [
      plank(day(1), 30, 32, 34),
      { ...plank(day(2), 35), exercisesDone: ['elbow-plank', 'bat-hang'] },
      counted(day(3), 'superman', 10, 'target', 'skipped'),
    ];
    const counts = sessionsPerExercise(history);
    expect(Object.fromEntries(counts)).toEqual({ 'elbow-plank': 2, 'bat-hang': 1, superman: 1 });
    expect(sessionsPerExercise([]).size).toBe(0);
  });
});

describe('progressPlan', () => {
  it('raises the drawing-in and plank targets and leaves the rest of the plan alone', () => {
    const plan = defaultPlan();
    const history = [drawingIn(day(1), 45, 45_000), plank(day(1), 42, 48, 50)];
    const progressed = progressPlan(plan, history);
    const target = (id: ExerciseId) => progressed.find((p) => p.exercise.id === id)?.dosage.target;
    expect(target('drawing-in')).toBe(60);
    expect(target('elbow-plank')).toBe(47);
    expect(
      progressed.filter((p) => p.exercise.id !== 'drawing-in' && p.exercise.id !== 'elbow-plank'),
    ).toEqual(plan.filter((p) => p.exercise.id !== 'drawing-in' && p.exercise.id !== 'elbow-plank'));
    expect(progressPlan(plan, [])).toEqual(plan);
  });

  it('keeps a longer drawing-in hold the person chose', () => {
    const plan = planWithDrawingIn(90);
    expect(
      progressPlan(plan, [drawingIn(day(1), 45, 45_000)]).find((p) => p.exercise.id === 'drawing-in')?.dosage
        .target,
    ).toBe(90);
  });
});

describe("what progression changed in today's plan, and why", () => {
  it('names the drawing-in step and the plank hold it builds on', () => {
    const history = [drawingIn(day(1), 45, 45_000), plank(day(2), 52, 40)];
    expect(changesOf(defaultPlan(), history)).toEqual([
      { exerciseId: 'drawing-in', setting: 45, today: 60, reason: 'you held the whole 45 s last time' },
      {
        exerciseId: 'elbow-plank',
        setting: 30,
        today: 57,
        reason: '5 s past your first plank last time (52 s)',
      },
    ]);
  });

  const drawingInReason = (history: readonly PastSession[], plan = defaultPlan()) =>
    changesOf(plan, history).find((change) => change.exerciseId === 'drawing-in');

  it('names the hold that earned the step up to 2 min', () => {
    const history = [drawingIn(day(1), 45, 45_000), drawingIn(day(2), 60, 60_000)];
    expect(drawingInReason(history)).toEqual({
      exerciseId: 'drawing-in',
      setting: 45,
      today: 120,
      reason: 'you held the whole 1 min last time',
    });
  });

  it('names the 2 min hold that keeps the drawing-in at the top of its ladder', () => {
    const history = [
      drawingIn(day(1), 45, 45_000),
      drawingIn(day(2), 60, 60_000),
      drawingIn(day(3), 120, 120_000),
      drawingIn(day(4), 120, 120_000),
    ];
    expect(drawingInReason(history)?.reason).toBe('you held the whole 2 min last time');
  });

  it('says a shorter hold since the step was earned does not lower it', () => {
    const history = [drawingIn(day(1), 45, 45_000), drawingIn(day(2), 60, 41_000)];
    expect(drawingInReason(history)).toMatchObject({
      today: 60,
      reason: 'you held the whole 45 s in an earlier session, and a shorter hold does not lower it',
    });
  });

  it('names last time where the hold that earned the step was held whole again, at its own length, in the last session', () => {
    // A person who planned their own 45 s for a while (targets from past sessions unticked): every
    // hold whole, none shorter, so "a shorter hold" would tell of one that never was.
    const history = [
      drawingIn(day(1), 45, 45_000),
      drawingIn(day(2), 45, 45_000),
      drawingIn(day(3), 45, 45_000),
    ];
    expect(drawingInReason(history)).toMatchObject({
      today: 60,
      reason: 'you held the whole 45 s last time',
    });
    // Held whole at a shorter length since, the earlier hold is still the one that is named.
    const shorterSince = [
      drawingIn(day(1), 45, 45_000),
      drawingIn(day(2), 60, 60_000),
      drawingIn(day(3), 45, 45_000),
    ];
    expect(drawingInReason(shorterSince)).toMatchObject({
      today: 120,
      reason: 'you held the whole 1 min in an earlier session, and a shorter hold does not lower it',
    });
  });

  it("keeps the plank's goal through a first hold the person ended short of it, and says so", () => {
    // Day 1: 40 s held, so day 2 aims at 45 s; day 2 ends its first plank with End hold at 12 s.
    const endedShort = (how: Partial<SetRecord>): PastSession => ({
      startedAt: day(2),
      sets: [set('elbow-plank', { target: 45, holdMs: 12_400, endedBy: 'stopped', ...how })],
    });
    const plankOf = (history: readonly PastSession[]) =>
      progressPlan(defaultPlan(), history).find((p) => p.exercise.id === 'elbow-plank')!;
    for (const how of [
      { endedByHand: true },
      { skippedUnderWay: true },
      { finishedUnderWay: true },
    ] as const) {
      const history = [plank(day(1), 40), endedShort(how)];
      const kept = plankOf(history);
      expect(kept.dosage.target).toBe(45);
      // Not "5 s past your first plank last time" on the set screen: it was not set from that hold.
      expect(kept.firstHoldLastTimeS).toBeUndefined();
      expect(changesOf(defaultPlan(), history).find((c) => c.exerciseId === 'elbow-plank')).toEqual({
        exerciseId: 'elbow-plank',
        setting: 30,
        today: 45,
        reason: "last time's goal, as you ended your first plank yourself, at 12 s, which does not lower it",
      });
    }
    // Kept at the setting, the plan says so, with why.
    const atSetting = [
      {
        startedAt: day(1),
        sets: [set('elbow-plank', { target: 30, holdMs: 12_000, endedBy: 'stopped', endedByHand: true })],
      },
    ];
    expect(plankOf(atSetting).dosage.target).toBe(30);
    expect(changesOf(defaultPlan(), atSetting).find((c) => c.exerciseId === 'elbow-plank')).toEqual({
      exerciseId: 'elbow-plank',
      setting: 30,
      today: 30,
      reason: "last time's goal, as you ended your first plank yourself, at 12 s, which does not lower it",
    });
    // Kept below a setting raised since, the plan says what was kept, not that nothing lowered it.
    const plankAt60 = defaultPlan().map((p) =>
      p.exercise.id === 'elbow-plank' ? { ...p, dosage: { ...p.dosage, target: 60 } } : p,
    );
    const below = changesOf(plankAt60, atSetting).find((c) => c.exerciseId === 'elbow-plank')!;
    expect(below).toEqual({
      exerciseId: 'elbow-plank',
      setting: 60,
      today: 30,
      reason: "last time's goal of 30 s, kept as you ended your first plank yourself at 12 s",
    });
    expect(describeTargetChange(below)).toBe(
      "Lowered from 1 min: last time's goal of 30 s, kept as you ended your first plank yourself at 12 s.",
    );
    // Form gave out at 12 s: where the person is, which the goal follows; and a hold ended by a tap
    // past its goal was held to it, a step above.
    expect(plankOf([plank(day(1), 40), endedShort({ endedBy: 'form' })]).dosage.target).toBe(17);
    expect(
      plankOf([
        plank(day(1), 40),
        {
          startedAt: day(2),
          sets: [set('elbow-plank', { target: 45, holdMs: 47_000, endedBy: 'stopped', endedByHand: true })],
        },
      ]).dosage.target,
    ).toBe(52);
  });

  it('writes a plank hold of over a minute as the plan writes its target, in minutes and seconds', () => {
    const history = [plank(day(1), 129, 125)];
    expect(changesOf(defaultPlan(), history).find((c) => c.exerciseId === 'elbow-plank')).toEqual({
      exerciseId: 'elbow-plank',
      setting: 30,
      today: 134,
      reason: '5 s past your first plank last time (2 min 9 s)',
    });
  });

  it('names the hold the person chose when it earned the step', () => {
    const history = [drawingIn(day(1), 50, 50_000)];
    expect(drawingInReason(history, planWithDrawingIn(50))).toEqual({
      exerciseId: 'drawing-in',
      setting: 50,
      today: 60,
      reason: 'you held the whole 50 s last time',
    });
  });

  // A hold set from 45 s up is at or above the ladder's first step until a hold kept whole earns the
  // next: each change to it has a hold to name.
  it('changes nothing of a hold set from 45 s up before a hold of a step is kept whole', () => {
    const notYet = [
      [],
      [drawingIn(day(1), 45, 41_000)],
      [drawingIn(day(1), 30, 30_000)],
      [drawingIn(day(1), 30, 30_000), drawingIn(day(2), 50, 12_000)],
    ];
    for (const setS of [45, 50, 90]) {
      for (const history of notYet) expect(changesOf(planWithDrawingIn(setS), history)).toEqual([]);
    }
  });

  it('changes nothing of a hold set below 45 s, held or not', () => {
    expect(changesOf(planWithDrawingIn(30), [])).toEqual([]);
    expect(changesOf(planWithDrawingIn(30), [drawingIn(day(1), 30, 30_000)])).toEqual([]);
  });

  it('names the sets that earned one more rep or breath, in their unit', () => {
    const history = [
      counted(day(1), 'superman', 10, 'target', 'target', 'target'),
      counted(day(1), 'bat-hang', 4, 'target', 'target'),
    ];
    expect(changesOf(defaultPlan(), history)).toEqual([
      { exerciseId: 'superman', setting: 10, today: 11, reason: 'you did every set of 10 reps last time' },
      { exerciseId: 'bat-hang', setting: 4, today: 5, reason: 'you did every set of 4 breaths last time' },
    ]);
  });

  it('says when the count has reached the most the program asks for', () => {
    const history = [11, 12].map((target, i) =>
      counted(day(i + 1), 'superman', target, 'target', 'target', 'target'),
    );
    expect(changesOf(defaultPlan(), history)).toEqual([
      {
        exerciseId: 'superman',
        setting: 10,
        today: 12,
        reason: 'you did every set of 12 reps last time, the most the program asks for',
      },
    ]);
  });

  it('says a session short of the count since it was earned does not lower it', () => {
    const history = [
      counted(day(1), 'lat-pulldown', 12, 'target', 'target', 'target'),
      counted(day(2), 'lat-pulldown', 13, 'target', 'stopped', 'target'),
    ];
    expect(changesOf(defaultPlan(), history)).toEqual([
      {
        exerciseId: 'lat-pulldown',
        setting: 12,
        today: 13,
        reason:
          'you did every set of 12 reps in an earlier session, and a set short of it since does not lower it',
      },
    ]);
  });

  it('says a session done in full at a target set lower since does not lower the count, not that it fell short', () => {
    const history = [
      counted(day(1), 'superman', 10, 'target', 'target', 'target'),
      counted(day(2), 'superman', 6, 'target', 'target', 'target'),
    ];
    expect(changesOf(defaultPlan(), history)).toEqual([
      {
        exerciseId: 'superman',
        setting: 10,
        today: 11,
        reason:
          'you did every set of 10 reps in an earlier session, and an easier session you set since does not lower it',
      },
    ]);
    history.push(counted(day(3), 'superman', 10, 'target', 'stopped', 'target'));
    expect(changesOf(defaultPlan(), history)[0]?.reason).toBe(
      'you did every set of 10 reps in an earlier session, and the sessions since, easier or a set short, do not lower it',
    );
  });

  it('adds no set to a pulldown set to 2 sets, and its reason says none is added', () => {
    const plan = defaultPlan().map((p) =>
      p.exercise.id === 'lat-pulldown' ? { ...p, dosage: { ...p.dosage, sets: 2 } } : p,
    );
    const history = [counted(day(1), 'lat-pulldown', 15, 'target', 'target', 'target')];
    expect(changesOf(plan, history)).toEqual([
      {
        exerciseId: 'lat-pulldown',
        setting: 12,
        today: 15,
        reason: 'you did every set of 15 reps last time, the most the program asks for',
      },
    ]);
  });

  it("names the 3 sets of 15 reps that added the pulldown's 4th, and that its reps start again at 12", () => {
    const history = [counted(day(1), 'lat-pulldown', 15, 'target', 'target', 'target')];
    expect(changesOf(defaultPlan(), history)).toEqual([
      {
        exerciseId: 'lat-pulldown',
        setting: 12,
        today: 12,
        sets: { setting: 3, today: 4 },
        reason:
          "you did all 3 sets of 15 reps last time, the top of the program's 12–15 reps, so 4 sets start again at 12 reps",
      },
    ]);
    history.push(counted(day(2), 'lat-pulldown', 12, 'target', 'target', 'target', 'target'));
    expect(changesOf(defaultPlan(), history)).toEqual([
      {
        exerciseId: 'lat-pulldown',
        setting: 12,
        today: 13,
        sets: { setting: 3, today: 4 },
        reason: 'you did all 4 sets of 12 reps last time',
      },
    ]);
    history.push(counted(day(3), 'lat-pulldown', 15, 'target', 'target', 'target', 'target'));
    expect(changesOf(defaultPlan(), history)[0]?.reason).toBe(
      'you did all 4 sets of 15 reps last time, the most the program asks for',
    );
  });

  it("says the pulldown's 4th set keeps the reps set above the bottom of the range, as today's plan does", () => {
    const plan = defaultPlan().map((p) =>
      p.exercise.id === 'lat-pulldown' ? { ...p, dosage: { ...p.dosage, target: 15 } } : p,
    );
    const history = [counted(day(1), 'lat-pulldown', 15, 'target', 'target', 'target')];
    expect(changesOf(plan, history)).toEqual([
      {
        exerciseId: 'lat-pulldown',
        setting: 15,
        today: 15,
        sets: { setting: 3, today: 4 },
        reason:
          "you did all 3 sets of 15 reps last time, the top of the program's 12–15 reps, so 4 sets start again at the 15 reps you set",
      },
    ]);
  });

  it('is empty when the plan is the settings', () => {
    expect(changesOf(defaultPlan(), [])).toEqual([]);
  });
});

describe('the change told beside a target of the plan', () => {
  const superman = defaultPlan().find((p) => p.exercise.id === 'superman')!;
  const raised = {
    exerciseId: 'superman' as const,
    setting: 10,
    today: 11,
    reason: 'you did every set of 10 reps last time',
  };

  it("is the change that made the plan entry's target", () => {
    const planned = { ...superman, dosage: { ...superman.dosage, target: 11 } };
    expect(changeBehind([raised], planned)).toBe(raised);
  });

  it('is none where the entry does not have the number the change made: its reason would be for another dose', () => {
    expect(superman.dosage.target).toBe(10);
    expect(changeBehind([raised], superman)).toBeNull();
    const moreSets = { ...raised, today: 10, sets: { setting: 3, today: 4 } };
    expect(changeBehind([moreSets], superman)).toBeNull();
    expect(changeBehind([moreSets], { ...superman, dosage: { ...superman.dosage, sets: 4 } })).toBe(moreSets);
  });

  it('is none for another exercise', () => {
    const bridge = defaultPlan().find((p) => p.exercise.id === 'glute-bridge')!;
    expect(changeBehind([{ ...raised, today: bridge.dosage.target }], bridge)).toBeNull();
  });
});
