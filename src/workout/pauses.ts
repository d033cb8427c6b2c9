// Pauses, the person's and the app's for a device, and what each keeps: the time the timer stood
// still, and whether it broke the hold under way.

import { countReached } from './count-corrections.ts';
import { waitsForPosition } from './counted-by.ts';
import { currentPlanned, type Pause, type SessionAction, type SessionState } from './session-state.ts';
import { beginSet, endSet } from './sets-and-rests.ts';

/**
 * Pauses the set or rest: by the person, to ask Finish's question, or by the app for a device (see
 * PauseReason). Already paused, a pause the app made takes the latest news of its device.
 */
export function pauseSession(
  state: SessionState,
  action: Extract<SessionAction, { readonly type: 'pause' }>,
): SessionState {
  if (state.phase !== 'set' && state.phase !== 'rest') return state;
  if (state.pausedAtMs !== null) {
    // A pause the app made says what became of the device since; the person's own stays theirs.
    const changed = state.pausedFor !== undefined && action.reason && action.reason !== state.pausedFor;
    if (!changed) return state;
    const { pausedForDevice: _before, ...unnamed } = state;
    return {
      ...unnamed,
      pausedFor: action.reason,
      pausedForSinceMs: action.nowMs,
      ...(action.device ? { pausedForDevice: action.device } : {}),
    };
  }
  return {
    ...state,
    nowMs: Math.max(state.nowMs, action.nowMs),
    pausedAtMs: action.nowMs,
    ...(action.reason ? { pausedFor: action.reason, pausedForSinceMs: action.nowMs } : {}),
    ...(action.reason && action.device ? { pausedForDevice: action.device } : {}),
    ...(action.reason === 'lost' ? { pausedSaidAtOnce: true } : {}),
    ...(action.toAsk ? { pausedToAsk: true } : {}),
  };
}

/**
 * Picks up where the pause began; a set waiting for the person begins if they got into position, or
 * if the device that would see it is out of reach (Resume is the person going on without it): the one
 * that counts it, or the one that sees where the person is.
 */
export function resume(state: SessionState, nowMs: number): SessionState {
  if (state.pausedAtMs === null) return state;
  const resumed = endPause(state, nowMs);
  const planned = currentPlanned(resumed);
  const set = resumed.set;
  // Counted to its target with +1 while paused (see adjustCount): done, as the session goes on.
  if (resumed.phase === 'set' && set && planned && !set.waiting && countReached(set.count, planned)) {
    return endSet(resumed, resumed.nowMs, 'target');
  }
  const unseen = !waitsForPosition(resumed, planned?.exercise);
  return set?.waiting && (set.inPosition || unseen) ? beginSet(resumed, nowMs) : resumed;
}

/**
 * Whether the session is paused for a device's connection, and has been since the pause began: the
 * device dropped out and the app is reaching for it again, neither given up for lost nor tried again
 * at the person's word since.
 */
export function droppedSincePaused(
  state: Pick<SessionState, 'pausedAtMs' | 'pausedFor' | 'pausedForSinceMs'>,
): boolean {
  return (
    state.pausedAtMs !== null &&
    state.pausedFor === 'connection' &&
    state.pausedForSinceMs === state.pausedAtMs
  );
}

/**
 * A device's drop back sooner than this was never said: the voice waits as long before "Paused:
 * connection lost" (the cues' CONNECTION_LOST_SAID_AFTER_MS is this), so a strap back within a second
 * was a moment the person on the mat knew nothing of: it breaks no hold, and the record says nothing
 * of it.
 */
export const UNSAID_DROP_MS = 2000;

/** A device's drop back before the voice said it (see UNSAID_DROP_MS); kept before seenMs was, by its length. */
export function unsaidDrop(pause: Pause): boolean {
  return pause.deviceDropped === true && (pause.seenMs ?? pause.ms) < UNSAID_DROP_MS;
}

/**
 * Whether a pause breaks the hold it fell in: one the person made, or one they were told of, stops
 * them holding (a hold paused for 6 min at 13 s and run on to 45 s was not 45 s held); a strap's
 * drop they never heard of does not, nor Finish's question answered with "keep going" (see endPause).
 */
