// How the session follows its devices: what they count as they change, going out of reach and back,
// a device of the person's own joining, and one taking a set over from another.

import type { Placement } from '../sensors/samples.ts';
import { motionAwayFor, motionStoppedFor, waitsForPosition } from './counted-by.ts';
import { heldSoFarMs } from './held-seconds.ts';
import type { ExerciseId } from './program.ts';
import {
  type CurrentSet,
  currentPlanned,
  type DeviceTakeOver,
  type SessionAction,
  type SessionState,
} from './session-state.ts';
import { beginSet } from './sets-and-rests.ts';

/**
 * `session` with what the devices of `sensed` see, count and where they are worn, and which are out
 * of reach, in place of its own: they are the devices connected now, kept over a new session and over
 * one put back after a reload (which saves none of them).
 */
export function withDevicesOf(sensed: SessionState, session: SessionState): SessionState {
  const {
    startsByPosition: _position,
    countedByDevice: _counted,
    motionPlacements: _placements,
    motionAwaySinceMs: _awaySince,
    motionStopped: _stopped,
    positionAway: _positionAway,
    heartRateAwaySinceMs: _heartRateAway,
    deviceJoined: _joined,
    deviceTookOver: _tookOver,
    ...rest
  } = session;
  return {
    ...rest,
    ...(sensed.startsByPosition ? { startsByPosition: true } : {}),
    ...(sensed.countedByDevice ? { countedByDevice: sensed.countedByDevice } : {}),
    ...(sensed.motionPlacements ? { motionPlacements: sensed.motionPlacements } : {}),
    ...(sensed.motionAwaySinceMs !== undefined ? { motionAwaySinceMs: sensed.motionAwaySinceMs } : {}),
    ...(sensed.motionStopped !== undefined ? { motionStopped: sensed.motionStopped } : {}),
    ...(sensed.positionAway ? { positionAway: true } : {}),
    ...(sensed.heartRateAwaySinceMs !== undefined
      ? { heartRateAwaySinceMs: sensed.heartRateAwaySinceMs }
      : {}),
  };
}

/** The state with what the devices connected now count, and where each is worn (see countedByDevice). */
export function countedNow(
  state: SessionState,
  exercises: readonly ExerciseId[],
  placements: Partial<Record<ExerciseId, Placement>> | undefined,
): SessionState {
  const { motionPlacements: _before, ...rest } = state;
  return { ...rest, countedByDevice: exercises, ...(placements ? { motionPlacements: placements } : {}) };
}

/**
 * A set waiting for a position that no device connected now sees (none sees posture, or the one that
 * would counts it by hand) begins now, at `nowMs`; a paused one at Resume (see resume), as the devices
 * changing in a pause (a watch taking over other exercises from a strap given up for lost) do not
 * begin a set the person has not gone on with.
 */
export function beginIfUnseen(sensed: SessionState, nowMs: number): SessionState {
  const waiting = sensed.phase === 'set' && sensed.set?.waiting === true && sensed.pausedAtMs === null;
  const unseen = waiting && !waitsForPosition(sensed, currentPlanned(sensed)?.exercise);
  return unseen ? beginSet(sensed, Math.max(sensed.nowMs, nowMs)) : sensed;
}

/**
 * The set gone on without the device that counts it (see CurrentSet.deviceAway), `stopped` where that
 * device is connected with its motion stopped now: the set keeps deviceStopped while every time it
 * went was so, and loses it once it goes out of reach.
 */
export function markedAway(set: CurrentSet, stopped: boolean): CurrentSet {
  const { deviceStopped: _before, ...rest } = set;
  const onlyStopped = stopped && (!set.deviceAway || set.deviceStopped === true);
  return { ...rest, deviceAway: true, ...(onlyStopped ? { deviceStopped: true } : {}) };
}

/**
 * The devices out of reach change. A set whose device is back had no rep seen while it was away: the
 * person has stopped only if none comes for its wait (stoppedAfterMs) from its return (from the
 * resume, if it came back during a pause).
 */
