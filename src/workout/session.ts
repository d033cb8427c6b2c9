// The session as a pure reducer: the state of a workout and how each thing that happens (a command
// from the screen, a motion event, the clock moving on) changes it. No timers and no I/O here; the
// Model around it and the app feed it actions.

import type { MotionEvent, Side } from '../motion/events.ts';
import type { PositionEvent } from '../motion/position.ts';
import type { Placement } from '../sensors/samples.ts';
import { countedByHand, motionAwayFor, waitsForPosition } from './counted-by.ts';
import { heldSoFarMs } from './held-seconds.ts';
import { hasNextSet, nextSetNumber, retargetPlank } from './next-set.ts';
import { type Exercise, type ExerciseId, exerciseById } from './program.ts';
import {
  type CurrentSet,
  currentPlanned,
  type DeviceTakeOver,
  initialSessionState,
  type Pause,
  type PauseReason,
  type PlannedExercise,
  type SessionAction,
  type SessionState,
  type SetEnd,
  type SetRecord,
} from './session-state.ts';
import { reachedTarget } from './set-outcomes.ts';

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

/**
 * The most reps or breaths one set may hold: far above any dosage the settings allow (100 reps), so a
 * count put right by hand stays a count a backup of it can be read back with.
 */
export const MAX_SET_COUNT = 1000;

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

export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  const next = withHoldConfirmed(state, reduce(state, action));
  // A rest of 0 s is none: the next set comes at once, not a rest screen until the clock next ticks.
  const noRest = state.phase === 'set' && next.phase === 'rest' && currentPlanned(next)?.dosage.restS === 0;
  const result = noRest ? beginNextSet(next, { noRestBefore: true }) : next;
  // TRACE-HOOK (throwaway, never committed)
  {
    const g = globalThis as unknown as {
      process?: { env: Record<string, string | undefined>; getBuiltinModule(m: string): unknown };
      __vitest_worker__?: { filepath?: string };
    };
    const dir = g.process?.env.SESSION_TRACE_DIR;
    if (dir) {
      const fs = g.process?.getBuiltinModule('fs') as { appendFileSync(p: string, s: string): void };
      const file = (g.__vitest_worker__?.filepath ?? 'unknown').replace(/[^a-zA-Z0-9]/g, '_');
      fs.appendFileSync(`${dir}/${file}`, `${JSON.stringify([state, action, result])}\n`);
    }
  }
  return result;
}

/** Marks when a hold that began between these states became known (see holdConfirmedMs). */
function withHoldConfirmed(before: SessionState, after: SessionState): SessionState {
  const set = after.set;
  if (!set || set.holdStartMs === null || (before.set?.holdStartMs ?? null) !== null) return after;
  return { ...after, set: { ...set, holdConfirmedMs: after.nowMs } };
}

