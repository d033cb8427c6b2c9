// When a rest's countdown goes on: a beat after the last line said of the rest, where that leaves it
// room.

import { currentPlanned, type SessionState } from '../workout/session.ts';
import { COUNTDOWN_RUN_MIN, countdownFirstNumber, lineOverMs } from './countdown.ts';
import { afterDropLinesMs, saidPauses } from './pause-lines.ts';
import {
  pickedUpRestLine,
  restGoesOnLine,
  restLineWaitsMs,
  restOpeningLine,
  resumedRestLine,
} from './rest-lines.ts';

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
