// The taps that end a set or a hold, or start a hold: Skip set, Finish, Start hold and End hold, and
// whether the set they end ever ran.

import { noHold } from './hold-timing.ts';
import { endPause } from './pauses.ts';
import { type CurrentSet, currentPlanned, type SessionState, type SetEnd } from './session-state.ts';
import { reachedTarget } from './set-outcomes.ts';
import { withoutLeaving } from './set-position.ts';
import { beginNextSet, endSet, pastRest, type SetEndedHow } from './sets-and-rests.ts';

/**
 * The session, and its set under way, as a tap that ends that set (Skip set, Finish) finds them. A hold
 * timed from "Go" whose stillness ended moments after it, the person not seen still again (see
 * settlingInMs), held nothing the detectors saw for FALSE_START_HOLD_MS, the least any hold lasts: the
 * set ends with no hold, as it would had the window run out before the tap.
 */
function endingAtTap(
  state: SessionState,
  set: CurrentSet,
): { readonly state: SessionState; readonly set: CurrentSet } {
  if (set.settlingInMs === undefined) return { state, set };
  const unheld = noHold(set);
  return { state: { ...state, set: unheld }, set: unheld };
}

/**
 * Whether the set has not begun: the person is getting into position, or left it before anything was
 * counted and is waiting again unless back within SETTLE_BACK_MS. Skip set and Finish take such a set
 * as they will once it waits, so that a set the person never did reads the same whichever second it
 * was skipped in.
 */
function notBegun(set: CurrentSet): boolean {
  return set.waiting === true || set.leftMs != null;
}

/**
 * Skipped this soon after its "Go" with nothing counted or held, a set never ran: no rep, breath or
 * hold of the program is done sooner at the pace it asks (a superman's lift, hold and lowering took
 * 4 to 5 s a rep, a bat hang's breath longer), so it has no reps the detectors missed to give it, and
 * the heart rate of its seconds is the rest's. A person who tapped Start now and then Skip set took 2
 * to 3 s.
 */
const NOTHING_DONE_YET_MS = 5_000;

/**
 * Whether Skip set or Finish at `nowMs` ends a set that never ran, which Skip set keeps as never begun
 * and Finish not at all: one not begun (see notBegun), or one in which nothing was counted or held
 * before its "Go" was heard by `nowMs` (a person seen in position waits for it, the screen showing
 * where to be: see showsSetUnderWay), or, where nothing saw where the person was, within
 * NOTHING_DONE_YET_MS of it. A person seen in position as "Go" was heard, or who said they were with
 * Start the set, was in the set. A set skipped 2 s after "Go" with nothing seeing the person was
 * offered "counted wrong? −1 +1" on the summary, and the 2 s of resting heart rate as its own.
 * Skipped while paused, `nowMs` is when the pause began: a "Go" the voice was free to say only once
 * the pause's line had cut the set's short was not heard before it.
 */
export function neverRan(set: CurrentSet, nowMs: number): boolean {
  if (notBegun(set)) return true;
  if (set.begunByHand === true || set.count > 0 || set.holdStartMs !== null) return false;
  if (set.goHeardMs === undefined || set.goHeardMs > nowMs) return true;
  return set.startSeen === undefined && nowMs - set.goHeardMs < NOTHING_DONE_YET_MS;
}

/**
 * How a set the person ends by hand (Skip set, Finish) is recorded: stopped short with what it
 * counted, or skipped when it had counted nothing yet.
 */
function endedByHand(set: CurrentSet): SetEnd {
  return set.count > 0 || set.holdStartMs !== null ? 'stopped' : 'skipped';
}

/** Skip set: ends the set now, keeping what was counted, or cuts the rest short. */
export function skipSet(state: SessionState, nowMs: number): SessionState {
  if (state.phase === 'set' && state.set) {
    const tapped = endingAtTap(state, state.set);
    // Skipped while paused: the pause is no time spent in the set.
    const never = neverRan(tapped.set, state.pausedAtMs ?? nowMs);
    const endedBy = endedByHand(tapped.set);
    const how: SetEndedHow = never
      ? { neverBegun: true }
      : endedBy === 'stopped'
        ? { skippedUnderWay: true }
        : {};
    const ended = endSet({ ...tapped.state, nowMs }, nowMs, endedBy, how);
    // Skipped before the person got into position or set to work: nothing was done to rest from.
    return never && ended.phase === 'rest' ? beginNextSet(ended) : ended;
  }
  if (state.phase === 'rest') return beginNextSet({ ...state, nowMs });
  return state;
}

/**
 * Start hold: no connected device sees the person hold still (a heart-rate-only strap), or the one
 * that does has not seen it yet.
 */
export function startHold(state: SessionState, nowMs: number): SessionState {
  const set = state.set;
  const planned = currentPlanned(state);
  if (state.phase !== 'set' || !set || set.waiting || state.pausedAtMs !== null) return state;
  if (planned?.exercise.kind !== 'hold' || set.holdStartMs !== null) return state;
  const heldFromMs = Math.max(state.nowMs, nowMs);
  // Stillness seen before the tap is kept: a plank's lift that ends it is the person getting into
  // the hold they tapped, not its end (see heldSinceMs).
  return {
    ...state,
    nowMs: heldFromMs,
    set: {
      ...withoutLeaving(set),
      holdStartMs: heldFromMs,
      lastProgressMs: heldFromMs,
      holdBegunByTap: true,
    },
  };
}

/** End hold: the set ends with the hold as held up to the tap. */
export function endHoldByHand(state: SessionState, nowMs: number): SessionState {
  const set = state.set;
  if (state.phase !== 'set' || !set || set.holdStartMs === null) return state;
  // Tapped while the person settles after "Go" (see settlingInMs): the detectors saw the stillness
  // end, no end they missed to teach the hold detector, and no hold of FALSE_START_HOLD_MS. The set
  // ends with none, as Skip set ends it then.
  if (set.settlingInMs !== undefined) {
    const tapped = endingAtTap(state, set).state;
    return endSet({ ...tapped, nowMs }, nowMs, 'skipped');
  }
  return endSet({ ...state, nowMs }, nowMs, 'stopped', { endedByHand: true });
}

/**
 * Finish: the set under way ends where the person stopped it, with what it counted (not a hold ended
 * by hand: the detectors missed nothing); one that had counted nothing yet was skipped. A set that
 * never ran (still getting into position, or ended moments after "Go" with nothing done: see
 * neverRan) is no set at all.
 */
export function finishSession(state: SessionState, nowMs: number): SessionState {
  // Finished while paused (Finish's question pauses, too): the pause is no workout time, and a
  // hold under way ends where the pause began, held whole up to there.
  const tapped = state.set ? endingAtTap(state, state.set) : null;
  const running = endPause(pastRest(tapped?.state ?? state), nowMs, false);
  const ran =
    tapped !== null &&
    (tapped.set.ranBeforeInterruption === true || !neverRan(tapped.set, state.pausedAtMs ?? nowMs));
  const set = running.phase === 'set' && running.set && ran ? running.set : null;
  const endedBy = set ? endedByHand(set) : 'skipped';
  const how: SetEndedHow = endedBy === 'stopped' ? { finishedUnderWay: true } : {};
  const ended = set ? endSet(running, nowMs, endedBy, how) : running;
  const cut = set ? ended.completed.at(-1) : undefined;
  return {
    ...ended,
    ...(cut && !reachedTarget(cut) ? { finishedShort: true } : {}),
    phase: 'summary',
    set: null,
    restEndsMs: null,
    nowMs,
    endedMs: nowMs,
  };
}
