// A set in the voice's words: its name and target, its count, what it has done and how it ended.

import { heldS, heldSoFarMs } from '../workout/held-seconds.ts';
import {
  countUnit,
  cutShortSidesText,
  type Exercise,
  exerciseById,
  perSideDoneText,
  perSideText,
} from '../workout/program.ts';
import { pastLastHoldText, plankGoalSetFrom } from '../workout/progression.ts';
import type { CurrentSet, PlannedExercise, SetRecord } from '../workout/session.ts';
import { setOutcome, stoppedShort } from '../workout/set-outcomes.ts';
import { armOfRep } from '../workout/set-shown.ts';
import { capitalised } from '../workout/set-words.ts';
import { plural, spokenDuration, spokenNumber } from './spoken-words.ts';

/**
 * A set's count as the voice says it: "seven"; for a bird dog, whose dosage is so many each side, the
 * arm of the last rep and its count on that arm, "Left, seven", where "fourteen" would be heard against
 * "ten each side". The arm is the one the screen named for that rep (see armOfRep).
 */
export function spokenCount(exercise: Exercise, count: number): string {
  if (!exercise.alternatesSides || count === 0) return spokenNumber(count);
  const { arm, ofArm } = armOfRep(count);
  return `${capitalised(arm)}, ${spokenNumber(ofArm)}`;
}

/**
 * What a set says of its end as it ends, ahead of the rest's line: "Done: forty-five seconds", "Set
 * over: four reps", "Set over: twenty seconds held" (a drawing-in let go short of its target), "You
 * got up: two breaths", "Set skipped", or, reaching its target, its last count. A set a tap ended short of
 * its target says what it did, in the words the summary, History and the file count it by: "Set cut
 * short: two reps done", "Set cut short: seven seconds held" (see cutShortText).
 */
export function setEndedWords(record: SetRecord): string {
  const exercise = exerciseById(record.exerciseId);
  if (record.holdMs !== null && record.endedBy !== 'skipped') {
    const held = spokenDuration(heldS(record.holdMs));
    // A hold broken by a pause was two holds, not one kept whole: said so, as the rest shows it.
    const paused = record.pausedInHold ? ', with a pause' : '';
    if (setOutcome(record) === 'cut short') return cutShortText(`${held} held${paused}`);
    // Ended by itself short of a target it ends at (a drawing-in let go): "Done" was heard as held to its end.
    return stoppedShort(record) ? `Set over: ${held} held${paused}` : `Done: ${held}${paused}`;
  }
  const counted = countDoneText(exercise, record.count);
  if (record.endedBy === 'skipped') return 'Set skipped';
  if (setOutcome(record) === 'cut short')
    return cutShortText(
      exercise.alternatesSides ? cutShortSidesText(record.count, spokenNumber) : `${counted} done`,
    );
  // As the wrong position is told, "You seem to be on your back": what the app saw of the person.
  if (record.endedBy !== 'target') return record.gotUp ? `You got up: ${counted}` : `Set over: ${counted}`;
  return spokenCount(exercise, record.count);
}

/**
 * A set that ended by itself short of its target (see stoppedShort), as the session's closing line
 * names it: "Superman set three stopped at two of ten reps", "Bird dog stopped at two of ten right,
 * one of ten left", "Drawing-in stopped at twenty seconds of forty-five seconds". The set's number
 * only where the exercise has more than one set (`setsOfExercise`), as the set's own line names it.
 */
export function stoppedShortWords(record: SetRecord, setsOfExercise: number): string {
  const exercise = exerciseById(record.exerciseId);
  const set = setsOfExercise > 1 ? ` set ${spokenNumber(record.setNumber)}` : '';
  return `${exercise.name}${set} stopped at ${doneOfTarget(exercise, record)}`;
}

/** What a set did of its target, in the voice's words: "two of ten reps", "twenty seconds of forty-five seconds". */
function doneOfTarget(exercise: Exercise, record: SetRecord): string {
  if (record.holdMs !== null)
    return `${spokenDuration(heldS(record.holdMs))} of ${spokenDuration(record.target)}`;
  if (exercise.alternatesSides) return perSideDoneText(record.count, record.target, spokenNumber);
  return `${spokenNumber(record.count)} of ${plural(record.target, countUnit(exercise))}`;
}

/**
 * A set a tap ended short of its target (see setOutcome), with what it did, "two reps done", "seven
 * seconds held" or a bird dog's "five reps, three right and two left": "Set cut short: two reps
 * done", the name the summary, History and the file give it.
 */
function cutShortText(did: string): string {
  return `Set cut short: ${did}`;
}

/**
 * What was counted or held before a pause, which still counts ("three done", "twelve seconds held"):
 * said after the set's target, so that the target is not heard as a count or a hold starting again.
 */
export function doneSoFar(exercise: Exercise, set: CurrentSet, nowMs: number): string | null {
  if (exercise.kind === 'hold') {
    // As the clock shows it: while the person settles after "Go", the seconds since are not yet held.
    const heldMs = heldSoFarMs(set, nowMs);
    return heldMs === null ? null : `${spokenDuration(heldS(heldMs))} held`;
  }
  if (set.count === 0) return null;
  // A bird dog's as its count is said, each side's: "three right, two left done".
  return `${exercise.alternatesSides ? countDoneText(exercise, set.count) : spokenNumber(set.count)} done`;
}

/**
 * What a set counted, in a line of its own ("Set over: four reps"): a bird dog's each
 * side, as its reps were counted, "three right, two left", "three each side", where "five reps" would
 * be heard as a count the voice never said; none is "zero reps", not "zero each side".
 */
export function countDoneText(exercise: Exercise, count: number): string {
  return exercise.alternatesSides && count > 0
    ? perSideText(count, spokenNumber)
    : plural(count, countUnit(exercise));
}

export function setOf(setNumber: number, sets: number): string {
  return sets > 1 ? `set ${spokenNumber(setNumber)} of ${spokenNumber(sets)}` : 'one set';
}

/** What the set asks for; a plank's goal with why it moved, where it was set from a hold. */
export function dosageText(planned: PlannedExercise, doneToday: readonly SetRecord[]): string {
  const { exercise } = planned;
  const { target } = planned.dosage;
  switch (exercise.kind) {
    case 'reps':
      if (exercise.alternatesSides) return perSideText(target, spokenNumber);
      // The weight the plan sets for a machine exercise, as the set screen shows it: none the app
      // made up before the person has logged one (see weightToPick).
      return planned.dosage.weightKg === undefined
        ? plural(target, 'rep')
        : `${plural(target, 'rep')} at ${spokenNumber(planned.dosage.weightKg)} kilograms`;
    case 'breaths':
      return plural(target, 'slow breath');
    case 'hold':
      return exercise.holdEndsAtTarget
        ? `Hold ${spokenDuration(target)}`
        : `Hold as long as your form is good; goal ${spokenDuration(target)}${goalReason(planned, doneToday)}`;
  }
}

/**
 * ": five seconds past your last hold" (or "past your hold of fifty-four seconds" where a hold too
 * short to count came after it, or "past your first plank last time"), after a plank's goal set from
 * that hold; nothing otherwise. In the set screen's words (pastLastHoldText), said.
 */
function goalReason(planned: PlannedExercise, doneToday: readonly SetRecord[]): string {
  const from = plankGoalSetFrom(planned, doneToday);
  return from === null ? '' : `: ${pastLastHoldText(planned.dosage.target, from, spokenDuration)}`;
}
