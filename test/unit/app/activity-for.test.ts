import { describe, expect, it } from 'vitest';
import { activityFor } from '../../../src/app/backbeat.ts';
import type { RepEvent } from '../../../src/motion/events.ts';
import { planPerformance, sameTask } from '../../../src/sensors/virtual/choreography.ts';
import { TYPICAL_PERSON } from '../../../src/sensors/virtual/person.ts';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  type PlannedExercise,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { nextArm } from '../../../src/workout/set-shown.ts';

const rep = (tMs: number): RepEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs + 200,
  startMs: tMs - 2500,
  peakDeg: 15,
});

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(reduceSession, state);
}

const supermanThenPlank: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 30 } },
  { exercise: exerciseById('elbow-plank'), dosage: { sets: 1, target: 30, restS: 30 } },
];

describe('what the virtual person is asked to do', () => {
  it('is the whole set when it begins', () => {
    const begun = run(initialSessionState(supermanThenPlank), { type: 'start', nowMs: 0 });
    expect(activityFor(begun)).toEqual({ kind: 'exercise', exercise: 'superman', target: 10 });
  });

  it('carries the reps already counted, for a set resumed partway, and is the same task as at its start', () => {
    const begun = run(initialSessionState(supermanThenPlank), { type: 'start', nowMs: 0 });
    const twoDone = run(begun, { type: 'motion', event: rep(4000) }, { type: 'motion', event: rep(8000) });
    expect(activityFor(twoDone)).toEqual({
      kind: 'exercise',
      exercise: 'superman',
      target: 10,
      alreadyDone: 2,
    });
    // A rep counted during the set tells the person nothing new.
    expect(sameTask(activityFor(begun), activityFor(twoDone))).toBe(true);
  });

  it('has a bird dog resumed after 3 reps go on with the arm the coach names next, the left', () => {
    const birdDog: PlannedExercise[] = [
      { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 30 } },
    ];
    const begun = run(initialSessionState(birdDog), { type: 'start', nowMs: 0 });
    const threeDone = run(
      begun,
      ...(['right', 'left', 'right'] as const).map(
        (side, i): SessionAction => ({ type: 'motion', event: { ...rep(4000 * (i + 1)), side } }),
      ),
    );
    expect(nextArm(threeDone.set!)).toBe('left');
    const resumed = planPerformance(activityFor(threeDone), TYPICAL_PERSON, createRandom(1), {
      previousPosture: 'quadruped',
    });
    expect(resumed.truth.sides.slice(0, 2)).toEqual(['left', 'right']);
    expect(resumed.truth.sides).toHaveLength(17);
  });

  it('is the next set once the rest is over, a new task', () => {
    const begun = run(initialSessionState(supermanThenPlank), { type: 'start', nowMs: 0 });
    const reps = Array.from(
      { length: 10 },
      (_, i): SessionAction => ({ type: 'motion', event: rep(4000 * (i + 1)) }),
    );
    const resting = run(begun, ...reps);
    expect(activityFor(resting)).toEqual({ kind: 'rest', durationS: 30 });
    const plank = run(resting, { type: 'skip', nowMs: 50_000 });
    expect(activityFor(plank)).toEqual({ kind: 'exercise', exercise: 'elbow-plank', target: 30 });
    expect(sameTask(activityFor(begun), activityFor(plank))).toBe(false);
  });
});
