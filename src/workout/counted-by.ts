// Which exercises the devices connected now count, which they leave to the person's +1 and taps,
// and whether a set waits for the person to be seen in position.

import { type Exercise, type ExerciseId, PROGRAM } from './program.ts';
import type { SessionState } from './session-state.ts';

/** Whether the devices connected now leave an exercise to be counted by hand (see countedByDevice). */
export function countedByHand(
  state: Pick<SessionState, 'countedByDevice'>,
  exercise: Pick<Exercise, 'id'>,
): boolean {
  return state.countedByDevice !== undefined && !state.countedByDevice.includes(exercise.id);
}

/**
 * The exercises of `exercises` (a plan's, in its order) that the devices connected now leave to be
 * counted by hand (see countedByHand): none until what the devices count is known.
 */
export function exercisesCountedByHand<E extends Pick<Exercise, 'id'>>(
  state: Pick<SessionState, 'countedByDevice'>,
  exercises: readonly E[],
): E[] {
  return exercises.filter((exercise) => countedByHand(state, exercise));
}

/**
 * Whether the device that counts an exercise is out of reach now (see motionAwaySinceMs): the person
 * counts it with +1 until it is back.
 */
export function motionAwayFor(state: Pick<SessionState, 'motionAwaySinceMs'>, exercise: Exercise): boolean {
  return motionAwaySince(state, exercise) !== undefined;
}

/**
 * The exercises whose device is out of reach now (see motionAwaySinceMs), in the program's order:
 * the voice says the first whose drop became news, whichever order the drops were told in.
 */
export function motionAwayExercises(state: Pick<SessionState, 'motionAwaySinceMs'>): ExerciseId[] {
  const away = state.motionAwaySinceMs ?? {};
  return PROGRAM.map((e) => e.id).filter((id) => away[id] !== undefined);
}

/**
 * Whether no device connected now sees the exercise: none of them counts it, or the one that does is
 * out of reach. The person counts it with +1, or begins and ends its hold with a tap.
 */
export function unseenByDevices(
  state: Pick<SessionState, 'countedByDevice' | 'motionAwaySinceMs'>,
  exercise: Exercise,
): boolean {
  return countedByHand(state, exercise) || motionAwayFor(state, exercise);
}

/**
 * Whether the device that counts an exercise, away for it (see motionAwayFor), is connected but has
 * stopped sending its motion (see SessionState.motionStopped), rather than out of reach.
 */
export function motionStoppedFor(
  state: Pick<SessionState, 'motionStopped'>,
  exercise: Pick<Exercise, 'id'>,
): boolean {
  return state.motionStopped?.includes(exercise.id) === true;
}

/** Since when the device that counts an exercise has been out of reach (session clock), if it is. */
export function motionAwaySince(
  state: Pick<SessionState, 'motionAwaySinceMs'>,
  exercise: Exercise,
): number | undefined {
  return state.motionAwaySinceMs?.[exercise.id];
}

/**
 * Whether a set of this exercise waits for the person to be in position: a device there sees it. Not
 * one counted by hand: the device that cannot count it is a watch, which sees stillness, not where
 * the person lies (a chest strap counts every exercise), and there is no count to keep the getting
 * into position off. Nor one whose position the device that sees it is out of reach for (see
 * positionAway), though another counts it. Such a set is under way from its "Go", not from an "In
 * position" nothing saw.
 */
export function waitsForPosition(state: SessionState, exercise: Exercise | undefined): boolean {
  return (
    state.startsByPosition === true &&
    state.positionAway !== true &&
    !(exercise !== undefined && unseenByDevices(state, exercise))
  );
}
