// How a set kept in a session counts (done, cut short or skipped), and whether the session ran
// through its plan.

import { heldS } from './held-seconds.ts';
import { type Exercise, exerciseById } from './program.ts';
import type { PlannedExercise, SessionState, SetRecord } from './session-state.ts';

/**
 * Whether the session ran through its plan: every set of it ended by itself (at its target, reps that
 * stopped coming, a hold the detectors or End hold ended) or by Skip set, none left undone or cut
 * short by Finish. What the voice calls a complete session; any other ended early.
 */
export function planRanThrough(state: Pick<SessionState, 'plan' | 'completed' | 'finishedShort'>): boolean {
  const planned = state.plan.reduce((n, p) => n + p.dosage.sets, 0);
  return state.completed.length >= planned && !state.finishedShort;
}

/** The exercises of the plan of which no set was reached, kept or skipped: a session ended early's. */
export function notReached(
  plan: readonly PlannedExercise[],
  completed: readonly Pick<SetRecord, 'exerciseId'>[],
): Exercise[] {
  const reached = new Set(completed.map((record) => record.exerciseId));
  return plan.filter((p) => !reached.has(p.exercise.id)).map((p) => p.exercise);
}

/**
 * The set did what it was set to: its reps or breaths counted, or its time held (a plank held past
 * its target has no end of its own there, and Finish or End hold ends it done).
 */
export function reachedTarget(record: SetRecord): boolean {
  return (record.holdMs === null ? record.count : heldS(record.holdMs)) >= record.target;
}

/** A set skipped before anything in it was counted. */
export function skippedUndone(record: SetRecord): boolean {
  return record.endedBy === 'skipped' && record.count === 0 && !record.holdMs;
}

/**
 * Whether a session with these sets is kept: one of them was done, not only skipped before it
 * counted anything. What the question before Finish, the voice, the summary and the store go by.
 */
export function anySetDone(records: readonly SetRecord[]): boolean {
  return records.some((record) => !skippedUndone(record));
}

/** How a set kept in a session counts (see setOutcome). */
type SetOutcome = 'done' | 'cut short' | 'skipped';

/**
 * How a set counts wherever sets are counted (Finish's question, the voice, the summary, History, a
 * notice of the session in another tab): skipped when nothing in it was counted or held; cut short
 * when the person's tap ended it short of its target (Skip set, Finish, End hold), something counted
 * or held; else done, at its target or ended by itself (reps that stopped coming, a hold the
 * detectors saw end). End hold before the target is the person stopping short, as Skip set is (when
 * it counted done, "Done: twenty seconds" of a 45 s hold was heard as held to its end). Put right up
 * to its target, a set cut short is done; down to nothing, skipped.
 */
export function setOutcome(record: SetRecord): SetOutcome {
  if (skippedUndone(record)) return 'skipped';
  return endedAtTap(record) && !reachedTarget(record) ? 'cut short' : 'done';
}

/**
 * A set that ended by itself short of its target (the person got up at 2 of 10, their reps stopped
 * coming, a drawing-in left before its time): done, as setOutcome counts it, and not all of it. A
 * plank's target is a goal to aim past, its hold as long as form holds (program.md): not reaching it
 * is no set stopped short.
 */
export function stoppedShort(record: SetRecord): boolean {
  const goalOnly = record.holdMs !== null && !exerciseById(record.exerciseId).holdEndsAtTarget;
  return setOutcome(record) === 'done' && !reachedTarget(record) && !goalOnly;
}

/**
 * The person's tap ended the set, something counted or held: Skip set, Finish or End hold, where
 * reps that stopped coming, a target reached or a hold the detectors saw end ended it by itself. The
 * voice's closing line of such a set answers the tap.
 */
export function endedAtTap(
  record: Pick<SetRecord, 'skippedUnderWay' | 'finishedUnderWay' | 'endedByHand'>,
): boolean {
  return record.skippedUnderWay === true || record.finishedUnderWay === true || record.endedByHand === true;
}
