// A session the app went away from (a reload, a move to another tab): what must be saved at once,
// and how the session goes on when a new page picks it up.

import { waitsForPosition } from './counted-by.ts';
import { noHold } from './hold-timing.ts';
import { endPause } from './pauses.ts';
import { type CurrentSet, currentPlanned, type PauseReason, type SessionState } from './session-state.ts';
import { waitingAgain } from './set-position.ts';
import { neverRan } from './set-taps.ts';

/**
 * Whether these states differ by more than the clock and the counts the detectors add as they go: a
 * count put right by hand, a pause begun or ended, a set begun or ended, a hold started, a set or a
 * rest skipped, mostly the person's taps. What a reload a moment later must not lose: written at once
 * with all that came in since the last write (the reps counted as they come: see countedSince).
 */
export function savedAtOnce(before: SessionState, after: SessionState): boolean {
  return (
    before.phase !== after.phase ||
    before.exerciseIndex !== after.exerciseIndex ||
    before.completed !== after.completed ||
    before.pausedAtMs !== after.pausedAtMs ||
    before.set?.setNumber !== after.set?.setNumber ||
    before.set?.waiting !== after.set?.waiting ||
    before.set?.corrections !== after.set?.corrections ||
    before.set?.holdStartMs !== after.set?.holdStartMs
  );
}

/**
 * Whether the set under way counted a rep or a breath since `before` (or one was put right): the
 * session's state is written then too, as a reload in the second before the next write lost the reps
 * in it. Written alone, it costs a small write a rep; the motion it came from waits for that write.
 */
export function countedSince(before: SessionState, after: SessionState): boolean {
  return before.set !== null && after.set !== null && before.set.count !== after.set.count;
}

/**
 * Whether a session picked up after the app went away comes back paused: when the person paused it,
 * or the app did for a device (which may not be back). A pause made only to ask Finish's question
 * does not: the question went with the page. The offer to resume says which it will be.
 */
export function staysPausedAfterInterruption(state: {
  readonly pausedAtMs?: number | null;
  readonly pausedToAsk?: true;
}): boolean {
  return state.pausedAtMs != null && state.pausedToAsk !== true;
}

/**
 * A session picked up after the app went away (a reload, or a move from another tab). A hold under
 * way cannot go on from where it was: the new page's detectors did not see it begin, and the person
 * may have let go meanwhile. It starts over, timed from the next hold they settle into, once they
 * are in position again where a device sees it. Reps counted so far stay counted. Paused only to ask
 * Finish's question, it goes on (see staysPausedAfterInterruption); the time the question was shown
 * is kept as a pause.
 *
 * The new page says a set under way again, to its "Go" ("… three done. Lie on your back, … Go"): the
 * person has stopped only if no rep comes for its wait (stoppedAfterMs) from when they heard it, not
 * from their last rep before the app went. Between the two lay the move (the other tab ran on while
 * the person opened this one) and the set's lines, which take up to 15 s: time without reps that was
 * not the person stopping. A rest under way goes on with what is left of it, said again from the
 * moment it is picked up (restPickedUpMs).
 */
export function afterInterruption(interrupted: SessionState): SessionState {
  const goesOn =
    interrupted.pausedAtMs !== null && !staysPausedAfterInterruption(interrupted)
      ? endPause(interrupted, interrupted.nowMs)
      : interrupted;
  // A rest that stays paused is said again by its resume instead, from when that comes.
  const state =
    goesOn.phase === 'rest' && goesOn.pausedAtMs === null
      ? { ...goesOn, restPickedUpMs: goesOn.nowMs }
      : goesOn;
  const ran =
    interrupted.set !== null && !neverRan(interrupted.set, interrupted.pausedAtMs ?? interrupted.nowMs);
  const said =
    state.phase === 'set' && state.set && !state.set.waiting ? saidAgain(state.set, state.nowMs, ran) : null;
  const set = said ?? state.set;
  if (state.phase !== 'set' || !set || (set.holdStartMs === null && set.heldSinceMs == null)) {
    return said ? { ...state, set: said } : state;
  }
  const restarted = noHold(set);
  const waits = waitsForPosition(state, currentPlanned(state)?.exercise);
  return { ...state, set: waits ? waitingAgain(restarted) : restarted };
}

/**
 * A set under way as a new page picks it up at `nowMs`: its "Go" is to be heard again (see
 * `go-heard`), and until then the wait for the next rep counts from the moment it goes on. Whether it
 * had run on the old page (`ran`) is kept for Finish (see ranBeforeInterruption).
 */
function saidAgain(set: CurrentSet, nowMs: number, ran: boolean): CurrentSet {
  const { goHeardMs: _heardOnTheOldPage, ...unheard } = set;
  return {
    ...unheard,
    goSaidMs: nowMs,
    lastProgressMs: Math.max(set.lastProgressMs, nowMs),
    ...(ran ? { ranBeforeInterruption: true as const } : {}),
  };
}

/**
 * A pause the app made for a device, picked up on a new page: the device is as that page finds it,
 * reconnected as it loaded or not, whatever it was when the old page went. Still away (`reasonNow`),
 * the pause says what became of it and lifts when the device is back, as on the page it began on;
 * back already, the session waits for the person, as after their own pause, who taps Resume. The
 * pause up to then is kept as the device's: the set stood still for want of it, which the summary
 * says; only the wait for Resume is the person's.
 */
export function pausedAsDevicesAre(
  state: SessionState,
  reasonNow: PauseReason | null,
  nowMs: number,
): SessionState {
  if (state.pausedAtMs === null || state.pausedFor === undefined) return state;
  if (reasonNow === null) {
    // Found again by a new page, not within the old one's reconnecting: as a device given up on.
    const atMs = Math.max(state.pausedAtMs, nowMs);
    // Lost only now: the old page said the drop as it says any, not at once.
    const { pausedForSinceMs: _since, ...droppedAt } = state;
    const lost = state.pausedFor === 'lost' ? state : { ...droppedAt, pausedFor: 'lost' as const };
    return { ...endPause(lost, atMs), pausedAtMs: atMs };
  }
  const { pausedFor: _before, pausedForSinceMs: _since, ...paused } = state;
  return { ...paused, pausedFor: reasonNow, pausedForSinceMs: nowMs };
}
