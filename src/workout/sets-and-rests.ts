// Sets and rests begin and end: a set falls due, begins, ends with its record kept, and the rest
// after it leads to the next set or to the summary.

import { waitsForPosition } from './counted-by.ts';
import { hasNextSet, nextSetNumber, retargetPlank } from './next-set.ts';
import {
  type CurrentSet,
  currentPlanned,
  type SessionState,
  type SetEnd,
  type SetRecord,
} from './session-state.ts';

/**
 * Which set the session is in ("2/1": the third exercise's first set), due or begun; null between
 * sets. A set skipped before it began is followed by the next in the same phase: this tells them apart.
 */
export function setKey(state: Pick<SessionState, 'phase' | 'exerciseIndex' | 'set'>): string | null {
  return state.phase === 'set' && state.set ? `${state.exerciseIndex}/${state.set.setNumber}` : null;
}

function newSet(setNumber: number, nowMs: number, waiting: boolean): CurrentSet {
  return {
    setNumber,
    startedMs: nowMs,
    ...(waiting ? { waiting: true, wrongPosture: null, warnedMs: null, heldSinceMs: null } : {}),
    count: 0,
    sides: { left: 0, right: 0 },
    lastProgressMs: nowMs,
    holdStartMs: null,
    peakDeg: null,
    formIssues: [],
  };
}

/** Start: the session's first set falls due now. */
export function startSession(state: SessionState, nowMs: number): SessionState {
  if (state.phase !== 'ready' || state.plan.length === 0) return state;
  return {
    ...state,
    phase: 'set',
    nowMs,
    startedMs: nowMs,
    exerciseIndex: 0,
    set: newSet(1, nowMs, waitsForPosition(state, state.plan[0]?.exercise)),
  };
}

/**
 * The set begins at `startMs`: counting starts. A hold the person is already still in waits for this
 * start's "Go" (see heldFromGo, liftedBeforeGo).
 */
export function beginSet(state: SessionState, startMs: number, byHand = false): SessionState {
  const set = state.set;
  if (!set) return state;
  const held = set.heldSinceMs == null ? null : Math.max(set.heldSinceMs, startMs);
  // Stillness before "Go" is the person waiting to be told: a hold is timed from "Go" at the earliest.
  const waitsForGo = held !== null && currentPlanned(state)?.exercise.kind === 'hold';
  const { goHeardMs: _goOfAnEarlierStart, workBeganMs: _workOfAnEarlierStart, startSeen, ...begun } = set;
  return {
    ...state,
    set: {
      ...begun,
      // What the device saw is kept only where the set begins on it: not where a tap or the device's
      // going began it while the person was getting into position.
      ...(startSeen && set.inPosition && !byHand ? { startSeen } : {}),
      startedMs: startMs,
      // Said now, as the change that begins it is known: the person seen in position a moment ago.
      goSaidMs: Math.max(state.nowMs, startMs),
      lastProgressMs: startMs,
      holdStartMs: held === null || waitsForGo ? set.holdStartMs : held,
      waiting: false,
      inPosition: false,
      wrongPosture: null,
      heldSinceMs: waitsForGo ? held : null,
      ...(byHand ? { begunByHand: true } : {}),
    },
  };
}

/** The set with its work begun at `atMs`, unless it had begun already. */
export function workBegun(set: CurrentSet, atMs: number): CurrentSet {
  return set.workBeganMs === undefined ? { ...set, workBeganMs: atMs } : set;
}

/**
 * How a set ended beyond why: by hand (a hold), skipped before it began, skipped or finished under way,
 * the person getting up.
 */
export type SetEndedHow = Pick<
  SetRecord,
  'endedByHand' | 'neverBegun' | 'skippedUnderWay' | 'finishedUnderWay' | 'gotUp'
>;

export function endSet(
  state: SessionState,
  endedMs: number,
  endedBy: SetEnd,
  how: SetEndedHow = {},
): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (!planned || !set) return state;
  const isHold = planned.exercise.kind === 'hold';
  // Ended while paused (skipped, or finished): the hold stopped and the rest's clock stands from
  // when the pause began, as they would have had the person resumed first.
  const stoppedMs = state.pausedAtMs === null ? endedMs : Math.min(endedMs, state.pausedAtMs);
  const record: SetRecord = {
    exerciseId: planned.exercise.id,
    setNumber: set.setNumber,
    target: planned.dosage.target,
    count: isHold ? 0 : set.count,
    sides: set.sides,
    holdMs: isHold ? (set.holdStartMs === null ? 0 : Math.max(0, stoppedMs - set.holdStartMs)) : null,
    peakDeg: set.peakDeg,
    startedMs: set.startedMs,
    ...(set.workBeganMs !== undefined ? { workBeganMs: set.workBeganMs } : {}),
    endedMs,
    endedBy,
    formIssues: set.formIssues,
    ...(set.corrections ? { corrections: set.corrections } : {}),
    ...(set.deviceAway ? { deviceAway: true as const } : {}),
    // Only ever marked with deviceAway (see markedAway).
    ...(set.deviceStopped ? { deviceStopped: true as const } : {}),
    ...(set.countedAway ? { countedAway: set.countedAway } : {}),
    ...(set.countedByHand ? { countedByHand: set.countedByHand } : {}),
    ...(set.takenOver ? { takenOver: set.takenOver } : {}),
    ...(isHold && set.pausedInHold && set.holdStartMs !== null ? { pausedInHold: true } : {}),
    ...how,
  };
  const completed = [...state.completed, record];
  const after = { ...state, completed, set: null };
  if (!hasNextSet(after)) {
    return { ...after, phase: 'summary', restEndsMs: null, endedMs: Math.max(state.nowMs, endedMs) };
  }
  return {
    ...after,
    phase: 'rest',
    restEndsMs:
      (state.pausedAtMs === null ? Math.max(state.nowMs, endedMs) : stoppedMs) + planned.dosage.restS * 1000,
  };
}

/** How the set after a rest came: early, as the heart rate had recovered, or with no rest at all. */
type SetStart = Pick<CurrentSet, 'afterRecovery' | 'noRestBefore'>;

export function beginNextSet(rest: SessionState, start: SetStart = {}): SessionState {
  const state = pastRest(rest);
  const planned = currentPlanned(state);
  if (!planned) return { ...state, phase: 'summary', endedMs: state.nowMs };
  let exerciseIndex = state.exerciseIndex;
  let setNumber = nextSetNumber(state, exerciseIndex);
  if (setNumber > planned.dosage.sets) {
    exerciseIndex += 1;
    if (exerciseIndex >= state.plan.length)
      return { ...state, phase: 'summary', restEndsMs: null, endedMs: state.nowMs };
    setNumber = nextSetNumber(state, exerciseIndex);
  }
  return {
    ...state,
    phase: 'set',
    exerciseIndex,
    plan: retargetPlank(state.plan, exerciseIndex, state.completed),
    restEndsMs: null,
    set: {
      ...newSet(setNumber, state.nowMs, waitsForPosition(state, state.plan[exerciseIndex]?.exercise)),
      ...start,
    },
  };
}

/** The state without what belongs to the rest just over: when a new page picked it up. */
export function pastRest(state: SessionState): SessionState {
  const { restPickedUpMs: _pickedUp, ...past } = state;
  return past;
}