function breaksHold(pause: Pause): boolean {
  return pause.ms > 0 && !unsaidDrop(pause);
}

/**
 * Ends the pause at `nowMs`: its time is kept apart as time the session's timer stood still, and
 * every running timer moves on by its length. A hold under way goes on in parts (see breaksHold),
 * unless `holdGoesOn` is false: it ends where the pause began.
 */
export function endPause(state: SessionState, nowMs: number, holdGoesOn = true): SessionState {
  if (state.pausedAtMs === null) return state;
  const pausedMs = Math.max(0, nowMs - state.pausedAtMs);
  const {
    pausedFor: _reason,
    pausedForSinceMs: _since,
    pausedForDevice: _device,
    pausedToAsk: _asked,
    pausedSaidAtOnce: _saidAtOnce,
    ...unpaused
  } = state;
  const pause: Pause = {
    atMs: state.pausedAtMs,
    ms: pausedMs,
    ...(droppedSincePaused(state)
      ? { deviceDropped: true, seenMs: Math.min(pausedMs, Math.max(0, state.nowMs - state.pausedAtMs)) }
      : state.pausedFor === 'connection' || state.pausedFor === 'lost'
        ? {
            deviceLost: true,
            ...(state.pausedSaidAtOnce ||
            (state.pausedFor === 'lost' && state.pausedForSinceMs === state.pausedAtMs)
              ? { saidAtOnce: true }
              : {}),
          }
        : {}),
  };
  const set = state.set;
  // Finish's question answered with "keep going" is no stop the person asked for: they held on.
  const holdBroken =
    holdGoesOn && !state.pausedToAsk && set?.holdStartMs != null && !set.waiting && breaksHold(pause);
  const resumed: SessionState = {
    ...unpaused,
    nowMs: Math.max(state.nowMs, nowMs),
    pausedAtMs: null,
    ...(pausedMs > 0 ? { pauses: [...(state.pauses ?? []), pause] } : {}),
    restEndsMs: state.restEndsMs === null ? null : state.restEndsMs + pausedMs,
    set: set && {
      ...set,
      lastProgressMs: set.lastProgressMs + pausedMs,
      holdStartMs: set.holdStartMs === null ? null : set.holdStartMs + pausedMs,
      ...(set.settlingInMs !== undefined ? { settlingInMs: set.settlingInMs + pausedMs } : {}),
      ...(set.heldSinceMs != null && !set.waiting ? { heldSinceMs: set.heldSinceMs + pausedMs } : {}),
      ...(set.leftMs != null ? { leftMs: set.leftMs + pausedMs } : {}),
      // The pause at the top is timed as the hold is: what was held before the pause counts.
      ...(set.atTopSinceMs != null ? { atTopSinceMs: set.atTopSinceMs + pausedMs } : {}),
      ...(set.leftTopMs !== undefined ? { leftTopMs: set.leftTopMs + pausedMs } : {}),
      ...(holdBroken ? { pausedInHold: true } : {}),
      // "Go" heard while paused (the pause's line cut the set's short) is heard as the set goes on.
      ...(set.goHeardMs !== undefined ? { goHeardMs: Math.min(set.goHeardMs + pausedMs, nowMs) } : {}),
      ...(set.formWarning
        ? { formWarning: { ...set.formWarning, atMs: set.formWarning.atMs + pausedMs } }
        : {}),
    },
  };
  return resumed;
}

/** What timerMs reads of a session state, or of one saved. */
export interface SessionTimes {
  readonly startedMs: number | null;
  readonly endedMs: number | null;
  readonly nowMs: number;
  readonly pausedAtMs?: number | null;
  readonly pauses?: readonly Pause[];
}

/**
 * How long the session's timer ran: from its start to its end (or now), less the time it stood
 * paused (Finish's question included). The summary, History and the exports all give this length.
 */
export function timerMs(times: SessionTimes): number {
  const endMs = times.endedMs ?? times.nowMs;
  const pausedMs =
    (times.pauses ?? []).reduce((sum, pause) => sum + pause.ms, 0) +
    (times.pausedAtMs != null ? Math.max(0, endMs - times.pausedAtMs) : 0);
  return Math.max(0, endMs - (times.startedMs ?? endMs) - pausedMs);
}
