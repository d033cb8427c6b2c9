// The words a set is told with that the rest screen, the table of sets and the CSV share, so that a
// set is said the same wherever it is read.

import { formatDuration, heldS } from './held-seconds.ts';
import { countText, cutShortSidesText, exerciseById } from './program.ts';
import type { SetRecord } from './session-state.ts';

/** A set counted each side, a bird dog's: a hold is timed, never counted by side. */
export function alternatesSides(set: Pick<SetRecord, 'exerciseId' | 'holdMs'>): boolean {
  return set.holdMs === null && exerciseById(set.exerciseId).alternatesSides;
}

/**
 * A hold broken by a pause told with its pause after what it did: "45 s, with a pause", "cut short at
 * 20 s of 45 s, with a pause", as the rest, the voice and the table of sets say it. "45 s" alone reads
 * as one hold kept whole, which the plan takes no step from.
 */
export function withPauseText(text: string, set: Pick<SetRecord, 'pausedInHold'>): string {
  return set.pausedInHold ? `${text}, ${WITH_A_PAUSE}` : text;
}

export const WITH_A_PAUSE = 'with a pause';

/** Words as a line or a label begins with them: "With a pause", "Watch". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Where a set a tap ended short of its target was: "cut short at 3 of 10 reps", "cut short at 1 min
 * 15 s of 1 min 30 s" (the time held and the target in one format, not "75 s of 90 s" in one place and
 * "1 min 15 s of 90 s" in another), a bird dog's reps then each side's, "cut short at 5 reps, 3 right
 * and 2 left". `count` words a target of reps or breaths, for the CSV's "breath cycles".
 */
export function cutShortText(
  set: Pick<SetRecord, 'exerciseId' | 'holdMs' | 'count' | 'target'>,
  count: (target: number) => string = (target) => countText(exerciseById(set.exerciseId), target),
): string {
  if (set.holdMs !== null)
    return `cut short at ${formatDuration(heldS(set.holdMs))} of ${formatDuration(set.target)}`;
  if (alternatesSides(set)) return `cut short at ${cutShortSidesText(set.count)}`;
  return `cut short at ${set.count} of ${count(set.target)}`;
}
