// What the detectors and the clock do to the set under way: reps, breaths and holds counted, a rest
// run out, and a set that ends at its target or because the person stopped.

import type { MotionEvent } from '../motion/events.ts';
import { motionAwayFor } from './counted-by.ts';
import {
  endHold,
  FALSE_START_HOLD_MS,
  heardGoBefore,
  heldFromGo,
  liftedBeforeGo,
  settledOrNot,
} from './hold-timing.ts';
import type { Exercise } from './program.ts';
import { type CurrentSet, currentPlanned, type PlannedExercise, type SessionState } from './session-state.ts';
import { SETTLE_BACK_MS, waitingAgain, warnIfDue, withoutLeaving } from './set-position.ts';
import { beginNextSet, endSet, workBegun } from './sets-and-rests.ts';

/** A rep set in which the detectors counted a rep and then nothing for this long is over. */
export const STOPPED_AFTER_MS = 15_000;

/**
 * A breath set waits this long for the next breath. The bat hang's breath is a full breath out, a
 * pause and a slow breath in: 15 s at 4 breaths a minute, a common slow pace, and up to 20 s for the
 * slowest breather. Twice that lets one such breath go uncounted (too shallow for the counter) without
 * ending the set, and every cycle the breath counter counts (up to 40 s, see the motion profiles) fits
 * in it. Waiting long costs little: a person who gets up from the wall ends the set at once (see
 * onPosition), and one who stops breathing deeply there has the set dated to their last breath.
 */
export const BREATH_STOPPED_AFTER_MS = 40_000;

/** How long a set under way waits for the next rep or breath before the person has stopped. */
function stoppedAfterMs(exercise: Exercise): number {
  return exercise.kind === 'breaths' ? BREATH_STOPPED_AFTER_MS : STOPPED_AFTER_MS;
}

export function onTick(state: SessionState): SessionState {
  const planned = currentPlanned(state);
  if (state.phase === 'rest' && state.restEndsMs !== null && state.nowMs >= state.restEndsMs) {
    return beginNextSet(state);
  }
  if (state.phase !== 'set' || !state.set || !planned) return state;
  const set = state.set;
  if (set.waiting) return warnIfDue(state, set);
  if (set.leftMs != null) {
    // With no device left that sees posture, nothing would see the person back: the set goes on.
    if (!state.startsByPosition) return { ...state, set: withoutLeaving(set) };
    return state.nowMs - set.leftMs >= SETTLE_BACK_MS ? { ...state, set: waitingAgain(set) } : state;
  }
  const { exercise, dosage } = planned;
  if (exercise.kind === 'hold') {
    const upAlready = exercise.liftsIntoHold ? liftedBeforeGo(set, state.nowMs) : null;
    if (upAlready) return { ...state, set: upAlready };
    if (set.settlingInMs !== undefined) {
      // Whether the person is still in the hold is not known until they are seen still again.
      return settledOrNot(state);
    }
    if (
      exercise.holdEndsAtTarget &&
      set.holdStartMs !== null &&
      state.nowMs - set.holdStartMs >= dosage.target * 1000
    ) {
      return endSet(state, set.holdStartMs + dosage.target * 1000, 'target');
    }
    return state;
  }
  // Counted by hand alone (+1 with a heart-rate-only strap), a gap between taps is the phone out of
  // reach on the mat, not the person stopping: such a set ends at its target, or by Skip set. So
  // does one whose device is out of reach: no rep could be seen, so none stopped coming.
  const detected = set.count - (set.corrections ?? 0);
  if (motionAwayFor(state, exercise)) return state;
  // Hips held up at the top of a rep (a glute bridge held 20 s) is a rep under way, not a person who
  // stopped: the detectors count it once the hips are down, and the wait for the next runs from there.
  if (set.atTopSinceMs != null) return state;
  const movedMs = Math.max(set.lastProgressMs, set.leftTopMs ?? Number.NEGATIVE_INFINITY);
  if (detected > 0 && state.nowMs - movedMs >= stoppedAfterMs(exercise))
    return endSet(state, movedMs, 'stopped');
  return state;
}

/**
 * A detector's event, which reached the session at `receivedMs`: the clock moves on to then, so that
 * a rest it begins lasts its full length from the moment the person hears that it has begun.
 */
export function onMotion(state: SessionState, event: MotionEvent, receivedMs: number): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned) return state;
  // Before the person is in position (or while out of it, settling) nothing counts; a hold they are
  // already in is remembered.
  if (set.waiting || set.leftMs != null) {
    if (event.type === 'hold-start') return { ...state, set: { ...set, heldSinceMs: event.tMs } };
    if (event.type === 'hold-end') return { ...state, set: { ...set, heldSinceMs: null } };
    return state;
  }
  // A hold dated back to when the person settled, a moment before the set began, runs from its start.
  if (event.type === 'hold-start' && event.tMs < set.startedMs && event.emittedMs >= set.startedMs)
    return onMotion(state, { ...event, tMs: set.startedMs }, receivedMs);
  // Movement before the set began, during rest or after the end belongs to no set.
  if (event.tMs < set.startedMs) return state;
  const now = settledOrNot({ ...state, nowMs: Math.max(state.nowMs, receivedMs) });
  const counted = now.set ? countMotion(now, planned, now.set, event) : null;
  return counted ?? (now.set === set ? state : now);
}

