// The count put right by hand (+1 / −1): during the set, in the rest after it, from the next set
// where there was no rest, and on the summary for the last.

import type { Side } from '../motion/events.ts';
import { countedByHand, motionAwayFor, motionStoppedFor } from './counted-by.ts';
import { markedAway } from './device-changes.ts';
import { exerciseById } from './program.ts';
import {
  currentPlanned,
  type PlannedExercise,
  type SessionState,
  type SetEnd,
  type SetRecord,
} from './session-state.ts';
import { withoutLeaving } from './set-position.ts';
import { endSet, workBegun } from './sets-and-rests.ts';

/**
 * The most reps or breaths one set may hold: far above any dosage the settings allow (100 reps), so a
 * count put right by hand stays a count a backup of it can be read back with.
 */
export const MAX_SET_COUNT = 1000;

export function adjustCount(state: SessionState, delta: number, atMs: number): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned || planned.exercise.kind === 'hold' || set.waiting)
    return state;
  const nowMs = Math.max(state.nowMs, atMs);
  const count = Math.max(0, set.count + delta);
  const corrections = (set.corrections ?? 0) + count - set.count;
  const sides = planned.exercise.alternatesSides ? sidesCorrected(set.sides, count - set.count) : set.sides;
  const byHand = countedByHand(state, planned.exercise);
  const away = motionAwayFor(state, planned.exercise);
  // Where no device counts the exercise, a watch that cannot see it going out of reach changes nothing:
  // the taps are the count itself, before and after.
  const countedAway = (set.countedAway ?? 0) + (away && !byHand ? count - set.count : 0);
  const worked = withoutLeaving(count > set.count ? workBegun(set, nowMs) : set);
  const adjusted = {
    ...state,
    nowMs,
    set: {
      ...(away ? markedAway(worked, motionStoppedFor(state, planned.exercise)) : worked),
      count,
      corrections,
      sides,
      lastProgressMs: nowMs,
      ...(away ? { countedAway } : {}),
      ...(byHand ? { countedByHand: (set.countedByHand ?? 0) + count - set.count } : {}),
    },
  };
  // Put right to its target while paused, the set ends once the session goes on (see resume): ended
  // in the pause, its rest began standing still, and nothing was said of its end.
  const reached = countReached(count, planned) && state.pausedAtMs === null;
  return reached ? endSet(adjusted, nowMs, 'target') : adjusted;
}

/** A rep or breath set's count at its target: the set is done (a hold's is its time, not a count). */
export function countReached(count: number, planned: PlannedExercise): boolean {
  return planned.exercise.kind !== 'hold' && count >= planned.dosage.target;
}

/**
 * Whether the set just done can have its count put right during the rest after it (or on the summary,
 * for the session's last): any rep or breath set that began, one skipped with nothing counted too. A
 * set whose every rep the detectors missed never ends by itself (only reps seen can stop coming), so
 * Skip set is how the person who did them goes on, and the rest after it is where they give them;
 * so is it for reps done with a heart-rate-only strap and no +1, counted nowhere else. Not a set
 * skipped before it began: +1 would make a set never done into one done. A hold's time is the
 * detectors' alone. The summary asks more of the session's last (see lastSetToCorrect).
 */
export function correctableInRest(record: SetRecord): boolean {
  return record.holdMs === null && !record.neverBegun;
}

/**
 * The session's last set, where its summary offers to put its count right (see correctableInRest);
 * null where it does not. Not a set Finish ended before anything in it was counted: the person ended
 * the session with it undone, as Finish's question told them ("End the session? 3 sets done, 1
 * skipped"), and +1 would make a set never done into one done. Skip set is how a person whose every
 * rep went uncounted goes on, and that set is put right; so is one Finish ended with reps counted
 * (finishedUnderWay), down to none and back.
 */
export function lastSetToCorrect(state: {
  readonly completed: readonly SetRecord[];
  readonly finishedShort?: boolean;
}): SetRecord | null {
  const last = state.completed.at(-1);
  if (!last || !correctableInRest(last)) return null;
  const finishedUndone = state.finishedShort === true && last.finishedUnderWay !== true;
  return finishedUndone ? null : last;
}

/**
 * The set just done, while the set after it, with no rest between them (a rest of 0 s), has counted
 * nothing: no rest screen came to offer −1 / +1 for it, so the set screen offers them until the
 * person is under way. Null otherwise, and after a set skipped before it began: that set was never
 * done (+1 would make it one), and the time to put right the set before it was that set's wait, as a
 * rest is.
 */
export function setJustDoneToCorrect(state: SessionState): SetRecord | null {
  const record = state.completed.at(-1);
  const set = state.set;
  if (state.phase !== 'set' || !set?.noRestBefore || !record || !correctableInRest(record)) return null;
  return set.count > 0 || set.holdStartMs !== null ? null : record;
}

/**
 * The person saw, once the set was over, that it was counted wrong: an overcount that ended the set
 * early, or reps missed and not put right in time. The record keeps the net correction, as one made
 * during the set would have.
 */
export function correctSetJustDone(state: SessionState, delta: number): SessionState {
  const record = state.phase === 'summary' ? lastSetToCorrect(state) : state.completed.at(-1);
  if (!record || !correctableInRest(record)) return state;
  const count = Math.min(MAX_SET_COUNT, Math.max(0, record.count + delta));
  if (count === record.count) return state;
  const { corrections: before, countedByHand: handBefore, ...rest } = record;
  const corrections = (before ?? 0) + count - record.count;
  // Still no device that counts the exercise: the tap is a rep done and not tapped in time, not one
  // a detector missed (a heart-rate-only strap's set skipped with nothing tapped is given its reps here).
  const byHand =
    (handBefore ?? 0) + (countedByHand(state, exerciseById(record.exerciseId)) ? count - record.count : 0);
  const sides = exerciseById(record.exerciseId).alternatesSides
    ? sidesCorrected(record.sides, count - record.count)
    : record.sides;
  // How a rep set ended follows from its count (see endedByHand): put right, it ends as that count would.
  const endedBy: SetEnd = count >= record.target ? 'target' : count > 0 ? 'stopped' : 'skipped';
  const corrected: SetRecord = {
    ...rest,
    count,
    sides,
    endedBy,
    ...(corrections ? { corrections } : {}),
    ...(byHand ? { countedByHand: byHand } : {}),
  };
  return { ...state, completed: [...state.completed.slice(0, -1), corrected] };
}

/**
 * The reps per side after the count of an exercise done one side at a time is put right by hand,
 * so that they still add up to it. Sides alternate from the right, as the coach asks: a rep added
 * goes to the side with fewer (the right on a tie), a rep taken away from the side with more (the
 * left on a tie, the last done).
 */
export function sidesCorrected(sides: Readonly<Record<Side, number>>, delta: number): Record<Side, number> {
  let { left, right } = sides;
  for (let i = 0; i < delta; i++) {
    if (left < right) left++;
    else right++;
  }
  for (let i = 0; i > delta && left + right > 0; i--) {
    if (right > left) right--;
    else left--;
  }
  return { left, right };
}