function reduce(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'reset':
      // A new session keeps knowing what the devices connected now can see.
      return withDevicesOf(state, initialSessionState(action.plan ?? state.plan));
    case 'start':
      if (state.phase !== 'ready' || state.plan.length === 0) return state;
      return {
        ...state,
        phase: 'set',
        nowMs: action.nowMs,
        startedMs: action.nowMs,
        exerciseIndex: 0,
        set: newSet(1, action.nowMs, waitsForPosition(state, state.plan[0]?.exercise)),
      };
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
      return state.phase === 'set' || state.phase === 'rest'
        ? {
            ...state,
            deviceJoined: { atMs: Math.max(state.nowMs, action.nowMs), placement: action.placement },
          }
        : state;
    case 'device-took-over':
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
    case 'heart-rate-reach':
      return heartRateReach(state, action.away, action.nowMs);
    case 'pause':
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
    case 'resume':
      return resume(state, action.nowMs);
    case 'skip':
      if (state.phase === 'set' && state.set) {
        const tapped = endingAtTap(state, state.set);
        // Skipped while paused: the pause is no time spent in the set.
        const never = neverRan(tapped.set, state.pausedAtMs ?? action.nowMs);
        const endedBy = endedByHand(tapped.set);
        const how: SetEndedHow = never
          ? { neverBegun: true }
          : endedBy === 'stopped'
            ? { skippedUnderWay: true }
            : {};
        const ended = endSet({ ...tapped.state, nowMs: action.nowMs }, action.nowMs, endedBy, how);
        // Skipped before the person got into position or set to work: nothing was done to rest from.
        return never && ended.phase === 'rest' ? beginNextSet(ended) : ended;
      }
      if (state.phase === 'rest') return beginNextSet({ ...state, nowMs: action.nowMs });
      return state;
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
    case 'go-heard': {
      const set = state.set;
      if (state.phase !== 'set' || !set || set.waiting || set.goHeardMs !== undefined) return state;
      const goHeardMs = Math.max(set.startedMs, action.nowMs);
      // Reps counted before "Go" (a set picked up on a new page, said again) wait for the next from it.
      const heard = {
        ...workBegun(set, goHeardMs),
        goHeardMs,
        lastProgressMs: Math.max(set.lastProgressMs, goHeardMs),
      };
      const exercise = currentPlanned(state)?.exercise;
      return { ...state, set: exercise ? heldFromGo(exercise, heard) : heard };
    }
    case 'start-hold': {
      const set = state.set;
      const planned = currentPlanned(state);
      if (state.phase !== 'set' || !set || set.waiting || state.pausedAtMs !== null) return state;
      if (planned?.exercise.kind !== 'hold' || set.holdStartMs !== null) return state;
      const nowMs = Math.max(state.nowMs, action.nowMs);
      return {
        ...state,
        nowMs,
        set: { ...withoutLeaving(set), holdStartMs: nowMs, heldSinceMs: null, lastProgressMs: nowMs },
      };
    }
    case 'end-hold': {
      const set = state.set;
      if (state.phase !== 'set' || !set || set.holdStartMs === null) return state;
      // Tapped while the person settles after "Go" (see settlingInMs): the detectors saw the stillness
      // end, no end they missed to teach the hold detector, and no hold of FALSE_START_HOLD_MS. The set
      // ends with none, as Skip set ends it then.
      if (set.settlingInMs !== undefined) {
        const tapped = endingAtTap(state, set).state;
        return endSet({ ...tapped, nowMs: action.nowMs }, action.nowMs, 'skipped');
      }
      return endSet({ ...state, nowMs: action.nowMs }, action.nowMs, 'stopped', { endedByHand: true });
    }
    case 'finish': {
      // The set under way ends where the person stopped it, with what it counted (not a hold ended
      // by hand: the detectors missed nothing); one that had counted nothing yet was skipped. A set
      // that never ran (still getting into position, or ended moments after "Go" with nothing done:
      // see neverRan) is no set at all.
      // Finished while paused (Finish's question pauses, too): the pause is no workout time, and a
      // hold under way ends where the pause began, held whole up to there.
      const tapped = state.set ? endingAtTap(state, state.set) : null;
      const running = endPause(pastRest(tapped?.state ?? state), action.nowMs, false);
      const ran =
        tapped !== null &&
        (tapped.set.ranBeforeInterruption === true ||
          !neverRan(tapped.set, state.pausedAtMs ?? action.nowMs));
      const set = running.phase === 'set' && running.set && ran ? running.set : null;
      const endedBy = set ? endedByHand(set) : 'skipped';
      const how: SetEndedHow = endedBy === 'stopped' ? { finishedUnderWay: true } : {};
      const ended = set ? endSet(running, action.nowMs, endedBy, how) : running;
      const cut = set ? ended.completed.at(-1) : undefined;
      return {
        ...ended,
        ...(cut && !reachedTarget(cut) ? { finishedShort: true } : {}),
        phase: 'summary',
        set: null,
        restEndsMs: null,
        nowMs: action.nowMs,
        endedMs: action.nowMs,
      };
    }
  }
}

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
function countedNow(
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
function beginIfUnseen(sensed: SessionState, nowMs: number): SessionState {
  const waiting = sensed.phase === 'set' && sensed.set?.waiting === true && sensed.pausedAtMs === null;
  const unseen = waiting && !waitsForPosition(sensed, currentPlanned(sensed)?.exercise);
  return unseen ? beginSet(sensed, Math.max(sensed.nowMs, nowMs)) : sensed;
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
function neverRan(set: CurrentSet, nowMs: number): boolean {
  if (notBegun(set)) return true;
  if (set.begunByHand === true || set.count > 0 || set.holdStartMs !== null) return false;
  if (set.goHeardMs === undefined || set.goHeardMs > nowMs) return true;
  return set.startSeen === undefined && nowMs - set.goHeardMs < NOTHING_DONE_YET_MS;
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

/**
 * The sets the session keeps if it is finished now, as Finish would keep them (the set under way
 * ended at the tap, or left out if it never began): what the question before Finish counts, and
 * the voice after it.
 */
export function recordsKeptOnFinish(state: SessionState): readonly SetRecord[] {
  if (state.phase === 'summary') return state.completed;
  return reduceSession(state, { type: 'finish', nowMs: state.nowMs }).completed;
}

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

/**
 * How a set the person ends by hand (Skip set, Finish) is recorded: stopped short with what it
 * counted, or skipped when it had counted nothing yet.
 */
function endedByHand(set: CurrentSet): SetEnd {
  return set.count > 0 || set.holdStartMs !== null ? 'stopped' : 'skipped';
}

/**
 * Picks up where the pause began; a set waiting for the person begins if they got into position, or
 * if the device that would see it is out of reach (Resume is the person going on without it): the one
 * that counts it, or the one that sees where the person is.
 */
function resume(state: SessionState, nowMs: number): SessionState {
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
 * The devices out of reach change. A set whose device is back had no rep seen while it was away: the
 * person has stopped only if none comes for its wait (stoppedAfterMs) from its return (from the
 * resume, if it came back during a pause).
 */
function motionReach(
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
  if (motionAwayFor(reached, exercise) && !set.deviceAway)
    return { ...reached, set: { ...set, deviceAway: true } };
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
function heartRateReach(state: SessionState, away: boolean, nowMs: number): SessionState {
  const { heartRateAwaySinceMs: sinceMs, ...rest } = state;
  return away ? { ...rest, heartRateAwaySinceMs: sinceMs ?? Math.max(state.nowMs, nowMs) } : rest;
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
function endPause(state: SessionState, nowMs: number, holdGoesOn = true): SessionState {
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

function onTick(state: SessionState): SessionState {
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
function onMotion(state: SessionState, event: MotionEvent, receivedMs: number): SessionState {
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
      if (exercise.kind !== 'hold' || set.holdStartMs !== null) return null;
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

/** The set with its work begun at `atMs`, unless it had begun already. */
function workBegun(set: CurrentSet, atMs: number): CurrentSet {
  return set.workBeganMs === undefined ? { ...set, workBeganMs: atMs } : set;
}

/**
 * The hold of `set` ended at `endMs`: the set is over, unless it was too short to be the hold, or,
 * for a hold lifted into (a plank), it was the person still on the floor, waiting for "Go".
 */
function endHold(
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
function noHold(set: CurrentSet): CurrentSet {
  const { pausedInHold: _notTheHold, settlingInMs: _settling, settledMs: _settled, ...rest } = set;
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
function settledOrNot(state: SessionState): SessionState {
  const set = state.set;
  if (set?.settlingInMs === undefined || state.nowMs - set.settlingInMs < STILL_AGAIN_WITHIN_MS) return state;
  return { ...state, set: noHold(set) };
}

/**
 * A hold held still into (drawing-in) is timed from "Go" at the earliest: stillness seen before it is
 * the person in position waiting to be told, not yet holding. Stillness that goes on through "Go" is
 * the hold from "Go"; until "Go" is heard it waits, and a hold-end before then holds nothing.
 */
function heldFromGo(exercise: Exercise, set: CurrentSet): CurrentSet {
  if (exercise.kind !== 'hold' || exercise.liftsIntoHold || set.holdStartMs !== null) return set;
  const stillSinceMs = set.heldSinceMs ?? null;
  if (stillSinceMs === null || set.goHeardMs === undefined || set.waiting || set.leftMs != null) return set;
  const startMs = Math.max(stillSinceMs, set.goHeardMs);
  return { ...set, holdStartMs: startMs, heldSinceMs: null, lastProgressMs: startMs };
}

/** Whether the person had heard the set's "Go" by `tMs`. */
function heardGoBefore(set: CurrentSet, tMs: number): boolean {
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
function liftedBeforeGo(set: CurrentSet, nowMs: number): CurrentSet | null {
  const stillSinceMs = set.heldSinceMs ?? null;
  if (set.holdStartMs !== null || stillSinceMs === null || set.goHeardMs === undefined) return null;
  if (nowMs - set.goHeardMs < LIFT_AFTER_GO_MS) return null;
  return { ...set, holdStartMs: stillSinceMs, heldSinceMs: null, lastProgressMs: stillSinceMs };
}

/**
 * The person's position, while the set is due: in it and still begins the set; still in another
 * is said (at most every WRONG_POSITION_REPEAT_MS); gone from it ends a set that has counted
 * something, or sends one that has not back to waiting unless the person is back within
 * SETTLE_BACK_MS.
 */
function onPosition(state: SessionState, event: PositionEvent): SessionState {
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
function waitingAgain(set: CurrentSet): CurrentSet {
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
function withoutLeaving(set: CurrentSet): CurrentSet {
  const { leftMs: _left, ...rest } = set;
  return rest;
}

/**
 * The set begins at `startMs`: counting starts. A hold the person is already still in waits for this
 * start's "Go" (see heldFromGo, liftedBeforeGo).
 */
function beginSet(state: SessionState, startMs: number, byHand = false): SessionState {
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

/**
 * Says the wrong position (through the cues) unless it was said within WRONG_POSITION_REPEAT_MS, or
 * has been said WRONG_POSITION_TIMES already: the screen goes on showing it.
 */
function warnIfDue(state: SessionState, set: CurrentSet): SessionState {
  const times = set.warnedTimes ?? 0;
  const due =
    set.wrongPosture &&
    times < WRONG_POSITION_TIMES &&
    (set.warnedMs == null || state.nowMs - set.warnedMs >= WRONG_POSITION_REPEAT_MS);
  const warned = due ? { ...set, warnedMs: state.nowMs, warnedTimes: times + 1 } : set;
  return state.set === warned ? state : { ...state, set: warned };
}

function adjustCount(state: SessionState, delta: number, atMs: number): SessionState {
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
  const adjusted = {
    ...state,
    nowMs,
    set: {
      ...withoutLeaving(count > set.count ? workBegun(set, nowMs) : set),
      count,
      corrections,
      sides,
      lastProgressMs: nowMs,
      ...(away ? { deviceAway: true as const, countedAway } : {}),
      ...(byHand ? { countedByHand: (set.countedByHand ?? 0) + count - set.count } : {}),
    },
  };
  // Put right to its target while paused, the set ends once the session goes on (see resume): ended
  // in the pause, its rest began standing still, and nothing was said of its end.
  const reached = countReached(count, planned) && state.pausedAtMs === null;
  return reached ? endSet(adjusted, nowMs, 'target') : adjusted;
}

/** A rep or breath set's count at its target: the set is done (a hold's is its time, not a count). */
function countReached(count: number, planned: PlannedExercise): boolean {
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
function correctSetJustDone(state: SessionState, delta: number): SessionState {
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

/**
 * How a set ended beyond why: by hand (a hold), skipped before it began, skipped or finished under way,
 * the person getting up.
 */
type SetEndedHow = Pick<
  SetRecord,
  'endedByHand' | 'neverBegun' | 'skippedUnderWay' | 'finishedUnderWay' | 'gotUp'
>;

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

function endSet(state: SessionState, endedMs: number, endedBy: SetEnd, how: SetEndedHow = {}): SessionState {
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

function beginNextSet(rest: SessionState, start: SetStart = {}): SessionState {
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
function pastRest(state: SessionState): SessionState {
  const { restPickedUpMs: _pickedUp, ...past } = state;
  return past;
}
