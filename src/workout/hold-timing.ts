// When a hold begins and ends: timed from "Go", a false start forgotten, stillness before a lift
// into a plank that was only the wait for "Go".

import type { Exercise } from './program.ts';
import type { CurrentSet, SessionState, SetEnd } from './session-state.ts';
import { endSet } from './sets-and-rests.ts';

/** A hold that ends sooner than this was the person still settling into position: keep waiting. */
export const FALSE_START_HOLD_MS = 5_000;

/**
 * A hold timed from "Go" whose stillness ended within FALSE_START_HOLD_MS of it (see settlingInMs)
 * goes on if the detectors see the person still again within this long of that end: drawing in (a
 * full breath out, then in with the navel drawn in, some 4 to 6 s) and the 3 s the detectors watch
 * stillness before they report it fit in it. Not still by then, the person moved off: the hold is
 * forgotten, as any false start, before its first time call (15 s in) could be said.
 */
export const STILL_AGAIN_WITHIN_MS = 10_000;

/**
 * Lifting into a plank on "Go" takes a second or two: stillness that ends within this long of it was
 * the person on the floor, waiting to hear it (the set's instructions take up to 15 s to say), and
 * stillness that goes on past it was the person up in the plank already.
 */
export const LIFT_AFTER_GO_MS = 4_000;

/** Marks when a hold that began between these states became known (see holdConfirmedMs). */
export function withHoldConfirmed(before: SessionState, after: SessionState): SessionState {
  const set = after.set;
  if (!set || set.holdStartMs === null || (before.set?.holdStartMs ?? null) !== null) return after;
  return { ...after, set: { ...set, holdConfirmedMs: after.nowMs } };
}

/**
 * The hold of `set` ended at `endMs`: the set is over, unless it was too short to be the hold, or,
 * for a hold lifted into (a plank), it was the person still on the floor, waiting for "Go".
 */
export function endHold(
  state: SessionState,
  exercise: Exercise,
  set: CurrentSet,
  endMs: number,
  endedBy: SetEnd,
): SessionState {
  const heldMs = set.holdStartMs === null ? 0 : endMs - set.holdStartMs;
  if (heldMs < FALSE_START_HOLD_MS && timedFromGo(exercise, set))
    return { ...state, set: { ...set, settlingInMs: endMs } };
  if (heldMs < FALSE_START_HOLD_MS || waitedForGo(exercise, set, endMs))
    return { ...state, set: noHold(set) };
  return endSet({ ...state, set }, endMs, endedBy);
}

/** The set with its hold forgotten: a false start, or stillness that was not the hold. */
export function noHold(set: CurrentSet): CurrentSet {
  const {
    pausedInHold: _notTheHold,
    settlingInMs: _settling,
    settledMs: _settled,
    holdBegunByTap: _tapped,
    ...rest
  } = set;
  return { ...rest, holdStartMs: null, heldSinceMs: null };
}

/**
 * Whether the hold under way is one held still into that the person was still in as "Go" was heard,
 * timed from it (see heldFromGo): what moves them in its first seconds is the person getting into
 * the hold they were told to begin (drawing the navel in), not its end.
 */
function timedFromGo(exercise: Exercise, set: CurrentSet): boolean {
  return (
    exercise.kind === 'hold' &&
    !exercise.liftsIntoHold &&
    set.goHeardMs !== undefined &&
    set.holdStartMs === set.goHeardMs
  );
}

/**
 * The set at the session's clock: a hold whose person moved on "Go" (see settlingInMs) and was not
 * seen still again within STILL_AGAIN_WITHIN_MS was a false start, and is forgotten.
 */
export function settledOrNot(state: SessionState): SessionState {
  const set = state.set;
  if (set?.settlingInMs === undefined || state.nowMs - set.settlingInMs < STILL_AGAIN_WITHIN_MS) return state;
  return { ...state, set: noHold(set) };
}

/**
 * A hold held still into (drawing-in) is timed from "Go" at the earliest: stillness seen before it is
 * the person in position waiting to be told, not yet holding. Stillness that goes on through "Go" is
 * the hold from "Go"; until "Go" is heard it waits, and a hold-end before then holds nothing.
 */
export function heldFromGo(exercise: Exercise, set: CurrentSet): CurrentSet {
  if (exercise.kind !== 'hold' || exercise.liftsIntoHold || set.holdStartMs !== null) return set;
  const stillSinceMs = set.heldSinceMs ?? null;
  if (stillSinceMs === null || set.goHeardMs === undefined || set.waiting || set.leftMs != null) return set;
  const startMs = Math.max(stillSinceMs, set.goHeardMs);
  return { ...set, holdStartMs: startMs, heldSinceMs: null, lastProgressMs: startMs };
}

/** Whether the hold under way was begun with Start hold (see holdBegunByTap). */
export function begunWithStartHold(set: Pick<CurrentSet, 'holdBegunByTap'>): boolean {
  return set.holdBegunByTap === true;
}

/** Whether the person had heard the set's "Go" by `tMs`. */
export function heardGoBefore(set: CurrentSet, tMs: number): boolean {
  return set.goHeardMs !== undefined && set.goHeardMs < tMs;
}

/**
 * Whether a hold that ends at `endMs` was the person lying still before lifting into the exercise's
 * hold on "Go": it began before "Go" was heard and ends as the person reacts to it. Such stillness
 * waits to become the hold until LIFT_AFTER_GO_MS has passed (see onTick); this catches the lift
 * the detectors date back across that moment.
 */
function waitedForGo(exercise: Exercise, set: CurrentSet, endMs: number): boolean {
  if (!exercise.liftsIntoHold || set.holdStartMs === null) return false;
  const goMs = set.goHeardMs ?? set.startedMs;
  return set.holdStartMs <= goMs && endMs - goMs < LIFT_AFTER_GO_MS;
}

/**
 * Stillness from before "Go" that no lift ended within LIFT_AFTER_GO_MS of it: the person was up in
 * the hold already, and it is the hold, from the stillness (or the set's start) on.
 */
export function liftedBeforeGo(set: CurrentSet, nowMs: number): CurrentSet | null {
  const stillSinceMs = set.heldSinceMs ?? null;
  if (set.holdStartMs !== null || stillSinceMs === null || set.goHeardMs === undefined) return null;
  if (nowMs - set.goHeardMs < LIFT_AFTER_GO_MS) return null;
  return { ...set, holdStartMs: stillSinceMs, heldSinceMs: null, lastProgressMs: stillSinceMs };
}
