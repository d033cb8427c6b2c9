// Which set comes next in the plan, and the plank's target for it.

import type { Exercise } from './program.ts';
import { plankTargetAfter } from './progression.ts';
import { currentPlanned, type PlannedExercise, type SessionState, type SetRecord } from './session-state.ts';

/** The set number the next set of the current exercise will have. */
export function nextSetNumber(state: SessionState, exerciseIndex: number): number {
  const id = state.plan[exerciseIndex]?.exercise.id;
  return state.completed.filter((r) => r.exerciseId === id).length + 1;
}

export function hasNextSet(state: SessionState): boolean {
  const planned = currentPlanned(state);
  if (!planned) return false;
  return (
    nextSetNumber(state, state.exerciseIndex) <= planned.dosage.sets ||
    state.exerciseIndex < state.plan.length - 1
  );
}

/**
 * Each plank hold aims above the last one (program.md: three holds, each longer than the last), so
 * the plank's target for the coming set is set from the holds done so far today.
 */
export function retargetPlank(
  plan: readonly PlannedExercise[],
  exerciseIndex: number,
  completed: readonly SetRecord[],
): readonly PlannedExercise[] {
  const planned = plan[exerciseIndex];
  if (planned?.exercise.id !== 'elbow-plank') return plan;
  const target = plankTargetAfter(completed, planned.dosage.target);
  if (target === planned.dosage.target) return plan;
  return plan.map((p, i) => (i === exerciseIndex ? { ...p, dosage: { ...p.dosage, target } } : p));
}

/**
 * The exercise a set or rest concerns: a set's own; in a rest, the set after it, which the rest's
 * end begins. What the session needs of the devices follows it, and what it goes on without.
 * Undefined outside them, and in a rest with no set after it.
 */
export function concernedExercise(state: SessionState): Exercise | undefined {
  if (state.phase === 'set') return currentPlanned(state)?.exercise;
  return state.phase === 'rest' ? upNext(state)?.exercise : undefined;
}

/** The set after the current set or rest, and how many sets its exercise has in the plan. */
export interface NextSet {
  readonly exercise: Exercise;
  readonly setNumber: number;
  readonly sets: number;
}

/** What comes after the current set or rest: for the rest screen's "next up". */
export function upNext(state: SessionState): NextSet | null {
  const planned = currentPlanned(state);
  if (!planned) return null;
  const setNumber = nextSetNumber(state, state.exerciseIndex);
  if (setNumber <= planned.dosage.sets)
    return { exercise: planned.exercise, setNumber, sets: planned.dosage.sets };
  const following = state.plan[state.exerciseIndex + 1];
  return following
    ? {
        exercise: following.exercise,
        setNumber: nextSetNumber(state, state.exerciseIndex + 1),
        sets: following.dosage.sets,
      }
    : null;
}