/** What an event of the set changes in it, or null for nothing. */
function countMotion(
  state: SessionState,
  { exercise, dosage }: PlannedExercise,
  set: CurrentSet,
  event: MotionEvent,
): SessionState | null {
  switch (event.type) {
    case 'rep': {
      if (exercise.kind !== 'reps') return null;
      const sides = event.side ? { ...set.sides, [event.side]: set.sides[event.side] + 1 } : set.sides;
      const gapMs = event.tMs - set.lastProgressMs;
      const counted: CurrentSet = {
        ...workBegun(set, event.tMs),
        count: set.count + 1,
        sides,
        lastProgressMs: event.tMs,
        // A rep dated before the progress it follows (counted late, after "Go" or a tap) shows no pace.
        ...(gapMs > 0 ? { repGapsMs: [...(set.repGapsMs ?? []), gapMs] } : {}),
        peakDeg: Math.max(set.peakDeg ?? 0, event.peakDeg),
        ...(set.atTopSinceMs != null ? { atTopSinceMs: null } : {}),
      };
      const next = { ...state, set: counted };
      return counted.count >= dosage.target ? endSet(next, event.tMs, 'target') : next;
    }
    case 'top':
      if (exercise.topPauseS === undefined) return null;
      return { ...state, set: { ...set, atTopSinceMs: event.tMs } };
    case 'top-left':
      if (set.atTopSinceMs == null) return null;
      return { ...state, set: { ...set, atTopSinceMs: null, leftTopMs: event.tMs } };
    case 'breath': {
      if (exercise.kind !== 'breaths') return null;
      const counted: CurrentSet = {
        ...workBegun(set, event.tMs),
        count: set.count + 1,
        lastProgressMs: event.tMs,
      };
      const next = { ...state, set: counted };
      return counted.count >= dosage.target ? endSet(next, event.tMs, 'target') : next;
    }
    case 'hold-start':
      // Still again after drawing in: the hold goes on as timed, from "Go", and said once.
      if (set.settlingInMs !== undefined) {
        const { settlingInMs: _settled, ...still } = set;
        return { ...state, set: { ...still, settledMs: event.tMs } };
      }
      if (exercise.kind !== 'hold') return null;
      // Still after Start hold: the person tapped before getting into the pose, and holds it from here.
      if (set.holdStartMs !== null)
        return set.settledMs === undefined ? { ...state, set: { ...set, settledMs: event.tMs } } : null;
      if (!exercise.liftsIntoHold)
        return { ...state, set: heldFromGo(exercise, { ...set, heldSinceMs: event.tMs }) };
      if (!heardGoBefore(set, event.tMs)) return { ...state, set: { ...set, heldSinceMs: event.tMs } };
      return {
        ...state,
        set: { ...set, holdStartMs: event.tMs, heldSinceMs: null, lastProgressMs: event.tMs },
      };
    case 'hold-end':
      if (exercise.kind !== 'hold') return null;
      // Stillness from before "Go" that the lift ends was the wait, and is forgotten unsaid.
      if (set.holdStartMs === null) {
        if (set.heldSinceMs == null) return null;
        const upAlready = liftedBeforeGo(set, event.tMs);
        if (!upAlready) return { ...state, set: { ...set, heldSinceMs: null } };
        return endHold(state, exercise, upAlready, event.tMs, event.reason === 'form' ? 'form' : 'stopped');
      }
      // Stillness from before Start hold that ends within FALSE_START_HOLD_MS of the tap was the
      // person on the floor, lifting into the hold they tapped: it goes on, held from the tap.
      if (set.heldSinceMs != null && event.tMs - set.holdStartMs < FALSE_START_HOLD_MS)
        return { ...state, set: { ...set, heldSinceMs: null } };
      return endHold(state, exercise, set, event.tMs, event.reason === 'form' ? 'form' : 'stopped');
    case 'form': {
      // Said once per set (see the cues), but shown again each time the detectors see it.
      const formIssues = set.formIssues.includes(event.issue)
        ? set.formIssues
        : [...set.formIssues, event.issue];
      // The problem that ended the hold ends it here, so that it is told as the end's reason rather
      // than as a warning to correct a hold that is already over; the hold-end after it finds no hold.
      if (event.endsHold && exercise.kind === 'hold' && set.holdStartMs !== null)
        return endHold(state, exercise, { ...set, formIssues }, event.tMs, 'form');
      const formWarning = { issue: event.issue, atMs: state.nowMs };
      return { ...state, set: { ...set, formIssues, formWarning } };
    }
  }
}
