// A hold's time in whole seconds, as the set's timer, the voice, every screen and the exports say it.

import type { CurrentSet, SetRecord } from './session-state.ts';

/**
 * Whole seconds held, as the set's timer counts them: the voice, every screen and the exports say a
 * hold the same, from the set record's `holdMs` (a hold ended by a sag is dated to when form was last
 * good, a moment before the detectors could tell).
 */
export function heldS(holdMs: number): number {
  return Math.max(0, Math.floor(holdMs / 1000));
}

/**
 * How long the hold under way has been held at `nowMs`, as its clock shows it; null before it began.
 * While the person settles after "Go" (see CurrentSet.settlingInMs), only what the detectors saw held
 * still up to the movement: the seconds since are kept only if they are seen still again within
 * STILL_AGAIN_WITHIN_MS, so the clock stands until then, and goes on from "Go" once they are.
 */
export function heldSoFarMs(
  set: Pick<CurrentSet, 'holdStartMs' | 'settlingInMs'>,
  nowMs: number,
): number | null {
  if (set.holdStartMs === null) return null;
  return Math.max(0, Math.min(nowMs, set.settlingInMs ?? nowMs) - set.holdStartMs);
}

/** "45 s", "1 min", "1 min 7 s": for sentences, where 1:07 would read badly aloud. */
export function formatDuration(totalS: number): string {
  if (totalS < 60) return `${totalS} s`;
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** The seconds held over a session's sets: the sum of each hold as said and shown, not a second more. */
export function totalHeldS(records: readonly Pick<SetRecord, 'holdMs'>[]): number {
  return records.reduce((n, record) => n + (record.holdMs === null ? 0 : heldS(record.holdMs)), 0);
}
