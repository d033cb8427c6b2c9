// What is said as the session goes on after a pause, in the same set or rest or one skipped on to in
// it: the line it goes on with, when, and what of the lines the pause cut off follows it.

import { motionAwayFor } from '../workout/counted-by.ts';
import { upNext } from '../workout/next-set.ts';
import { unsaidDrop } from '../workout/pauses.ts';
import { type CurrentSet, currentPlanned, type SessionState } from '../workout/session.ts';
import type { Pause } from '../workout/session-state.ts';
import type { Cue } from './cue.ts';
import { afterDropLinesMs } from './pause-lines.ts';
import { restCutsOffMs } from './rest-countdown.ts';
import { restGoesOnLine, restLineCues, resumedRestLine } from './rest-lines.ts';
import { goesOnFromDrop, resumed } from './resume-words.ts';
import { setOpening } from './set-start-lines.ts';

/**
 * The line a session goes on with after a pause: the pause's answer, if still said, is moot; the one
 * point and how the exercise is done it cut off are said after it (see Speech.say), but for those of
 * an exercise skipped in the pause (`exerciseMoot`).
 */
const sayGoesOn = (text: string, exerciseMoot = false): Cue => ({
  kind: 'say',
  text,
  interrupt: true,
  ends: exerciseMoot ? ['pause', 'point', 'how'] : ['pause'],
});

/**
 * What is said as the session goes on after a pause, in the same set or rest. A device back from a
 * drop: nothing where the drop was not said; otherwise after "Paused: connection lost", not over it,
 * and in a set only how far it has come, "Go on: four done": the person is still in the set they
 * heard paused, and the next rep's count, seconds later, cut off the set's name and target.
 * `speechRate` null for lines shown at once, not said after the voice's (see readOnScreen).
 */
export function resumedCues(prev: SessionState, next: SessionState, speechRate: number | null): Cue[] {
  const pause = next.pauses?.at(-1);
  const dropped = pause?.deviceDropped === true && pause.atMs + pause.ms === next.nowMs;
  // A set skipped on to in the pause came up with nothing said: it is told in full, name and target.
  const skippedTo =
    next.phase === 'set' && next.set !== null && pause !== undefined && next.set.startedMs > pause.atMs;
  // Skipped on to another exercise's first set: the point of the one the pause cut off is moot, and
  // the set is told as any first set of an exercise is as it begins, its own point with it: it went
  // on with "Go on: Glute bridge, one set. Fifteen reps. Lie on your back to start" alone. Judged by
  // the set as the pause left it: one the person got into position for meanwhile begins at Resume,
  // and went on with "Go on: Glute bridge, one set. Fifteen reps" alone, as if paused in.
  const pausedSet = prev.set ?? next.set;
  if (next.set?.setNumber === 1 && pausedSet && pause !== undefined && cameUpInPause(next, pausedSet, pause))
    return goesOnToNewExercise(next, next.set, speechRate ?? 1, restSkippedInPause(next, pause));
  // A rest the set before was skipped into in the pause began unsaid: it is told as a rest picked up
  // is, what comes next with it. It went on with "Rest goes on: forty-five seconds left" alone, and the
  // bridge after it began with neither its one point nor how it is done.
  const restLine = resumedRestLine(next, speechRate ?? 1);
  if (restLine !== null && restLine.saidMs === next.nowMs)
    return restLineCues(next, restLine.line, (text) => sayGoesOn(text, true));
  // A rest goes on with what the pause cut off of its lines, where the rest has room for it.
  const goesOn = (saidMs: number): string =>
    next.phase === 'rest' && pause !== undefined && pause.atMs + pause.ms === next.nowMs
      ? restGoesOnLine(next, pause, saidMs, speechRate ?? 1)
      : resumed(next, saidMs);
  // How long the rest has, from now, before its countdown or the set cuts off what is said; and
  // whether the line says the time left alone, which its countdown waits for (see LineRole). Before
  // another exercise, the one point of the set before that the pause cut off is of an exercise done:
  // it was said in the bird dog's rest after a superman, and "five" cut it off.
  const restGoesOn = (cue: Cue, saidMs: number): Cue =>
    next.phase === 'rest' && cue.kind === 'say'
      ? {
          ...cue,
          ...(restBeforeAnotherExercise(next) ? { ends: [...(cue.ends ?? []), 'point'] } : {}),
          role: {
            kind: cue.text === resumed(next, saidMs) ? 'rest-time-left' : 'rest-goes-on',
            roomMs: restCutsOffMs(next, speechRate ?? 1) - next.nowMs,
          },
        }
      : cue;
  if (!dropped || skippedTo)
    return restLineCues(next, goesOn(next.nowMs), (text) => restGoesOn(sayGoesOn(text), next.nowMs));
  // Nothing was said of a drop that short, and there is nothing to say unless the device is still
  // away: the person who tapped Resume then counts by hand, and is told so.
  const exercise = currentPlanned(next)?.exercise;
  if (unsaidDrop(pause) && !(exercise && motionAwayFor(next, exercise))) return [];
  const saidMs = speechRate === null ? next.nowMs : afterDropLinesMs(pause, next.nowMs, speechRate);
  // A hold or a rest over before the line is said is told by what follows it, "Done: forty-five
  // seconds" or the next set: the line would name more than the hold ("Go on: forty-six seconds
  // held"), or a rest with "zero seconds left".
  if (overBy(next, saidMs)) return [];
  // After what was said of the drop, not over it (see afterDropLinesMs); what it held follows.
  if (next.phase === 'set')
    return [{ kind: 'say', text: goesOnFromDrop(next, saidMs), interrupt: false, ends: ['pause'] }];
  return restLineCues(next, goesOn(saidMs), (text) =>
    restGoesOn(
      {
        kind: 'say',
        text,
        interrupt: false,
        ends: ['pause'],
      },
      saidMs,
    ),
  );
}

