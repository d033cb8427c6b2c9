// The words a session goes on with after a pause: "Go on: Superman, set two of three. …", "Go on: four
// done", "Rest goes on: twenty seconds left".

import { motionAwayFor } from '../workout/counted-by.ts';
import type { Exercise } from '../workout/program.ts';
import { type CurrentSet, currentPlanned, type SessionState } from '../workout/session.ts';
import { nextArm } from '../workout/set-shown.ts';
import { byHandUntilBack } from './device-news.ts';
import { doneSoFar, dosageText, setOf } from './spoken-set.ts';
import { sentences, spokenDuration } from './spoken-words.ts';

/** "Rest goes on: twenty-three seconds left": a rest resumed after a pause or picked up after a reload. */
export function restLeftText(restEndsMs: number, nowMs: number): string {
  return `Rest goes on: ${spokenDuration(Math.ceil((restEndsMs - nowMs) / 1000))} left`;
}

/** The line a session goes on with after a pause, said at `saidMs`: what it names is as it is then. */
export function resumed(state: SessionState, saidMs: number): string {
  const planned = currentPlanned(state);
  if (state.phase === 'rest' && state.restEndsMs !== null) return restLeftText(state.restEndsMs, saidMs);
  // The set number and dosage too: the screen may have been skipped on to another set while paused.
  if (!planned || !state.set) return 'Go on';
  const { exercise, dosage } = planned;
  const done = doneSoFar(exercise, state.set, saidMs);
  return sentences([
    `Go on: ${exercise.name}, ${setOf(state.set.setNumber, dosage.sets)}`,
    dosageText(planned, state.completed),
    ...(done ? [done] : []),
    ...howItGoesOn(state, exercise, state.set),
  ]);
}

/**
 * After a pause, what the set goes on with: the bird dog's arm, as the set screen shows it (the person
 * may not recall the last), where to be for a set still waiting, how to count while the device is away.
 */
function howItGoesOn(state: SessionState, exercise: Exercise, set: CurrentSet): string[] {
  return [
    ...(exercise.alternatesSides ? [`Next: ${nextArm(set)} arm`] : []),
    ...(set.waiting ? [exercise.positionPrompt] : []),
    ...(motionAwayFor(state, exercise) ? [byHandUntilBack(state, exercise, set)] : []),
  ];
}

/**
 * "Go on: four done": the set goes on after a device's drop. The set's name and target are left out,
 * as the person is still in it; the rest is said as after any pause (see howItGoesOn).
 */
export function goesOnFromDrop(state: SessionState, saidMs: number): string {
  const exercise = currentPlanned(state)?.exercise;
  const set = state.set;
  if (!exercise || !set) return 'Go on';
  const done = doneSoFar(exercise, set, saidMs);
  return sentences([done ? `Go on: ${done}` : 'Go on', ...howItGoesOn(state, exercise, set)]);
}
