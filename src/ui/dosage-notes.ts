import {
  type Dosage,
  type Exercise,
  type ExerciseId,
  type ExerciseKind,
  weightToLog,
} from '../workout/program.ts';
import type { TargetChange } from '../workout/progression.ts';
import type { TypedField } from '../workout/typed-setting.ts';
import { describeNoWeight, describeWeightAsLastTime } from './format.ts';

/**
 * An exercise's target field by its kind: its label after the exercise's name ("Drawing-in hold,
 * seconds"), and how its value is named in a sentence, with its unit (["A hold", " s"]).
 */
export function targetFieldNames(kind: ExerciseKind): {
  readonly label: string;
  readonly words: TypedField['words'];
} {
  switch (kind) {
    case 'hold':
      return { label: 'hold, seconds', words: ['A hold', ' s'] };
    case 'breaths':
      return { label: 'breaths', words: ['Breaths', ''] };
    case 'reps':
      return { label: 'reps', words: ['Reps', ''] };
  }
}

/**
 * The change today's plan makes to an exercise's settings, said beside it: not one kept at the setting,
 * which moved nothing here and leaves nothing for Progress to undo.
 */
export function shownTargetChange(
  changes: readonly TargetChange[],
  id: ExerciseId,
): TargetChange | undefined {
  return changes.find((c) => c.exerciseId === id && (c.sets !== undefined || c.today !== c.setting));
}

/**
 * The weight the field of an exercise done with one suggests while none is logged: the one today's plan
 * took from the last session, if any.
 */
export function suggestedWeightKg(
  exercise: Pick<Exercise, 'weighted'>,
  dosage: Pick<Dosage, 'weightKg'>,
  asLastTimeKg: number | undefined,
): number | null {
  return weightToLog(exercise, dosage) ? (asLastTimeKg ?? null) : null;
}

/** The note under a weight not logged: the one taken from last time, or that one is to be picked. */
export function weightNote(
  exercise: Pick<Exercise, 'weighted'>,
  dosage: Pick<Dosage, 'weightKg'>,
  suggestedKg: number | null,
): string | null {
  if (suggestedKg !== null) return describeWeightAsLastTime(suggestedKg, 'here');
  return weightToLog(exercise, dosage) ? describeNoWeight('here') : null;
}
