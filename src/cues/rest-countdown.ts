// When a rest's countdown goes on: a beat after the last line said of the rest, where that leaves it
// room.

import { restLeftMs, wholeSecondsLeft } from '../workout/rest-left.ts';
import { currentPlanned, type SessionState } from '../workout/session.ts';
import { COUNTDOWN_RUN_MIN, COUNTDOWN_S, countdownFirstNumber, lineOverMs } from './countdown.ts';
import { type Cue, sayTime } from './cue.ts';
import { afterDropLinesMs, saidPauses } from './pause-lines.ts';
import {
  pickedUpRestLine,
  restGoesOnLine,
  restLineWaitsMs,
  restOpeningLine,
  resumedRestLine,
} from './rest-lines.ts';
import { spokenDuration } from './spoken-words.ts';

/**
 * From when a rest's countdown may go on: a beat after the last line said of it, and not before that
 * line is over, as for a hold (see countdownAfterHoldMs): the line said as it began ("Rest, five
 * seconds. Next: Superman, set two of two"), as it went on after a pause, or as a new page picked it
 * up after a reload. A short rest would otherwise hear "three", "two" and "one" squashed together or
 * lost behind it; the seconds gone by while it is said are not said.
 */
function countdownAfterRestLineMs(state: SessionState, speechRate: number): number {
  const planned = currentPlanned(state);
  const ended = state.completed.at(-1);
  if (!planned || !ended || state.restEndsMs === null) return Number.NEGATIVE_INFINITY;
  const pause = saidPauses(state).at(-1);
  const resumedMs = pause !== undefined && pause.atMs >= ended.endedMs ? pause.atMs + pause.ms : null;
  const pickedUp = pickedUpRestLine(state, speechRate);
  // A pause that ended as the page picked the rest up (Finish's question) said nothing as it ended.
  // After a drop, the line went on behind what was said of it (see afterDropLinesMs).
  const goesOnMs =
    pause !== undefined && resumedMs !== null ? afterDropLinesMs(pause, resumedMs, speechRate) : null;
  const resumedLine = resumedRestLine(state, speechRate);
  const last =
    pause !== undefined &&
    resumedMs !== null &&
    goesOnMs !== null &&
    (pickedUp === null || resumedMs > pickedUp.saidMs)
      ? resumedLine?.saidMs === resumedMs
        ? resumedLine
        : { line: restGoesOnLine(state, pause, goesOnMs, speechRate), saidMs: goesOnMs }
      : (pickedUp ?? {
          line: restOpeningLine(state, false, speechRate),
          saidMs: state.restEndsMs - planned.dosage.restS * 1000 + restLineWaitsMs(state, speechRate),
        });
  if (last.line === null) return Number.NEGATIVE_INFINITY;
  return last.saidMs + lineOverMs(last.line, speechRate);
}

/**
 * When the rest's first line that cuts off what is being said comes: the first number of its
 * countdown (see restCountdownFrom), or the set's line as the rest runs out where it has none.
 */
export function restCutsOffMs(state: SessionState, speechRate: number): number {
  if (state.restEndsMs === null) return Number.POSITIVE_INFINITY;
  const fromMs = restCountdownFrom(state, speechRate);
  if (fromMs === Number.POSITIVE_INFINITY) return state.restEndsMs;
  return state.restEndsMs - countdownFirstNumber(state.restEndsMs - fromMs) * 1000;
}

/**
 * From when the rest's countdown is said: after its line (see countdownAfterRestLineMs), where that
 * leaves it COUNTDOWN_RUN_MIN numbers or more; never otherwise, as after a line that fills the rest.
 */
export function restCountdownFrom(state: SessionState, speechRate: number): number {
  const fromMs = countdownAfterRestLineMs(state, speechRate);
  if (state.restEndsMs === null || fromMs === Number.NEGATIVE_INFINITY) return fromMs;
  return countdownFirstNumber(state.restEndsMs - fromMs) >= COUNTDOWN_RUN_MIN
    ? fromMs
    : Number.POSITIVE_INFINITY;
}

/**
 * A rest's time left is called at every multiple of this, as a hold's time is: a person on the mat,
 * who does not see the ring, heard "Rest, one minute" and then nothing for 50 s, and wondered whether
 * the rest still ran.
 */
const REST_CALL_EVERY_S = 15;

/**
 * "Thirty seconds left" as the ring comes to it, once the rest's line is over (see restCountdownFrom):
 * a call due while the line, or how the next exercise is done, is still said is left out, as it would
 * wait behind it and come late. Not within the countdown, which says the last seconds itself.
 */
export function restTimeCall(prev: SessionState, next: SessionState, speechRate: number): Cue[] {
  if (prev.restEndsMs === null || next.restEndsMs === null) return [];
  const leftBeforeS = wholeSecondsLeft(restLeftMs(prev));
  const leftS = wholeSecondsLeft(restLeftMs(next));
  const crossed = leftS < leftBeforeS && leftS % REST_CALL_EVERY_S === 0 && leftS > COUNTDOWN_S;
  if (!crossed || restCountdownFrom(next, speechRate) > next.nowMs) return [];
  return [sayTime(`${spokenDuration(leftS)} left`)];
}
