// What the set screen and the voice show of the set under way: its "Go", the bird dog's arm, why it
// came early, what saw the person begin, and a form warning.

import type { FormIssue } from '../motion/events.ts';
import type { CurrentSet } from './session-state.ts';

/** When the voice said the "Go" of a set under way (see CurrentSet.goSaidMs). */
export function goSaidAt(set: Pick<CurrentSet, 'startedMs' | 'goSaidMs'>): number {
  return set.goSaidMs ?? set.startedMs;
}

/** A bird dog's arm for the next rep: the right after an even count, as the set starts on the right. */
export function nextArm(set: Pick<CurrentSet, 'count'>): 'right' | 'left' {
  return armOfRep(set.count + 1).arm;
}

/**
 * The arm of a bird dog set's rep `n` (from 1), and which of that arm's reps it is: the set starts on
 * the right and alternates, so rep 5 is the right arm's third, as the screen's "Next: right arm" had it.
 */
export function armOfRep(n: number): { readonly arm: 'right' | 'left'; readonly ofArm: number } {
  return { arm: n % 2 === 1 ? 'right' : 'left', ofArm: Math.ceil(n / 2) };
}

/**
 * A form warning stays on the set screen this long after the detectors saw the problem: time to look
 * up from the mat at the voice, or to read it in place of a voice that was missed, without it staying
 * on over the reps done well after it. (The detectors report each problem once, when it happens.)
 */
export const FORM_WARNING_SHOWN_MS = 10_000;

/** Why the set came before its rest was over is shown at most this long into the set. */
export const RECOVERED_SHOWN_MS = 10_000;

/**
 * Whether the set screen says that the rest ended early because the heart rate had recovered: all the
 * while the person gets into position, then the first seconds of the set, until it counts something.
 */
export function showsRecovery(set: CurrentSet, nowMs: number): boolean {
  if (!set.afterRecovery) return false;
  if (set.waiting) return true;
  return set.count === 0 && set.holdStartMs === null && nowMs - set.startedMs < RECOVERED_SHOWN_MS;
}

/**
 * How the voice's "Go" and the screen before it name what the device saw as the set began: "In
 * position" where it saw the position, "Ready" where it saw a still wrist (a watch cannot tell lying
 * face down from sitting); null where nothing saw the person, who is told "Go" and no more.
 */
export function startSeenWord(set: Pick<CurrentSet, 'startSeen'>): 'In position' | 'Ready' | null {
  switch (set.startSeen) {
    case 'position':
      return 'In position';
    case 'stillness':
      return 'Ready';
    default:
      return null;
  }
}

/**
 * Whether the set screen shows the set under way, or still where to be. A set begun as the person was
 * seen in position is under way from the voice's "Go", which may wait twenty seconds behind a first
 * set's instructions: the person on the mat goes by what they hear, and a screen that moved on before
 * it told them to go while the voice still said how to lie. Under way at once when something is counted
 * (the person set off early), when a tap began it (the screen answers the tap), and when it never
 * waited for a position (nothing sees it: the person counts on screen).
 */
export function showsSetUnderWay(set: CurrentSet): boolean {
  if (set.waiting === undefined) return true;
  if (set.waiting) return false;
  return set.goHeardMs !== undefined || set.begunByHand === true || set.count > 0 || set.holdStartMs !== null;
}

/** The form problem the set screen shows now, if the detectors saw one within FORM_WARNING_SHOWN_MS. */
export function shownFormIssue(set: CurrentSet, nowMs: number): FormIssue | null {
  const warning = set.formWarning;
  if (!warning || nowMs - warning.atMs >= FORM_WARNING_SHOWN_MS) return null;
  return warning.issue;
}
