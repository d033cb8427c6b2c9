// What a hold says while it runs: "Hold" as it becomes known, its time every fifteen seconds, a plank's
// goal, and the countdown to the end of a hold that ends at its target.

import { heldS } from '../workout/held-seconds.ts';
import type { Exercise } from '../workout/program.ts';
import type { CurrentSet } from '../workout/session.ts';
import { capitalised } from '../workout/set-words.ts';
import { COUNTDOWN_S, countdown, lineOverMs } from './countdown.ts';
import { type Cue, say, sayTime, tone } from './cue.ts';
import { spokenDuration } from './spoken-words.ts';

/** A running hold's time is called out at every multiple of this, so the person knows where they are. */
export const HOLD_CALL_EVERY_S = 15;

/**
 * A hold's time call, and each number of its countdown, is said this far into the second it names,
 * not as it begins: the detectors tell of a hold's end a moment after it (in synthetic-seven, a median
 * 0.04 s for a plank and 0.2 s for a drawing-in, nine in ten within 0.31 s), so a hold that ended
 * short of the call is known to have by then and is not called ("thirty seconds" then "Done:
 * twenty-nine seconds", or "five" a breath before "Done: fourteen seconds"). Still within the second,
 * as the ring shows it; "one" still ends before a drawing-in's "Done" at its target.
 */
export const HOLD_CALL_AFTER_MS = 500;

/** The shortest opening line of a hold: with it, no number of the countdown is left out. */
const HOLD = 'Hold';

/**
 * Whether a hold is counted down to its target: one that ends there (a drawing-in). A hold that goes
 * on past its goal while form holds (a plank) is not: "five … two, one" was heard in a plank as the
 * end of it, and the person dropped; its goal is marked by its tone and line (see holdProgress).
 */
export function countsDown(exercise: Exercise): boolean {
  return exercise.holdEndsAtTarget;
}

/**
 * From when the countdown of a hold that has one (see countsDown) may go on, once its opening line is said. After "Hold" alone, at
 * once: a number due while it is said waits for its end (0.3 s), well within its second. After a
 * longer line, a beat after it and not before it is over, which holdStartLine chose it for.
 */
export function countdownAfterHoldMs(set: CurrentSet, targetMs: number, speechRate: number): number {
  if (set.holdConfirmedMs === undefined || set.holdStartMs === null) return Number.NEGATIVE_INFINITY;
  const line = holdStartLine(set.holdStartMs, set.holdConfirmedMs, targetMs, speechRate, true);
  return line === HOLD ? set.holdConfirmedMs : holdLineOverMs(line, set.holdConfirmedMs, speechRate);
}

/** When the countdown may follow `line`, said at `saidMs`: a beat after it, and not before it is over. */
function holdLineOverMs(line: string, saidMs: number, speechRate: number): number {
  return saidMs + lineOverMs(line, speechRate);
}

/**
 * The line said as a hold becomes known, at `confirmedMs`: "Hold. Two seconds in" where that is over,
 * a beat before it, by the first number of the countdown still to come; "Hold" otherwise. A countdown
 * never leaves out a number the person waits for: a drawing-in of 5 s heard "Hold five seconds" then
 * "three", "four" lost while the line was still being said. (A number whose second was under way as
 * "Hold" came is past.) A hold with no countdown (`withCountdown` false) has the whole line. The
 * hold's length is not said again: the set's line said it.
 */
export function holdStartLine(
  holdStartMs: number,
  confirmedMs: number,
  targetMs: number,
  speechRate: number,
  withCountdown: boolean,
): string {
  const line = holdStartText(confirmedMs - holdStartMs);
  if (!withCountdown) return line;
  const countedToMs = holdCountdownEndMs(holdStartMs, targetMs);
  // The countdown's numbers are said on whole seconds before it runs out: the first one said after now.
  const firstNumber = Math.min(COUNTDOWN_S, Math.ceil((countedToMs - confirmedMs) / 1000) - 1);
  if (firstNumber < 1) return line;
  const firstNumberMs = countedToMs - firstNumber * 1000;
  return holdLineOverMs(line, confirmedMs, speechRate) <= firstNumberMs ? line : HOLD;
}

/**
 * Where a hold's countdown runs out, as the voice says it: HOLD_CALL_AFTER_MS past the goal, so that
 * each number comes that far into the second it names (see HOLD_CALL_AFTER_MS).
 */
function holdCountdownEndMs(holdStartMs: number, targetMs: number): number {
  return holdStartMs + targetMs + HOLD_CALL_AFTER_MS;
}

/**
 * A time call ("forty-five seconds", some 1.5 s to say) is left out this close before a plank's goal:
 * the goal's line would wait behind it, late for the second it marks.
 */
const TIME_CALL_CLEAR_OF_GOAL_S = 2;

export function holdProgress(
  exercise: Exercise,
  holdStartMs: number,
  targetMs: number,
  fromMs: number,
  toMs: number,
  countdownFromMs: () => number,
): Cue[] {
  const goalMs = holdStartMs + targetMs;
  const countedToMs = holdCountdownEndMs(holdStartMs, targetMs);
  // When "Hold" lets the countdown go on is worked out only on the ticks that have a number due.
  const due = countsDown(exercise) ? countdown(countedToMs, fromMs, countedToMs, toMs) : [];
  const cues = due.length > 0 && toMs >= countdownFromMs() ? due : [];
  if (cues.length > 0) return cues;
  // A plank goes on past its goal for as long as form holds: mark the goal, with no countdown to it.
  if (!exercise.holdEndsAtTarget && fromMs < goalMs && toMs >= goalMs) {
    return [tone('hold-start'), say('That is your goal. Keep holding while your form is good')];
  }
  const fromS = Math.floor((fromMs - holdStartMs - HOLD_CALL_AFTER_MS) / 1000);
  const toS = Math.floor((toMs - holdStartMs - HOLD_CALL_AFTER_MS) / 1000);
  const call = Math.floor(toS / HOLD_CALL_EVERY_S) * HOLD_CALL_EVERY_S;
  const remainingS = (goalMs - toMs) / 1000;
  // Not over the countdown, and not right at the end of a hold that stops by itself; not over a
  // plank's goal line either, which marks that second itself.
  const quietBeforeS = countsDown(exercise) ? COUNTDOWN_S + 2 : TIME_CALL_CLEAR_OF_GOAL_S;
  const quiet = remainingS <= quietBeforeS && remainingS > -1;
  if (call > fromS && call <= toS && call > 0 && !quiet) return [sayTime(spokenDuration(call))];
  return [];
}

/**
 * A hold confirmed this long after the stillness it is timed from says what is already held: the
 * ring shows it from the moment the hold is known, and the person hears that the seconds before
 * "Hold" counted. A second less is the lag of any confirmation, and "one second held" tells nothing.
 */
const HELD_WORTH_SAYING_S = 2;

/**
 * "Hold"; confirmed `heldMs` after the stillness it is timed from, with what is already held: "Hold.
 * Three seconds in". The length is the set's line's to say ("Drawing-in, one set. Hold forty-five
 * seconds"): said again here, the person heard it twice.
 */
function holdStartText(heldMs: number): string {
  const held = heldS(heldMs);
  return held >= HELD_WORTH_SAYING_S ? `${HOLD}. ${capitalised(spokenDuration(held))} in` : HOLD;
}