export function motionReach(
  state: SessionState,
  away: readonly ExerciseId[],
  positionAway: boolean,
  nowMs: number,
  stopped: readonly ExerciseId[] = [],
): SessionState {
  const {
    motionAwaySinceMs: sinceMs,
    positionAway: _positionBefore,
    motionStopped: _stopped,
    ...rest
  } = state;
  const atMs = Math.max(state.nowMs, nowMs);
  const awaySinceMs = Object.fromEntries(away.map((id) => [id, sinceMs?.[id] ?? atMs]));
  const stillStopped = stopped.filter((id) => away.includes(id));
  // The session's clock is put at the news, between two ticks: a "Go" said next, which tells to count
  // with +1 from it, is said after the going, not timed before it by the last tick, and the news
  // of the going told it again 2 s later.
  const heard = {
    ...rest,
    nowMs: atMs,
    ...(positionAway ? { positionAway: true as const } : {}),
    ...(stillStopped.length > 0 ? { motionStopped: stillStopped } : {}),
  };
  const reached: SessionState = away.length > 0 ? { ...heard, motionAwaySinceMs: awaySinceMs } : heard;
  const exercise = currentPlanned(state)?.exercise;
  const set = state.set;
  if (state.phase !== 'set' || !set || set.waiting || !exercise) return reached;
  if (motionAwayFor(reached, exercise))
    return { ...reached, set: markedAway(set, motionStoppedFor(reached, exercise)) };
  const back = motionAwayFor(state, exercise) && !motionAwayFor(reached, exercise);
  if (!back) return reached;
  const backMs = state.pausedAtMs ?? Math.max(state.nowMs, nowMs);
  // The detectors start again with the device: the top of a rep it went away in is never left.
  return {
    ...reached,
    set: { ...set, lastProgressMs: Math.max(set.lastProgressMs, backMs), atTopSinceMs: null },
  };
}

/** The heart rate alone goes out of reach, from now if it was there, or is back. */
export function heartRateReach(state: SessionState, away: boolean, nowMs: number): SessionState {
  const { heartRateAwaySinceMs: sinceMs, ...rest } = state;
  return away ? { ...rest, heartRateAwaySinceMs: sinceMs ?? Math.max(state.nowMs, nowMs) } : rest;
}

/** A device of the person's own, worn at `placement`, took the virtual strap's place (see SessionState.deviceJoined). */
export function deviceJoined(state: SessionState, placement: Placement, nowMs: number): SessionState {
  return state.phase === 'set' || state.phase === 'rest'
    ? {
        ...state,
        deviceJoined: { atMs: Math.max(state.nowMs, nowMs), placement },
      }
    : state;
}

/**
 * The set under way as another device takes it over (see SetTakenOver): marked where something was
 * already counted or held, as only then did two devices share it; a set taken over before it began is
 * counted wholly by the one that took it, as the sets after it are. The first take-over is kept: the
 * count goes on from the same device to the set's end (see motionDeviceFor).
 */
function setTakenOver(state: SessionState, takeOver: DeviceTakeOver): CurrentSet | null {
  const set = state.set;
  if (state.phase !== 'set' || !set || set.waiting || set.takenOver) return set;
  const heldMsBefore = heldSoFarMs(set, state.pausedAtMs ?? state.nowMs);
  if (set.count === 0 && !heldMsBefore) return set;
  const { from, placement, how } = takeOver;
  return { ...set, takenOver: { from, placement, how, countBefore: set.count, heldMsBefore } };
}

/** The device worn at `placement` took over from the one at `from` (see SessionState.deviceTookOver). */
export function deviceTookOver(
  state: SessionState,
  action: Extract<SessionAction, { readonly type: 'device-took-over' }>,
): SessionState {
  return state.phase === 'set' || state.phase === 'rest'
    ? {
        ...state,
        set: setTakenOver(state, action),
        deviceTookOver: {
          atMs: Math.max(state.nowMs, action.nowMs),
          from: action.from,
          placement: action.placement,
          how: action.how,
        },
      }
    : state;
}
