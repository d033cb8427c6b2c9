// The sets a session keeps, in words: the question before Finish, the voice after it, the summary,
// History and the other tabs count them by one rule (setOutcome), and none calls a set cut short done.

import { recordsKeptOnFinish } from './session.ts';
import type { SessionState, SetRecord } from './session-state.ts';
import { setOutcome } from './set-outcomes.ts';

/** The sets a session keeps: done, cut short (ended by a tap short of target), skipped with nothing. */
export interface SetsKept {
  readonly done: number;
  readonly cutShort: number;
  readonly skipped: number;
}

/** These sets told apart by how each counts (see setOutcome). */
export function setsKeptOf(records: readonly SetRecord[]): SetsKept {
  let done = 0;
  let cutShort = 0;
  let skipped = 0;
  for (const record of records) {
    const outcome = setOutcome(record);
    if (outcome === 'done') done++;
    else if (outcome === 'cut short') cutShort++;
    else skipped++;
  }
  return { done, cutShort, skipped };
}

/** The sets the session keeps if it is finished now (or has been), told apart. */
export function setsKeptOnFinishing(state: SessionState): SetsKept {
  return setsKeptOf(recordsKeptOnFinish(state));
}

/** The session is kept: a set of it was done, in full or in part. */
export function anyKept({ done, cutShort }: SetsKept): boolean {
  return done + cutShort > 0;
}

/**
 * "4 sets done, 2 cut short, 1 skipped", leaving out what did not happen, the numbers as `numeral`
 * writes them (the voice's in words). The `short` form, for the summary's and History's lines: "4
 * done, 2 cut short, 1 skipped", where "2 sets, 2 cut short, 2 skipped" read as two sets in all and
 * "1 set done, 3 cut short, 2 skipped" took two lines on a phone; "8 sets" where all were done. With
 * none done in full, the sets cut short come first: "0 sets done" would be heard as nothing kept.
 */
export function setsKeptText(
  { done, cutShort, skipped }: SetsKept,
  numeral: (n: number) => string = String,
  form: 'whole' | 'short' = 'whole',
): string {
  const sets = (n: number) => `${numeral(n)} set${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (done > 0 && form === 'whole') parts.push(`${sets(done)} done`);
  else if (done > 0) parts.push(cutShort + skipped === 0 ? sets(done) : `${numeral(done)} done`);
  if (cutShort > 0) parts.push(done > 0 ? `${numeral(cutShort)} cut short` : `${sets(cutShort)} cut short`);
  if (skipped > 0) parts.push(`${numeral(skipped)} skipped`);
  return parts.join(', ');
}

/** What Finish asks, on screen and in the voice's pause, over its answers "End session" and "Keep going". */
export const FINISH_ASKS = 'End the session?';

/** Finish's question, with what ending now would keep; with no set done, it is not kept: said before. */
export function finishQuestionText(sets: SetsKept): string {
  if (anyKept(sets)) return `${FINISH_ASKS} ${setsKeptText(sets)}`;
  const skipped = sets.skipped > 0 ? ` (${sets.skipped} skipped)` : '';
  return `${FINISH_ASKS} No sets done${skipped}, so it will not be kept`;
}

/**
 * When a session was interrupted: "after 3 sets done, 1 cut short, in the middle of …", the sets
 * counted as its summary will count them, or only where it stopped when none was done yet. The sets
 * skipped before they counted anything are left out: no news here, and the summary tells them apart.
 */
export function interruptedWhenText(sets: SetsKept, during: string | null): string {
  const kept = keptSoFarText(sets);
  if (kept === null) return during ?? 'before its first set';
  return `after ${kept}${during ? `, ${during}` : ''}`;
}

/**
 * "3 sets done, 1 cut short" of a session not over (interrupted, or recorded in another tab), as its
 * summary will count them, or null when none is; the sets skipped so far are no news there.
 */
export function keptSoFarText(sets: SetsKept): string | null {
  const kept = { ...sets, skipped: 0 };
  return anyKept(kept) ? setsKeptText(kept) : null;
}
