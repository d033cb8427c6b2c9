// The session as a pure reducer: the state of a workout and how each thing that happens (a command
// from the screen, a motion event, the clock moving on) changes it. No timers and no I/O here; the
// Model around it and the app feed it actions.
//
// Each kind of change is worked out in a module of its own, which the reducer below dispatches to:
// session-state.ts (the state and the actions), sets-and-rests.ts (a set due, begun and ended, the
// rest after it), set-position.ts (getting into position, and "Go"), set-progress.ts (what the
// detectors and the clock count), hold-timing.ts (when a hold begins and ends), count-corrections.ts
// (+1 / −1), set-taps.ts (Skip set, Finish, Start hold, End hold), pauses.ts, device-changes.ts and
// counted-by.ts (the devices, and what they leave to the person), next-set.ts, interruption.ts (a
// session picked up on a new page), and set-outcomes.ts, held-seconds.ts and set-shown.ts (how a
// set counts, how long a hold was, and what the set screen shows).

import { adjustCount, correctSetJustDone, setJustDoneToCorrect } from './count-corrections.ts';
import {
  beginIfUnseen,
  countedNow,
  deviceJoined,
  deviceTookOver,
  heartRateReach,
  motionReach,
  withDevicesOf,
} from './device-changes.ts';
import { withHoldConfirmed } from './hold-timing.ts';
import { pauseSession, resume } from './pauses.ts';
import {
  currentPlanned,
  initialSessionState,
  type SessionAction,
  type SessionState,
  type SetRecord,
} from './session-state.ts';
import { goHeard, onPosition } from './set-position.ts';
import { onMotion, onTick } from './set-progress.ts';
import { endHoldByHand, finishSession, skipSet, startHold } from './set-taps.ts';
import { beginNextSet, beginSet, startSession } from './sets-and-rests.ts';

// The state most of the app reads and the actions that change it, named beside the reducer.
export {
  type CurrentSet,
  currentPlanned,
  initialSessionState,
  type PlannedExercise,
  type SessionAction,
  type SessionState,
  type SetRecord,
} from './session-state.ts';

export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  const next = withHoldConfirmed(state, reduce(state, action));
  // A rest of 0 s is none: the next set comes at once, not a rest screen until the clock next ticks.
  const noRest = state.phase === 'set' && next.phase === 'rest' && currentPlanned(next)?.dosage.restS === 0;
  return noRest ? beginNextSet(next, { noRestBefore: true }) : next;
}

function reduce(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'reset':
      // A new session keeps knowing what the devices connected now can see.
      return withDevicesOf(state, initialSessionState(action.plan ?? state.plan));
    case 'start':
      return startSession(state, action.nowMs);
    case 'tick': {
      const ticked = { ...state, nowMs: Math.max(state.nowMs, action.nowMs) };
      return state.pausedAtMs === null ? onTick(ticked) : ticked;
    }
    case 'motion':
      return state.pausedAtMs === null
        ? onMotion(state, action.event, action.nowMs ?? action.event.emittedMs)
        : state;
    case 'position':
      return onPosition(state, action.event);
    case 'begin':
      // A set begun in position whose "Go" the voice has yet to say (see showsSetUnderWay): the tap is
      // the person's own "Go".
      return state.set?.waiting
        ? beginSet({ ...state, nowMs: Math.max(state.nowMs, action.nowMs) }, action.nowMs, true)
        : reduceSession(state, { type: 'go-heard', nowMs: action.nowMs });
    case 'devices-sensing': {
      const counted = countedNow(state, action.exercises, action.placements);
      return beginIfUnseen({ ...counted, startsByPosition: action.seesPosition }, action.nowMs);
    }
    case 'motion-reach':
      return motionReach(
        state,
        action.away,
        action.positionAway === true,
        action.nowMs,
        action.stopped ?? [],
      );
    case 'device-joined':
      return deviceJoined(state, action.placement, action.nowMs);
    case 'device-took-over':
      return deviceTookOver(state, action);
    case 'heart-rate-reach':
      return heartRateReach(state, action.away, action.nowMs);
    case 'pause':
      return pauseSession(state, action);
    case 'resume':
      return resume(state, action.nowMs);
    case 'skip':
      return skipSet(state, action.nowMs);
    case 'recovered':
      if (state.phase !== 'rest' || state.pausedAtMs !== null) return state;
      return beginNextSet({ ...state, nowMs: Math.max(state.nowMs, action.nowMs) }, { afterRecovery: true });
    case 'adjust':
      // The last set has no rest after it: the summary is where it is put right.
      return state.phase === 'rest' || state.phase === 'summary'
        ? correctSetJustDone(state, action.delta)
        : adjustCount(state, action.delta, action.nowMs);
    case 'adjust-last':
      return setJustDoneToCorrect(state) ? correctSetJustDone(state, action.delta) : state;
    case 'go-heard':
      return goHeard(state, action.nowMs);
    case 'start-hold':
      return startHold(state, action.nowMs);
    case 'end-hold':
      return endHoldByHand(state, action.nowMs);
    case 'finish':
      return finishSession(state, action.nowMs);
  }
}

/**
 * The sets the session keeps if it is finished now, as Finish would keep them (the set under way
 * ended at the tap, or left out if it never began): what the question before Finish counts, and
 * the voice after it.
 */
export function recordsKeptOnFinish(state: SessionState): readonly SetRecord[] {
  if (state.phase === 'summary') return state.completed;
  return reduceSession(state, { type: 'finish', nowMs: state.nowMs }).completed;
}
