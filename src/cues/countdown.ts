// The countdown at the end of a hold and of a rest: its numbers, and the room the line before it must
// leave it.

import type { Cue } from './cue.ts';
import { spokenMs, spokenNumber } from './spoken-words.ts';

/** Seconds counted down at the end of a hold and of a rest. */
export const COUNTDOWN_S = 5;

/**
 * A number of the countdown at the end of a hold or a rest: it tells the person when to stop, and it
 * is true only in its second, so the announcement still being said gives way to it (a reply is still
 * heard first). The line before it is made to end a beat earlier, but a voice slower than
 * SPOKEN_MS_PER_CHAR reckons ran a rest's line, with how the next exercise is done, into it: "five"
 * and "four" waited behind it, went stale, and the countdown began at "three".
 */
const sayCountdown = (text: string): Cue => ({ kind: 'say', text, interrupt: true, topic: 'time' });

/**
 * A beat of the countdown: a longer opening line of a hold is given at least this long before the
 * countdown's next number, as each number is given before the next.
 */
const COUNTDOWN_BEAT_MS = 1000;

/**
 * "Five", "four", … "one" as the whole seconds left cross each value. A late tick that skips seconds
 * says only the latest, so the count never falls behind the clock.
 */
export function countdown(
  prevEndMs: number | null,
  prevNowMs: number,
  endMs: number | null,
  nowMs: number,
): Cue[] {
  if (endMs === null || prevEndMs === null) return [];
  const before = Math.ceil((prevEndMs - prevNowMs) / 1000);
  const after = Math.ceil((endMs - nowMs) / 1000);
  if (after >= before || after < 1 || after > COUNTDOWN_S) return [];
  return [sayCountdown(spokenNumber(after))];
}

/** How long after a rest's line is begun its countdown may go on: a beat, or the line's length. */
export function lineOverMs(line: string, speechRate: number): number {
  return Math.max(COUNTDOWN_BEAT_MS, spokenMs(line, speechRate));
}

/**
 * The first number of a countdown that may begin with `leftMs` of the rest left: a number is said as
 * its second begins, so the first said is the first to begin after that.
 */
export function countdownFirstNumber(leftMs: number): number {
  return Math.min(COUNTDOWN_S, Math.floor(leftMs / 1000));
}

/**
 * The fewest numbers a countdown is said with: "three, two, one". After a line that leaves room for
 * less, "one" alone, or "two, one", sounds like a stray count, not the rest running out.
 */
export const COUNTDOWN_RUN_MIN = 3;