/** Whether the rest under way comes before another exercise than the set it follows. */
function restBeforeAnotherExercise(rest: SessionState): boolean {
  return upNext(rest)?.exercise.id !== currentPlanned(rest)?.exercise.id;
}

/**
 * Whether `set`, as the pause left it, came up during `pause`, skipped on to: the set under way ended
 * in it, or the rest before this set was skipped in it. Not the set paused in, begun before it.
 */
function cameUpInPause(state: SessionState, set: CurrentSet, pause: Pause): boolean {
  const endedInPause = state.completed.some((record) => record.endedMs >= pause.atMs);
  return endedInPause || (set.startedMs > pause.atMs && set.startedMs < pause.atMs + pause.ms);
}

/**
 * The first set of an exercise skipped on to in a pause, as the session goes on: what it says as it
 * begins (see setOpening), from "Go on:", but what the rest before it (`restBefore`, where one was
 * skipped in the pause) said whole before the pause cut it off.
 */
function goesOnToNewExercise(
  state: SessionState,
  set: CurrentSet,
  speechRate: number,
  restBefore: SessionState | null,
): Cue[] {
  // What the rest's countdown cut off of where to lie and how, kept by the voice through the pause,
  // follows the line it goes on with, as it follows the set's after a countdown: a pause at "four"
  // and Skip set in it lost the bird dog's "Pause, lower slowly, switch sides", cut off by "five".
  const afterRest = restBefore !== null;
  const [first, ...rest] = setOpening(restBefore ?? state, state, set, speechRate, true, afterRest);
  if (first?.kind !== 'say') return [sayGoesOn(resumed(state, state.nowMs), true)];
  return [
    { ...sayGoesOn(`Go on: ${first.text}`, true), ...(first.role ? { role: first.role } : {}) },
    ...rest,
  ];
}

/**
 * The rest that `state`'s set was skipped on to from in `pause`, as it stood then, for what its line
 * said whole before the pause (see restSaid): a person who paused half a minute into the rest had
 * heard the next exercise's point, where to lie and its movement, and heard them again after Resume.
 * Null where the set came up otherwise (the set before it ended in the pause: no rest was said).
 */
function restSkippedInPause(state: SessionState, pause: Pause): SessionState | null {
  const ended = state.completed.at(-1);
  if (!ended || ended.endedMs >= pause.atMs) return null;
  const exerciseIndex = state.plan.findIndex((planned) => planned.exercise.id === ended.exerciseId);
  const planned = state.plan[exerciseIndex];
  if (!planned || planned.dosage.restS <= 0) return null;
  // Its end as the pauses since it began moved it, this one's too, as restLineFrom reads it.
  const pausedMs = (state.pauses ?? []).reduce((ms, p) => (p.atMs >= ended.endedMs ? ms + p.ms : ms), 0);
  return {
    ...state,
    phase: 'rest',
    exerciseIndex,
    set: null,
    restEndsMs: ended.endedMs + planned.dosage.restS * 1000 + pausedMs,
  };
}

/**
 * Whether what is under way is over by itself by `atMs`: the rest, or the hold of a set that ends at
 * its target (a drawing-in).
 */
function overBy(state: SessionState, atMs: number): boolean {
  if (state.phase === 'rest') return state.restEndsMs !== null && atMs >= state.restEndsMs;
  const planned = currentPlanned(state);
  const holdStartMs = state.set?.holdStartMs ?? null;
  if (state.phase !== 'set' || !planned?.exercise.holdEndsAtTarget || holdStartMs === null) return false;
  return atMs >= holdStartMs + planned.dosage.target * 1000;
}
