// The person getting into the set's position: in it begins the set, another position is said, out
// of it again ends the set or sends it back to waiting, and "Go" heard starts the work.

import type { PositionEvent } from '../motion/position.ts';
import { heldFromGo, noHold } from './hold-timing.ts';
import type { Exercise } from './program.ts';
import { type CurrentSet, currentPlanned, type SessionState } from './session-state.ts';
import { beginSet, endSet, workBegun } from './sets-and-rests.ts';

/**
 * Back in position within this long of being seen leaving it, before anything was counted, was the
 * person settling onto the mat (rolled onto a side to place the arms, and back): the set goes on as
 * begun, and the voice says neither where to lie nor "Go" a second time. The position judge takes a
 * second to see a person leave and a second to see them back and still (IN_POSITION_MS,
 * LEFT_FOR_MS), so a shift of up to 3 s passes unsaid, while a person who got up hears where to lie
 * about 4 s after getting up.
 */
export const SETTLE_BACK_MS = 3_000;

/** A wrong position is said again after this long, while the person stays in it. */
export const WRONG_POSITION_REPEAT_MS = 20_000;

/**
 * How often a set says the wrong position: after that the person has heard it and the way on, and a
 * voice going on every 20 s for as long as the app is open helps no one.
 */
export const WRONG_POSITION_TIMES = 3;

/**
 * The person's position, while the set is due: in it and still begins the set; still in another
 * is said (at most every WRONG_POSITION_REPEAT_MS); gone from it ends a set that has counted
 * something, or sends one that has not back to waiting unless the person is back within
 * SETTLE_BACK_MS.
 */
export function onPosition(state: SessionState, event: PositionEvent): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned) return state;
  const nowMs = Math.max(state.nowMs, event.emittedMs);
  if (set.waiting) {
    const { startSeen: _seenBefore, ...unseen } = set;
    const seen: CurrentSet = {
      ...unseen,
      inPosition: event.status === 'in',
      wrongPosture: event.status === 'wrong' ? event.posture : null,
      // In position with no posture told: a device that sees only stillness (a watch).
      ...(event.status === 'in' ? { startSeen: event.posture === null ? 'stillness' : 'position' } : {}),
    };
    if (state.pausedAtMs !== null) return { ...state, set: seen };
    if (event.status === 'in')
      return beginSet({ ...state, nowMs, set: seen }, Math.max(set.startedMs, event.tMs));
    return warnIfDue({ ...state, nowMs, set: seen }, seen);
  }
  if (set.leftMs != null) {
    // Seen back or in another position even while paused: the judge says so once. Back, the set goes
    // on as begun; elsewhere, it waits again, the position kept to be said on resume, as a waiting
    // set's is.
    if (event.status === 'in') return { ...state, set: backInPosition(planned.exercise, set, nowMs) };
    if (event.status === 'wrong') return onPosition({ ...state, set: waitingAgain(set) }, event);
    return state;
  }
  if (event.status !== 'away' || state.pausedAtMs !== null) return state;
  const isHold = planned.exercise.kind === 'hold';
  // Moved on "Go" and then out of position: no drawing in, but a false start, forgotten as one.
  if (set.settlingInMs !== undefined) return onPosition({ ...state, set: noHold(set) }, event);
  // A hold ends by itself when the pose is left (the hold detector dates it better).
  if (isHold && set.holdStartMs !== null) return state;
  if (!isHold && set.count > 0) {
    return endSet({ ...state, nowMs }, Math.max(set.lastProgressMs, event.tMs), 'stopped', { gotUp: true });
  }
  if (set.begunByHand) return state;
  // Waits again once the person has stayed out of position for SETTLE_BACK_MS (see onTick).
  return { ...state, nowMs, set: { ...set, leftMs: nowMs } };
}

/**
 * The set waits for the person again: out of position for SETTLE_BACK_MS before anything was counted,
 * or a hold picked up after a reload. When they left is the old wait's, and is forgotten.
 */
export function waitingAgain(set: CurrentSet): CurrentSet {
  const { startSeen: _seenBefore, ...waiting } = withoutLeaving(set);
  return { ...waiting, waiting: true, inPosition: false, wrongPosture: null, heldSinceMs: null };
}

/**
 * Back in position within SETTLE_BACK_MS, seen at `backMs`: the set goes on from its start. Stillness
 * seen since is the hold, from "Go" at the earliest, as at the set's start. A plank is lifted into
 * once the person is settled: a "Go" heard before they left is taken as heard now, so that lying on
 * the elbows back in position waits for the lift as it does after "Go" (see liftedBeforeGo).
 */
function backInPosition(exercise: Exercise, set: CurrentSet, backMs: number): CurrentSet {
  const rest = withoutLeaving(set);
  if (exercise.liftsIntoHold) {
    return set.goHeardMs === undefined ? rest : { ...rest, goHeardMs: Math.max(set.goHeardMs, backMs) };
  }
  if (exercise.kind === 'hold') return heldFromGo(exercise, rest);
  const held = set.heldSinceMs ?? null;
  if (held === null) return rest;
  return { ...rest, holdStartMs: held, heldSinceMs: null, lastProgressMs: held };
}

/**
 * The set with the moment the person left position forgotten: it waits for them again, they are back,
 * or it stays begun because they counted or started the hold by hand (reaching over to the phone
 * takes them out of position) or no device sees posture any more.
 */
export function withoutLeaving(set: CurrentSet): CurrentSet {
  const { leftMs: _left, ...rest } = set;
  return rest;
}

/**
 * Says the wrong position (through the cues) unless it was said within WRONG_POSITION_REPEAT_MS, or
 * has been said WRONG_POSITION_TIMES already: the screen goes on showing it.
 */
export function warnIfDue(state: SessionState, set: CurrentSet): SessionState {
  const times = set.warnedTimes ?? 0;
  const due =
    set.wrongPosture &&
    times < WRONG_POSITION_TIMES &&
    (set.warnedMs == null || state.nowMs - set.warnedMs >= WRONG_POSITION_REPEAT_MS);
  const warned = due ? { ...set, warnedMs: state.nowMs, warnedTimes: times + 1 } : set;
  return state.set === warned ? state : { ...state, set: warned };
}

/** The voice has said the set's start: the person has heard "Go" (at once without a voice). */
export function goHeard(state: SessionState, nowMs: number): SessionState {
  const set = state.set;
  if (state.phase !== 'set' || !set || set.waiting || set.goHeardMs !== undefined) return state;
  const goHeardMs = Math.max(set.startedMs, nowMs);
  // Reps counted before "Go" (a set picked up on a new page, said again) wait for the next from it.
  const heard = {
    ...workBegun(set, goHeardMs),
    goHeardMs,
    lastProgressMs: Math.max(set.lastProgressMs, goHeardMs),
  };
  const exercise = currentPlanned(state)?.exercise;
  return { ...state, set: exercise ? heldFromGo(exercise, heard) : heard };
}
